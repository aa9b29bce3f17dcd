-- One row per condition, Safe Harbor de-identified: random research ids instead of FHIR ids, years instead
-- of dates. 42 CFR Part 2 (substance-use) conditions are left out, as in fct_encounters_deidentified.
-- k-anonymous per patient, as fct_encounters_deidentified: the patient's rows are published at their
-- release level (int_patients_assigned_fact_release_levels). At level 4 the encounter id goes too: it
-- would group a patient's unlinked diagnoses by encounter.
with

conditions as (
    select * from {{ ref('fct_conditions') }}
),

-- The research-id crosswalk, one import CTE per entity type (aegis_research_id_ctes).
{{ aegis_research_id_ctes(['patient', 'encounter', 'condition']) }},

-- Released patients with their research id and release level (aegis_release_level_ctes).
{{ aegis_release_level_ctes() }},

final as (
    select
        cast(condition_research_ids.research_id as varchar) as research_condition_id,
        cast(
            case when release_levels.release_level < 4 then release_levels.research_id end as varchar
        ) as research_person_id,
        cast(
            case when release_levels.release_level < 4 then encounter_research_ids.research_id end as varchar
        ) as research_encounter_id,
        -- the full code at level 0, its 3-character category at 1, 2 and 4, nothing at 3 (counts only)
        cast(
            case
                when release_levels.release_level = 0 then conditions.icd10cm_code
                when release_levels.release_level <> 3 then left(conditions.icd10cm_code, 3)
            end
            as varchar
        ) as icd10cm_code,
        cast(case when release_levels.release_level <= 1 then conditions.clinical_status end as varchar) as clinical_status,
        cast(
            case when release_levels.release_level = 0 then conditions.chronic_group_count end as integer
        ) as chronic_group_count,
        cast(
            case when release_levels.release_level <= 1 then {{ aegis_safe_harbor_year('conditions.onset_date') }} end
            as integer
        ) as onset_year,
        cast(
            case
                when release_levels.release_level <= 1
                    then {{ aegis_safe_harbor_year('conditions.recorded_date') }}
            end
            as integer
        ) as recorded_year,
        cast(
            case
                when release_levels.release_level <= 1
                    then {{ aegis_safe_harbor_year('conditions.abatement_date') }}
            end
            as integer
        ) as abatement_year
    from conditions
    inner join condition_research_ids
        on conditions.condition_id = condition_research_ids.source_id
    inner join release_levels
        on conditions.patient_id = release_levels.patient_id
    left join encounter_research_ids
        on conditions.encounter_id = encounter_research_ids.source_id
    where not conditions.is_part2_sensitive
)

select * from final
