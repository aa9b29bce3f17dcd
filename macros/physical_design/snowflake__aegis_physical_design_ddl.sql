{#- As dbt-snowflake's table materialization with cluster_by (relations/table/create.sql): the select ordered
    by the clustering key, then the key declared on the table. -#}
{% macro snowflake__aegis_physical_design_ddl(model_config, relation) %}
    {%- set cluster_by = model_config.get('cluster_by') -%}
    {%- if not cluster_by -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set keys = (cluster_by if cluster_by is not string else [cluster_by]) | join(', ') -%}
    {%- set built = relation.incorporate(path={'identifier': relation.identifier ~ '__dbt_tmp'}) -%}
    {{ return([
        'create or replace table ' ~ built ~ ' as (select * from (select * from ' ~ relation ~ ') order by (' ~ keys ~ '))',
        'alter table ' ~ built ~ ' cluster by (' ~ keys ~ ')',
    ]) }}
{% endmacro %}
