{#- Boolean SQL: the row was received at or after var aegis_tests_received_since (a UTC timestamp, the start
    of the previous run), less the staging lookback (var aegis_staging_lookback_hours, default 3): a row
    received just before the previous run started may have landed after it, and staging reads it with the
    same lookback, so the test does too. A literal, so that the engine can prune by received_at (DuckDB zone
    maps, Snowflake micro-partitions, Redshift's sort key). -#}
{% macro aegis_received_since_tests_bound() %}
    received_at >= {{ dbt.dateadd('hour', -1 * var('aegis_staging_lookback_hours', 3),
        "cast('" ~ aegis.aegis_tests_received_since() ~ "' as timestamp)") | trim }}
{%- endmacro %}
