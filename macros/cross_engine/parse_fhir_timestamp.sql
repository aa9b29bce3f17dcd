{#- A FHIR instant / dateTime text ('2025-02-01T09:30:00-05:00', '...Z', or a bare date) as a
    timestamp with time zone. -#}
{% macro parse_fhir_timestamp(text_expression) -%}
    {{ return(adapter.dispatch('parse_fhir_timestamp', 'aegis')(text_expression)) }}
{%- endmacro %}

{% macro default__parse_fhir_timestamp(text_expression) -%}
    cast({{ text_expression }} as {{ aegis.type_timestamp_tz() }})
{%- endmacro %}

{#- Snowflake's cast of an ISO 8601 'T' string with offset depends on TIMESTAMP_TZ_INPUT_FORMAT;
    to_timestamp_tz with the AUTO format reads it regardless of the session setting. -#}
{% macro snowflake__parse_fhir_timestamp(text_expression) -%}
    to_timestamp_tz({{ text_expression }}, 'auto')
{%- endmacro %}
