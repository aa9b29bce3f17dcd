{{ config(materialized='incremental', unique_key='explanation_of_benefit_id', incremental_strategy='delete+insert', on_schema_change='fail') }}

with

source as (

    select * from {{ source('fhir', 'explanation_of_benefit') }}
    {% if is_incremental() %}
        where {{ aegis.fhir_received_since_last_load(this) }}
    {% endif %}

),

latest_versions as (

    {{ aegis.fhir_latest_versions('source', stored_id_column='explanation_of_benefit_id') }}

),

renamed as (

    select
        -- ids
        resource_id as explanation_of_benefit_id,
        {{ aegis.fhir_reference_id(aegis.json_text('resource', ['claim', 'reference'])) }} as claim_id,
        {{ aegis.fhir_claim_header_columns('resource') }},

        -- strings (EOB only)
        {{ aegis.json_text('resource', ['outcome']) }} as outcome,

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
