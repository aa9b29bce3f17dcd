-- One row per patient, Safe Harbor de-identified (45 CFR 164.514(b)(2)): every direct identifier dropped,
-- the patient id replaced by a random research id, ZIP cut to ZIP3 (restricted areas -> '000'), dates cut
-- to years, ages over 89 shown as 90 — and, for those patients, the birth year withheld too, because a
-- year "indicative of such age" is itself an identifier under (b)(2)(i)(C).
-- Then k-anonymity (k = var aegis_k_anonymity_min, default 11) over the quasi-identifiers, by local
-- suppression in the order config.meta.quasi_identifier_levels gives (most identifying first): a patient
-- whose combination is shared by fewer than k patients still unplaced has the next level's columns set to
-- NULL, until at least k share it; whoever is left at the end has every quasi-identifier NULL, and when
-- fewer than k are left, the smallest class already placed joins them. Every published combination is
-- then shared by at least k patients, so a lower tier's quasi-identifiers never match one row.
{%- set levels = config.get('meta', {}).get('quasi_identifier_levels') or [] %}
{%- set k = var('aegis_k_anonymity_min', 11) %}
{%- set placed_at = 'levels_assigned.suppression_level' %}
{%- set quasi_identifiers = [] %}
{%- for level in levels %}{% do quasi_identifiers.extend(level) %}{% endfor %}
{%- if execute and not quasi_identifiers %}{{ exceptions.raise_compiler_error('dim_patient_deidentified: config.meta.quasi_identifier_levels is empty') }}{% endif %}
with

patients as (
    select * from {{ ref('dim_patient') }}
),

research_ids as (
    select * from {{ ref('int_records_assigned_research_ids') }}
),

safe_harbor as (
    select
        cast(patient_research_ids.research_id as varchar) as research_person_id,
        cast(patients.gender as varchar) as gender,
        cast(patients.marital_status_code as varchar) as marital_status_code,
        cast(patients.language_code as varchar) as language_code,
        cast(patients.state as varchar) as state,
        cast({{ aegis_safe_harbor_zip3('patients.zip_code') }} as varchar) as zip3,
        cast({{ aegis_safe_harbor_age('patients.age_at_period_end') }} as integer) as age_at_period_end,
        cast({{ aegis_age_band('patients.age_at_period_end') }} as varchar) as age_band,
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
),

{{ aegis_k_anonymous_levels('safe_harbor', 'research_person_id', levels, k) }},

-- With every quasi-identifier suppressed, all patients share one class: a population smaller than k cannot
-- be released k-anonymously at all, so it is withheld whole (record suppression; five Synthea patients are).
releasable_population as (
    select count(*) >= {{ k }} as is_releasable
    from safe_harbor
),

final as (
    select
        safe_harbor.research_person_id,
        {{ aegis_suppressed_column('safe_harbor.gender', 'gender', levels, placed_at) }} as gender,
        {{ aegis_suppressed_column('safe_harbor.marital_status_code', 'marital_status_code', levels, placed_at) }} as marital_status_code,
        {{ aegis_suppressed_column('safe_harbor.language_code', 'language_code', levels, placed_at) }} as language_code,
        {{ aegis_suppressed_column('safe_harbor.state', 'state', levels, placed_at) }} as state,
        {{ aegis_suppressed_column('safe_harbor.zip3', 'zip3', levels, placed_at) }} as zip3,
        {{ aegis_suppressed_column('safe_harbor.age_at_period_end', 'age_at_period_end', levels, placed_at) }} as age_at_period_end,
        {{ aegis_suppressed_column('safe_harbor.age_band', 'age_band', levels, placed_at) }} as age_band,
        {{ aegis_suppressed_column('safe_harbor.birth_year', 'birth_year', levels, placed_at) }} as birth_year,
        {{ aegis_suppressed_column('safe_harbor.death_year', 'death_year', levels, placed_at) }} as death_year,
        {{ aegis_suppressed_column('safe_harbor.is_deceased', 'is_deceased', levels, placed_at) }} as is_deceased
    from safe_harbor
    inner join levels_assigned
        on safe_harbor.research_person_id = levels_assigned.research_person_id
    cross join releasable_population
    where releasable_population.is_releasable
)

select * from final
