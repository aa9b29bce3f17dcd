{#-
    A timestamp with time zone (staging keeps FHIR's offsets) as a timestamp without time zone in UTC.
    Marts and snapshots hold naive UTC timestamps, so that every engine shows the same wall clock (a plain
    cast would use the session time zone on DuckDB and PostgreSQL, and keep the sender's offset on
    Snowflake) and snapshot times (naive on every engine) compare with them.
-#}
{% macro to_utc_timestamp(timestamp_tz_expression) -%}
    {{ return(adapter.dispatch('to_utc_timestamp', 'aegis')(timestamp_tz_expression)) }}
{%- endmacro %}
