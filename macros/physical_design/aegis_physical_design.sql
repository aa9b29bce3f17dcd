{#- A model's physical design, declared once in engine-neutral terms in its config block and turned by
    dispatch into the adapter's own configs, which the adapter's table/incremental materializations render:
        {{ config(**aegis.aegis_physical_design(distribute_by='patient_id', sort_by=['encounter_start_date'])) }}
    distribute_by: the join key rows are co-located on (a column), or 'all' for a small dimension copied to
    every node. sort_by: the columns range filters read (dates). Justification per model: docs/performance.md. -#}
{% macro aegis_physical_design(distribute_by=none, sort_by=[]) %}
    {%- set design = adapter.dispatch('aegis_physical_design', 'aegis')(distribute_by, sort_by) -%}
    {#- the neutral declaration travels in meta (merged with the YAML's): docs show it on every engine, and
        config() must receive at least one key where the engine has nothing to render -#}
    {%- do design.update({'meta': {'physical_design': {'distribute_by': distribute_by, 'sort_by': sort_by}}}) -%}
    {{ return(design) }}
{% endmacro %}
