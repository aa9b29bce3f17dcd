{#- One classified model or snapshot -> its engine-neutral plan entry: who can read it, which rows,
    and the strategy every tier gets for every column (already effective: a tier that may not read
    the model at all gets deny everywhere). -#}
{% macro aegis_compile_entry(record, settings) %}
    {%- set row_filter = none -%}
    {%- if record.sensitive_row_column -%}
        {%- set group = record.sensitive_row_group or settings.default_sensitive_group -%}
        {%- set row_filter = {
            'column': record.sensitive_row_column | lower,
            'group': group,
            'allowed_tiers': (settings.sensitive_groups.get(group) or {}).get('allowed_tiers', []),
        } -%}
    {%- endif -%}
    {%- set tiers = [] -%}
    {%- for tier in settings.tiers -%}
        {%- do tiers.append({
            'tier': tier,
            'role': aegis.aegis_tier_role(tier),
            'can_read': tier != 'aggregate' or record.aggregate_safe,
            'sees_sensitive_rows': row_filter is none or tier in row_filter.allowed_tiers,
        }) -%}
    {%- endfor -%}
    {#- identifier -> the column holding its pseudonym computed at build time (aegis_pseudonym) -#}
    {%- set pseudonym_columns = {} -%}
    {%- for column in record.columns if column.pseudonym_of and column.phi == 'keyed_pseudonym' -%}
        {%- do pseudonym_columns.update({column.pseudonym_of: column.name}) -%}
    {%- endfor -%}
    {%- set columns = [] -%}
    {%- for column in record.columns -%}
        {%- set strategies = {} -%}
        {%- for tier in tiers -%}
            {%- if tier.can_read -%}
                {%- do strategies.update({tier.tier: aegis.aegis_strategy_for(tier.tier, column.phi, column.phi_strategy)}) -%}
            {%- else -%}
                {%- do strategies.update({tier.tier: 'deny'}) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- do columns.append({
            'name': column.name,
            'category': column.phi,
            'data_type': column.data_type,
            'family': aegis.aegis_type_family(column.data_type),
            'overridden': column.phi_strategy | length > 0,
            'pseudonym_column': pseudonym_columns.get(column.name),
            'strategies': strategies,
        }) -%}
    {%- endfor -%}
    {{ return({
        'unique_id': record.unique_id,
        'name': record.name,
        'resource_type': record.resource_type,
        'materialized': record.materialized,
        'relation_kind': 'view' if record.materialized == 'view' else 'table',
        'database': record.database,
        'schema': record.schema,
        'identifier': record.identifier,
        'contains_phi': record.contains_phi is true,
        'aggregate_safe': record.aggregate_safe is true,
        'row_filter': row_filter,
        'tiers': tiers,
        'columns': columns,
    }) }}
{% endmacro %}
