{{ config(materialized='incremental', unique_key='patient_id', incremental_strategy='delete+insert', on_schema_change='fail') }}

with

source as (

    select * from {{ source('fhir', 'patient') }}
    {% if is_incremental() %}
        where {{ aegis.fhir_received_since_last_load(this) }}
    {% endif %}

),

latest_versions as (

    {{ aegis.fhir_latest_versions('source', stored_id_column='patient_id') }}

),

renamed as (

    select
        -- ids
        resource_id as patient_id,
        {{ aegis.json_text('resource', ['identifier', 0, 'value']) }} as mrn,
        {{ aegis.json_text('resource', ['identifier', 1, 'value']) }} as ssn,

        -- strings
        {{ aegis.json_text('resource', ['name', 0, 'family']) }} as family_name,
        {{ aegis.json_text('resource', ['name', 0, 'given', 0]) }} as given_name,
        {{ aegis.json_text('resource', ['gender']) }} as gender,
        {{ aegis.json_text('resource', ['address', 0, 'line', 0]) }} as street_address,
        {{ aegis.json_text('resource', ['address', 0, 'city']) }} as city,
        {{ aegis.json_text('resource', ['address', 0, 'district']) }} as county,
        {{ aegis.json_text('resource', ['address', 0, 'state']) }} as state,
        {{ aegis.json_text('resource', ['address', 0, 'postalCode']) }} as zip_code,
        {{ aegis.json_text('resource', ['telecom', 0, 'value']) }} as phone,
        {{ aegis.json_text('resource', ['telecom', 1, 'value']) }} as email,
        {{ aegis.json_text('resource', ['maritalStatus', 'coding', 0, 'code']) }} as marital_status_code,
        {{ aegis.json_text('resource', ['communication', 0, 'language', 'coding', 0, 'code']) }} as language_code,

        -- dates
        {{ aegis.parse_fhir_date(aegis.json_text('resource', ['birthDate'])) }} as birth_date,

        -- timestamps
        {{ aegis.parse_fhir_timestamp(aegis.json_text('resource', ['deceasedDateTime'])) }} as deceased_at,

        -- envelope
        event_id,
        version_id,
        last_updated_at,
        received_at

    from latest_versions

),

final as (

    select * from renamed

)

select * from final
