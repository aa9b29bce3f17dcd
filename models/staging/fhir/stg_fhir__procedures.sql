{{ config(materialized='incremental', unique_key='procedure_id', incremental_strategy='delete+insert', on_schema_change='fail') }}

with

source as (

    select * from {{ source('fhir', 'procedure') }}
    {% if is_incremental() %}
        where {{ aegis.fhir_received_since_last_load(this) }}
    {% endif %}

),

latest_versions as (

    {{ aegis.fhir_latest_versions('source', stored_id_column='procedure_id') }}

),

renamed as (

    select
        -- ids
        resource_id as procedure_id,
        {{ aegis.fhir_reference_id(aegis.json_text('resource', ['subject', 'reference'])) }} as patient_id,
        {{ aegis.fhir_reference_id(aegis.json_text('resource', ['encounter', 'reference'])) }} as encounter_id,
        {{ aegis.json_text('resource', ['performer', 0, 'actor', 'identifier', 'value']) }} as performer_npi,

        -- strings
        {{ aegis.json_text('resource', ['code', 'coding', 0, 'code']) }} as hcpcs_code,
        {{ aegis.json_text('resource', ['status']) }} as status,

        -- timestamps
        {{ aegis.parse_fhir_timestamp(aegis.json_text('resource', ['performedDateTime'])) }} as performed_at,

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
