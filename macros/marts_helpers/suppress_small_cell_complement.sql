{#-
    Suppression of a part of a published total: the part is null when it is a small cell (1-10) or when
    the rest of the total (total - part) is, because publishing the part next to the total would reveal
    that small rest (complementary suppression). Same threshold var as suppress_small_cell.
-#}
{% macro suppress_small_cell_complement(part_expression, total_expression) -%}
    case
        when {{ part_expression }} between 1 and {{ var('aegis_small_cell_max', 10) }} then null
        when ({{ total_expression }}) - ({{ part_expression }})
            between 1 and {{ var('aegis_small_cell_max', 10) }} then null
        else {{ part_expression }}
    end
{%- endmacro %}
