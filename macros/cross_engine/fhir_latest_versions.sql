{#- A select over a raw FHIR envelope relation (a source table or an import CTE) that keeps one row per
    resource_id: its latest delivery by aegis.fhir_version_precedence() (docs/landing-contract.md, "Which
    delivery is the latest"), flagged `is_deleted` when that delivery is a deletion (its resource is null).
    Returns the typed envelope (resource_id, event_id, version_id, last_updated_at, received_at,
    is_deleted) and the resource JSON.
    Ranking happens before any JSON is read, so superseded versions are never flattened.
    In an incremental run of a model that passes `stored_id_column` (its key column, holding the
    resource_id), a delivery is also dropped unless it is newer than the one already stored in `this`:
    a late, older version never replaces a newer one, and a re-read delivery changes nothing. A deletion
    that wins reaches the model as a row of its key: delete+insert replaces the stored row with it, and
    the model's post-hook removes it (see the generated staging models). -#}
{% macro fhir_latest_versions(relation, stored_id_column=none) -%}
    {%- set precedence = aegis.fhir_version_precedence() -%}
    select
        ranked_versions.resource_id,
        ranked_versions.event_id,
        ranked_versions.version_id,
        ranked_versions.last_updated_at,
        ranked_versions.received_at,
        ranked_versions.is_deleted,
        ranked_versions.resource
    from (
        select
            typed_envelopes.*,
            row_number() over (
                partition by typed_envelopes.resource_id
                order by
                    {%- for column in precedence %}
                    {{ aegis.fhir_precedence_value('typed_envelopes', column) }} desc,
                    {%- if column == 'received_at' %}
                    typed_envelopes.source_position desc,
                    {%- endif %}
                    {%- endfor %}
                    typed_envelopes.is_deleted desc
            ) as version_rank
        from (
            select
                resource_id,
                event_id,
                {{ aegis.fhir_version_number('version_id') }} as version_id,
                last_updated as last_updated_at,
                received_at,
                source_position,
                coalesce(deleted, false) as is_deleted,
                resource
            from {{ relation }}
        ) as typed_envelopes
    ) as ranked_versions
    where ranked_versions.version_rank = 1
    {%- if stored_id_column and is_incremental() %}
        and not exists (
            select 1
            from {{ this }} as stored
            where stored.{{ stored_id_column }} = ranked_versions.resource_id
                and not {{ aegis.fhir_version_is_newer('ranked_versions', 'stored') }}
        )
    {%- endif %}
{%- endmacro %}
