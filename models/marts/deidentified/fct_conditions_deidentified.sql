-- One row per condition, Safe Harbor de-identified: random research ids instead of FHIR ids, years instead
-- of dates. 42 CFR Part 2 (substance-use) conditions are left out, as in fct_encounters_deidentified.
with

conditions as (
    select * from {{ ref('fct_conditions') }}
),

research_ids as (
    select * from {{ ref('int_records_assigned_research_ids') }}
),

-- Only patients the de-identified dimension releases (it withholds a population too small to be
-- k-anonymous): a fact of a withheld patient would be a record of someone the release left out.
released_patients as (
    select research_person_id from {{ ref('dim_patient_deidentified') }}
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
    inner join research_ids as condition_research_ids
        on
            condition_research_ids.entity_type = 'condition'
            and conditions.condition_id = condition_research_ids.source_id
    inner join research_ids as patient_research_ids
        on
            patient_research_ids.entity_type = 'patient'
            and conditions.patient_id = patient_research_ids.source_id
    inner join released_patients
        on cast(patient_research_ids.research_id as varchar) = released_patients.research_person_id
    left join research_ids as encounter_research_ids
        on
            encounter_research_ids.entity_type = 'encounter'
            and conditions.encounter_id = encounter_research_ids.source_id
    where not conditions.is_part2_sensitive
)

select * from final
