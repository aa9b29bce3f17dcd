{#- No two records share the same values in all of the listed columns (nulls compare equal, as in group by).
    Returns one row: the number of duplicated combinations, never the key values themselves. -#}
{% test unique_combination_of_columns(model, combination_of_columns) %}
    {{ config(fail_calc='coalesce(sum(failing_rows), 0)') }}
    {%- if combination_of_columns | length == 0 -%}
        {{ exceptions.raise_compiler_error('unique_combination_of_columns needs at least one column') }}
    {%- endif -%}
    {%- set column_list = combination_of_columns | join(', ') %}

with duplicated_combinations as (
    select {{ column_list }}
    from {{ model }}
    group by {{ column_list }}
    having count(*) > 1
),

final as (
    select count(*) as failing_rows
    from duplicated_combinations
)

select * from final
{% endtest %}
