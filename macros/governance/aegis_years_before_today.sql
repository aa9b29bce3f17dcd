{#- The date `years` years before the current date, as SQL of one engine (the Safe Harbor 90+ cutoff
    of the year strategy). -#}
{% macro aegis_years_before_today(years) %}
    {{ return(adapter.dispatch('aegis_years_before_today', 'aegis')(years)) }}
{% endmacro %}

{% macro default__aegis_years_before_today(years) %}
    {{ return("cast(current_date - interval '" ~ years ~ " years' as date)") }}
{% endmacro %}

{% macro snowflake__aegis_years_before_today(years) %}
    {{ return("dateadd(year, -" ~ years ~ ", current_date())") }}
{% endmacro %}

{% macro redshift__aegis_years_before_today(years) %}
    {{ return("dateadd(year, -" ~ years ~ ", current_date)::date") }}
{% endmacro %}
