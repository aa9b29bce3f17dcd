{#- Safe Harbor 164.514(b)(2)(i)(C): of a date, only the year may stay. An integer on every engine
    (extract returns bigint, numeric or number depending on the engine). -#}
{% macro aegis_safe_harbor_year(date_column) -%}
    cast(extract(year from {{ date_column }}) as integer)
{%- endmacro %}
