{#- A schema name as SQL, database-qualified like aegis_relation_sql. -#}
{% macro aegis_schema_sql(schema, ctx) %}
    {%- if ctx.database and ctx.engine in ['duckdb', 'snowflake'] -%}
        {{ return(ctx.database ~ '.' ~ schema) }}
    {%- endif -%}
    {{ return(schema) }}
{% endmacro %}
