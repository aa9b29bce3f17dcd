{#- PostgreSQL: a NOLOGIN role per tier; column-level grants on the base relation for tiers that a
    grant fully describes (e.g. phi_full; aggregate on aggregate-safe marts); row-level security with
    one policy per tier on base tables; and, for every tier that may read the model, a view in
    <schema>_tier_<tier> with masked columns, sensitive rows filtered and denied columns kept as typed
    NULLs that are never granted (selecting them is a permission error).
    Sensitive rows are kept from a reader's functions by row-level security, not by a security_barrier
    view: a view of a row-filtered table is owned by the tier's view-owner role (aegis_postgres_view_owner),
    which reads the base table under the tier's row policy. PostgreSQL applies a policy's predicate as a
    security qual of the table scan, before any function of the reader's that is not leakproof, as a
    barrier would, but without the barrier's subquery scan: the month aggregate of fct_encounters
    through phi_limited cost 1.26-1.32 x its base as a barrier view (docs/performance.md). A view of a
    view (no RLS) that filters rows stays a security_barrier. A view that filters none is neither: a
    reader's function only ever sees the view's own (masked) values, and a barrier would hide the base
    columns' statistics from the planner (a join of two tier views was planned for 100 x its rows).
    dbt-postgres runs post-hooks inside the model's transaction: the rebuilt table, its policies and
    its grants commit together, so no tier ever reads it unprotected. -#}
{% macro postgres__aegis_render_entry(entry, ctx) %}
    {%- set setup = [] -%}
    {%- set apply = [] -%}
    {%- set base = aegis.aegis_relation_sql(entry, ctx) -%}
    {%- set is_table = entry.relation_kind == 'table' -%}
    {%- set owned_tiers = entry.tiers | selectattr('sees_sensitive_rows', 'false') | list if entry.row_filter and is_table else [] -%}
    {%- for tier in entry.tiers -%}
        {%- do setup.append(aegis.aegis_postgres_nologin_role(tier.role)) -%}
    {%- endfor -%}
    {%- for tier in owned_tiers -%}
        {#- the dbt role must act as the owner to drop, recreate and hand over the views (CREATEROLE
            gives it ADMIN on roles it creates, not membership) -#}
        {%- do setup.append(aegis.aegis_postgres_nologin_role(aegis.aegis_postgres_view_owner(tier), granted_to_current_user=true)) -%}
    {%- endfor -%}
    {%- if aegis.aegis_uses_strategy(entry, 'pseudonym') -%}
        {%- do setup.extend(aegis.aegis_pseudonym_key_setup(ctx)) -%}
    {%- endif -%}
    {#- 1. rows: RLS on base tables, one policy per tier, for the tier's role and, when the tier may not
        see sensitive rows, its view owner (the table owner, i.e. dbt, is exempt) -#}
    {%- if entry.row_filter and is_table -%}
        {%- do apply.append(aegis.aegis_statement('alter table ' ~ base ~ ' enable row level security')) -%}
        {%- for tier in entry.tiers -%}
            {%- set policy = 'aegis_rows_' ~ tier.tier -%}
            {%- set predicate = 'true' if tier.sees_sensitive_rows else entry.row_filter.column ~ ' = false' -%}
            {%- set roles = tier.role if tier.sees_sensitive_rows else tier.role ~ ', ' ~ aegis.aegis_postgres_view_owner(tier) -%}
            {%- do apply.append(aegis.aegis_statement('drop policy if exists ' ~ policy ~ ' on ' ~ base)) -%}
            {%- do apply.append(aegis.aegis_statement('create policy ' ~ policy ~ ' on ' ~ base ~ ' for select to ' ~ roles ~ ' using (' ~ predicate ~ ')')) -%}
        {%- endfor -%}
    {%- endif -%}
    {#- 2. a stored pseudonym is the key phi_limited looks up and joins on: it gets an index, as the base
        key does (unless one exists: incremental tables keep theirs; unnamed, so a backup table being
        swapped out never holds the name). When no tier that reads the pseudonym sees sensitive rows, the
        index holds only the rows those tiers see (partial on the row filter, as their views' where): a
        join reads it index-only, as the base table's join reads its id index -#}
    {%- for column in entry.columns if column.pseudonym_column and is_table -%}
        {%- set partial = namespace(yes=entry.row_filter is not none) -%}
        {%- for tier in entry.tiers if column.strategies[tier.tier] == 'pseudonym' and tier.sees_sensitive_rows -%}
            {%- set partial.yes = false -%}
        {%- endfor -%}
        {%- set predicate = ' where ' ~ entry.row_filter.column ~ ' = false' if partial.yes else '' -%}
        {%- do apply.append(aegis.aegis_statement('create index on ' ~ base ~ ' (' ~ column.pseudonym_column ~ ')' ~ predicate,
            skip_if="select 1 from pg_catalog.pg_index as i join pg_catalog.pg_attribute as a on a.attrelid = i.indrelid and a.attnum = i.indkey[0] where i.indrelid = '" ~ base ~ "'::regclass and a.attname = '" ~ column.pseudonym_column ~ "' and i.indpred is " ~ ('not null' if partial.yes else 'null'))) -%}
    {%- endfor -%}
    {#- 3. tier views, rebuilt from scratch so that a changed column list never fails -#}
    {%- set view_grants = [] -%}
    {%- set view_owners = [] -%}
    {%- for tier in entry.tiers -%}
        {%- set tier_schema = aegis.aegis_tier_schema(entry.schema, tier.tier) -%}
        {%- set view = aegis.aegis_relation_sql(entry, ctx, schema=tier_schema) -%}
        {%- set select_sql = aegis.aegis_tier_view_select(entry, tier, ctx, include_denied=true) if tier.can_read else none -%}
        {%- set granted = aegis.aegis_columns_with_strategy(entry, tier.tier, ['deny'], negate=true) -%}
        {%- do apply.append(aegis.aegis_statement('drop view if exists ' ~ view)) -%}
        {%- if select_sql and granted -%}
            {%- do setup.append(aegis.aegis_statement('create schema if not exists ' ~ tier_schema)) -%}
            {%- do setup.append(aegis.aegis_statement('grant usage on schema ' ~ tier_schema ~ ' to ' ~ tier.role)) -%}
            {%- set barrier = ' with (security_barrier = true)' if entry.row_filter and not tier.sees_sensitive_rows and not is_table else '' -%}
            {%- do apply.append(aegis.aegis_statement('create view ' ~ view ~ barrier ~ ' as\n' ~ select_sql)) -%}
            {%- do view_grants.append(aegis.aegis_statement('grant select (' ~ granted | join(', ') ~ ') on ' ~ view ~ ' to ' ~ tier.role)) -%}
            {%- if tier in owned_tiers -%}
                {%- do view_owners.extend(aegis.aegis_postgres_view_owner_statements(entry, tier, view, tier_schema, base, ctx)) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {#- 4. grants last: reset the base relation's grants, then grant what each tier may read -#}
    {%- for tier in entry.tiers -%}
        {%- do apply.append(aegis.aegis_statement('revoke all on ' ~ base ~ ' from ' ~ tier.role)) -%}
    {%- endfor -%}
    {%- for tier in entry.tiers if aegis.aegis_reads_base_directly(entry, tier, entry.row_filter and is_table) -%}
        {%- set clear_columns = aegis.aegis_columns_with_strategy(entry, tier.tier, ['clear']) -%}
        {%- if clear_columns -%}
            {%- do apply.append(aegis.aegis_statement('grant usage on schema ' ~ entry.schema ~ ' to ' ~ tier.role)) -%}
            {%- do apply.append(aegis.aegis_statement('grant select (' ~ clear_columns | join(', ') ~ ') on ' ~ base ~ ' to ' ~ tier.role)) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- do apply.extend(view_grants) -%}
    {#- 5. last, the views of row-filtered tables pass to their owners (ALTER OWNER keeps their grants) -#}
    {%- do apply.extend(view_owners) -%}
    {{ return({'setup': setup, 'apply': apply}) }}
{% endmacro %}
