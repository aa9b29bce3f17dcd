{#- All classification errors of the project at once (matrix, then nodes, then source columns found
    in the warehouse but not declared). Returns the list; aegis_check_classification raises. -#}
{% macro aegis_validate_classification(check_warehouse=true) %}
    {%- set settings = aegis.aegis_governance_settings() -%}
    {%- set errors = aegis.aegis_validate_matrix(settings) -%}
    {%- for record in aegis.aegis_classified_nodes() -%}
        {%- do errors.extend(aegis.aegis_validate_node(record, settings)) -%}
        {%- if check_warehouse and execute and record.resource_type == 'source' -%}
            {%- do errors.extend(aegis.aegis_undeclared_columns(record)) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(errors) }}
{% endmacro %}
