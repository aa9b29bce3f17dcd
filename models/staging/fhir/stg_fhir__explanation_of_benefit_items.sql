{{ config(materialized='incremental', unique_key='explanation_of_benefit_id', incremental_strategy='delete+insert', on_schema_change='fail') }}

{#- unique_key is the header id on purpose: delete+insert then replaces every line of an EOB whose newer
    version arrives, so lines dropped by the new version disappear too. -#}

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

items as (

    select
        latest_versions.resource_id,
        latest_versions.resource,
        {{ aegis.json_array_element('eob_items') }} as item,
        latest_versions.event_id,
        latest_versions.version_id,
        latest_versions.last_updated_at,
        latest_versions.received_at
    from latest_versions
    {{ aegis.json_array_unnest('latest_versions.resource', ['item'], 'eob_items') }}

),

renamed as (

    select
        -- ids
        resource_id as explanation_of_benefit_id,
        {{ aegis.json_number('item', ['sequence'], dbt.type_int()) }} as line_number,
        {{ aegis.fhir_reference_id(aegis.json_text('resource', ['claim', 'reference'])) }} as claim_id,
        {{ aegis.fhir_reference_id(aegis.json_text('resource', ['patient', 'reference'])) }} as patient_id,

        -- strings
        {{ aegis.json_text('item', ['productOrService', 'coding', 0, 'code']) }} as hcpcs_code,
        {{ aegis.json_text('item', ['revenue', 'coding', 0, 'code']) }} as revenue_code,

        -- numerics: the profile pins adjudication order submitted, eligible, benefit
        {{ aegis.json_number('item', ['adjudication', 0, 'amount', 'value'], 'decimal(18, 2)') }} as billed_amount,
        {{ aegis.json_number('item', ['adjudication', 1, 'amount', 'value'], 'decimal(18, 2)') }} as allowed_amount,
        {{ aegis.json_number('item', ['adjudication', 2, 'amount', 'value'], 'decimal(18, 2)') }} as paid_amount,

        -- dates
        {{ aegis.parse_fhir_date(aegis.json_text('item', ['servicedDate'])) }} as service_date,

        -- envelope (of the EOB version the line belongs to)
        event_id,
        version_id,
        last_updated_at,
        received_at

    from items

),

final as (

    select * from renamed

)

select * from final
