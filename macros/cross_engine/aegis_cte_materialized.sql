{#- Written between `name as` and the `(` of a small CTE that a query should compute once and join as it is:
    `materialized` on DuckDB and PostgreSQL, whose planners would otherwise inline it and reorder its joins
    into the big ones around it. The de-identified facts' released patients (1,000,000 rows at 1,000,000
    patients: crosswalk joined with release levels) joined per fact row instead: 2.9-3.2 s of
    fct_conditions_deidentified's select, 2.0 s with the CTE materialised, 2.7 s inlined. Snowflake and
    Redshift have no such keyword and plan CTEs themselves. -#}
{% macro aegis_cte_materialized() %}
    {{- return(adapter.dispatch('aegis_cte_materialized', 'aegis')()) -}}
{% endmacro %}

{% macro default__aegis_cte_materialized() -%}
    materialized
{%- endmacro %}

{% macro snowflake__aegis_cte_materialized() -%}
{%- endmacro %}

{% macro redshift__aegis_cte_materialized() -%}
{%- endmacro %}
