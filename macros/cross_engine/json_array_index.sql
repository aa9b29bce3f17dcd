{#- The 0-based position of the current element of an array joined by aegis.json_array_unnest(…, alias). -#}
{% macro json_array_index(alias) -%}
    {{ return(adapter.dispatch('json_array_index', 'aegis')(alias)) }}
{%- endmacro %}

{% macro default__json_array_index(alias) -%}
    cast({{ alias }}.key as {{ dbt.type_int() }})
{%- endmacro %}

{% macro snowflake__json_array_index(alias) -%}
    {{ alias }}.index
{%- endmacro %}

{% macro postgres__json_array_index(alias) -%}
    ({{ alias }}.ordinality - 1)
{%- endmacro %}

{% macro redshift__json_array_index(alias) -%}
    {{ alias }}_index
{%- endmacro %}
