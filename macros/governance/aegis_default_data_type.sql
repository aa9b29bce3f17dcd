{#- The type assumed for a column that declares no data_type (plans rendered without a warehouse);
    at apply time the live relation's types replace it. -#}
{% macro aegis_default_data_type(category) %}
    {%- if category in ['birth_date', 'death_date', 'event_date'] -%}
        {{ return('date') }}
    {%- elif category == 'age' -%}
        {{ return('integer') }}
    {%- else -%}
        {{ return('varchar') }}
    {%- endif -%}
{% endmacro %}
