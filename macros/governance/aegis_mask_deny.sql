{#- deny: the column is not granted at all. Where an engine cannot withhold a column inside one
    expression (a Snowflake policy body, a PostgreSQL tier view column that is not granted) the value
    is a typed NULL as a second line of defence. -#}
{% macro aegis_mask_deny(expr, column, ctx) %}
    {{ return(adapter.dispatch('aegis_mask_deny', 'aegis')(expr, column, ctx)) }}
{% endmacro %}

{% macro default__aegis_mask_deny(expr, column, ctx) %}
    {{ return(aegis.default__aegis_mask_null(expr, column, ctx)) }}
{% endmacro %}
