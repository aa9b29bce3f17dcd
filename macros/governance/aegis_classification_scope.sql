{#- Which nodes the on-run-start check validates: 'selected' (only the nodes this command selected) on a
    development target outside CI, 'all' everywhere else. So `dbt build -s other_model` is not blocked by a
    model still being written, while CI (env CI set) and every other target fail closed on any node.
    vars: aegis_dev_targets (default [dev]); aegis_classification_scope: all forces a full check. -#}
{% macro aegis_classification_scope() %}
    {%- set forced = var('aegis_classification_scope', none) -%}
    {%- if forced == 'all' -%}
        {{ return('all') }}
    {%- endif -%}
    {%- if flags.WHICH not in ['build', 'run', 'test', 'seed', 'snapshot'] or not selected_resources -%}
        {#- run-operation (aegis governance check), compile, docs: no selection to narrow to -#}
        {{ return('all') }}
    {%- endif -%}
    {%- set dev_target = target.name in var('aegis_dev_targets', ['dev']) -%}
    {%- set in_ci = env_var('CI', '') | length > 0 -%}
    {{ return('selected' if dev_target and not in_ci else 'all') }}
{% endmacro %}
