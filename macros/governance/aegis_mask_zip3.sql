{#- zip3: the first three digits of a ZIP code; the restricted prefixes (vars.aegis_restricted_zip3,
    areas of 20,000 people or fewer) become '000'. Strings only; other types become NULL. -#}
{% macro aegis_mask_zip3(expr, column, ctx) %}
    {{ return(adapter.dispatch('aegis_mask_zip3', 'aegis')(expr, column, ctx)) }}
{% endmacro %}

{% macro default__aegis_mask_zip3(expr, column, ctx) %}
    {%- if column.family == 'text' -%}
        {%- set restricted = "'" ~ ctx.restricted_zip3 | join("', '") ~ "'" -%}
        {{ return("case when left(" ~ expr ~ ", 3) in (" ~ restricted ~ ") then '000' else left(" ~ expr ~ ", 3) end") }}
    {%- endif -%}
    {{ return('cast(null as ' ~ column.data_type ~ ')') }}
{% endmacro %}
