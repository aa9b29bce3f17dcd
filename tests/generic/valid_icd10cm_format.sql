{#- ICD-10-CM code shape: [A-TV-Z][0-9][0-9A-Z] then optionally an optional dot and 1-4 letters or digits.
    Nulls pass (not_null is a separate test). Fails with the number of invalid values. -#}
{% test valid_icd10cm_format(model, column_name) %}
    {{ config(fail_calc='coalesce(sum(failing_rows), 0)') }}
    {%- set tested_value = 'cast(' ~ column_name ~ ' as ' ~ dbt.type_string() ~ ')' -%}
    {{ aegis.aegis_count_failing_records(
        model,
        column_name ~ ' is not null and not ' ~ aegis.aegis_is_valid_icd10cm_format(tested_value)
    ) }}
{% endtest %}
