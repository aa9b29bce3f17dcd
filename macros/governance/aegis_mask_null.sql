{#- null: a typed NULL, so the column keeps its type and its place. -#}
{% macro aegis_mask_null(expr, column, ctx) %}
    {{ return(adapter.dispatch('aegis_mask_null', 'aegis')(expr, column, ctx)) }}
{% endmacro %}

{% macro default__aegis_mask_null(expr, column, ctx) %}
    {{ return('cast(null as ' ~ column.data_type ~ ')') }}
{% endmacro %}
