{#- NPI: 10 digits whose last digit is the Luhn check digit of '80840' + the first 9.
    Nulls pass (not_null is a separate test). Fails with the number of invalid values. -#}
{% test valid_npi(model, column_name) %}
    {{ config(fail_calc='coalesce(sum(failing_rows), 0)') }}
    {%- set tested_value = 'cast(' ~ column_name ~ ' as ' ~ dbt.type_string() ~ ')' -%}
    {{ aegis.aegis_count_failing_records(
        model,
        column_name ~ ' is not null and not ' ~ aegis.aegis_is_valid_npi(tested_value)
    ) }}
{% endtest %}
