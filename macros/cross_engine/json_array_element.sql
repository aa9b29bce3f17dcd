{#- The JSON value of the current element of an array joined by aegis.json_array_unnest(…, alias). -#}
{% macro json_array_element(alias) -%}
    {{ return(adapter.dispatch('json_array_element', 'aegis')(alias)) }}
{%- endmacro %}

{% macro default__json_array_element(alias) -%}
    {{ alias }}.value
{%- endmacro %}

{% macro redshift__json_array_element(alias) -%}
    {{ alias }}
{%- endmacro %}
