-- One row per patient in the denominator of the HbA1c poor control measure (NCQA HBD-like, an inverse
-- measure: lower is better) for the measurement period:
--   denominator: aged 18-75 at the period end, alive through the period, with a diabetes diagnosis
--                (measure_value_sets `diabetes`) recorded on or before the period end and not abated
--                before the period start;
--   numerator:   the latest HbA1c result (LOINC 4548-4, final/amended/corrected, with a value) taken in the
--                period is > 9.0 %, or there is no HbA1c result in the period. Exactly 9.0 is not poor control.
-- Results outside the period are ignored; ties on time go to the highest observation id.
with

patients as (
    select * from {{ ref('stg_fhir__patients') }}
),

conditions as (
    -- 42 CFR Part 2 diagnoses never define the diabetic denominator (they are not diabetes codes); left
    -- out so that no row of this mart derives from a Part 2 row
    select * from {{ ref('stg_fhir__conditions') }}
    where not is_part2_sensitive
),

observations as (
    select * from {{ ref('stg_fhir__observations') }}
),

measure_value_sets as (
    select * from {{ ref('measure_value_sets') }}
),

diabetes_codes as (
    select code as icd10cm_prefix
    from measure_value_sets
    where
        measure_id = 'hba1c_poor_control'
        and value_set_name = 'diabetes'
),

hba1c_codes as (
    select code as loinc_code
    from measure_value_sets
    where
        measure_id = 'hba1c_poor_control'
        and value_set_name = 'hba1c_lab_test'
),

diabetic_patients as (
    select distinct conditions.patient_id
    from conditions
    inner join diabetes_codes
        on {{ icd10cm_matches_prefix('conditions.icd10cm_code', 'diabetes_codes.icd10cm_prefix') }}
    where
        conditions.recorded_date <= cast('{{ var("aegis_period_end") }}' as date)
        and (
            conditions.abatement_date is null
            or conditions.abatement_date >= cast('{{ var("aegis_period_start") }}' as date)
        )
),

eligible_patients as (
    select
        patients.patient_id,
        patients.gender,
        {{ age_in_years('patients.birth_date', "cast('" ~ var('aegis_period_end') ~ "' as date)") }}
            as age_at_period_end
    from patients
    inner join diabetic_patients
        on patients.patient_id = diabetic_patients.patient_id
    where
        patients.deceased_at is null
        or cast({{ to_utc_timestamp('patients.deceased_at') }} as date) > cast('{{ var("aegis_period_end") }}' as date)
),

denominator as (
    select *
    from eligible_patients
    where age_at_period_end between 18 and 75
),

hba1c_results_in_period as (
    select
        observations.observation_id,
        observations.patient_id,
        observations.value_numeric,
        {{ to_utc_timestamp('observations.effective_at') }} as effective_at,
        row_number() over (
            partition by observations.patient_id
            order by observations.effective_at desc, observations.observation_id desc
        ) as recency_rank
    from observations
    inner join hba1c_codes
        on observations.loinc_code = hba1c_codes.loinc_code
    where
        observations.status in ('final', 'amended', 'corrected')
        and observations.value_numeric is not null
        and cast({{ to_utc_timestamp('observations.effective_at') }} as date)
        between cast('{{ var("aegis_period_start") }}' as date)
        and cast('{{ var("aegis_period_end") }}' as date)
),

latest_hba1c as (
    select *
    from hba1c_results_in_period
    where recency_rank = 1
),

final as (
    select
        cast(denominator.patient_id as varchar) as patient_id,
        cast('hba1c_poor_control' as varchar) as measure_id,
        cast(latest_hba1c.observation_id as varchar) as latest_hba1c_observation_id,
        cast(denominator.gender as varchar) as gender,
        cast(denominator.age_at_period_end as integer) as age_at_period_end,
        cast(latest_hba1c.value_numeric as numeric(18, 4)) as latest_hba1c_value,
        latest_hba1c.observation_id is not null as has_hba1c_in_period,
        (
            latest_hba1c.observation_id is null
            or latest_hba1c.value_numeric > {{ var('aegis_hba1c_poor_control_threshold', 9.0) }}
        ) as is_numerator,
        latest_hba1c.effective_at as latest_hba1c_effective_at
    from denominator
    left join latest_hba1c
        on denominator.patient_id = latest_hba1c.patient_id
)

select * from final
