{#- One node (model, snapshot, seed or source) as the engine-neutral classification record. -#}
{% macro aegis_classify_node(node) %}
    {%- set meta = aegis.aegis_meta(node) -%}
    {%- set columns = [] -%}
    {%- for column in node.columns.values() -%}
        {%- set column_meta = aegis.aegis_meta(column) -%}
        {%- set category = column_meta.get('phi') -%}
        {%- do columns.append({
            'name': column.name | lower,
            'phi': category,
            'data_type': column.data_type or aegis.aegis_default_data_type(category),
            'data_type_declared': column.data_type is not none,
            'phi_strategy': column_meta.get('phi_strategy') or {},
            'phi_declassified': column_meta.get('phi_declassified'),
            'pseudonym_of': (column_meta.get('pseudonym_of') or '') | lower or none,
        }) -%}
    {%- endfor -%}
    {%- set config = node.get('config') or {} -%}
    {{ return({
        'unique_id': node.unique_id,
        'name': node.name,
        'resource_type': node.resource_type,
        'package_name': node.package_name,
        'database': node.database,
        'schema': node.schema,
        'identifier': node.get('alias') or node.get('identifier') or node.name,
        'materialized': config.get('materialized') or ('source' if node.resource_type == 'source' else none),
        'contract_enforced': ((config.get('contract') or {}).get('enforced')) or false,
        'contains_phi': meta.get('contains_phi'),
        'aggregate_safe': meta.get('aggregate_safe') or false,
        'sensitive_row_column': (meta.get('sensitive_row_column') or none),
        'sensitive_row_group': meta.get('sensitive_row_group'),
        'columns': columns,
    }) }}
{% endmacro %}
