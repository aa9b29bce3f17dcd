{#- True when the whole string matches the pattern (the pattern carries no ^/$ anchors: every engine anchors it).
    Patterns stay within POSIX ERE without backslashes ([0-9], [.]) so that they mean the same on every engine. -#}
{% macro aegis_regex_full_match(expression, pattern) %}
    {{- return(adapter.dispatch('aegis_regex_full_match', 'aegis')(expression, pattern)) -}}
{% endmacro %}

{#- Snowflake (and most other warehouses): regexp_like anchors the pattern at both ends. -#}
{% macro default__aegis_regex_full_match(expression, pattern) -%}
    regexp_like({{ expression }}, '{{ pattern }}')
{%- endmacro %}

{% macro duckdb__aegis_regex_full_match(expression, pattern) -%}
    regexp_full_match({{ expression }}, '{{ pattern }}')
{%- endmacro %}

{#- PostgreSQL and Redshift (which falls back to postgres__): the POSIX operator, anchored here. -#}
{% macro postgres__aegis_regex_full_match(expression, pattern) -%}
    ({{ expression }} ~ '^({{ pattern }})$')
{%- endmacro %}
