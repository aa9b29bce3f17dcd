{#- year: only the year survives (Safe Harbor item 3), and not even the year when the date lies 90 or
    more years before the query date: for a birth date that is a person over 89, whose every date
    element indicative of age must fall into the single "90 or older" category (45 CFR
    164.514(b)(2)(i)(C)); for any other date of a person it implies the same age. That category is NULL
    (the column keeps its type; an age column under age_cap_90 shows 90). Judged at query time, so a
    person's year disappears on their 90th birthday. Dates and timestamps keep their type as January
    1st of the year (masking policies must return the input type); strings (ISO dates) keep the first
    four characters, judged by year alone (conservative: a year 90 before the current one is withheld);
    other types become NULL. -#}
{% macro aegis_mask_year(expr, column, ctx) %}
    {{ return(adapter.dispatch('aegis_mask_year', 'aegis')(expr, column, ctx)) }}
{% endmacro %}

{% macro default__aegis_mask_year(expr, column, ctx) %}
    {%- set cutoff = aegis.aegis_engine_macro(ctx.engine, 'aegis_years_before_today')(90) -%}
    {%- if column.family in ['date', 'timestamp'] -%}
        {{ return("case when cast(" ~ expr ~ " as date) > " ~ cutoff ~ " then cast(date_trunc('year', " ~ expr ~ ") as " ~ column.data_type ~ ") end") }}
    {%- elif column.family == 'text' -%}
        {{ return("case when cast(left(" ~ expr ~ ", 4) as integer) > extract(year from " ~ cutoff ~ ") then left(" ~ expr ~ ", 4) end") }}
    {%- endif -%}
    {{ return('cast(null as ' ~ column.data_type ~ ')') }}
{% endmacro %}
