{#- The DDL that builds each model declaring a physical design with that design on the current target, as
    text, for review and for the golden files (tests/python/test_physical_design.py). Compiled through
    analyses/physical_design_plan.sql, which opens no connection (run-operation would):
        dbt compile --target redshift_parse --no-populate-cache -s analysis:physical_design_plan
    The select reads the built relation itself: the model's own SQL is compiled by dbt at build time. -#}
{% macro aegis_physical_design_plan() %}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set out = ['-- AEGIS PHYSICAL DESIGN BEGIN', '-- engine: ' ~ target.type ~ '; nothing below has been executed'] -%}
    {%- for node in graph.nodes.values() | sort(attribute='unique_id') -%}
        {%- if node.resource_type == 'model' and node.config.materialized in ['table', 'incremental'] -%}
            {%- set relation = api.Relation.create(database=node.database, schema=node.schema, identifier=node.alias) -%}
            {%- set statements = aegis.aegis_physical_design_ddl(node.config, relation) -%}
            {%- if statements -%}
                {%- do out.append('') -%}
                {%- do out.append('-- ' ~ node.unique_id) -%}
                {%- for statement in statements -%}
                    {%- do out.append(statement | trim ~ ';') -%}
                {%- endfor -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- do out.append('-- AEGIS PHYSICAL DESIGN END') -%}
    {{ return(out | join('\n')) }}
{% endmacro %}
