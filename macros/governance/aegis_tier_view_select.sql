{#- The select of a tier's masked view: every column through its strategy, denied columns left out
    (include_denied=false) or kept as typed NULLs that are never granted (include_denied=true), and
    sensitive rows filtered when the tier may not see them (a NULL flag counts as sensitive). -#}
{% macro aegis_tier_view_select(entry, tier, ctx, include_denied=false) %}
    {%- set expressions = [] -%}
    {%- for column in entry.columns -%}
        {%- set strategy = column.strategies[tier.tier] -%}
        {%- if strategy != 'deny' or include_denied -%}
            {%- set expression = aegis.aegis_mask(strategy, column.name, column, ctx) -%}
            {%- do expressions.append(expression if expression == column.name else expression ~ ' as ' ~ column.name) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if not expressions -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set sql = 'select\n    ' ~ expressions | join(',\n    ') ~ '\nfrom ' ~ aegis.aegis_relation_sql(entry, ctx) -%}
    {%- if entry.row_filter and not tier.sees_sensitive_rows -%}
        {%- set sql = sql ~ '\nwhere ' ~ entry.row_filter.column ~ ' = false' -%}
    {%- endif -%}
    {{ return(sql) }}
{% endmacro %}
