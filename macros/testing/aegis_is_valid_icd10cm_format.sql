{#- ICD-10-CM code shape: a letter other than U, a digit, a letter or digit, then optionally an
    (optional) dot and 1 to 4 letters or digits. Format only: it does not look the code up. -#}
{% macro aegis_is_valid_icd10cm_format(expression) -%}
    coalesce({{ aegis.aegis_regex_full_match(expression, '[A-TV-Z][0-9][0-9A-Z]([.]?[0-9A-Z]{1,4})?') }}, false)
{%- endmacro %}
