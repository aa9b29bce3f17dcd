{#-
    A select of the distinct keys of `from_relation` whose ICD-10-CM code column falls in the 42 CFR Part 2
    group (part2_substance_use) of the chronic_condition_groups seed. The caller imports the seed in its own
    CTE (`condition_groups_relation`) so that every ref stays at the top of the model.
-#}
{% macro part2_sensitive_keys(from_relation, key_column, code_column, condition_groups_relation) -%}
    select distinct {{ from_relation }}.{{ key_column }}
    from {{ from_relation }}
    inner join {{ condition_groups_relation }}
        on {{ icd10cm_matches_prefix(
            from_relation ~ '.' ~ code_column,
            condition_groups_relation ~ '.icd10cm_prefix',
        ) }}
    where {{ condition_groups_relation }}.condition_group = 'part2_substance_use'
{%- endmacro %}
