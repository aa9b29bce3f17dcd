{#- SQL for one strategy applied to `expr` (a column of plan column `column`), for ctx.engine. -#}
{% macro aegis_mask(strategy, expr, column, ctx) %}
    {{ return(aegis.aegis_engine_macro(ctx.engine, 'aegis_mask_' ~ strategy)(expr, column, ctx)) }}
{% endmacro %}
