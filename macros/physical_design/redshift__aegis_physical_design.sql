{#- Redshift: facts and the patient dimension distributed on the patient key, so their joins are co-located
    (no redistribution step, DS_DIST_NONE in EXPLAIN); a small dimension copied to every node (DISTSTYLE ALL);
    a compound sort key on the date columns, so range-restricted scans skip blocks by zone map. -#}
{% macro redshift__aegis_physical_design(distribute_by, sort_by) %}
    {%- set design = {} -%}
    {%- if distribute_by -%}
        {%- do design.update({'dist': distribute_by}) -%}
    {%- endif -%}
    {%- if sort_by -%}
        {%- do design.update({'sort': sort_by, 'sort_type': 'compound'}) -%}
    {%- endif -%}
    {{ return(design) }}
{% endmacro %}
