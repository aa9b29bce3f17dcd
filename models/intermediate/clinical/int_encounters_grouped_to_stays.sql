-- One row per inpatient stay: the encounters of int_encounters_assigned_to_stays rolled up, with
-- admission from the first encounter and discharge (time, disposition) from the last.
with

stay_encounters as (
    select * from {{ ref('int_encounters_assigned_to_stays') }}
),

admitting_encounters as (
    select
        stay_id,
        facility_npi as admitting_facility_npi,
        reason_icd10cm_code as principal_icd10cm_code
    from stay_encounters
    where is_admitting_encounter
),

discharging_encounters as (
    select
        stay_id,
        facility_npi as discharging_facility_npi,
        discharge_disposition_code
    from stay_encounters
    where is_discharging_encounter
),

stay_spans as (
    select
        stay_id,
        patient_id,
        count(*) as encounter_count,
        min(period_start_at) as admitted_at,
        -- an encounter without an end keeps the whole stay open: no discharge yet
        case when count(period_end_at) = count(*) then max(period_end_at) end as discharged_at,
        -- a stay with one 42 CFR Part 2 encounter is a Part 2 stay (its row would name the program)
        max(case when is_part2_sensitive then 1 else 0 end) = 1 as is_part2_sensitive
    from stay_encounters
    group by stay_id, patient_id
),

joined as (
    select
        stay_spans.stay_id,
        stay_spans.patient_id,
        admitting_encounters.admitting_facility_npi,
        discharging_encounters.discharging_facility_npi,
        admitting_encounters.principal_icd10cm_code,
        discharging_encounters.discharge_disposition_code,
        stay_spans.encounter_count,
        stay_spans.admitted_at,
        stay_spans.discharged_at,
        stay_spans.is_part2_sensitive,
        cast(stay_spans.admitted_at as date) as admit_date,
        cast(stay_spans.discharged_at as date) as discharge_date
    from stay_spans
    inner join admitting_encounters
        on stay_spans.stay_id = admitting_encounters.stay_id
    inner join discharging_encounters
        on stay_spans.stay_id = discharging_encounters.stay_id
),

final as (
    select
        stay_id,
        patient_id,
        admitting_facility_npi,
        discharging_facility_npi,
        principal_icd10cm_code,
        discharge_disposition_code,
        cast(encounter_count as integer) as encounter_count,
        cast({{ dbt.datediff('admit_date', 'discharge_date', 'day') }} as integer) as length_of_stay_days,
        encounter_count > 1 as has_transfer,
        discharged_at is not null as is_discharged,
        admit_date,
        discharge_date,
        admitted_at,
        discharged_at,
        is_part2_sensitive
    from joined
)

select * from final
