{#- PostgreSQL: a b-tree index on the join key (lookups and nested-loop joins by patient) and one on the sort
    columns (range filters by date), created by dbt-postgres after each table build. 'all' is a distribution
    style, not a column: it gets no index. -#}
{% macro postgres__aegis_physical_design(distribute_by, sort_by) %}
    {%- set indexes = [] -%}
    {%- if distribute_by and distribute_by != 'all' -%}
        {%- do indexes.append({'columns': [distribute_by]}) -%}
    {%- endif -%}
    {%- if sort_by -%}
        {%- do indexes.append({'columns': sort_by}) -%}
    {%- endif -%}
    {{ return({'indexes': indexes} if indexes else {}) }}
{% endmacro %}
