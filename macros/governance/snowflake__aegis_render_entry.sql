{#- Snowflake: a role per tier; one masking policy per category and type whose body branches on
    IS_ROLE_IN_SESSION (most privileged tier first, the dbt role always clear, anything else NULL);
    policies set on columns with FORCE (replaces in place, no unprotected moment); a row access
    policy hides sensitive rows and a projection policy keeps their flag out of lower tiers' results
    (filterable, not shown); an aggregation policy makes the aggregate tier group at least 11 rows
    of an aggregate mart; grants come last. dbt creates a relation without grants (no
    copy_grants, no future grants on Aegis schemas), so nothing reads it before this has run. -#}
{% macro snowflake__aegis_render_entry(entry, ctx) %}
    {%- set setup = [] -%}
    {%- set apply = [] -%}
    {%- set governance = aegis.aegis_schema_sql(ctx.governance_schema, ctx) -%}
    {%- set base = aegis.aegis_relation_sql(entry, ctx) -%}
    {%- set kind = entry.relation_kind -%}
    {%- for tier in entry.tiers -%}
        {%- do setup.append(aegis.aegis_statement('create role if not exists ' ~ tier.role)) -%}
    {%- endfor -%}
    {%- do setup.append(aegis.aegis_statement('create schema if not exists ' ~ governance)) -%}
    {#- 1. column masking -#}
    {%- for column in entry.columns -%}
        {%- set strategies = aegis.aegis_policy_strategies(entry, column) -%}
        {%- if strategies.values() | reject('equalto', 'clear') | list -%}
            {%- set sf_type = aegis.aegis_snowflake_type(column) -%}
            {%- set typed = {} -%}
            {%- do typed.update(column) -%}
            {%- do typed.update({'data_type': sf_type}) -%}
            {%- set policy = governance ~ '.' ~ aegis.aegis_policy_name(column.category, sf_type, strategies) -%}
            {%- set tagged = var('aegis_snowflake_tag_masking', false) and policy.endswith('_' ~ column.category ~ '_' ~ sf_type | lower) -%}
            {%- if tagged or 'pseudonym' in strategies.values() -%}
                {%- do setup.extend(aegis.aegis_pseudonym_key_setup(ctx)) -%}
            {%- endif -%}
            {%- if tagged -%}
                {#- tag mode: the column gets its category as a tag; the tag's policy masks it. A column
                    that overrides the matrix keeps a direct policy (a direct policy wins over a tag's). -#}
                {%- do setup.extend(aegis.aegis_snowflake_tag_policy(typed, ctx)) -%}
                {%- do apply.append(aegis.aegis_statement('alter ' ~ kind ~ ' ' ~ base ~ ' modify column ' ~ column.name ~ ' set tag ' ~ governance ~ ".aegis_phi_category = '" ~ column.category ~ "'")) -%}
            {%- elif policy not in ctx.rendered_policies -%}
                {%- do ctx.rendered_policies.update({policy: true}) -%}
                {%- set branches = ["when is_role_in_session('" ~ ctx.transformer_role | upper ~ "') then val"] -%}
                {%- for tier in entry.tiers -%}
                    {%- do branches.append("when is_role_in_session('" ~ tier.role | upper ~ "') then " ~ aegis.aegis_mask(strategies[tier.tier], 'val', typed, ctx)) -%}
                {%- endfor -%}
                {%- set body = 'case\n    ' ~ branches | join('\n    ') ~ '\n    else ' ~ aegis.aegis_mask('deny', 'val', typed, ctx) ~ '\nend' -%}
                {%- do setup.append(aegis.aegis_statement('create masking policy if not exists ' ~ policy ~ ' as (val ' ~ sf_type ~ ') returns ' ~ sf_type ~ ' ->\n' ~ body)) -%}
                {%- do setup.append(aegis.aegis_statement('alter masking policy ' ~ policy ~ ' set body ->\n' ~ body,
                    same_body={'describe': 'describe masking policy ' ~ policy, 'body': body})) -%}
            {%- endif -%}
            {%- if not tagged -%}
                {%- do apply.append(aegis.aegis_statement('alter ' ~ kind ~ ' ' ~ base ~ ' modify column ' ~ column.name ~ ' set masking policy ' ~ policy ~ ' force')) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {#- 2. rows -#}
    {%- if entry.row_filter -%}
        {%- set policy = governance ~ '.aegis_rows_' ~ entry.row_filter.group -%}
        {%- set allowed = ["is_role_in_session('" ~ ctx.transformer_role | upper ~ "')"] -%}
        {%- for tier in entry.tiers if tier.sees_sensitive_rows -%}
            {%- do allowed.append("is_role_in_session('" ~ tier.role | upper ~ "')") -%}
        {%- endfor -%}
        {%- set body = 'is_sensitive = false\n    or ' ~ allowed | join('\n    or ') -%}
        {%- do setup.append(aegis.aegis_statement('create row access policy if not exists ' ~ policy ~ ' as (is_sensitive boolean) returns boolean ->\n    ' ~ body)) -%}
        {%- do setup.append(aegis.aegis_statement('alter row access policy ' ~ policy ~ ' set body ->\n    ' ~ body,
            same_body={'describe': 'describe row access policy ' ~ policy, 'body': body})) -%}
        {%- do apply.append(aegis.aegis_statement(
            'alter ' ~ kind ~ ' ' ~ base ~ ' add row access policy ' ~ policy ~ ' on (' ~ entry.row_filter.column ~ ')',
            skip_if="select 1 from table(information_schema.policy_references(ref_entity_name => '" ~ base ~ "', ref_entity_domain => '" ~ kind ~ "')) where policy_kind = 'ROW_ACCESS_POLICY'"
        )) -%}
    {%- endif -%}
    {#- 2b. the sensitive-row flag may be filtered on but not shown by tiers that may not see sensitive
        rows: for them it is always false (the row policy), so a filter on it reveals nothing, while a
        projected column would carry the name of a 42 CFR Part 2 partition into every extract and BI
        tool. Join keys get no projection policy: a key that can be filtered on but not shown is an
        oracle (where patient_id = '<guess>'), so identifiers stay masked or denied instead. -#}
    {%- set hidden_from = [] -%}
    {%- for tier in entry.tiers if entry.row_filter and tier.can_read and not tier.sees_sensitive_rows -%}
        {%- do hidden_from.append(tier.tier) -%}
    {%- endfor -%}
    {%- if hidden_from -%}
        {%- set policy = governance ~ '.aegis_project_' ~ entry.row_filter.group -%}
        {%- set shown = ["is_role_in_session('" ~ ctx.transformer_role | upper ~ "')"] -%}
        {%- for tier in entry.tiers if tier.sees_sensitive_rows -%}
            {%- do shown.append("is_role_in_session('" ~ tier.role | upper ~ "')") -%}
        {%- endfor -%}
        {%- set body = 'case\n    when ' ~ shown | join('\n        or ') ~ '\n        then projection_constraint(allow => true)\n    else projection_constraint(allow => false)\nend' -%}
        {%- set skip = aegis.aegis_fakesnow_skip() -%}
        {%- do setup.append(aegis.aegis_statement('create projection policy if not exists ' ~ policy ~ ' as () returns projection_constraint ->\n' ~ body, skip_if=skip)) -%}
        {%- do setup.append(aegis.aegis_statement('alter projection policy ' ~ policy ~ ' set body ->\n' ~ body, skip_if=skip,
            same_body={'describe': 'describe projection policy ' ~ policy, 'body': body})) -%}
        {%- do apply.append(aegis.aegis_statement('alter ' ~ kind ~ ' ' ~ base ~ ' modify column ' ~ entry.row_filter.column ~ ' set projection policy ' ~ policy ~ ' force', skip_if=skip)) -%}
    {%- endif -%}
    {#- 3. aggregates the aggregate tier reads: every query of theirs must group at least
        aegis_small_cell_max + 1 rows (CMS cell size); other tiers and the dbt role are unconstrained -#}
    {%- if entry.aggregate_safe and kind == 'table' -%}
        {%- set policy = governance ~ '.aegis_aggregate_min_group' -%}
        {%- set unconstrained = ["is_role_in_session('" ~ ctx.transformer_role | upper ~ "')"] -%}
        {%- for tier in entry.tiers if tier.tier != 'aggregate' -%}
            {%- do unconstrained.append("is_role_in_session('" ~ tier.role | upper ~ "')") -%}
        {%- endfor -%}
        {%- set body = 'case\n    when ' ~ unconstrained | join('\n        or ') ~ '\n        then no_aggregation_constraint()\n    else aggregation_constraint(min_group_size => ' ~ (var('aegis_small_cell_max', 10) + 1) ~ ')\nend' -%}
        {%- set skip = aegis.aegis_fakesnow_skip() -%}
        {%- do setup.append(aegis.aegis_statement('create aggregation policy if not exists ' ~ policy ~ ' as () returns aggregation_constraint ->\n' ~ body, skip_if=skip)) -%}
        {%- do setup.append(aegis.aegis_statement('alter aggregation policy ' ~ policy ~ ' set body ->\n' ~ body, skip_if=skip,
            same_body={'describe': 'describe aggregation policy ' ~ policy, 'body': body})) -%}
        {%- do apply.append(aegis.aegis_statement('alter table ' ~ base ~ ' set aggregation policy ' ~ policy ~ ' force', skip_if=skip)) -%}
    {%- endif -%}
    {#- 4. grants last -#}
    {%- for tier in entry.tiers -%}
        {%- if tier.can_read -%}
            {%- if ctx.database -%}
                {%- do apply.append(aegis.aegis_statement('grant usage on database ' ~ ctx.database ~ ' to role ' ~ tier.role)) -%}
            {%- endif -%}
            {%- do apply.append(aegis.aegis_statement('grant usage on schema ' ~ aegis.aegis_schema_sql(entry.schema, ctx) ~ ' to role ' ~ tier.role)) -%}
            {%- do apply.append(aegis.aegis_statement('grant select on ' ~ kind ~ ' ' ~ base ~ ' to role ' ~ tier.role)) -%}
        {%- else -%}
            {%- do apply.append(aegis.aegis_statement('revoke select on ' ~ kind ~ ' ' ~ base ~ ' from role ' ~ tier.role)) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return({'setup': setup, 'apply': apply}) }}
{% endmacro %}
