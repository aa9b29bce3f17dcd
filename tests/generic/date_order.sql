{#- start_column <= end_column on every record. A null start passes; a null end passes unless
    allow_null_end is false (then an open end fails, whatever the start).
    Fails with the number of records out of order. -#}
{% test date_order(model, start_column, end_column, allow_null_end=true) %}
    {{ config(fail_calc='coalesce(sum(failing_rows), 0)') }}
    {%- set failure_condition = start_column ~ ' > ' ~ end_column -%}
    {%- if not allow_null_end -%}
        {%- set failure_condition = failure_condition ~ ' or ' ~ end_column ~ ' is null' -%}
    {%- endif -%}
    {{ aegis.aegis_count_failing_records(model, failure_condition) }}
{% endtest %}
