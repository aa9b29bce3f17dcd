{#- Redshift: detach masking and RLS policies, row level security off, revoke the column grants, then
    drop policies and roles. Guards make every step safe to repeat. -#}
{% macro redshift__aegis_render_unapply(entry, ctx) %}
    {%- set relation = [] -%}
    {%- set shared = [] -%}
    {%- set base = aegis.aegis_relation_sql(entry, ctx) -%}
    {%- set where_table = "schema_name = '" ~ entry.schema ~ "' and table_name = '" ~ entry.identifier ~ "'" -%}
    {%- for a in (aegis.aegis_redshift_attachments(entry, ctx) if entry.relation_kind == 'table' else []) -%}
        {%- do relation.append(aegis.aegis_statement(
            'detach masking policy ' ~ a.policy ~ ' on ' ~ base ~ ' (' ~ a.column ~ ') from role ' ~ a.role,
            skip_if="select 1 where not exists (select 1 from svv_attached_masking_policy where policy_name = '" ~ a.policy ~ "' and " ~ where_table ~ " and grantee = '" ~ a.role ~ "')")) -%}
        {%- do shared.append(aegis.aegis_statement('drop masking policy ' ~ a.policy,
            skip_if="select 1 where not exists (select 1 from svv_masking_policy where policy_name = '" ~ a.policy ~ "')")) -%}
    {%- endfor -%}
    {%- if entry.row_filter and entry.relation_kind == 'table' -%}
        {%- for tier in entry.tiers -%}
            {%- set policy = 'aegis_rows_all' if tier.sees_sensitive_rows else 'aegis_rows_hide_' ~ entry.row_filter.column -%}
            {%- do relation.append(aegis.aegis_statement('detach rls policy ' ~ policy ~ ' on ' ~ base ~ ' from role ' ~ tier.role,
                skip_if="select 1 where not exists (select 1 from svv_rls_attached_policy where polname = '" ~ policy ~ "' and schema_name = '" ~ entry.schema ~ "' and relname = '" ~ entry.identifier ~ "' and grantee = '" ~ tier.role ~ "')")) -%}
        {%- endfor -%}
        {%- do relation.append(aegis.aegis_statement('alter table ' ~ base ~ ' row level security off')) -%}
        {%- do shared.append(aegis.aegis_statement('drop rls policy if exists aegis_rows_hide_' ~ entry.row_filter.column)) -%}
        {%- do shared.append(aegis.aegis_statement('drop rls policy if exists aegis_rows_all')) -%}
    {%- endif -%}
    {%- for tier in entry.tiers -%}
        {%- do relation.append(aegis.aegis_statement('revoke select (' ~ entry.columns | map(attribute='name') | join(', ') ~ ') on ' ~ base ~ ' from role ' ~ tier.role)) -%}
    {%- endfor -%}
    {%- for tier in entry.tiers -%}
        {%- do shared.append(aegis.aegis_statement('drop role ' ~ tier.role,
            skip_if="select 1 where not exists (select 1 from svv_roles where role_name = '" ~ tier.role ~ "')")) -%}
    {%- endfor -%}
    {{ return({'relation': relation, 'shared': shared}) }}
{% endmacro %}
