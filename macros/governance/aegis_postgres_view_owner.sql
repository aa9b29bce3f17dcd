{#- PostgreSQL: the NOLOGIN role that owns a tier's views of row-filtered tables. Row-level security
    applies to a view's owner, so the tier's row policy (which names this role too) filters the rows
    the view reads, as a security qual of the scan. No login role is ever granted it. -#}
{% macro aegis_postgres_view_owner(tier) %}
    {{ return(tier.role ~ '_views') }}
{% endmacro %}

{#- What the owner needs before it takes `view` over: the base table (under the tier's row policy), the
    schemas, and, for a per-row pseudonym, the key table (read by its views as the dbt role read it
    before; the role has no member that can log in). Then ALTER OWNER, which keeps the view's grants. -#}
{% macro aegis_postgres_view_owner_statements(entry, tier, view, tier_schema, base, ctx) %}
    {%- set owner = aegis.aegis_postgres_view_owner(tier) -%}
    {%- set statements = [
        aegis.aegis_statement('grant usage on schema ' ~ entry.schema ~ ' to ' ~ owner),
        aegis.aegis_statement('grant select on ' ~ base ~ ' to ' ~ owner),
        aegis.aegis_statement('grant usage, create on schema ' ~ tier_schema ~ ' to ' ~ owner),
    ] -%}
    {%- set hashing = namespace(yes=false) -%}
    {%- for column in entry.columns if column.strategies[tier.tier] == 'pseudonym' and not column.pseudonym_column -%}
        {%- set hashing.yes = true -%}
    {%- endfor -%}
    {%- if hashing.yes -%}
        {%- do statements.append(aegis.aegis_statement('grant usage on schema ' ~ ctx.governance_schema ~ ' to ' ~ owner)) -%}
        {%- do statements.append(aegis.aegis_statement('grant select on ' ~ ctx.governance_schema ~ '.aegis_pseudonym_key to ' ~ owner)) -%}
    {%- endif -%}
    {%- do statements.append(aegis.aegis_statement('alter view ' ~ view ~ ' owner to ' ~ owner)) -%}
    {{ return(statements) }}
{% endmacro %}
