{#- DuckDB: no declared design. Its storage keeps min/max zone maps per row group for every column, so date
    filters prune without an index, and an ART index would slow every build for lookups the marts do not
    need. -#}
{% macro default__aegis_physical_design(distribute_by, sort_by) %}
    {{ return({}) }}
{% endmacro %}
