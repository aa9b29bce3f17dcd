{#- The one policy compiler: classified nodes -> engine-neutral plan (a list of entries, one per
    governed relation). Sources and seeds are never granted to tier roles, ephemeral models have no
    relation, so neither appears. Renderers turn the plan into DDL for one engine. -#}
{% macro aegis_compile_plan(records) %}
    {%- set settings = aegis.aegis_governance_settings() -%}
    {%- set plan = [] -%}
    {%- for record in records -%}
        {%- if record.resource_type in settings.governed_resource_types and record.materialized != 'ephemeral' -%}
            {%- do plan.append(aegis.aegis_compile_entry(record, settings)) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(plan) }}
{% endmacro %}
