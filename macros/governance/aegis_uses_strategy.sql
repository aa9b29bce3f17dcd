{#- Whether any column of the entry uses `strategy` for any tier that can read it. -#}
{% macro aegis_uses_strategy(entry, strategy) %}
    {%- for column in entry.columns -%}
        {%- if strategy in column.strategies.values() -%}
            {{ return(true) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(false) }}
{% endmacro %}
