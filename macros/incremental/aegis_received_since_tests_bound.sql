{#- Boolean SQL: the row was received at or after var aegis_tests_received_since (a UTC timestamp without
    offset, the start of the previous run), less the staging lookback (var aegis_staging_lookback_hours, default 3): a row
    received just before the previous run started may have landed after it, and staging reads it with the
    same lookback, so the test does too. A literal, so that the engine can prune by received_at (DuckDB zone
    maps, Snowflake micro-partitions, Redshift's sort key). with_time_zone: received_at is a timestamp with
    time zone (staging), compared with the same instant as one, whatever the session's time zone. -#}
{% macro aegis_received_since_tests_bound(with_time_zone=false) %}
    {%- set since = aegis.aegis_tests_received_since() -%}
    {#- staging keeps received_at with its time zone: the var's UTC instant is then given as one -#}
    {%- set literal = "cast('" ~ since ~ "+00:00' as " ~ aegis.type_timestamp_tz() ~ ")" if with_time_zone
        else "cast('" ~ since ~ "' as timestamp)" -%}
    received_at >= {{ dbt.dateadd('hour', -1 * var('aegis_staging_lookback_hours', 3), literal) | trim }}
{%- endmacro %}
