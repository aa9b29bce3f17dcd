-- One row per patient, Safe Harbor de-identified (45 CFR 164.514(b)(2)): every direct identifier dropped,
-- the patient id replaced by a random research id, ZIP cut to ZIP3 (restricted areas -> '000'), dates cut
-- to years, ages over 89 shown as 90 — and, for those patients, the birth year withheld too, because a
-- year "indicative of such age" is itself an identifier under (b)(2)(i)(C).
with

patients as (
    select * from {{ ref('dim_patient') }}
),

research_ids as (
    select * from {{ ref('int_records_assigned_research_ids') }}
),

final as (
    select
        cast(patient_research_ids.research_id as varchar) as research_person_id,
        cast(patients.gender as varchar) as gender,
        cast(patients.marital_status_code as varchar) as marital_status_code,
        cast(patients.language_code as varchar) as language_code,
        cast(patients.state as varchar) as state,
        cast({{ aegis_safe_harbor_zip3('patients.zip_code') }} as varchar) as zip3,
        cast({{ aegis_safe_harbor_age('patients.age_at_period_end') }} as integer) as age_at_period_end,
        cast(
            case
                when patients.age_at_period_end > 89 then null
                else {{ aegis_safe_harbor_year('patients.birth_date') }}
            end
            as integer
        ) as birth_year,
        cast({{ aegis_safe_harbor_year('patients.death_date') }} as integer) as death_year,
        patients.is_deceased
    from patients
    inner join research_ids as patient_research_ids
        on
            patient_research_ids.entity_type = 'patient'
            and patients.patient_id = patient_research_ids.source_id
)

select * from final
