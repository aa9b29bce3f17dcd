{#- PostgreSQL: tier views and schemas, row policies and RLS, every grant to a tier role, the
    pseudonym key, then the roles themselves (a view owner after dropping what it still holds). -#}
{% macro postgres__aegis_render_unapply(entry, ctx) %}
    {%- set relation = [] -%}
    {%- set shared = [] -%}
    {%- set base = aegis.aegis_relation_sql(entry, ctx) -%}
    {%- set role_exists = "select 1 where not exists (select 1 from pg_catalog.pg_roles where rolname = '{}')" -%}
    {%- for tier in entry.tiers -%}
        {%- set tier_schema = aegis.aegis_tier_schema(entry.schema, tier.tier) -%}
        {%- do relation.append(aegis.aegis_statement('drop view if exists ' ~ aegis.aegis_relation_sql(entry, ctx, schema=tier_schema))) -%}
        {%- if entry.row_filter and entry.relation_kind == 'table' -%}
            {%- do relation.append(aegis.aegis_statement('drop policy if exists aegis_rows_' ~ tier.tier ~ ' on ' ~ base)) -%}
        {%- endif -%}
        {%- do relation.append(aegis.aegis_statement('revoke all on ' ~ base ~ ' from ' ~ tier.role, skip_if=role_exists.format(tier.role))) -%}
        {%- do shared.append(aegis.aegis_statement('drop schema if exists ' ~ tier_schema ~ ' cascade')) -%}
        {%- do shared.append(aegis.aegis_statement('revoke all on schema ' ~ entry.schema ~ ' from ' ~ tier.role, skip_if=role_exists.format(tier.role))) -%}
    {%- endfor -%}
    {%- if entry.row_filter and entry.relation_kind == 'table' -%}
        {%- do relation.append(aegis.aegis_statement('alter table ' ~ base ~ ' disable row level security')) -%}
    {%- endif -%}
    {%- do shared.append(aegis.aegis_statement('drop schema if exists ' ~ ctx.governance_schema ~ ' cascade')) -%}
    {%- for tier in entry.tiers -%}
        {%- set owner = aegis.aegis_postgres_view_owner(tier) -%}
        {%- do shared.append(aegis.aegis_statement('drop owned by ' ~ owner, skip_if=role_exists.format(owner))) -%}
        {%- do shared.append(aegis.aegis_statement('drop role if exists ' ~ owner)) -%}
        {%- do shared.append(aegis.aegis_statement('drop role if exists ' ~ tier.role)) -%}
    {%- endfor -%}
    {{ return({'relation': relation, 'shared': shared}) }}
{% endmacro %}
