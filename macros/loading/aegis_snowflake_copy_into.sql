{#- COPY INTO one raw table from the landing stage: the envelope's fields typed, the FHIR resource as VARIANT.
    Snowflake remembers which files each table loaded (64 days), so running it again loads only new part files. -#}
{% macro aegis_snowflake_copy_into(schema, table, resource_type, stage) -%}
copy into {{ schema }}.{{ table }} (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from (
    select
        $1:event_id::varchar,
        $1:resource_type::varchar,
        $1:resource_id::varchar,
        $1:version_id::varchar,
        $1:last_updated::timestamp_tz,
        $1:received_at::timestamp_tz,
        $1:source::varchar,
        $1:source_position::varchar,
        $1:deleted::boolean,
        $1:resource
    from @{{ schema }}.{{ stage }}/resource_type={{ resource_type }}/
)
pattern = '.*ingest_date=[0-9]{4}-[0-9]{2}-[0-9]{2}/part-.*[.]ndjson[.]gz'
on_error = abort_statement
{%- endmacro %}
