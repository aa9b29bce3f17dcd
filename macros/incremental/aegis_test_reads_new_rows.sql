{#- True when the data test being compiled may read only the recent rows of `relation` (see
    default__get_where_subquery): var aegis_tests_received_since set, aegis_full_tests not true, the test
    attached to an incremental model that declares meta aegis_tests_read_new_rows (aegis_incremental_fact
    does: its received_at is a naive UTC timestamp, as the bound) and has a received_at column, `relation`
    being that model, and the test not marked meta aegis_whole_table. -#}
{% macro aegis_test_reads_new_rows(relation) %}
    {#- at parse time nothing is read: the where clause only matters in the compiled test -#}
    {%- if not aegis.aegis_tests_bound_is_set() -%}
        {{ return(false) }}
    {%- endif -%}
    {%- if config.get('meta', {}).get('aegis_whole_table', false) -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set attached = graph.nodes.get(model.attached_node or '', none) -%}
    {{ return(
        attached is not none
        and attached.config.materialized == 'incremental'
        and attached.config.meta.get('aegis_tests_read_new_rows', false)
        and 'received_at' in attached.columns
        and attached.alias == relation.identifier
        and attached.schema == relation.schema
    ) }}
{% endmacro %}
