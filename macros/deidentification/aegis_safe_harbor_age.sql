{#- Safe Harbor 164.514(b)(2)(i)(C): ages over 89 fall into one category, shown as 90 ("90 or older").
    Same SQL as the governance strategy `age_cap_90`. -#}
{% macro aegis_safe_harbor_age(age_column) -%}
    {{- aegis.aegis_mask_age_cap_90(age_column, {'family': 'number', 'data_type': 'integer'}, {}) -}}
{%- endmacro %}
