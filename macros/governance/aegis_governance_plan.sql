{#- run-operation: print the governance DDL of the whole project for a DBA to review; executes
    nothing. engine defaults to the current target's; another engine (snowflake, redshift,
    postgres, duckdb) renders without its connection, from declared column types. For the current
    engine, relations that exist are read for their real column types (read-only). -#}
{% macro aegis_governance_plan(engine=none) %}
    {%- set engine = engine or target.type -%}
    {%- set ctx = aegis.aegis_render_context(engine) -%}
    {%- set plan = aegis.aegis_compile_plan(aegis.aegis_classified_nodes()) -%}
    {%- if engine == target.type and execute -%}
        {%- set live_plan = [] -%}
        {%- for entry in plan -%}
            {%- set relation = adapter.get_relation(database=entry.database, schema=entry.schema, identifier=entry.identifier) -%}
            {%- do live_plan.append(aegis.aegis_live_entry(entry, relation) if relation is not none else entry) -%}
        {%- endfor -%}
        {%- set plan = live_plan -%}
    {%- endif -%}
    {%- set rendered = aegis.aegis_render_plan(plan, ctx) -%}
    {%- set out = [
        '-- AEGIS GOVERNANCE PLAN BEGIN',
        '-- engine: ' ~ engine ~ '; relations: ' ~ plan | length ~ '; nothing below has been executed',
        '',
        '-- shared objects: roles, schemas, policies',
        aegis.aegis_format_statements(rendered.setup),
    ] -%}
    {%- for relation in rendered.relations -%}
        {%- do out.append('') -%}
        {%- do out.append('-- ' ~ relation.unique_id ~ ' -> ' ~ relation.relation ~ ' (' ~ relation.kind ~ ')') -%}
        {%- do out.append(aegis.aegis_format_statements(relation.statements)) -%}
    {%- endfor -%}
    {%- do out.append('-- AEGIS GOVERNANCE PLAN END') -%}
    {%- do print(out | join('\n')) -%}
{% endmacro %}
