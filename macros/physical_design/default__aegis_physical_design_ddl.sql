{#- Engines without a rendered plan (DuckDB declares no design; PostgreSQL's index names carry a build
    timestamp, so its indexes are checked on a real build instead: tests/python/test_physical_design.py). -#}
{% macro default__aegis_physical_design_ddl(model_config, relation) %}
    {{ return([]) }}
{% endmacro %}
