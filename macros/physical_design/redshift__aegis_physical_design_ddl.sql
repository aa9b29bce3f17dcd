{#- Through dbt-redshift's own dist() and sort() macros, the ones its create_table_as renders. -#}
{% macro redshift__aegis_physical_design_ddl(model_config, relation) %}
    {%- if model_config.get('dist') is none and not model_config.get('sort') -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set clauses = dist(model_config.get('dist')) ~ ' ' ~ sort(model_config.get('sort_type', 'compound'), model_config.get('sort')) -%}
    {{ return(['create table ' ~ relation.incorporate(path={'identifier': relation.identifier ~ '__dbt_tmp'})
              ~ ' ' ~ (clauses | trim) ~ ' as (select * from ' ~ relation ~ ')']) }}
{% endmacro %}
