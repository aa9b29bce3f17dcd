{#- DuckDB has no roles: each tier reads views in its own schema (<schema>_tier_<tier>) whose columns
    are masked by strategy, denied columns absent and sensitive rows filtered. A tier that may not
    read the model has no view (a stale one is dropped). -#}
{% macro duckdb__aegis_render_entry(entry, ctx) %}
    {%- set setup = [] -%}
    {%- set apply = [] -%}
    {%- for tier in entry.tiers -%}
        {%- set tier_schema = aegis.aegis_tier_schema(entry.schema, tier.tier) -%}
        {%- set view = aegis.aegis_relation_sql(entry, ctx, schema=tier_schema) -%}
        {%- set select_sql = aegis.aegis_tier_view_select(entry, tier, ctx) if tier.can_read else none -%}
        {%- if select_sql -%}
            {%- do setup.append(aegis.aegis_statement('create schema if not exists ' ~ aegis.aegis_schema_sql(tier_schema, ctx),
                skip_if="select 1 from information_schema.schemata where schema_name = '" ~ tier_schema ~ "'")) -%}
            {%- do apply.append(aegis.aegis_statement('create or replace view ' ~ view ~ ' as\n' ~ select_sql)) -%}
        {%- else -%}
            {%- do apply.append(aegis.aegis_statement('drop view if exists ' ~ view)) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return({'setup': setup, 'apply': apply}) }}
{% endmacro %}
