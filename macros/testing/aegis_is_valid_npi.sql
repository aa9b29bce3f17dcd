{#- NPI (45 CFR 162.406): 10 digits, the last one the Luhn check digit of '80840' + the first 9
    ('80840' is the ISO 7812 prefix for US health applications). False for any non-null malformed value. -#}
{% macro aegis_is_valid_npi(expression) -%}
    case
        when {{ aegis.aegis_regex_full_match(expression, '[0-9]{10}') }}
            then cast(substring({{ expression }}, 10, 1) as integer)
                = {{ aegis.aegis_luhn_check_digit("'80840' || substring(" ~ expression ~ ", 1, 9)", 14) }}
        else false
    end
{%- endmacro %}
