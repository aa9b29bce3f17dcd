{#- A select over a relation of typed envelopes (aegis.fhir_typed_envelopes, with any other columns, such
    as a view's flattened columns) that keeps one row per resource_id: its latest delivery by
    aegis.fhir_version_precedence() (docs/landing-contract.md, "Which delivery is the latest"), flagged
    `is_deleted` when that delivery is a deletion (its resource is null). Every column of `relation` is
    kept, and version_rank (always 1).
    A staging model of one row per resource ranks its flattened rows: the sort then carries the view's
    columns, not the resource JSON (docs/performance.md). A model of several rows per resource ranks the
    envelopes first, so that one delivery's rows stay together.
    In an incremental run of a model that passes `stored_id_column` (its key column, holding the
    resource_id), a delivery is also dropped unless it is newer than the one already stored in `this`:
    a late, older version never replaces a newer one, and a re-read delivery changes nothing. A deletion
    that wins reaches the model as a row of its key: delete+insert replaces the stored row with it, and
    the model's post-hook removes it (see the generated staging models). -#}
{% macro fhir_latest_versions(relation, stored_id_column=none) -%}
    {%- set precedence = aegis.fhir_version_precedence() -%}
    select ranked_versions.*
    from (
        select
            versions.*,
            row_number() over (
                partition by versions.resource_id
                order by
                    {%- for column in precedence %}
                    {{ aegis.fhir_precedence_value('versions', column) }} desc,
                    {%- if column == 'received_at' %}
                    versions.source_position desc,
                    {%- endif %}
                    {%- endfor %}
                    versions.is_deleted desc
            ) as version_rank
        from {{ relation }} as versions
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
