-- One row per prescription (latest FHIR MedicationRequest version) coded in RxNorm, with the 42 CFR
-- Part 2 mark of staging (medication for addiction treatment) carried for the row policy.
{{ config(**aegis.aegis_physical_design(distribute_by='patient_id', sort_by=['authored_date'])) }}
with

medication_requests as (
    select * from {{ ref('stg_fhir__medication_requests') }}
),

final as (
    select
        cast(medication_request_id as varchar) as medication_request_id,
        cast(patient_id as varchar) as patient_id,
        cast(encounter_id as varchar) as encounter_id,
        cast(prescriber_npi as varchar) as prescriber_npi,
        cast(rxnorm_code as varchar) as rxnorm_code,
        cast(medication_name as varchar) as medication_name,
        cast(status as varchar) as status,
        cast(intent as varchar) as intent,
        cast({{ to_utc_timestamp('authored_at') }} as date) as authored_date,
        {{ to_utc_timestamp('authored_at') }} as authored_at,
        cast(is_part2_sensitive as boolean) as is_part2_sensitive
    from medication_requests
)

select * from final
