{#- dbt source freshness on DuckDB, for the sources that read the landing files (their relation selects
    landing_file): the newest received_at among the parts written in the last var
    aegis_freshness_window_hours (default 24), pruned by partition and part name before any file is
    opened; when no part was written in the window, dbt's own query over every part. dbt's query alone
    read every landing file of every source: 58 s at 1,000,000 patients, where a day's parts take
    seconds. A part holds no envelope received after it was written, so an envelope outside the window
    was received before it: the window only changes the answer when every envelope in it is older than
    the window too, and then both answers are stale (keep the window longer than every error_after,
    6 h today). Other sources keep dbt's query. -#}
{% macro duckdb__collect_freshness(source, loaded_at_field, filter) %}
    {%- if 'landing_file' not in (source | string) -%}
        {{ return(dbt.default__collect_freshness(source, loaded_at_field, filter)) }}
    {%- endif -%}
    {%- set window_start_utc = "((now() at time zone 'UTC') - to_hours("
        ~ (var('aegis_freshness_window_hours', 24) | int) ~ "))" -%}
    {% call statement('collect_freshness', fetch_result=True, auto_begin=False) -%}
        select
            max({{ loaded_at_field }}) as max_loaded_at,
            {{ current_timestamp() }} as snapshotted_at
        from {{ source }}
        where
            {{ aegis.landing_parts_written_since(window_start_utc) }}
            {%- if filter %}
            and ({{ filter }})
            {%- endif %}
    {%- endcall %}
    {%- set windowed = load_result('collect_freshness') -%}
    {%- if windowed['table'].rows[0][0] is none -%}
        {{ return(dbt.default__collect_freshness(source, loaded_at_field, filter)) }}
    {%- endif -%}
    {{ return(windowed) }}
{% endmacro %}
