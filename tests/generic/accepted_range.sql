{#- Every non-null value lies within [min_value, max_value] (bounds excluded when inclusive is false);
    `where` limits the records tested. Fails with the number of records out of range. -#}
{% test accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true, where=none) %}
    {{ config(fail_calc='coalesce(sum(failing_rows), 0)') }}
    {%- if min_value is none and max_value is none -%}
        {{ exceptions.raise_compiler_error('accepted_range needs min_value, max_value or both') }}
    {%- endif -%}
    {%- set operator_suffix = '=' if inclusive else '' -%}
    {%- set out_of_range = [] -%}
    {%- if min_value is not none -%}
        {%- do out_of_range.append('not (' ~ column_name ~ ' >' ~ operator_suffix ~ ' ' ~ min_value ~ ')') -%}
    {%- endif -%}
    {%- if max_value is not none -%}
        {%- do out_of_range.append('not (' ~ column_name ~ ' <' ~ operator_suffix ~ ' ' ~ max_value ~ ')') -%}
    {%- endif -%}
    {%- set failure_condition = '(' ~ out_of_range | join(' or ') ~ ')' -%}
    {%- if where -%}
        {%- set failure_condition = '(' ~ where ~ ') and ' ~ failure_condition -%}
    {%- endif -%}
    {{ aegis.aegis_count_failing_records(model, failure_condition) }}
{% endtest %}
