{#- on-run-start hook (after the classification check): create the shared governance objects of
    the whole plan (roles, tier schemas, policies, pseudonym key) once, before any model builds.
    Models then build in parallel threads without racing to create the same role or schema (DuckDB
    reports a write-write conflict, PostgreSQL a duplicate), and each post-hook finds them in place. -#}
{% macro aegis_prepare_governance() %}
    {%- if not execute or flags.WHICH not in ['run', 'build', 'snapshot', 'retry'] or not var('aegis_governance_enabled', true) -%}
        {{ return('') }}
    {%- endif -%}
    {%- set ctx = aegis.aegis_render_context(target.type) -%}
    {%- set rendered = aegis.aegis_render_plan(aegis.aegis_compile_plan(aegis.aegis_classified_nodes()), ctx) -%}
    {%- do aegis.aegis_run_statements(rendered.setup) -%}
    {%- do aegis.aegis_commit() -%}
    {{ return('') }}
{% endmacro %}
