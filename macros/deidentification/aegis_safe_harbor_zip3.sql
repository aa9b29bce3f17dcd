{#- Safe Harbor 164.514(b)(2)(i)(B): the first three ZIP digits, or '000' where that three-digit area
    has 20,000 people or fewer (the prefixes in var aegis_restricted_zip3). -#}
{% macro aegis_safe_harbor_zip3(zip_column) -%}
    case
        when {{ zip_column }} is null then null
        when left({{ zip_column }}, 3) in (
            {%- for prefix in var('aegis_restricted_zip3') %}'{{ prefix }}'{{ ", " if not loop.last }}{% endfor -%}
        ) then '000'
        else left({{ zip_column }}, 3)
    end
{%- endmacro %}
