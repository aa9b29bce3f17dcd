{#- The Snowflake type of a masking policy signature for a plan column (policies must take and
    return exactly the column's type; every VARCHAR length matches VARCHAR). -#}
{% macro aegis_snowflake_type(column) %}
    {%- set declared = (column.data_type or '') | lower -%}
    {%- if column.family == 'timestamp' -%}
        {{ return(declared if declared.startswith('timestamp_') else 'timestamp_ntz') }}
    {%- endif -%}
    {{ return({'text': 'varchar', 'date': 'date', 'number': 'number', 'boolean': 'boolean'}.get(column.family, declared)) }}
{% endmacro %}
