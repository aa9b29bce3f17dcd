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

{#- DuckDB reads the landing files themselves, and skips a file on a literal bound it knows when it plans
    the query (a bound from a subquery prunes nothing), so the bounds are read from the target when the
    model compiles:
    - the ingest_date partition (the UTC date of received_at, landing contract) skips older days;
    - the instant in the part's name (when it was written, aegis.ingest.landing.part_key) skips the files
      of the day written before the last load. Every envelope of a part was received before it was
      written, and a file the last run could not see yet was written after the newest received_at it
      loaded, less the time between a name's stamp and the file's appearance (a local rename:
      milliseconds; an S3 PUT: seconds), which var aegis_landing_file_lookback_seconds (default 10)
      covers. A part without an instant in its name (landed before names carried one) is always read.
    Both bounds only skip files whose rows the received_at filter above would drop or that the last run
    has read already; rows read twice change nothing. -#}
{% macro duckdb__fhir_received_since_last_load(target_relation) -%}
    {%- set bounds = none -%}
    {%- if execute -%}
        {%- set threshold = dbt.dateadd('hour', -1 * var('aegis_staging_lookback_hours', 3), 'max(received_at)') -%}
        {%- set file_threshold = dbt.dateadd('second', -1 * var('aegis_landing_file_lookback_seconds', 10), 'max(received_at)') -%}
        {%- set query -%}
            select
                cast(cast(timezone('UTC', {{ threshold }}) as date) as varchar),
                strftime(timezone('UTC', {{ file_threshold }}), '%Y%m%dT%H%M%S%fZ')
            from {{ target_relation }}
        {%- endset -%}
        {%- set bounds = run_query(query).rows[0] -%}
    {%- endif -%}
    {{ aegis.default__fhir_received_since_last_load(target_relation) }}
    {%- if bounds and bounds[0] %}
        and ingest_date >= cast('{{ bounds[0] }}' as date)
        and {{ aegis.landing_part_written_at('landing_file') }} > '{{ bounds[1] }}'
    {%- endif %}
{%- endmacro %}
