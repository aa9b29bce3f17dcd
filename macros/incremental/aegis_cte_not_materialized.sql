{#- Written between `name as` and the `(` of a CTE that an incremental run reads twice (the staged rows that
    aegis_rows_to_derive selects by key, and the keys it selects them by): DuckDB and PostgreSQL
    materialise such a CTE whole, every column of every staged row, before either read can prune it. At
    1,000,000 patients that was 2.1 of fct_observations' select, 0.6 s inlined. Snowflake and Redshift
    have no such keyword and plan CTEs themselves. -#}
{% macro aegis_cte_not_materialized() %}
    {{- return(adapter.dispatch('aegis_cte_not_materialized', 'aegis')()) -}}
{% endmacro %}

{% macro default__aegis_cte_not_materialized() -%}
    not materialized
{%- endmacro %}

{% macro snowflake__aegis_cte_not_materialized() -%}
{%- endmacro %}

{% macro redshift__aegis_cte_not_materialized() -%}
{%- endmacro %}
