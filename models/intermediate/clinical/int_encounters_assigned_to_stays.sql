-- One row per inpatient (IMP) encounter, with the stay it belongs to. Encounters of one patient that
-- overlap or follow each other within one day (transfers between units or hospitals) form one stay, found
-- as islands: an encounter opens a new stay when it starts more than one day after the latest end seen so far.
with

encounters as (
    select * from {{ ref('stg_fhir__encounters') }}
),

inpatient_encounters as (
    select
        encounter_id,
        patient_id,
        facility_npi,
        reason_icd10cm_code,
        discharge_disposition_code,
        is_part2_sensitive,
        {{ to_utc_timestamp('period_start_at') }} as period_start_at,
        {{ to_utc_timestamp('period_end_at') }} as period_end_at
    from encounters
    where
        encounter_class = 'IMP'
        and status not in ('planned', 'cancelled', 'entered-in-error')
),

with_reach_dates as (
    select
        *,
        -- an encounter still open reaches at least its start; its stay stays open (see grouped_to_stays)
        cast(coalesce(period_end_at, period_start_at) as date) as reach_date
    from inpatient_encounters
),

with_previous_reach as (
    select
        *,
        max(reach_date) over (
            partition by patient_id
            order by period_start_at, encounter_id
            rows between unbounded preceding and 1 preceding
        ) as previous_reach_date
    from with_reach_dates
),

flagged_stay_starts as (
    select
        *,
        case
            when previous_reach_date is null then 1
            when {{ dbt.datediff('previous_reach_date', 'cast(period_start_at as date)', 'day') }} > 1 then 1
            else 0
        end as is_stay_start
    from with_previous_reach
),

numbered_stays as (
    select
        *,
        sum(is_stay_start) over (
            partition by patient_id
            order by period_start_at, encounter_id
            rows between unbounded preceding and current row
        ) as stay_sequence
    from flagged_stay_starts
),

positioned_in_stay as (
    select
        *,
        row_number() over (
            partition by patient_id, stay_sequence
            order by period_start_at, encounter_id
        ) as position_from_admission,
        -- the discharging encounter: an open one first, then the latest end
        row_number() over (
            partition by patient_id, stay_sequence
            order by
                case when period_end_at is null then 0 else 1 end,
                period_end_at desc,
                period_start_at desc,
                encounter_id desc
        ) as position_from_discharge
    from numbered_stays
),

final as (
    select
        encounter_id,
        -- a stay is named after its admitting encounter
        first_value(encounter_id) over (
            partition by patient_id, stay_sequence
            order by period_start_at, encounter_id
            rows between unbounded preceding and unbounded following
        ) as stay_id,
        patient_id,
        facility_npi,
        reason_icd10cm_code,
        discharge_disposition_code,
        cast(stay_sequence as integer) as stay_sequence,
        position_from_admission = 1 as is_admitting_encounter,
        position_from_discharge = 1 as is_discharging_encounter,
        -- the encounter's 42 CFR Part 2 mark, carried so each engine's row policy applies here too
        is_part2_sensitive,
        period_start_at,
        period_end_at
    from positioned_in_stay
)

select * from final
