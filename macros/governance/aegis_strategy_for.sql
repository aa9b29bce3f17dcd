{#- The strategy a tier gets for a column: the column's override, else the matrix row for the
    category, else the tier's _default. -#}
{% macro aegis_strategy_for(tier, category, overrides) %}
    {%- if (overrides or {}).get(tier) -%}
        {{ return(overrides[tier]) }}
    {%- endif -%}
    {%- set row = var('aegis_strategy_matrix').get(tier) or {} -%}
    {{ return(row.get(category, row.get('_default', 'deny'))) }}
{% endmacro %}
