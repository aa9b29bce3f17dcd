{#-
    Config dict of a fact or dimension kept incrementally (docs/incremental.md), merged with its physical
    design: {{ config(**aegis.aegis_incremental_fact('encounter_id', 'stg_fhir__encounters',
    distribute_by='patient_id', sort_by=['encounter_start_date'])) }}.
    delete+insert on the model's key: the rows the run derives replace the stored rows of the same key.
    The post-hook removes the rows whose key the upstream model no longer has (resources deleted upstream:
    staging drops them, so no new row can say so). on_schema_change='fail': a table built before a column
    was added needs one --full-refresh, rather than old rows with the new column null.
    meta aegis_tests_read_new_rows: the daily run's tests of the model read the rows it derived only.
-#}
{% macro aegis_incremental_fact(unique_key, upstream_model, distribute_by=none, sort_by=[]) %}
    {%- set design = aegis.aegis_physical_design(distribute_by=distribute_by, sort_by=sort_by) -%}
    {#- its data tests may read only the rows a run derived (default__get_where_subquery) -#}
    {%- do design['meta'].update({'aegis_tests_read_new_rows': true}) -%}
    {%- do design.update({
        'materialized': 'incremental',
        'incremental_strategy': 'delete+insert',
        'unique_key': unique_key,
        'on_schema_change': 'fail',
        'post_hook': [
            "{{ aegis.aegis_delete_rows_gone_upstream('" ~ unique_key ~ "', '" ~ upstream_model ~ "') }}",
        ],
    }) -%}
    {{ return(design) }}
{% endmacro %}
