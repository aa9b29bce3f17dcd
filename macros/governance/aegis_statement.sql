{#- One DDL statement of a rendering. skip_if: a read-only query; when it returns a row the statement
    is already in effect and apply skips it (engines without IF NOT EXISTS for that object).
    same_body: {describe, body}; apply skips the statement when `describe` reports that body already
    (Snowflake policies: change a body in place only when it changed, never detach and reattach). -#}
{% macro aegis_statement(sql, skip_if=none, same_body=none) %}
    {{ return({'sql': sql | trim, 'skip_if': (skip_if | trim) if skip_if else none, 'same_body': same_body}) }}
{% endmacro %}
