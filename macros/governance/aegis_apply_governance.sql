{#- Model/snapshot post-hook: protect the relation just built, on `dbt run`, `build` and `snapshot`
    only (never on compile, docs generate, parse...). Runs inside the model's transaction where the
    engine has one, protection before grants, so no tier can read an unprotected relation. -#}
{% macro aegis_apply_governance() %}
    {#- retry re-runs a failed run or build: its models must be protected too -#}
    {%- if not execute or flags.WHICH not in ['run', 'build', 'snapshot', 'retry'] or not var('aegis_governance_enabled', true) -%}
        {{ return('') }}
    {%- endif -%}
    {%- set node = graph.nodes.get(model.unique_id) -%}
    {%- if node is none or node.resource_type not in ['model', 'snapshot'] or node.config.materialized == 'ephemeral' -%}
        {{ return('') }}
    {%- endif -%}
    {%- set settings = aegis.aegis_governance_settings() -%}
    {%- set entry = aegis.aegis_compile_entry(aegis.aegis_classify_node(node), settings) -%}
    {%- set entry = aegis.aegis_live_entry(entry, this) -%}
    {%- set rendered = aegis.aegis_render_entry(entry, aegis.aegis_render_context(target.type)) -%}
    {%- do aegis.aegis_serialize_governance() -%}
    {%- do aegis.aegis_run_statements(rendered.setup + rendered.apply) -%}
    {{ return('') }}
{% endmacro %}
