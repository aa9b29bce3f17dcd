{#- Every record satisfies a SQL expression. On a column, the expression continues the column name
    (`expression: ">= 0"` checks `<column> >= 0`). A null result passes, as in a check constraint.
    Fails with the number of records that do not satisfy it. -#}
{% test expression_is_true(model, expression, column_name=none) %}
    {{ config(fail_calc='coalesce(sum(failing_rows), 0)') }}
    {%- set tested_expression = (column_name ~ ' ' if column_name else '') ~ expression -%}
    {{ aegis.aegis_count_failing_records(model, 'not (' ~ tested_expression ~ ')') }}
{% endtest %}
