{{ config(materialized='incremental', unique_key='observation_id', incremental_strategy='delete+insert', on_schema_change='fail') }}

with

source as (

    select * from {{ source('fhir', 'observation') }}
    {% if is_incremental() %}
        where {{ aegis.fhir_received_since_last_load(this) }}
    {% endif %}

),

latest_versions as (

    {{ aegis.fhir_latest_versions('source', stored_id_column='observation_id') }}

),

renamed as (

    select
        -- ids
        resource_id as observation_id,
        {{ aegis.fhir_reference_id(aegis.json_text('resource', ['subject', 'reference'])) }} as patient_id,
        {{ aegis.fhir_reference_id(aegis.json_text('resource', ['encounter', 'reference'])) }} as encounter_id,

        -- strings
        {{ aegis.json_text('resource', ['code', 'coding', 0, 'code']) }} as loinc_code,
        {{ aegis.json_text('resource', ['category', 0, 'coding', 0, 'code']) }} as category,
        {{ aegis.json_text('resource', ['status']) }} as status,
        {{ aegis.json_text('resource', ['valueQuantity', 'unit']) }} as value_unit,

        -- numerics
        {{ aegis.json_number('resource', ['valueQuantity', 'value']) }} as value_numeric,

        -- timestamps
        {{ aegis.parse_fhir_timestamp(aegis.json_text('resource', ['effectiveDateTime'])) }} as effective_at,

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
