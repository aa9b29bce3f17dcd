{#- Snowflake: unset column policies and row access policies, revoke tier grants, then drop the
    policies and the tier roles. -#}
{% macro snowflake__aegis_render_unapply(entry, ctx) %}
    {%- set relation = [] -%}
    {%- set shared = [] -%}
    {%- set governance = aegis.aegis_schema_sql(ctx.governance_schema, ctx) -%}
    {%- set base = aegis.aegis_relation_sql(entry, ctx) -%}
    {%- for column in entry.columns -%}
        {%- set strategies = aegis.aegis_policy_strategies(entry, column) -%}
        {%- if strategies.values() | reject('equalto', 'clear') | list -%}
            {%- set sf_type = aegis.aegis_snowflake_type(column) -%}
            {%- set policy = aegis.aegis_policy_name(column.category, sf_type, strategies) -%}
            {%- if var('aegis_snowflake_tag_masking', false) and policy.endswith('_' ~ column.category ~ '_' ~ sf_type | lower) -%}
                {%- set tag = governance ~ '.aegis_phi_category' -%}
                {%- set tag_policy = governance ~ '.aegis_tag_mask_' ~ sf_type | lower -%}
                {%- do relation.append(aegis.aegis_statement('alter ' ~ entry.relation_kind ~ ' ' ~ base ~ ' modify column ' ~ column.name ~ ' unset tag ' ~ tag)) -%}
                {%- do shared.append(aegis.aegis_statement('alter tag ' ~ tag ~ ' unset masking policy ' ~ tag_policy)) -%}
                {%- do shared.append(aegis.aegis_statement('drop masking policy if exists ' ~ tag_policy)) -%}
                {%- do shared.append(aegis.aegis_statement('drop tag if exists ' ~ tag)) -%}
            {%- else -%}
                {%- do relation.append(aegis.aegis_statement('alter ' ~ entry.relation_kind ~ ' ' ~ base ~ ' modify column ' ~ column.name ~ ' unset masking policy')) -%}
                {%- do shared.append(aegis.aegis_statement('drop masking policy if exists ' ~ governance ~ '.' ~ policy)) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if entry.row_filter -%}
        {%- do relation.append(aegis.aegis_statement('alter ' ~ entry.relation_kind ~ ' ' ~ base ~ ' drop all row access policies')) -%}
        {%- do shared.append(aegis.aegis_statement('drop row access policy if exists ' ~ governance ~ '.aegis_rows_' ~ entry.row_filter.group)) -%}
        {%- if entry.tiers | rejectattr('sees_sensitive_rows') | selectattr('can_read') | list -%}
            {%- do relation.append(aegis.aegis_statement('alter ' ~ entry.relation_kind ~ ' ' ~ base ~ ' modify column ' ~ entry.row_filter.column ~ ' unset projection policy', skip_if=aegis.aegis_fakesnow_skip())) -%}
            {%- do shared.append(aegis.aegis_statement('drop projection policy if exists ' ~ governance ~ '.aegis_project_' ~ entry.row_filter.group, skip_if=aegis.aegis_fakesnow_skip())) -%}
        {%- endif -%}
    {%- endif -%}
    {%- if entry.aggregate_safe and entry.relation_kind == 'table' -%}
        {%- do relation.append(aegis.aegis_statement('alter table ' ~ base ~ ' unset aggregation policy', skip_if=aegis.aegis_fakesnow_skip())) -%}
        {%- do shared.append(aegis.aegis_statement('drop aggregation policy if exists ' ~ governance ~ '.aegis_aggregate_min_group', skip_if=aegis.aegis_fakesnow_skip())) -%}
    {%- endif -%}
    {%- for tier in entry.tiers -%}
        {%- do relation.append(aegis.aegis_statement('revoke select on ' ~ entry.relation_kind ~ ' ' ~ base ~ ' from role ' ~ tier.role)) -%}
    {%- endfor -%}
    {%- for tier in entry.tiers -%}
        {%- do shared.append(aegis.aegis_statement('drop role if exists ' ~ tier.role)) -%}
    {%- endfor -%}
    {{ return({'relation': relation, 'shared': shared}) }}
{% endmacro %}
