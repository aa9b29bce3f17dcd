{#-
    A select of every column this project classifies as PHI (config.meta.phi other than none): database_name,
    schema_name, relation_name, column_name, phi_category; one union-all branch per column, read from the
    graph through the governance helper aegis_classified_nodes (the single reader of the classification).
    Seeds are left out (they never hold PHI). Empty but typed while parsing (the graph is not loaded then).
-#}
{% macro phi_classified_columns() -%}
    {%- set branches = [] -%}
    {%- if execute -%}
        {%- for node in aegis.aegis_classified_nodes() if node.resource_type in ['model', 'snapshot', 'source'] -%}
            {%- for column in node.columns if column.phi not in [none, 'none'] -%}
                {%- do branches.append(
                    "select '" ~ node.database ~ "' as database_name, '" ~ node.schema ~ "' as schema_name, '"
                    ~ node.identifier ~ "' as relation_name, '" ~ column.name ~ "' as column_name, '"
                    ~ column.phi ~ "' as phi_category"
                ) -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if branches -%}
        {{ branches | join('\n    union all\n    ') }}
    {%- else -%}
        select
            cast(null as {{ dbt.type_string() }}) as database_name,
            cast(null as {{ dbt.type_string() }}) as schema_name,
            cast(null as {{ dbt.type_string() }}) as relation_name,
            cast(null as {{ dbt.type_string() }}) as column_name,
            cast(null as {{ dbt.type_string() }}) as phi_category
        where 1 = 0
    {%- endif -%}
{%- endmacro %}
