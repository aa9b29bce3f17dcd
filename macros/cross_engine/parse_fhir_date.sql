{#- The calendar date of a FHIR date or dateTime text, as written (the first 10 characters,
    'YYYY-MM-DD'), so that a local date of care never shifts through a time-zone conversion. -#}
{% macro parse_fhir_date(text_expression) -%}
    {{ return(adapter.dispatch('parse_fhir_date', 'aegis')(text_expression)) }}
{%- endmacro %}

{% macro default__parse_fhir_date(text_expression) -%}
    cast(substring({{ text_expression }}, 1, 10) as date)
{%- endmacro %}
