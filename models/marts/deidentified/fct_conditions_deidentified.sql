-- One row per condition, Safe Harbor de-identified: random research ids instead of FHIR ids, years instead
-- of dates. 42 CFR Part 2 (substance-use) conditions are left out, as in fct_encounters_deidentified.
with

conditions as (
    select * from {{ ref('fct_conditions') }}
),

research_ids as (
    select * from {{ ref('int_records_assigned_research_ids') }}
),

patient_research_ids as (
    select
        source_id as patient_id,
        research_id
    from research_ids
    where entity_type = 'patient'
),

encounter_research_ids as (
    select
        source_id as encounter_id,
        research_id
    from research_ids
    where entity_type = 'encounter'
),

condition_research_ids as (
    select
        source_id as condition_id,
        research_id
    from research_ids
    where entity_type = 'condition'
),

final as (
    select
        cast(condition_research_ids.research_id as varchar) as research_condition_id,
        cast(patient_research_ids.research_id as varchar) as research_person_id,
        cast(encounter_research_ids.research_id as varchar) as research_encounter_id,
        cast(conditions.icd10cm_code as varchar) as icd10cm_code,
        cast(conditions.clinical_status as varchar) as clinical_status,
        cast(conditions.chronic_group_count as integer) as chronic_group_count,
        cast({{ aegis_safe_harbor_year('conditions.onset_date') }} as integer) as onset_year,
        cast({{ aegis_safe_harbor_year('conditions.recorded_date') }} as integer) as recorded_year,
        cast({{ aegis_safe_harbor_year('conditions.abatement_date') }} as integer) as abatement_year
    from conditions
    inner join condition_research_ids
        on conditions.condition_id = condition_research_ids.condition_id
    inner join patient_research_ids
        on conditions.patient_id = patient_research_ids.patient_id
    left join encounter_research_ids
        on conditions.encounter_id = encounter_research_ids.encounter_id
    where not conditions.is_part2_sensitive
)

select * from final
