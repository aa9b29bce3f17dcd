{#- run-operation: remove everything Aegis governance applied (tier views and schemas, policies,
    row security, grants, roles) from the current target. dry_run=true (always, for another engine)
    prints the statements instead. Relations that do not exist are left alone. -#}
{% macro aegis_governance_unapply(engine=none, dry_run=false) %}
    {%- set engine = engine or target.type -%}
    {%- set execute_now = execute and not dry_run and engine == target.type -%}
    {%- set ctx = aegis.aegis_render_context(engine) -%}
    {%- set relation_statements = [] -%}
    {%- set shared = [] -%}
    {%- for entry in aegis.aegis_compile_plan(aegis.aegis_classified_nodes()) -%}
        {%- set exists = not execute_now or adapter.get_relation(database=entry.database, schema=entry.schema, identifier=entry.identifier) is not none -%}
        {%- set rendered = aegis.aegis_render_unapply(entry, ctx) -%}
        {%- if exists -%}
            {%- do relation_statements.extend(rendered.relation) -%}
        {%- endif -%}
        {%- for item in rendered.shared if item.sql not in shared | map(attribute='sql') | list -%}
            {%- do shared.append(item) -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- if execute_now -%}
        {%- do aegis.aegis_run_statements(relation_statements + shared) -%}
        {%- do aegis.aegis_commit() -%}
        {%- do log('Aegis governance removed: ' ~ (relation_statements + shared) | length ~ ' statements', info=true) -%}
    {%- else -%}
        {%- do print('-- AEGIS GOVERNANCE UNAPPLY BEGIN\n' ~ aegis.aegis_format_statements(relation_statements + shared) ~ '\n-- AEGIS GOVERNANCE UNAPPLY END') -%}
    {%- endif -%}
{% endmacro %}
