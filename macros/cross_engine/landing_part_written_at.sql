{#- The UTC instant a landing part was written, from its name (part-<YYYYMMDDTHHMMSSffffffZ>-<uuid>,
    aegis.ingest.landing.part_key), as text that sorts as time; '~' (after every digit) for a part named
    before names carried it, so that a bound on it never skips such a part. -#}
{% macro landing_part_written_at(file_column) -%}
    coalesce(nullif(regexp_extract({{ file_column }}, 'part-([0-9]{8}T[0-9]{12}Z)-[^/\\]*$', 1), ''), '~')
{%- endmacro %}
