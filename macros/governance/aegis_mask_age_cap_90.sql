{#- age_cap_90: ages over 89 become 90 (Safe Harbor item 3). Numbers only; other types become NULL. -#}
{% macro aegis_mask_age_cap_90(expr, column, ctx) %}
    {{ return(adapter.dispatch('aegis_mask_age_cap_90', 'aegis')(expr, column, ctx)) }}
{% endmacro %}

{% macro default__aegis_mask_age_cap_90(expr, column, ctx) %}
    {%- if column.family == 'number' -%}
        {{ return("case when " ~ expr ~ " > 89 then cast(90 as " ~ column.data_type ~ ") else " ~ expr ~ " end") }}
    {%- endif -%}
    {{ return('cast(null as ' ~ column.data_type ~ ')') }}
{% endmacro %}
