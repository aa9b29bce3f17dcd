{#- The id part of a FHIR relative reference ('Patient/123' -> '123'); null when absent.
    split_part(text, delimiter, n) is native and identical on DuckDB, Snowflake, Redshift and PostgreSQL. -#}
{% macro fhir_reference_id(reference_expression) -%}
    {{ return(adapter.dispatch('fhir_reference_id', 'aegis')(reference_expression)) }}
{%- endmacro %}

{% macro default__fhir_reference_id(reference_expression) -%}
    nullif(split_part({{ reference_expression }}, '/', 2), '')
{%- endmacro %}
