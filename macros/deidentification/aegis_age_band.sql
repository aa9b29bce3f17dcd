{#- An age in years as a band ('0-17', '18-34', '35-49', '50-64', '65-74', '75-89', '90+'): the
    generalised age the k-anonymity step keeps when exact ages are too rare. '90+' is Safe Harbor's
    single category for ages over 89. -#}
{% macro aegis_age_band(age_column) -%}
    case
        when {{ age_column }} is null then null
        when {{ age_column }} < 18 then '0-17'
        when {{ age_column }} < 35 then '18-34'
        when {{ age_column }} < 50 then '35-49'
        when {{ age_column }} < 65 then '50-64'
        when {{ age_column }} < 75 then '65-74'
        when {{ age_column }} < 90 then '75-89'
        else '90+'
    end
{%- endmacro %}
