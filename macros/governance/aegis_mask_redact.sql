{#- redact: a constant for strings (NULL stays NULL), a typed NULL for other types. -#}
{% macro aegis_mask_redact(expr, column, ctx) %}
    {{ return(adapter.dispatch('aegis_mask_redact', 'aegis')(expr, column, ctx)) }}
{% endmacro %}

{% macro default__aegis_mask_redact(expr, column, ctx) %}
    {%- if column.family == 'text' -%}
        {{ return("case when " ~ expr ~ " is not null then '[REDACTED]' end") }}
    {%- endif -%}
    {{ return('cast(null as ' ~ column.data_type ~ ')') }}
{% endmacro %}
