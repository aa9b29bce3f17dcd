{#- Snowflake: cluster_by on the sort columns of large facts. dbt-snowflake then builds the table ordered by
    them (micro-partitions pruned by date from the first build) and declares the clustering key; automatic
    clustering stays off (its default here): incremental loads append mostly recent dates, which keeps the
    order, and reclustering costs credits (docs/performance.md). Distribution has no Snowflake meaning. -#}
{% macro snowflake__aegis_physical_design(distribute_by, sort_by) %}
    {{ return({'cluster_by': sort_by} if sort_by else {}) }}
{% endmacro %}
