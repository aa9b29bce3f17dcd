{#- clear: the value as stored. -#}
{% macro aegis_mask_clear(expr, column, ctx) %}
    {{ return(adapter.dispatch('aegis_mask_clear', 'aegis')(expr, column, ctx)) }}
{% endmacro %}

{% macro default__aegis_mask_clear(expr, column, ctx) %}
    {{ return(expr) }}
{% endmacro %}
