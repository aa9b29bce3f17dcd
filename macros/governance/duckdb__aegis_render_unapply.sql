{#- DuckDB: drop the tier views, then the tier schemas (Aegis owns them; nothing else belongs there). -#}
{% macro duckdb__aegis_render_unapply(entry, ctx) %}
    {%- set relation = [] -%}
    {%- set shared = [] -%}
    {%- for tier in entry.tiers -%}
        {%- set tier_schema = aegis.aegis_tier_schema(entry.schema, tier.tier) -%}
        {%- do relation.append(aegis.aegis_statement('drop view if exists ' ~ aegis.aegis_relation_sql(entry, ctx, schema=tier_schema))) -%}
        {%- do shared.append(aegis.aegis_statement('drop schema if exists ' ~ aegis.aegis_schema_sql(tier_schema, ctx) ~ ' cascade')) -%}
    {%- endfor -%}
    {{ return({'relation': relation, 'shared': shared}) }}
{% endmacro %}
