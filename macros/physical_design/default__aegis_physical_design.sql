{#- DuckDB: no adapter config. Its storage keeps min/max zone maps per row group for every column, so the
    order rows are written in is its design, rendered into the model's select by aegis_physical_order; an
    ART index would slow every build for lookups the marts do not need. -#}
{% macro default__aegis_physical_design(distribute_by, sort_by) %}
    {{ return({}) }}
{% endmacro %}
