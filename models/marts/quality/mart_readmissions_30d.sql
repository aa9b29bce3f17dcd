-- One row per index inpatient stay: a stay discharged alive within the measurement period, not against
-- medical advice and not by transfer to another hospital (discharge dispositions 20 expired, 07 left AMA,
-- 02 transfer are not index stays). The stay is readmitted when the patient's first unplanned stay that
-- starts after its discharge starts within 30 days of it (day 30 counts, day 31 does not). A stay is planned
-- when its principal diagnosis is in planned_readmission_codes; planned stays never count as readmissions.
-- Stays start more than a day apart by construction (closer encounters are merged into one stay).
with

stays as (
    select * from {{ ref('int_encounters_grouped_to_stays') }}
),

planned_readmission_codes as (
    select * from {{ ref('planned_readmission_codes') }}
),

chronic_condition_groups as (
    select * from {{ ref('chronic_condition_groups') }}
),

planned_stays as (
    select distinct stays.stay_id
    from stays
    inner join planned_readmission_codes
        on {{ icd10cm_matches_prefix('stays.principal_icd10cm_code', 'planned_readmission_codes.icd10cm_prefix') }}
),

unplanned_stays as (
    select
        stays.stay_id,
        stays.patient_id,
        stays.admit_date,
        stays.admitted_at
    from stays
    left join planned_stays
        on stays.stay_id = planned_stays.stay_id
    where planned_stays.stay_id is null
),

index_stays as (
    select *
    from stays
    where
        is_discharged
        and discharge_date between cast('{{ var("aegis_period_start") }}' as date)
        and cast('{{ var("aegis_period_end") }}' as date)
        and coalesce(discharge_disposition_code, '') not in ('02', '07', '20')
),

later_unplanned_stays as (
    select
        index_stays.stay_id as index_stay_id,
        unplanned_stays.stay_id as readmission_stay_id,
        unplanned_stays.admit_date as readmission_admit_date,
        {{ dbt.datediff('index_stays.discharge_date', 'unplanned_stays.admit_date', 'day') }} as days_to_readmission,
        row_number() over (
            partition by index_stays.stay_id
            order by unplanned_stays.admitted_at, unplanned_stays.stay_id
        ) as readmission_order
    from index_stays
    inner join unplanned_stays
        on
            index_stays.patient_id = unplanned_stays.patient_id
            and index_stays.discharged_at < unplanned_stays.admitted_at
),

first_readmissions_within_30d as (
    select *
    from later_unplanned_stays
    where
        readmission_order = 1
        and days_to_readmission <= 30
),

part2_stays as (
    {{ part2_sensitive_keys('stays', 'stay_id', 'principal_icd10cm_code', 'chronic_condition_groups') }}
),

final as (
    select
        cast(index_stays.stay_id as varchar) as stay_id,
        cast(index_stays.patient_id as varchar) as patient_id,
        cast(first_readmissions_within_30d.readmission_stay_id as varchar) as readmission_stay_id,
        cast(index_stays.discharging_facility_npi as varchar) as discharging_facility_npi,
        cast(index_stays.principal_icd10cm_code as varchar) as principal_icd10cm_code,
        cast(index_stays.discharge_disposition_code as varchar) as discharge_disposition_code,
        cast(index_stays.length_of_stay_days as integer) as length_of_stay_days,
        first_readmissions_within_30d.readmission_stay_id is not null as is_readmitted_30d,
        cast(first_readmissions_within_30d.days_to_readmission as integer) as days_to_readmission,
        (
            index_part2.stay_id is not null or readmission_part2.stay_id is not null
        ) as is_part2_sensitive,
        cast(index_stays.admit_date as date) as admit_date,
        cast(index_stays.discharge_date as date) as discharge_date,
        cast(first_readmissions_within_30d.readmission_admit_date as date) as readmission_admit_date
    from index_stays
    left join first_readmissions_within_30d
        on index_stays.stay_id = first_readmissions_within_30d.index_stay_id
    left join part2_stays as index_part2
        on index_stays.stay_id = index_part2.stay_id
    left join part2_stays as readmission_part2
        on first_readmissions_within_30d.readmission_stay_id = readmission_part2.stay_id
)

select * from final
