{#- Columns the warehouse has for a relation that its YAML does not classify (the relation must
    exist; a source that is not loaded yet is checked on a later run). -#}
{% macro aegis_undeclared_columns(record) %}
    {%- set errors = [] -%}
    {%- set relation = adapter.get_relation(database=record.database, schema=record.schema, identifier=record.identifier) -%}
    {%- if relation is not none -%}
        {%- set declared = record.columns | map(attribute='name') | list -%}
        {%- for column in adapter.get_columns_in_relation(relation) -%}
            {%- if column.name | lower not in declared -%}
                {%- do errors.append(record.resource_type ~ " '" ~ record.name ~ "' column '" ~ column.name | lower ~ "': present in the warehouse but not classified (add it with config.meta.phi)") -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(errors) }}
{% endmacro %}
