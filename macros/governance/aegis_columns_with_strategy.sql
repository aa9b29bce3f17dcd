{#- Names of the entry's columns whose strategy for `tier` is (or, with negate, is not) in `strategies`. -#}
{% macro aegis_columns_with_strategy(entry, tier, strategies, negate=false) %}
    {%- set names = [] -%}
    {%- for column in entry.columns -%}
        {%- if (column.strategies[tier] in strategies) != negate -%}
            {%- do names.append(column.name) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(names) }}
{% endmacro %}
