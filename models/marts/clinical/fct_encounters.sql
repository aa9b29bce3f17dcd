-- One row per encounter (all classes), with the inpatient stay it belongs to (IMP only) and the Part 2
-- flag when its reason code is a substance-use diagnosis.
{{ config(**aegis.aegis_physical_design(distribute_by='patient_id', sort_by=['encounter_start_date'])) }}
with

encounters as (
    select * from {{ ref('stg_fhir__encounters') }}
),

stay_encounters as (
    select * from {{ ref('int_encounters_assigned_to_stays') }}
),

chronic_condition_groups as (
    select * from {{ ref('chronic_condition_groups') }}
),

part2_encounters as (
    {{ part2_sensitive_keys('encounters', 'encounter_id', 'reason_icd10cm_code', 'chronic_condition_groups') }}
),

final as (
    select
        cast(encounters.encounter_id as varchar) as encounter_id,
        cast(encounters.patient_id as varchar) as patient_id,
        cast(stay_encounters.stay_id as varchar) as stay_id,
        cast(encounters.facility_npi as varchar) as facility_npi,
        cast(encounters.encounter_class as varchar) as encounter_class,
        cast(encounters.status as varchar) as status,
        cast(encounters.reason_icd10cm_code as varchar) as reason_icd10cm_code,
        cast(encounters.discharge_disposition_code as varchar) as discharge_disposition_code,
        -- the staging mark (reason in ICD-10-CM or SNOMED CT) or the reason-code rule of the seed
        (
            coalesce(encounters.is_part2_sensitive, false)
            or part2_encounters.encounter_id is not null
        ) as is_part2_sensitive,
        cast({{ to_utc_timestamp('encounters.period_start_at') }} as date) as encounter_start_date,
        {{ to_utc_timestamp('encounters.period_start_at') }} as period_start_at,
        {{ to_utc_timestamp('encounters.period_end_at') }} as period_end_at
    from encounters
    left join stay_encounters
        on encounters.encounter_id = stay_encounters.encounter_id
    left join part2_encounters
        on encounters.encounter_id = part2_encounters.encounter_id
)

select * from final
