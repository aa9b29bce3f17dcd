-- One row per encounter, Safe Harbor de-identified: random research ids instead of FHIR ids, the year
-- instead of dates and times. Encounters flagged 42 CFR Part 2 are left out: the de-identified tier is
-- not among the tiers allowed to see them, and leaving them out here keeps that true on every engine.
-- k-anonymous per patient: the set of a patient's rows is published at their release level
-- (int_patients_assigned_fact_release_levels), so that at least k patients publish the same set, or
-- with no research_person_id at all (level 4), so that the rows cannot be grouped into a set.
with

encounters as (
    select * from {{ ref('fct_encounters') }}
),

-- The research-id crosswalk, one import CTE per entity type (aegis_research_id_ctes).
{{ aegis_research_id_ctes(['patient', 'encounter']) }},

-- Released patients with their research id and release level (aegis_release_level_ctes).
{{ aegis_release_level_ctes() }},

final as (
    select
        cast(encounter_research_ids.research_id as varchar) as research_encounter_id,
        cast(
            case when release_levels.release_level < 4 then release_levels.research_id end as varchar
        ) as research_person_id,
        cast(case when release_levels.release_level = 0 then encounters.facility_npi end as varchar) as facility_npi,
        cast(encounters.encounter_class as varchar) as encounter_class,
        cast(case when release_levels.release_level <= 1 then encounters.status end as varchar) as status,
        cast(
            case when release_levels.release_level = 0 then encounters.reason_icd10cm_code end as varchar
        ) as reason_icd10cm_code,
        cast(
            case when release_levels.release_level = 0 then encounters.discharge_disposition_code end as varchar
        ) as discharge_disposition_code,
        cast(
            case
                when release_levels.release_level <= 1
                    then {{ aegis_safe_harbor_year('encounters.period_start_at') }}
            end
            as integer
        ) as encounter_year
    from encounters
    inner join encounter_research_ids
        on encounters.encounter_id = encounter_research_ids.source_id
    inner join release_levels
        on encounters.patient_id = release_levels.patient_id
    where not encounters.is_part2_sensitive
)

select * from final
