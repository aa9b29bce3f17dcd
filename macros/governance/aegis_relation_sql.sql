{#- A plan entry's relation as SQL, optionally in another schema (tier views). The database part is
    only written when rendering for the connected engine (plans for other engines stay portable). -#}
{% macro aegis_relation_sql(entry, ctx, schema=none, identifier=none) %}
    {%- set parts = [] -%}
    {%- if ctx.database and ctx.engine in ['duckdb', 'snowflake'] -%}
        {%- do parts.append(ctx.database) -%}
    {%- endif -%}
    {%- do parts.append(schema or entry.schema) -%}
    {%- do parts.append(identifier or entry.identifier) -%}
    {{ return(parts | join('.')) }}
{% endmacro %}
