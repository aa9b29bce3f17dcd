{#-
    The restricted crosswalk: one random research id per patient, encounter and condition. The only place
    that links a de-identified row back to a FHIR id, so it is classified other_id and denied to every tier
    below phi_full (see the YAML).

    Stable across rebuilds: incremental, appending only records it has never seen, and full_refresh=false
    so that `dbt build --full-refresh` cannot re-mint every id (which would silently break every link a
    researcher kept). Ids are random (not a hash of the FHIR id), as 164.514(c) requires of a
    re-identification code.
-#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        full_refresh=false,
        on_schema_change='fail',
    )
}}

with

patients as (
    select * from {{ ref('stg_fhir__patients') }}
),

-- 42 CFR Part 2 records get no research id: the de-identified marts leave them out, and a research id
-- would be a handle on them
encounters as (
    select * from {{ ref('stg_fhir__encounters') }}
    where not is_part2_sensitive
),

conditions as (
    select * from {{ ref('stg_fhir__conditions') }}
    where not is_part2_sensitive
),

source_records as (
    select
        'patient' as entity_type,
        cast(patient_id as varchar) as source_id
    from patients
    union all
    select
        'encounter' as entity_type,
        cast(encounter_id as varchar) as source_id
    from encounters
    union all
    select
        'condition' as entity_type,
        cast(condition_id as varchar) as source_id
    from conditions
),

new_records as (
    select
        source_records.entity_type,
        source_records.source_id
    from source_records
    {% if is_incremental() %}
        where not exists (
            select 1
            from {{ this }} as assigned
            where
                assigned.entity_type = source_records.entity_type
                and assigned.source_id = source_records.source_id
        )
    {% endif %}
),

final as (
    select
        cast(entity_type as varchar) as entity_type,
        cast(source_id as varchar) as source_id,
        {{ aegis_random_uuid() }} as research_id
    from new_records
)

select * from final
