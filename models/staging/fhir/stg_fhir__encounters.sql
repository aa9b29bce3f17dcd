{{ config(materialized='incremental', unique_key='encounter_id', incremental_strategy='delete+insert', on_schema_change='fail') }}

with

source as (

    select * from {{ source('fhir', 'encounter') }}
    {% if is_incremental() %}
        where {{ aegis.fhir_received_since_last_load(this) }}
    {% endif %}

),

latest_versions as (

    {{ aegis.fhir_latest_versions('source', stored_id_column='encounter_id') }}

),

renamed as (

    select
        -- ids
        resource_id as encounter_id,
        {{ aegis.fhir_reference_id(aegis.json_text('resource', ['subject', 'reference'])) }} as patient_id,
        {{ aegis.json_text('resource', ['serviceProvider', 'identifier', 'value']) }} as facility_npi,

        -- strings
        {{ aegis.json_text('resource', ['class', 'code']) }} as encounter_class,
        {{ aegis.json_text('resource', ['status']) }} as status,
        {{ aegis.json_text('resource', ['reasonCode', 0, 'coding', 0, 'code']) }} as reason_icd10cm_code,
        {{ aegis.json_text('resource', ['hospitalization', 'dischargeDisposition', 'coding', 0, 'code']) }}
            as discharge_disposition_code,

        -- timestamps
        {{ aegis.parse_fhir_timestamp(aegis.json_text('resource', ['period', 'start'])) }} as period_start_at,
        {{ aegis.parse_fhir_timestamp(aegis.json_text('resource', ['period', 'end'])) }} as period_end_at,

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
