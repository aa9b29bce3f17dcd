{#- Everything a renderer needs besides the plan entry. reveal_secrets is true only when applying:
    plans printed for review show a placeholder instead of the pseudonym key. rendered_policies
    remembers shared policies already rendered with this context, so a whole-project plan renders
    each policy body once instead of once per column. -#}
{% macro aegis_render_context(engine, reveal_secrets=false) %}
    {%- set settings = aegis.aegis_governance_settings() -%}
    {{ return({
        'engine': engine,
        'reveal_secrets': reveal_secrets,
        'database': target.database if engine == target.type else none,
        'governance_schema': settings.governance_schema,
        'transformer_role': settings.transformer_role,
        'tiers': settings.tiers,
        'restricted_zip3': settings.restricted_zip3,
        'rendered_policies': {},
    }) }}
{% endmacro %}
