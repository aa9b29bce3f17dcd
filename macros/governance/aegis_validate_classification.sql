{#- All classification errors of the project at once (matrix, then nodes, then source columns found
    in the warehouse but not declared); `only`: the unique_ids of the models, snapshots and seeds to look at (none = all; sources always). Returns the
    list; aegis_check_classification raises. -#}
{% macro aegis_validate_classification(check_warehouse=true, only=none) %}
    {%- set settings = aegis.aegis_governance_settings() -%}
    {%- set errors = aegis.aegis_validate_matrix(settings) -%}
    {%- for record in aegis.aegis_classified_nodes() if only is none or record.resource_type == 'source' or record.unique_id in only -%}
        {%- set node = graph.nodes.get(record.unique_id) or graph.sources.get(record.unique_id) or {} -%}
        {%- set yaml_path = (node.get('patch_path') or '').split('://')[-1] or (node.get('original_file_path') if record.resource_type == 'source' else none) -%}
        {%- do errors.extend(aegis.aegis_validate_node(record, settings, yaml_path or none)) -%}
        {%- if check_warehouse and execute and record.resource_type == 'source' -%}
            {%- do errors.extend(aegis.aegis_undeclared_columns(record)) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(errors) }}
{% endmacro %}
