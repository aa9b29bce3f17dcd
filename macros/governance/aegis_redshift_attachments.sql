{#- The Redshift masking attachments of a table entry: for each column some readable tier masks,
    one {policy, column, role, tier, priority, expression, data_type} per readable tier that is not
    denied (clear tiers get a pass-through policy so that the more privileged role wins). -#}
{% macro aegis_redshift_attachments(entry, ctx) %}
    {%- set attachments = [] -%}
    {%- set readers = entry.tiers | selectattr('can_read') | list -%}
    {%- for column in entry.columns -%}
        {%- set masked = [] -%}
        {%- for tier in readers if column.strategies[tier.tier] not in ['clear', 'deny'] -%}
            {%- do masked.append(tier.tier) -%}
        {%- endfor -%}
        {%- if masked -%}
            {%- set slug = column.data_type | lower | replace(' ', '_') | replace('(', '_') | replace(')', '') | replace(',', '_') -%}
            {%- for tier in readers if column.strategies[tier.tier] != 'deny' -%}
                {%- set strategy = column.strategies[tier.tier] -%}
                {%- do attachments.append({
                    'policy': 'aegis_mask_' ~ strategy ~ '_' ~ slug,
                    'column': column.name,
                    'data_type': column.data_type,
                    'role': tier.role,
                    'priority': aegis.aegis_tier_priority(tier.tier),
                    'expression': aegis.aegis_mask(strategy, 'val', column, ctx),
                }) -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(attachments) }}
{% endmacro %}
