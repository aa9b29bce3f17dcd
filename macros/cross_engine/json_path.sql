{#- Renders a JSON path given as a list of keys (strings) and array positions (integers, 0-based)
    in the form each engine's JSON accessor expects. -#}
{% macro json_path(path) -%}
    {{ return(adapter.dispatch('json_path', 'aegis')(path)) }}
{%- endmacro %}

{#- DuckDB json_extract*: '$.name[0].given[0]' -#}
{% macro default__json_path(path) -%}
    '${% for step in path %}{% if step is number %}[{{ step }}]{% else %}.{{ step }}{% endif %}{% endfor %}'
{%- endmacro %}

{#- Snowflake get_path: 'name[0].given[0]' -#}
{% macro snowflake__json_path(path) -%}
    '{% for step in path %}{% if step is number %}[{{ step }}]{% else %}{{ '.' if not loop.first }}{{ step }}{% endif %}{% endfor %}'
{%- endmacro %}

{#- PostgreSQL #> / #>> text-array path: '{name,0,given,0}' -#}
{% macro postgres__json_path(path) -%}
    '{{ '{' }}{{ path | join(',') }}{{ '}' }}'
{%- endmacro %}

{#- Redshift SUPER navigation suffix: ."name"[0]."given"[0] (quoted: FHIR keys are camelCase) -#}
{% macro redshift__json_path(path) -%}
    {% for step in path %}{% if step is number %}[{{ step }}]{% else %}."{{ step }}"{% endif %}{% endfor %}
{%- endmacro %}
