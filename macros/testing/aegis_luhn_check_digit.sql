{#- The Luhn (mod 10) check digit of a fixed-length string of digits, as portable SQL arithmetic:
    one substring + cast per position, no UDF. Counting from the right, the 1st, 3rd, 5th... digit is
    doubled and its digits summed (0 2 4 6 8 1 3 5 7 9 for 0..9, read from a lookup string so that the
    digit expression appears once); the check digit brings the total up to a multiple of 10.
    Only call it on strings already known to hold `length` digits (the cast fails on anything else). -#}
{% macro aegis_luhn_check_digit(digits, length) -%}
    mod(10 - mod(
    {%- for position in range(1, length + 1) %}
        {%- set digit = 'cast(substring(' ~ digits ~ ', ' ~ position ~ ', 1) as integer)' %}
        {%- if (length - position) % 2 == 0 %}
        cast(substring('0246813579', {{ digit }} + 1, 1) as integer)
        {%- else %}
        {{ digit }}
        {%- endif %}
        {{- ' +' if not loop.last }}
    {%- endfor %}
    , 10), 10)
{%- endmacro %}
