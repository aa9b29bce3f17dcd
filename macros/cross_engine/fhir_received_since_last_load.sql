{#- Incremental filter on a raw envelope relation: rows received after the newest received_at already
    in `target_relation`, minus a lookback (var aegis_staging_lookback_hours, default 3) so that files
    landed slightly out of order are not skipped. Rows read twice are harmless: the incremental models
    keep a stored delivery unless the new one is newer (aegis.fhir_version_is_newer). -#}
{% macro fhir_received_since_last_load(target_relation) -%}
    received_at > (
        select
            coalesce(
                {{ dbt.dateadd('hour', -1 * var('aegis_staging_lookback_hours', 3), 'max(received_at)') }},
                {{ aegis.parse_fhir_timestamp("'1900-01-01T00:00:00+00:00'") }}
            )
        from {{ target_relation }}
    )
{%- endmacro %}
