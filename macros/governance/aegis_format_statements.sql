{#- Statements as a reviewable SQL script: each ends with ';', guards shown as comments. -#}
{% macro aegis_format_statements(statements) %}
    {%- set lines = [] -%}
    {%- for item in statements -%}
        {%- if item.skip_if -%}
            {%- do lines.append('-- skipped when this returns a row: ' ~ item.skip_if) -%}
        {%- endif -%}
        {%- if item.same_body -%}
            {%- do lines.append('-- skipped when `' ~ item.same_body.describe ~ '` shows this body already') -%}
        {%- endif -%}
        {%- do lines.append(item.sql ~ ';') -%}
    {%- endfor -%}
    {{ return(lines | join('\n')) }}
{% endmacro %}
