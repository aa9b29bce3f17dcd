{#- The engine's timestamp-with-time-zone type: an instant that keeps the offset FHIR sends. -#}
{% macro type_timestamp_tz() -%}
    {{ return(adapter.dispatch('type_timestamp_tz', 'aegis')()) }}
{%- endmacro %}

{% macro default__type_timestamp_tz() -%}
    timestamp with time zone
{%- endmacro %}

{% macro duckdb__type_timestamp_tz() -%}
    timestamptz
{%- endmacro %}

{% macro snowflake__type_timestamp_tz() -%}
    timestamp_tz
{%- endmacro %}

{% macro postgres__type_timestamp_tz() -%}
    timestamptz
{%- endmacro %}
