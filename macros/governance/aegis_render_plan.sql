{#- Render a whole plan for one engine: {'setup': [...], 'relations': [{unique_id, relation, statements}]}.
    Shared setup statements (roles, schemas, policies) appear once, in first-use order. -#}
{% macro aegis_render_plan(plan, ctx) %}
    {%- set setup = [] -%}
    {%- set seen = [] -%}
    {%- set relations = [] -%}
    {%- for entry in plan -%}
        {%- set rendered = aegis.aegis_render_entry(entry, ctx) -%}
        {%- for item in rendered.setup if item.sql not in seen -%}
            {%- do seen.append(item.sql) -%}
            {%- do setup.append(item) -%}
        {%- endfor -%}
        {%- do relations.append({
            'unique_id': entry.unique_id,
            'relation': aegis.aegis_relation_sql(entry, ctx),
            'kind': entry.relation_kind,
            'statements': rendered.apply,
        }) -%}
    {%- endfor -%}
    {{ return({'setup': setup, 'relations': relations}) }}
{% endmacro %}
