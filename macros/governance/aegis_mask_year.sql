{#- year: only the year survives (Safe Harbor item 3). Dates and timestamps keep their type as
    January 1st of the year (masking policies must return the input type); strings keep the first
    four characters (ISO dates); other types become NULL. -#}
{% macro aegis_mask_year(expr, column, ctx) %}
    {{ return(adapter.dispatch('aegis_mask_year', 'aegis')(expr, column, ctx)) }}
{% endmacro %}

{% macro default__aegis_mask_year(expr, column, ctx) %}
    {%- if column.family in ['date', 'timestamp'] -%}
        {{ return("cast(date_trunc('year', " ~ expr ~ ") as " ~ column.data_type ~ ")") }}
    {%- elif column.family == 'text' -%}
        {{ return("left(" ~ expr ~ ", 4)") }}
    {%- endif -%}
    {{ return('cast(null as ' ~ column.data_type ~ ')') }}
{% endmacro %}
