{#- Incremental filter on a raw envelope relation: rows received after the newest received_at already
    in `target_relation`, minus a lookback (var aegis_staging_lookback_hours, default 3) so that files
    landed slightly out of order are not skipped. Rows read twice are harmless: the incremental models
    keep a stored delivery unless the new one is newer (aegis.fhir_version_is_newer). -#}
{% macro fhir_received_since_last_load(target_relation) -%}
    {{ return(adapter.dispatch('fhir_received_since_last_load', 'aegis')(target_relation)) }}
{%- endmacro %}

{% macro default__fhir_received_since_last_load(target_relation) -%}
    received_at > (
        select
            coalesce(
                {{ dbt.dateadd('hour', -1 * var('aegis_staging_lookback_hours', 3), 'max(received_at)') }},
                {{ aegis.parse_fhir_timestamp("'1900-01-01T00:00:00+00:00'") }}
            )
        from {{ target_relation }}
    )
{%- endmacro %}

{#- DuckDB reads the landing files themselves: a literal bound on the ingest_date partition (the UTC date
    of received_at, landing contract) lets it skip every older file instead of parsing them all to compare
    received_at. The bound is read from the target when the model compiles, as a literal, because DuckDB
    prunes files only on values it knows when it plans the query. -#}
{% macro duckdb__fhir_received_since_last_load(target_relation) -%}
    {%- set first_partition = none -%}
    {%- if execute -%}
        {%- set threshold = dbt.dateadd('hour', -1 * var('aegis_staging_lookback_hours', 3), 'max(received_at)') -%}
        {%- set query -%}
            select cast(cast(timezone('UTC', {{ threshold }}) as date) as varchar) from {{ target_relation }}
        {%- endset -%}
        {%- set first_partition = run_query(query).columns[0].values()[0] -%}
    {%- endif -%}
    {{ aegis.default__fhir_received_since_last_load(target_relation) }}
    {%- if first_partition %}
        and ingest_date >= cast('{{ first_partition }}' as date)
    {%- endif %}
{%- endmacro %}
