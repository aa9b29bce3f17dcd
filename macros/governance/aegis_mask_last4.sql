{#- last4: '***' followed by the last four characters (strings only; other types become NULL). -#}
{% macro aegis_mask_last4(expr, column, ctx) %}
    {{ return(adapter.dispatch('aegis_mask_last4', 'aegis')(expr, column, ctx)) }}
{% endmacro %}

{% macro default__aegis_mask_last4(expr, column, ctx) %}
    {%- if column.family == 'text' -%}
        {{ return("case when " ~ expr ~ " is not null then '***' || right(" ~ expr ~ ", 4) end") }}
    {%- endif -%}
    {{ return('cast(null as ' ~ column.data_type ~ ')') }}
{% endmacro %}
