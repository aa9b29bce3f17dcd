{{ config(materialized='incremental', unique_key='medication_request_id', incremental_strategy='delete+insert', on_schema_change='fail') }}

with

source as (

    select * from {{ source('fhir', 'medication_request') }}
    {% if is_incremental() %}
        where {{ aegis.fhir_received_since_last_load(this) }}
    {% endif %}

),

latest_versions as (

    {{ aegis.fhir_latest_versions('source', stored_id_column='medication_request_id') }}

),

renamed as (

    select
        -- ids
        resource_id as medication_request_id,
        {{ aegis.fhir_reference_id(aegis.json_text('resource', ['subject', 'reference'])) }} as patient_id,
        {{ aegis.fhir_reference_id(aegis.json_text('resource', ['encounter', 'reference'])) }} as encounter_id,
        {{ aegis.json_text('resource', ['requester', 'identifier', 'value']) }} as prescriber_npi,

        -- strings
        {{ aegis.json_text('resource', ['medicationCodeableConcept', 'coding', 0, 'code']) }} as rxnorm_code,
        {{ aegis.json_text('resource', ['medicationCodeableConcept', 'coding', 0, 'display']) }} as medication_name,
        {{ aegis.json_text('resource', ['status']) }} as status,
        {{ aegis.json_text('resource', ['intent']) }} as intent,

        -- timestamps
        {{ aegis.parse_fhir_timestamp(aegis.json_text('resource', ['authoredOn'])) }} as authored_at,

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
