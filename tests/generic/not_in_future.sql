{#- No date (or timestamp, compared by its calendar date) lies after today + allowance_days.
    Calendar dates keep the test stable across time zones: a timestamp later today passes.
    Fails with the number of records in the future. -#}
{% test not_in_future(model, column_name, allowance_days=0) %}
    {{ config(fail_calc='coalesce(sum(failing_rows), 0)') }}
    {%- set latest_accepted = dbt.dateadd('day', allowance_days | int, 'current_date') -%}
    {{ aegis.aegis_count_failing_records(model, 'cast(' ~ column_name ~ ' as date) > ' ~ latest_accepted) }}
{% endtest %}
