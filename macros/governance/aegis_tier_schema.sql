{#- Where a tier's masked views of a base schema live (PostgreSQL and DuckDB): <schema>_tier_<tier>. -#}
{% macro aegis_tier_schema(base_schema, tier) %}
    {{ return(base_schema ~ '_tier_' ~ tier) }}
{% endmacro %}
