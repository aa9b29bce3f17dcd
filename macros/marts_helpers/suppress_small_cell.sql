{#-
    CMS cell-size suppression rule: a count between 1 and 10 (inclusive) is published as null; 0 and
    counts above 10 are kept. The threshold is the var `aegis_small_cell_max` (default 10).
-#}
{% macro suppress_small_cell(count_expression) -%}
    case
        when {{ count_expression }} between 1 and {{ var('aegis_small_cell_max', 10) }} then null
        else {{ count_expression }}
    end
{%- endmacro %}
