{#- meta.versionId as an integer when it is digits (servers number versions), else null: an R4 versionId
    is any `id`, and the ordering then falls back to lastUpdated, received_at and source position. -#}
{% macro fhir_version_number(column) -%}
    {{ return(adapter.dispatch('fhir_version_number', 'aegis')(column)) }}
{%- endmacro %}

{% macro default__fhir_version_number(column) -%}
    case when {{ aegis.aegis_regex_full_match(column, '[0-9]{1,18}') }} then cast({{ column }} as {{ dbt.type_bigint() }}) end
{%- endmacro %}
