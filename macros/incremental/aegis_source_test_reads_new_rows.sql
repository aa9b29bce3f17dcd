{#- True when the data test being compiled may read only the recently landed envelopes of `relation` (see
    default__get_where_subquery): var aegis_tests_received_since set (not empty), aegis_full_tests not
    true, the test not marked meta aegis_whole_table, and `relation` a source that declares meta
    aegis_tests_read_new_rows and has a received_at column. The fhir sources do: their tests are row-level
    (not_null, accepted_values) but for unique event_id, a warning whose daily scope is then the day's
    deliveries (a redelivery across days shows in the weekly whole-table run). -#}
{% macro aegis_source_test_reads_new_rows(relation) %}
    {%- if not aegis.aegis_tests_bound_is_set() or config.get('meta', {}).get('aegis_whole_table', false) -%}
        {{ return(false) }}
    {%- endif -%}
    {%- for uid in model.depends_on.nodes if uid.startswith('source.') -%}
        {%- set source_node = graph.sources.get(uid, none) -%}
        {%- if source_node is not none
            and source_node.config.meta.get('aegis_tests_read_new_rows', false)
            and 'received_at' in source_node.columns
            and source_node.identifier == relation.identifier -%}
            {{ return(true) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(false) }}
{% endmacro %}
