{#-
    dbt's get_where_subquery (the relation a data test reads), overridden for the daily run: with var
    aegis_tests_received_since set (a UTC timestamp, the start of the previous run), a test of an
    incremental model that carries received_at reads only its rows received since then (the rows the run
    derived), not the whole table. Without the var, or with aegis_full_tests true (the weekly run and
    make test / CI), every test reads whole tables, as dbt's own macro does. The test's own `where` config
    applies in both cases. Only row-level tests are attached to these models (not_null, unique, accepted
    values, relationships from the model's side, date order, code formats): each holds for the whole table
    when it holds for every run's rows; unique too, because delete+insert replaces every stored row of a
    key the run derives. The tests of the landed envelopes (the fhir sources) read the envelopes landed
    since then (aegis_landed_since_tests_bound: on DuckDB, only the landing parts written since). A test
    that must read the whole table sets meta aegis_whole_table: true.
-#}
{% macro default__get_where_subquery(relation) -%}
    {%- set filters = [] -%}
    {%- set where = config.get('where', '') -%}
    {%- if where -%}
        {%- do filters.append('(' ~ where ~ ')') -%}
    {%- endif -%}
    {%- if aegis.aegis_test_reads_new_rows(relation) -%}
        {%- set attached = graph.nodes.get(model.attached_node) -%}
        {%- do filters.append(aegis.aegis_received_since_tests_bound(
            with_time_zone=attached.config.meta.get('aegis_received_at_has_time_zone', false))) -%}
    {%- elif aegis.aegis_source_test_reads_new_rows(relation) -%}
        {%- do filters.append(aegis.aegis_landed_since_tests_bound()) -%}
    {%- endif -%}
    {%- if filters -%}
        {%- set filtered -%}
            (select * from {{ relation }} where {{ filters | join(' and ') }}) dbt_subquery
        {%- endset -%}
        {%- do return(filtered) -%}
    {%- endif -%}
    {%- do return(relation) -%}
{%- endmacro %}
