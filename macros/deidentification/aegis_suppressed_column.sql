{#- A quasi-identifier as published after k-anonymous suppression: NULL when the row's suppression level
    (aegis_k_anonymous_levels) is past the level that lists `column`, the value otherwise; columns in no
    level are returned as they are. -#}
{% macro aegis_suppressed_column(expression, column, levels, level_expression) -%}
    {%- set ns = namespace(level=none) -%}
    {%- for level in levels -%}
        {%- if ns.level is none and column in level -%}
            {%- set ns.level = loop.index0 -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if ns.level is none -%}
        {{ expression }}
    {%- else -%}
        case when {{ level_expression }} <= {{ ns.level }} then {{ expression }} end
    {%- endif -%}
{%- endmacro %}
