{#- Boolean SQL: the row was received at or after var aegis_tests_received_since (a UTC timestamp, e.g. the
    start of the previous run: every row this run derived was received after it). A literal, so that the
    engine can prune by received_at (DuckDB zone maps, Snowflake micro-partitions, Redshift's sort key). -#}
{% macro aegis_received_since_tests_bound() %}
    received_at >= cast('{{ var("aegis_tests_received_since") }}' as timestamp)
{%- endmacro %}
