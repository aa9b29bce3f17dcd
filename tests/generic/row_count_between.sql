{#- The model holds between min_value and max_value records (both inclusive; either may be omitted).
    Returns one row: 1 when the count is out of range, else 0. -#}
{% test row_count_between(model, min_value=none, max_value=none) %}
    {{ config(fail_calc='coalesce(sum(failing_rows), 0)') }}
    {%- if min_value is none and max_value is none -%}
        {{ exceptions.raise_compiler_error('row_count_between needs min_value, max_value or both') }}
    {%- endif %}

with counted as (
    select count(*) as record_count
    from {{ model }}
),

out_of_range as (
    select record_count
    from counted
    where
        false
        {%- if min_value is not none %}
        or record_count < {{ min_value }}
        {%- endif %}
        {%- if max_value is not none %}
        or record_count > {{ max_value }}
        {%- endif %}
),

final as (
    select count(*) as failing_rows
    from out_of_range
)

select * from final
{% endtest %}
