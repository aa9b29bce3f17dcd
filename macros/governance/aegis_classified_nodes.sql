{#- Every project node that carries classification: models, snapshots, seeds and sources of this
    project (packages classify themselves), sorted so that plans and golden files are stable. -#}
{% macro aegis_classified_nodes() %}
    {%- set records = [] -%}
    {%- for node in graph.nodes.values() | sort(attribute='unique_id') -%}
        {%- if node.resource_type in ['model', 'snapshot', 'seed'] and node.package_name == project_name -%}
            {%- do records.append(aegis.aegis_classify_node(node)) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- for source in graph.sources.values() | sort(attribute='unique_id') -%}
        {%- if source.package_name == project_name -%}
            {%- do records.append(aegis.aegis_classify_node(source)) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(records) }}
{% endmacro %}
