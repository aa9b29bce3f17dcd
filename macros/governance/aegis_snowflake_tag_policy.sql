{#- Snowflake tag-based masking (vars.aegis_snowflake_tag_masking): the statements that create the
    PHI category tag and the one masking policy per type attached to it, whose body branches first on
    the tier role and then on the column's tag value. Returns [] when ctx already rendered them. -#}
{% macro aegis_snowflake_tag_policy(typed, ctx) %}
    {%- set governance = aegis.aegis_schema_sql(ctx.governance_schema, ctx) -%}
    {%- set tag = governance ~ '.aegis_phi_category' -%}
    {%- set policy = governance ~ '.aegis_tag_mask_' ~ typed.data_type | lower -%}
    {%- set statements = [] -%}
    {%- if tag not in ctx.rendered_policies -%}
        {%- do ctx.rendered_policies.update({tag: true}) -%}
        {%- set categories = var('aegis_phi_categories') | reject('equalto', 'none') | list -%}
        {%- do statements.append(aegis.aegis_statement("create tag if not exists " ~ tag ~ " allowed_values '" ~ categories | join("', '") ~ "' comment = 'Aegis PHI category (docs/classification.md)'")) -%}
    {%- endif -%}
    {%- if policy not in ctx.rendered_policies -%}
        {%- do ctx.rendered_policies.update({policy: true}) -%}
        {%- set branches = ["when is_role_in_session('" ~ ctx.transformer_role | upper ~ "') then val"] -%}
        {%- for tier in ctx.tiers -%}
            {%- set cases = [] -%}
            {%- for category in var('aegis_phi_categories') -%}
                {%- set strategy = aegis.aegis_strategy_for(tier, category, {}) -%}
                {%- if strategy != 'clear' -%}
                    {%- do cases.append("when '" ~ category ~ "' then " ~ aegis.aegis_mask(strategy, 'val', typed, ctx)) -%}
                {%- endif -%}
            {%- endfor -%}
            {%- set expression = ("case system$get_tag_on_current_column('" ~ tag ~ "')\n        " ~ cases | join('\n        ') ~ '\n        else val\n    end') if cases else 'val' -%}
            {%- do branches.append("when is_role_in_session('" ~ aegis.aegis_tier_role(tier) | upper ~ "') then " ~ expression) -%}
        {%- endfor -%}
        {%- set body = 'case\n    ' ~ branches | join('\n    ') ~ '\n    else ' ~ aegis.aegis_mask('deny', 'val', typed, ctx) ~ '\nend' -%}
        {%- do statements.append(aegis.aegis_statement('create masking policy if not exists ' ~ policy ~ ' as (val ' ~ typed.data_type ~ ') returns ' ~ typed.data_type ~ ' ->\n' ~ body)) -%}
        {%- do statements.append(aegis.aegis_statement('alter masking policy ' ~ policy ~ ' set body ->\n' ~ body,
            same_body={'describe': 'describe masking policy ' ~ policy, 'body': body})) -%}
        {%- do statements.append(aegis.aegis_statement('alter tag ' ~ tag ~ ' set masking policy ' ~ policy ~ ' force')) -%}
    {%- endif -%}
    {{ return(statements) }}
{% endmacro %}
