{#- Safe Harbor 164.514(b)(2)(i)(C): ages over 89 fall into one category, shown as 90 ("90 or older"). -#}
{% macro aegis_safe_harbor_age(age_column) -%}
    case when {{ age_column }} > 89 then 90 else {{ age_column }} end
{%- endmacro %}
