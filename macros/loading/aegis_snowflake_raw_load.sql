{#- Snowflake statements that load the S3 landing bucket into raw_fhir.<table>: a JSON file format, an
    external stage on `s3://<bucket>/fhir/` through a storage integration (no keys in SQL; its IAM role needs
    s3:GetObject and kms:Decrypt on the bucket's key to read the SSE-KMS objects), one raw table per
    resource type with the resource as VARIANT, and either a COPY INTO per table or (snowpipe=true) a pipe per
    table that runs the same COPY on every S3 event notification. -#}
{% macro aegis_snowflake_raw_load(bucket, storage_integration, schema='raw_fhir', snowpipe=false, resource_types=none) -%}
    {%- set stage = 'aegis_landing' -%}
    {%- set statements = [
        'create schema if not exists ' ~ schema,
        'create file format if not exists ' ~ schema ~ '.aegis_ndjson_gz type = json compression = gzip',
        'create stage if not exists ' ~ schema ~ '.' ~ stage ~ "\n    url = 's3://" ~ bucket ~ "/fhir/'"
            ~ '\n    storage_integration = ' ~ storage_integration
            ~ '\n    file_format = ' ~ schema ~ '.aegis_ndjson_gz',
    ] -%}
    {%- for item in aegis.aegis_raw_fhir_tables(resource_types) -%}
        {%- do statements.append(
            'create table if not exists ' ~ schema ~ '.' ~ item.table ~ ' (\n'
            ~ '    event_id varchar,\n    resource_type varchar,\n    resource_id varchar,\n    version_id varchar,\n'
            ~ '    last_updated timestamp_tz,\n    received_at timestamp_tz,\n    source varchar,\n    source_position varchar,\n    deleted boolean,\n    resource variant\n)'
        ) -%}
        {%- set copy = aegis.aegis_snowflake_copy_into(schema, item.table, item.resource_type, stage) -%}
        {%- if snowpipe -%}
            {%- do statements.append(
                'create pipe if not exists ' ~ schema ~ '.aegis_' ~ item.table ~ '_pipe\n    auto_ingest = true\nas\n' ~ copy
            ) -%}
        {%- else -%}
            {%- do statements.append(copy) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(statements) }}
{%- endmacro %}
