{#- HCPCS Level II code shape: a letter A-V then 4 digits.
    Nulls pass (not_null is a separate test). Fails with the number of invalid values. -#}
{% test valid_hcpcs_level2(model, column_name) %}
    {{ config(fail_calc='coalesce(sum(failing_rows), 0)') }}
    {%- set tested_value = 'cast(' ~ column_name ~ ' as ' ~ dbt.type_string() ~ ')' -%}
    {{ aegis.aegis_count_failing_records(
        model,
        column_name ~ ' is not null and not ' ~ aegis.aegis_is_valid_hcpcs_level2(tested_value)
    ) }}
{% endtest %}
