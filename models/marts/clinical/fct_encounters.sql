-- One row per encounter (all classes), with the inpatient stay it belongs to (IMP only) and the Part 2
-- flag when its reason code is a substance-use diagnosis.
-- Incremental (docs/incremental.md): the encounters received since the table's watermark, and those whose
-- stay changed.
{{ config(**aegis.aegis_incremental_fact(
    'encounter_id', 'stg_fhir__encounters', distribute_by='patient_id', sort_by=['encounter_start_date'],
)) }}
with

staged_encounters as {{ aegis.aegis_cte_not_materialized() }} (
    select * from {{ ref('stg_fhir__encounters') }}
),

stay_encounters as (
    select * from {{ ref('int_encounters_assigned_to_stays') }}
),

{% if is_incremental() %}
-- A stay is derived across a patient's encounters: a new, changed or deleted encounter can merge, split or
-- rename the stay of older ones. Those older rows are derived again: every stored row whose stay is not
-- the current one (stays are few next to encounters; this reads two columns of the table).
    restayed_encounters as (
        select stay_encounters.encounter_id
        from stay_encounters
        left join {{ this }} as stored
            on stay_encounters.encounter_id = stored.encounter_id
        where stored.stay_id is null or stored.stay_id <> stay_encounters.stay_id
        union
        select stored.encounter_id
        from {{ this }} as stored
        left join stay_encounters
            on stored.encounter_id = stay_encounters.encounter_id
        where stored.stay_id is not null and stay_encounters.encounter_id is null
    ),
{% endif %}

encounters as (
    {{ aegis.aegis_rows_to_derive('staged_encounters', 'encounter_id', 'restayed_encounters') }}
),

chronic_condition_groups as (
    select * from {{ ref('chronic_condition_groups') }}
),

part2_encounters as (
    {{ part2_sensitive_keys('encounters', 'encounter_id', 'reason_icd10cm_code', 'chronic_condition_groups') }}
),

final as (
    select
        cast(encounters.encounter_id as varchar) as encounter_id,
        cast(encounters.patient_id as varchar) as patient_id,
        cast(stay_encounters.stay_id as varchar) as stay_id,
        -- computed once here, read by the phi_limited tier as the three ids (docs/governance.md)
        {{ aegis.aegis_pseudonym('cast(encounters.encounter_id as varchar)') }} as encounter_id_pseudonym,
        {{ aegis.aegis_pseudonym('cast(encounters.patient_id as varchar)') }} as patient_id_pseudonym,
        {{ aegis.aegis_pseudonym('cast(stay_encounters.stay_id as varchar)') }} as stay_id_pseudonym,
        cast(encounters.facility_npi as varchar) as facility_npi,
        cast(encounters.encounter_class as varchar) as encounter_class,
        cast(encounters.status as varchar) as status,
        cast(encounters.reason_icd10cm_code as varchar) as reason_icd10cm_code,
        cast(encounters.discharge_disposition_code as varchar) as discharge_disposition_code,
        -- the staging mark (reason in ICD-10-CM or SNOMED CT) or the reason-code rule of the seed
        (
            coalesce(encounters.is_part2_sensitive, false)
            or part2_encounters.encounter_id is not null
        ) as is_part2_sensitive,
        cast({{ to_utc_timestamp('encounters.period_start_at') }} as date) as encounter_start_date,
        {{ to_utc_timestamp('encounters.period_start_at') }} as period_start_at,
        {{ to_utc_timestamp('encounters.period_end_at') }} as period_end_at,
        -- the watermark of the incremental runs
        {{ to_utc_timestamp('encounters.received_at') }} as received_at
    from encounters
    left join stay_encounters
        on encounters.encounter_id = stay_encounters.encounter_id
    left join part2_encounters
        on encounters.encounter_id = part2_encounters.encounter_id
)

select * from final
{{ aegis.aegis_physical_order() }}
