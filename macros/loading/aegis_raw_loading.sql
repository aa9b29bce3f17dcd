{#- run-operation: print (default) or run the raw loading statements of one engine.
    dbt run-operation aegis_raw_loading --args '{engine: snowflake, bucket: ..., storage_integration: ..., snowpipe: true}'
    dbt run-operation aegis_raw_loading --args '{engine: redshift, bucket: ..., iam_role: ..., ingest_date: 2026-01-31}'
    With `run: true` the statements are executed on the current target (which must be that engine). -#}
{% macro aegis_raw_loading(engine, bucket, storage_integration=none, iam_role=none, ingest_date=none, region=none, snowpipe=false, schema='raw_fhir', resource_types=none, run=false) -%}
    {%- if engine == 'snowflake' -%}
        {%- if not storage_integration -%}
            {{ exceptions.raise_compiler_error("aegis_raw_loading: snowflake needs storage_integration") }}
        {%- endif -%}
        {%- set statements = aegis.aegis_snowflake_raw_load(bucket, storage_integration, schema, snowpipe, resource_types) -%}
    {%- elif engine == 'redshift' -%}
        {%- if not iam_role -%}
            {{ exceptions.raise_compiler_error("aegis_raw_loading: redshift needs iam_role") }}
        {%- endif -%}
        {%- set statements = aegis.aegis_redshift_raw_load(bucket, iam_role, ingest_date, region, schema, resource_types) -%}
    {%- else -%}
        {{ exceptions.raise_compiler_error("aegis_raw_loading: engine must be snowflake or redshift (DuckDB reads the landing files in place)") }}
    {%- endif -%}
    {%- if run -%}
        {%- if target.type != engine -%}
            {{ exceptions.raise_compiler_error("aegis_raw_loading: run=true needs a " ~ engine ~ " target, not " ~ target.type) }}
        {%- endif -%}
        {%- for statement in statements -%}
            {%- do run_query(statement) -%}
        {%- endfor -%}
        {%- do log('aegis_raw_loading: ran ' ~ statements | length ~ ' statements on ' ~ engine, info=true) -%}
    {%- else -%}
        {%- do print(statements | join(';\n\n') ~ ';') -%}
    {%- endif -%}
{%- endmacro %}
