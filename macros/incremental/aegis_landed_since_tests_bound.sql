{#- Boolean SQL on a raw envelope source for the daily run's tests (aegis_source_test_reads_new_rows): the
    envelopes landed since var aegis_tests_received_since (the start of the previous run, which tested
    everything landed before it). Literals only, so the engine prunes before it reads. -#}
{% macro aegis_landed_since_tests_bound() %}
    {{ return(adapter.dispatch('aegis_landed_since_tests_bound', 'aegis')()) }}
{% endmacro %}

{#- A warehouse raw table is loaded some time after received_at: the staging lookback
    (var aegis_staging_lookback_hours, default 3) covers the delay, as it does for staging. -#}
{% macro default__aegis_landed_since_tests_bound() -%}
    received_at > {{ dbt.dateadd('hour', -1 * var('aegis_staging_lookback_hours', 3),
        "cast('" ~ aegis.aegis_tests_received_since() ~ "' as timestamp)") | trim }}
{%- endmacro %}

{#- DuckDB reads the landing files: the parts written since the previous run started (less
    aegis_landing_file_lookback_seconds, as for staging's file bound) hold every envelope it has not
    tested; older parts are not opened (partition and file name are pruned before the scan). -#}
{% macro duckdb__aegis_landed_since_tests_bound() -%}
    {%- set since -%}
        (cast('{{ aegis.aegis_tests_received_since() }}' as timestamp)
            - to_seconds({{ var('aegis_landing_file_lookback_seconds', 10) }}))
    {%- endset -%}
    {{ aegis.landing_parts_written_since(since) }}
{%- endmacro %}
