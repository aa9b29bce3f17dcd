-- One row per procedure (latest FHIR version), coded in HCPCS Level II or SNOMED CT, with the 42 CFR Part 2 mark of
-- staging (substance-use services) carried so the row policy hides those rows from other tiers.
{{ config(**aegis.aegis_physical_design(distribute_by='patient_id', sort_by=['performed_date'])) }}
with

procedures as (
    select * from {{ ref('stg_fhir__procedures') }}
),

final as (
    select
        cast(procedure_id as varchar) as procedure_id,
        cast(patient_id as varchar) as patient_id,
        cast(encounter_id as varchar) as encounter_id,
        cast(performer_npi as varchar) as performer_npi,
        cast(hcpcs_code as varchar) as hcpcs_code,
        cast(snomed_code as varchar) as snomed_code,
        cast(status as varchar) as status,
        cast({{ to_utc_timestamp('performed_at') }} as date) as performed_date,
        {{ to_utc_timestamp('performed_at') }} as performed_at,
        cast(is_part2_sensitive as boolean) as is_part2_sensitive
    from procedures
)

select * from final
