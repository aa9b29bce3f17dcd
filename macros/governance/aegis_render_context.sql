{#- Everything a renderer needs besides the plan entry. It holds no secret: the pseudonym key is read
    by the warehouse where it is stored (aegis_pseudonym_key_setup), so plans, applied DDL and logs are
    the same text. rendered_policies remembers shared policies already rendered with this context, so
    a whole-project plan renders each policy body once instead of once per column. -#}
{% macro aegis_render_context(engine) %}
    {%- set settings = aegis.aegis_governance_settings() -%}
    {{ return({
        'engine': engine,
        'database': target.database if engine == target.type else none,
        'governance_schema': settings.governance_schema,
        'transformer_role': settings.transformer_role,
        'tiers': settings.tiers,
        'restricted_zip3': settings.restricted_zip3,
        'rendered_policies': {},
    }) }}
{% endmacro %}
