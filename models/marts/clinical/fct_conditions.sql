-- One row per condition (latest FHIR version), with how many chronic condition groups it maps to and the
-- 42 CFR Part 2 flag for substance-use diagnoses.
-- Incremental (docs/incremental.md): the conditions received since the table's watermark. Every column is
-- derived from the condition's own row (its groups come from its own codes and the seeds).
{{ config(**aegis.aegis_incremental_fact(
    'condition_id', 'stg_fhir__conditions', distribute_by='patient_id', sort_by=['onset_date'],
)) }}
with

staged_conditions as {{ aegis.aegis_cte_not_materialized() }} (
    select * from {{ ref('stg_fhir__conditions') }}
),

conditions as (
    {{ aegis.aegis_rows_to_derive('staged_conditions', 'condition_id') }}
),

conditions_in_groups as (
    select * from {{ ref('int_conditions_mapped_to_chronic_groups') }}
),

condition_group_summary as (
    select
        condition_id,
        count(*) as chronic_group_count,
        max(case when is_part2_sensitive then 1 else 0 end) as part2_flag
    from conditions_in_groups
    group by condition_id
),

final as (
    select
        cast(conditions.condition_id as varchar) as condition_id,
        cast(conditions.patient_id as varchar) as patient_id,
        cast(conditions.encounter_id as varchar) as encounter_id,
        cast(conditions.icd10cm_code as varchar) as icd10cm_code,
        cast(conditions.clinical_status as varchar) as clinical_status,
        cast(coalesce(condition_group_summary.chronic_group_count, 0) as integer) as chronic_group_count,
        coalesce(condition_group_summary.part2_flag, 0) = 1 as is_part2_sensitive,
        cast(conditions.onset_date as date) as onset_date,
        cast(conditions.recorded_date as date) as recorded_date,
        cast(conditions.abatement_date as date) as abatement_date,
        -- the watermark of the incremental runs
        {{ to_utc_timestamp('conditions.received_at') }} as received_at
    from conditions
    left join condition_group_summary
        on conditions.condition_id = condition_group_summary.condition_id
)

select * from final
{{ aegis.aegis_physical_order() }}
