{#- The values of `expression` in a group joined by `delimiter` in their own sort order, so that equal
    multisets always give equal text (a fact signature compares patients by it). NULLs are skipped. -#}
{% macro aegis_ordered_string_agg(expression, delimiter) %}
    {{- return(adapter.dispatch('aegis_ordered_string_agg', 'aegis')(expression, delimiter)) -}}
{% endmacro %}

{% macro default__aegis_ordered_string_agg(expression, delimiter) -%}
    string_agg(cast({{ expression }} as varchar), '{{ delimiter }}' order by cast({{ expression }} as varchar))
{%- endmacro %}

{#- Snowflake and Redshift have no string_agg; Redshift limits the result to 65,535 bytes. -#}
{% macro snowflake__aegis_ordered_string_agg(expression, delimiter) -%}
    listagg(cast({{ expression }} as varchar), '{{ delimiter }}') within group (order by cast({{ expression }} as varchar))
{%- endmacro %}

{% macro redshift__aegis_ordered_string_agg(expression, delimiter) -%}
    listagg(cast({{ expression }} as varchar), '{{ delimiter }}') within group (order by cast({{ expression }} as varchar))
{%- endmacro %}
