-- One row per observation (latest FHIR version): labs and vital signs with their LOINC code and value.
{{ config(**aegis.aegis_physical_design(distribute_by='patient_id', sort_by=['effective_date'])) }}
with

observations as (
    select * from {{ ref('stg_fhir__observations') }}
),

final as (
    select
        cast(observation_id as varchar) as observation_id,
        cast(patient_id as varchar) as patient_id,
        cast(encounter_id as varchar) as encounter_id,
        cast(loinc_code as varchar) as loinc_code,
        cast(category as varchar) as category,
        cast(status as varchar) as status,
        cast(value_unit as varchar) as value_unit,
        cast(value_numeric as numeric(18, 4)) as value_numeric,
        cast({{ to_utc_timestamp('effective_at') }} as date) as effective_date,
        {{ to_utc_timestamp('effective_at') }} as effective_at
    from observations
)

select * from final
