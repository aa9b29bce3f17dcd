{#- The strategy of every tier for a column as a shared policy sees it: the column's own strategy for
    tiers that may read the model; the matrix default for the others (they have no grant on it, and
    using the default lets models share one policy per category and type). -#}
{% macro aegis_policy_strategies(entry, column) %}
    {%- set strategies = {} -%}
    {%- for tier in entry.tiers -%}
        {%- if tier.can_read -%}
            {%- do strategies.update({tier.tier: column.strategies[tier.tier]}) -%}
        {%- else -%}
            {%- do strategies.update({tier.tier: aegis.aegis_strategy_for(tier.tier, column.category, {})}) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(strategies) }}
{% endmacro %}
