{#- Commit what governance statements did outside a model's own transaction (hooks and
    run-operations end in a ROLLBACK otherwise). Opens a transaction first if none is open, because
    adapter.commit() refuses to commit nothing. Snowflake statements autocommit. -#}
{% macro aegis_commit() %}
    {%- if target.type != 'snowflake' -%}
        {%- do run_query('select 1') -%}
        {%- do adapter.commit() -%}
    {%- endif -%}
{% endmacro %}
