{#- DuckDB, PostgreSQL and Redshift: `at time zone` turns a timestamptz into the naive wall clock of that zone. -#}
{% macro default__to_utc_timestamp(timestamp_tz_expression) -%}
    cast(({{ timestamp_tz_expression }}) at time zone 'UTC' as timestamp)
{%- endmacro %}
