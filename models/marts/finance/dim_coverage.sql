-- One row per coverage (latest FHIR version): who is covered, by which payer and plan type, and when.
-- Incremental (docs/incremental.md): the coverages received since the table's watermark (every column comes
-- from the coverage's own row and the period vars).
{{ config(**aegis.aegis_incremental_fact(
    'coverage_id', 'stg_fhir__coverages', distribute_by='patient_id', sort_by=['coverage_start_date'],
)) }}
with

staged_coverages as {{ aegis.aegis_cte_not_materialized() }} (
    select * from {{ ref('stg_fhir__coverages') }}
),

coverages as (
    {{ aegis.aegis_rows_to_derive('staged_coverages', 'coverage_id') }}
),

final as (
    select
        cast(coverage_id as varchar) as coverage_id,
        cast(patient_id as varchar) as patient_id,
        cast(subscriber_id as varchar) as subscriber_id,
        cast(payer_name as varchar) as payer_name,
        cast(plan_type as varchar) as plan_type,
        cast(status as varchar) as status,
        (
            status = 'active'
            and coverage_start_date <= cast('{{ var("aegis_period_end") }}' as date)
            and (
                coverage_end_date is null
                or coverage_end_date >= cast('{{ var("aegis_period_start") }}' as date)
            )
        ) as is_active_in_period,
        cast(coverage_start_date as date) as coverage_start_date,
        cast(coverage_end_date as date) as coverage_end_date,
        -- the watermark of the incremental runs
        {{ to_utc_timestamp('received_at') }} as received_at
    from coverages
)

select * from final
{{ aegis.aegis_physical_order() }}
