{#- A category close to a mistyped one ('birthdate' -> 'birth_date', 'zip_code' -> 'zip', 'phone_number'
    -> 'phone'), or none. Separators are ignored; then a prefix either way, or a name of 4+ letters inside. -#}
{% macro aegis_suggest_category(value, categories) %}
    {%- set typed = (value | string | lower).replace('_', '').replace('-', '').replace(' ', '') -%}
    {%- set candidates = categories | reject('in', ['none', 'quasi']) | list -%}
    {%- for category in candidates if category.replace('_', '') == typed -%}
        {{ return(category) }}
    {%- endfor -%}
    {%- for category in candidates -%}
        {%- set plain = category.replace('_', '') -%}
        {%- if typed.startswith(plain) or (typed | length > 2 and plain.startswith(typed)) or (plain | length >= 4 and plain in typed) -%}
            {{ return(category) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(none) }}
{% endmacro %}
