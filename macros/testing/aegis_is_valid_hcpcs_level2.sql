{#- HCPCS Level II code shape: a letter A to V, then 4 digits (CPT codes, all digits, are Level I). -#}
{% macro aegis_is_valid_hcpcs_level2(expression) -%}
    coalesce({{ aegis.aegis_regex_full_match(expression, '[A-V][0-9]{4}') }}, false)
{%- endmacro %}
