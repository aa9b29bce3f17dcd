{{ config(materialized='incremental', unique_key='condition_id', incremental_strategy='delete+insert', on_schema_change='fail') }}

with

source as (

    select * from {{ source('fhir', 'condition') }}
    {% if is_incremental() %}
        where {{ aegis.fhir_received_since_last_load(this) }}
    {% endif %}

),

latest_versions as (

    {{ aegis.fhir_latest_versions('source', stored_id_column='condition_id') }}

),

renamed as (

    select
        -- ids
        resource_id as condition_id,
        {{ aegis.fhir_reference_id(aegis.json_text('resource', ['subject', 'reference'])) }} as patient_id,
        {{ aegis.fhir_reference_id(aegis.json_text('resource', ['encounter', 'reference'])) }} as encounter_id,

        -- strings
        {{ aegis.json_text('resource', ['code', 'coding', 0, 'code']) }} as icd10cm_code,
        {{ aegis.json_text('resource', ['clinicalStatus', 'coding', 0, 'code']) }} as clinical_status,

        -- dates
        {{ aegis.parse_fhir_date(aegis.json_text('resource', ['onsetDateTime'])) }} as onset_date,
        {{ aegis.parse_fhir_date(aegis.json_text('resource', ['recordedDate'])) }} as recorded_date,
        {{ aegis.parse_fhir_date(aegis.json_text('resource', ['abatementDateTime'])) }} as abatement_date,

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
