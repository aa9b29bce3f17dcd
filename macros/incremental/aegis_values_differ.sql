{#- Boolean SQL: the two values differ, null counting as a value (`is distinct from`, which Redshift does not
    have): two different values, or one null and the other not. Two nulls do not differ. -#}
{% macro aegis_values_differ(left, right) -%}
    ({{ left }} <> {{ right }} or ({{ left }} is null) <> ({{ right }} is null))
{%- endmacro %}
