-- One row per encounter, Safe Harbor de-identified: random research ids instead of FHIR ids, the year
-- instead of dates and times. Encounters flagged 42 CFR Part 2 are left out: the de-identified tier is
-- not among the tiers allowed to see them, and leaving them out here keeps that true on every engine.
with

encounters as (
    select * from {{ ref('fct_encounters') }}
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
        cast(encounter_research_ids.research_id as varchar) as research_encounter_id,
        cast(patient_research_ids.research_id as varchar) as research_person_id,
        cast(encounters.facility_npi as varchar) as facility_npi,
        cast(encounters.encounter_class as varchar) as encounter_class,
        cast(encounters.status as varchar) as status,
        cast(encounters.reason_icd10cm_code as varchar) as reason_icd10cm_code,
        cast(encounters.discharge_disposition_code as varchar) as discharge_disposition_code,
        cast({{ aegis_safe_harbor_year('encounters.period_start_at') }} as integer) as encounter_year
    from encounters
    inner join research_ids as encounter_research_ids
        on
            encounter_research_ids.entity_type = 'encounter'
            and encounters.encounter_id = encounter_research_ids.source_id
    inner join research_ids as patient_research_ids
        on
            patient_research_ids.entity_type = 'patient'
            and encounters.patient_id = patient_research_ids.source_id
    inner join released_patients
        on cast(patient_research_ids.research_id as varchar) = released_patients.research_person_id
    where not encounters.is_part2_sensitive
)

select * from final
