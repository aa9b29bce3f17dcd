{#- Redshift statements that load the S3 landing bucket into raw_fhir.<table>: one raw table per resource type
    with the resource as SUPER, and a COPY per table from its landing prefix (one ingest_date partition, or all)
    with an IAM role (no keys in SQL). FORMAT JSON 'auto' maps the envelope's keys to columns; the nested
    resource object loads into the SUPER column. COPY keeps no file history: load each ingest_date once (a
    re-load only adds duplicate envelopes, which staging collapses). -#}
{% macro aegis_redshift_raw_load(bucket, iam_role, ingest_date=none, region=none, schema='raw_fhir', resource_types=none) -%}
    {%- set statements = ['create schema if not exists ' ~ schema] -%}
    {%- for item in aegis.aegis_raw_fhir_tables(resource_types) -%}
        {%- set prefix = 's3://' ~ bucket ~ '/fhir/resource_type=' ~ item.resource_type ~ '/'
            ~ ('ingest_date=' ~ ingest_date ~ '/' if ingest_date else '') -%}
        {%- do statements.append(
            'create table if not exists ' ~ schema ~ '.' ~ item.table ~ ' (\n'
            ~ '    event_id varchar(256),\n    resource_type varchar(64),\n    resource_id varchar(64),\n'
            ~ '    version_id varchar(32),\n    last_updated timestamptz,\n    received_at timestamptz,\n'
            ~ '    source varchar(1024),\n    source_position varchar(72),\n    deleted boolean,\n    resource super\n)'
        ) -%}
        {%- do statements.append(
            'copy ' ~ schema ~ '.' ~ item.table
            ~ ' (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)\n'
            ~ "from '" ~ prefix ~ "'\n"
            ~ "iam_role '" ~ iam_role ~ "'\n"
            ~ "format as json 'auto'\n"
            ~ 'gzip\n'
            ~ "timeformat 'auto'"
            ~ ("\nregion '" ~ region ~ "'" if region else '')
        ) -%}
    {%- endfor -%}
    {{ return(statements) }}
{%- endmacro %}
