{#- Redshift: a role per tier; dynamic data masking with one policy per strategy and column type,
    attached per column and tier role with a priority that follows tier order (a user holding two
    tier roles gets the more privileged one; clear columns of masked ones get a pass-through policy
    for that reason); row-level security (a hiding policy for tiers that may not see sensitive rows,
    an all-rows policy for those that may; the dbt role needs IGNORE RLS); column-level grants
    without the denied columns, last. DDL is transactional and dbt-redshift runs post-hooks inside
    the model's transaction, so the table commits already protected. Masking and RLS attach to
    tables only: a view-materialized model is granted only to tiers a plain grant fully describes. -#}
{% macro redshift__aegis_render_entry(entry, ctx) %}
    {%- set setup = [] -%}
    {%- set apply = [] -%}
    {%- set base = aegis.aegis_relation_sql(entry, ctx) -%}
    {%- set is_table = entry.relation_kind == 'table' -%}
    {%- for tier in entry.tiers -%}
        {%- do setup.append(aegis.aegis_statement('create role ' ~ tier.role,
            skip_if="select 1 from svv_roles where role_name = '" ~ tier.role ~ "'")) -%}
    {%- endfor -%}
    {%- if is_table -%}
        {#- 1. column masking -#}
        {%- if aegis.aegis_uses_strategy(entry, 'pseudonym') -%}
            {%- do setup.extend(aegis.aegis_pseudonym_key_setup(ctx)) -%}
        {%- endif -%}
        {%- for a in aegis.aegis_redshift_attachments(entry, ctx) -%}
            {%- if a.policy not in ctx.rendered_policies -%}
                {%- do ctx.rendered_policies.update({a.policy: true}) -%}
                {%- do setup.append(aegis.aegis_statement('create masking policy ' ~ a.policy ~ ' if not exists with (val ' ~ a.data_type ~ ') using (' ~ a.expression ~ ')')) -%}
                {%- do setup.append(aegis.aegis_statement('alter masking policy ' ~ a.policy ~ ' using (' ~ a.expression ~ ')')) -%}
            {%- endif -%}
            {%- do apply.append(aegis.aegis_statement(
                'attach masking policy ' ~ a.policy ~ ' on ' ~ base ~ ' (' ~ a.column ~ ') to role ' ~ a.role ~ ' priority ' ~ a.priority,
                skip_if="select 1 from svv_attached_masking_policy where policy_name = '" ~ a.policy ~ "' and schema_name = '" ~ entry.schema ~ "' and table_name = '" ~ entry.identifier ~ "' and grantee = '" ~ a.role ~ "'"
            )) -%}
        {%- endfor -%}
        {#- 2. rows -#}
        {%- if entry.row_filter -%}
            {%- set hide = 'aegis_rows_hide_' ~ entry.row_filter.column -%}
            {%- do setup.append(aegis.aegis_statement('create rls policy ' ~ hide ~ ' with (' ~ entry.row_filter.column ~ ' boolean) using (' ~ entry.row_filter.column ~ ' = false)',
                skip_if="select 1 from svv_rls_policy where polname = '" ~ hide ~ "'")) -%}
            {%- do setup.append(aegis.aegis_statement('create rls policy aegis_rows_all using (true)',
                skip_if="select 1 from svv_rls_policy where polname = 'aegis_rows_all'")) -%}
            {%- do setup.append(aegis.aegis_statement('grant ignore rls to role ' ~ ctx.transformer_role)) -%}
            {%- for tier in entry.tiers -%}
                {%- set policy = 'aegis_rows_all' if tier.sees_sensitive_rows else hide -%}
                {%- do apply.append(aegis.aegis_statement('attach rls policy ' ~ policy ~ ' on ' ~ base ~ ' to role ' ~ tier.role,
                    skip_if="select 1 from svv_rls_attached_policy where polname = '" ~ policy ~ "' and schema_name = '" ~ entry.schema ~ "' and relname = '" ~ entry.identifier ~ "' and grantee = '" ~ tier.role ~ "'")) -%}
            {%- endfor -%}
            {%- do apply.append(aegis.aegis_statement('alter table ' ~ base ~ ' row level security on')) -%}
        {%- endif -%}
    {%- endif -%}
    {#- 3. grants last -#}
    {%- for tier in entry.tiers -%}
        {%- set granted = aegis.aegis_columns_with_strategy(entry, tier.tier, ['deny'], negate=true) if is_table and tier.can_read
            else (aegis.aegis_columns_with_strategy(entry, tier.tier, ['clear']) if aegis.aegis_reads_base_directly(entry, tier, false) else []) -%}
        {%- if granted -%}
            {%- do apply.append(aegis.aegis_statement('grant usage on schema ' ~ entry.schema ~ ' to role ' ~ tier.role)) -%}
            {%- do apply.append(aegis.aegis_statement('grant select (' ~ granted | join(', ') ~ ') on ' ~ base ~ ' to role ' ~ tier.role)) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return({'setup': setup, 'apply': apply}) }}
{% endmacro %}
