{#- One DDL statement of a rendering. skip_if: a read-only query; when it returns a row the statement
    is already in effect and apply skips it (engines without IF NOT EXISTS for that object). -#}
{% macro aegis_statement(sql, skip_if=none) %}
    {{ return({'sql': sql | trim, 'skip_if': (skip_if | trim) if skip_if else none}) }}
{% endmacro %}
