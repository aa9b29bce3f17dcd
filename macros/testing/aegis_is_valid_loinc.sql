{#- LOINC code: 1 to 7 digits, a hyphen, the mod 10 check digit of those digits (LOINC's algorithm is
    Luhn's). The digits are left-padded to 7 with zeros, which leaves the Luhn sum unchanged. -#}
{% macro aegis_is_valid_loinc(expression) -%}
    case
        when {{ aegis.aegis_regex_full_match(expression, '[0-9]{1,7}-[0-9]') }}
            then cast(right({{ expression }}, 1) as integer)
                = {{ aegis.aegis_luhn_check_digit("right('0000000' || split_part(" ~ expression ~ ", '-', 1), 7)", 7) }}
        else false
    end
{%- endmacro %}
