{#- The UTC instant a landing part was written, from its name (part-<YYYYMMDDTHHMMSSffffffZ>-<uuid>,
    aegis.ingest.landing.part_key), as text that sorts as time; '~' (after every digit) for a part named
    before names carried it, so that a bound on it never skips such a part. -#}
{% macro landing_part_written_at(file_column) -%}
    coalesce(nullif(regexp_extract({{ file_column }}, 'part-([0-9]{8}T[0-9]{12}Z)-[^/\\]*$', 1), ''), '~')
{%- endmacro %}

{#- DuckDB: boolean SQL on a landing source, the parts written at or after `since` (a naive UTC timestamp
    expression): the day partitions before it, then the part names before it, are pruned before any file is
    opened. The daily source tests' bound and source freshness's window. -#}
{% macro landing_parts_written_since(since) -%}
    ingest_date >= cast({{ since }} as date)
    and {{ aegis.landing_part_written_at('landing_file') }} >= strftime({{ since }}, '%Y%m%dT%H%M%S%fZ')
{%- endmacro %}
