{{ config(materialized='incremental', unique_key='coverage_id', incremental_strategy='delete+insert', on_schema_change='fail') }}

with

source as (

    select * from {{ source('fhir', 'coverage') }}
    {% if is_incremental() %}
        where {{ aegis.fhir_received_since_last_load(this) }}
    {% endif %}

),

latest_versions as (

    {{ aegis.fhir_latest_versions('source', stored_id_column='coverage_id') }}

),

renamed as (

    select
        -- ids
        resource_id as coverage_id,
        {{ aegis.fhir_reference_id(aegis.json_text('resource', ['beneficiary', 'reference'])) }} as patient_id,
        {{ aegis.json_text('resource', ['subscriberId']) }} as subscriber_id,

        -- strings
        {{ aegis.json_text('resource', ['payor', 0, 'display']) }} as payer_name,
        {{ aegis.json_text('resource', ['type', 'coding', 0, 'code']) }} as plan_type,
        {{ aegis.json_text('resource', ['status']) }} as status,

        -- dates
        {{ aegis.parse_fhir_date(aegis.json_text('resource', ['period', 'start'])) }} as coverage_start_date,
        {{ aegis.parse_fhir_date(aegis.json_text('resource', ['period', 'end'])) }} as coverage_end_date,

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
