{#- The classification vars of dbt_project.yml in one dict, so every other macro reads one place. -#}
{% macro aegis_governance_settings() %}
    {{ return({
        'categories': var('aegis_phi_categories'),
        'tiers': var('aegis_tiers'),
        'strategies': var('aegis_strategies'),
        'matrix': var('aegis_strategy_matrix'),
        'restricted_zip3': var('aegis_restricted_zip3'),
        'sensitive_groups': var('aegis_sensitive_condition_groups', {}),
        'default_sensitive_group': var('aegis_default_sensitive_group', 'part2_substance_use'),
        'tier_roles': var('aegis_tier_roles', {}),
        'transformer_role': var('aegis_transformer_role', 'aegis_transformer'),
        'governance_schema': var('aegis_governance_schema', 'aegis_governance'),
        'governed_resource_types': ['model', 'snapshot'],
    }) }}
{% endmacro %}
