{#- A select over a raw FHIR envelope relation (a source table or an import CTE): the envelope typed as
    staging ranks and carries it (resource_id, resource_type, event_id, version_id as an integer,
    last_updated_at, received_at, source_position, is_deleted) and the resource JSON. -#}
{% macro fhir_typed_envelopes(relation) -%}
    select
        resource_id,
        resource_type,
        event_id,
        {{ aegis.fhir_version_number('version_id') }} as version_id,
        last_updated as last_updated_at,
        received_at,
        source_position,
        coalesce(deleted, false) as is_deleted,
        resource
    from {{ relation }}
{%- endmacro %}
