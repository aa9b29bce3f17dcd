{#- Errors in the tier x category -> strategy matrix itself (dbt_project.yml vars). -#}
{% macro aegis_validate_matrix(settings) %}
    {%- set errors = [] -%}
    {%- for tier, row in settings.matrix.items() -%}
        {%- if tier not in settings.tiers -%}
            {%- do errors.append("vars.aegis_strategy_matrix: unknown tier '" ~ tier ~ "' (allowed: " ~ settings.tiers | join(', ') ~ ")") -%}
        {%- endif -%}
        {%- for category, strategy in row.items() -%}
            {%- if category != '_default' and category not in settings.categories -%}
                {%- do errors.append("vars.aegis_strategy_matrix." ~ tier ~ ": unknown category '" ~ category ~ "' (allowed: " ~ settings.categories | join(', ') ~ ")") -%}
            {%- endif -%}
            {%- if strategy not in settings.strategies -%}
                {%- do errors.append("vars.aegis_strategy_matrix." ~ tier ~ "." ~ category ~ ": unknown strategy '" ~ strategy ~ "' (allowed: " ~ settings.strategies | join(', ') ~ ")") -%}
            {%- elif tier == 'deidentified' and strategy == 'pseudonym' -%}
                {%- do errors.append("vars.aegis_strategy_matrix.deidentified." ~ category ~ ": pseudonym is never allowed for the deidentified tier (45 CFR 164.514(c))") -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- for tier in settings.tiers if tier not in settings.matrix -%}
        {%- do errors.append("vars.aegis_strategy_matrix: tier '" ~ tier ~ "' has no row") -%}
    {%- endfor -%}
    {{ return(errors) }}
{% endmacro %}
