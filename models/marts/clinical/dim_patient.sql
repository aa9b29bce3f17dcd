-- One row per patient (latest FHIR version). Identifiers stay in clear here: the governance layer masks
-- them per tier from the column classification.
-- Incremental (docs/incremental.md): the patients received since the table's watermark (every column comes
-- from the patient's own row and the period vars).
{{ config(**aegis.aegis_incremental_fact('patient_id', 'stg_fhir__patients', distribute_by='patient_id')) }}
with

staged_patients as {{ aegis.aegis_cte_not_materialized() }} (
    select * from {{ ref('stg_fhir__patients') }}
),

patients as (
    {{ aegis.aegis_rows_to_derive('staged_patients', 'patient_id') }}
),

final as (
    select
        cast(patient_id as varchar) as patient_id,
        cast(mrn as varchar) as mrn,
        -- computed once here, read by the phi_limited tier as patient_id and mrn (docs/governance.md)
        {{ aegis.aegis_pseudonym('cast(patient_id as varchar)') }} as patient_id_pseudonym,
        {{ aegis.aegis_pseudonym('cast(mrn as varchar)') }} as mrn_pseudonym,
        cast(ssn as varchar) as ssn,
        cast(given_name as varchar) as given_name,
        cast(family_name as varchar) as family_name,
        cast(gender as varchar) as gender,
        cast(marital_status_code as varchar) as marital_status_code,
        cast(language_code as varchar) as language_code,
        cast(street_address as varchar) as street_address,
        cast(city as varchar) as city,
        cast(county as varchar) as county,
        cast(state as varchar) as state,
        cast(zip_code as varchar) as zip_code,
        cast(phone as varchar) as phone,
        cast(email as varchar) as email,
        {{ age_in_years('birth_date', "cast('" ~ var('aegis_period_end') ~ "' as date)") }} as age_at_period_end,
        deceased_at is not null as is_deceased,
        cast(birth_date as date) as birth_date,
        cast({{ to_utc_timestamp('deceased_at') }} as date) as death_date,
        {{ to_utc_timestamp('last_updated_at') }} as last_updated_at,
        -- the watermark of the incremental runs
        {{ to_utc_timestamp('received_at') }} as received_at
    from patients
)

select * from final
