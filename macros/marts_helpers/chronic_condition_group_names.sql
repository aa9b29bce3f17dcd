{#-
    The chronic condition groups of the chronic_condition_groups seed, as a list, for models that need one
    column per group (a contract needs the columns known at compile time). The seed's accepted_values
    test on condition_group lists the same names, so a group added to the seed fails until it is added here.
-#}
{% macro chronic_condition_group_names() %}
    {{ return([
        'diabetes', 'heart_failure', 'copd', 'hypertension', 'ckd', 'hyperlipidemia', 'depression',
        'part2_substance_use',
    ]) }}
{% endmacro %}
