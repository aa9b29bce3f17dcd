{#- The order a model's rows are written in, closing its final select: `select * from final
    {{ aegis.aegis_physical_order() }}`. It renders the model's declared design (meta.physical_design) on
    engines whose tables keep the insertion order and prune by it, and nothing elsewhere: Snowflake orders
    by cluster_by itself, Redshift by its sort key, and PostgreSQL reads through indexes. -#}
{% macro aegis_physical_order() -%}
    {{ return(adapter.dispatch('aegis_physical_order', 'aegis')()) }}
{%- endmacro %}

{% macro default__aegis_physical_order() -%}
    {{ return('') }}
{%- endmacro %}

{#- DuckDB keeps min/max zone maps per row group and skips a filter a row group's zone map proves true. The
    sensitive-row column (meta.sensitive_row_column) leads: the tiers that must not see 42 CFR Part 2 rows
    filter on it in every read, and with those rows last every other row group is all-false, so the filter
    costs nothing there (the month aggregate's tier read went 1.15 x -> 1.01 x its base at 100,000 patients).
    Then sort_by, the dates range filters read. Rows appended by an incremental run are ordered within
    their batch only: a full refresh restores the whole order (docs/performance.md). -#}
{% macro duckdb__aegis_physical_order() -%}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set meta = model.config.get('meta') or {} -%}
    {%- set columns = [meta.sensitive_row_column] if meta.get('sensitive_row_column') else [] -%}
    {%- set columns = columns + ((meta.get('physical_design') or {}).get('sort_by') or []) -%}
    {{ return('order by ' ~ (columns | join(', ')) if columns else '') }}
{%- endmacro %}
