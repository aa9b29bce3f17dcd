-- One row per released patient with de-identified facts: the release level of their facts in
-- fct_encounters_deidentified and fct_conditions_deidentified. A reader who knows a patient's encounters
-- and diagnoses can match that SET of rows to the one research_person_id that publishes the same set, so
-- k-anonymity must hold for the set, per patient, not per row. The signature of a patient at a level is
-- the multiset of their fact rows as published at that level (compared by a fingerprint); a patient is
-- released at the lowest level whose signature k or more patients not already placed share
-- (aegis_k_anonymous_levels, as in dim_patient_deidentified), and after the last level the rows are
-- published unlinked (no person id).
-- The ladder (the facts publish exactly these columns per level; keep them in step):
--   0 full detail;
--   1 coarse: no facility, reason or disposition; diagnosis cut to its 3-character ICD-10-CM category;
--   2 encounter class and diagnosis category only, no years;
--   3 counts only: encounter class, and that a diagnosis exists;
--   4 unlinked: research_person_id (and a condition's encounter id) NULL, the rows keep level 2's columns.
-- A table (the folder's default), computed once per build: both facts and its tests read it. As an
-- ephemeral model it was computed four times, 55 % of a daily run's model time at 1,000,000 patients.
-- Readable by phi_full only (its columns deny every other tier, as the research-id crosswalk does).
{%- set k = var('aegis_k_anonymity_min', 11) %}
{%- set signature_levels = [['signature_0'], ['signature_1'], ['signature_2'], ['signature_3']] %}
with

encounters as (
    select * from {{ ref('fct_encounters') }}
),

conditions as (
    select * from {{ ref('fct_conditions') }}
),

research_ids as (
    select * from {{ ref('int_records_assigned_research_ids') }}
),

released_patients as (
    select research_person_id from {{ ref('dim_patient_deidentified') }}
),

-- The rows the two facts publish (same joins and filters), with their level-0 columns.
encounter_rows as (
    select
        cast(patient_research_ids.research_id as varchar) as research_person_id,
        encounters.facility_npi,
        encounters.encounter_class,
        encounters.status,
        encounters.reason_icd10cm_code,
        encounters.discharge_disposition_code,
        {{ aegis_safe_harbor_year('encounters.period_start_at') }} as encounter_year
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
),

condition_rows as (
    select
        cast(patient_research_ids.research_id as varchar) as research_person_id,
        conditions.icd10cm_code,
        left(conditions.icd10cm_code, 3) as icd10cm_category,
        conditions.clinical_status,
        conditions.chronic_group_count,
        {{ aegis_safe_harbor_year('conditions.onset_date') }} as onset_year,
        {{ aegis_safe_harbor_year('conditions.recorded_date') }} as recorded_year,
        {{ aegis_safe_harbor_year('conditions.abatement_date') }} as abatement_year
    from conditions
    inner join research_ids as condition_research_ids
        on
            condition_research_ids.entity_type = 'condition'
            and conditions.condition_id = condition_research_ids.source_id
    inner join research_ids as patient_research_ids
        on
            patient_research_ids.entity_type = 'patient'
            and conditions.patient_id = patient_research_ids.source_id
    inner join released_patients
        on cast(patient_research_ids.research_id as varchar) = released_patients.research_person_id
    where not conditions.is_part2_sensitive
),

ladder as (
    select 0 as signature_level
    union all
    select 1 as signature_level
    union all
    select 2 as signature_level
    union all
    select 3 as signature_level
),

-- Each published row as text at each level of the ladder ('e'/'c' keep encounters and conditions apart).
fact_tuples as (
    select
        encounter_rows.research_person_id,
        ladder.signature_level,
        case ladder.signature_level
            when 0 then {{ aegis_class_key(
                ['facility_npi', 'encounter_class', 'status', 'reason_icd10cm_code', 'discharge_disposition_code', 'encounter_year'],
                'e'
            ) }}
            when 1 then {{ aegis_class_key(['encounter_class', 'status', 'encounter_year'], 'e') }}
            else {{ aegis_class_key(['encounter_class'], 'e') }}
        end as fact_tuple
    from encounter_rows
    cross join ladder
    union all
    select
        condition_rows.research_person_id,
        ladder.signature_level,
        case ladder.signature_level
            when 0 then {{ aegis_class_key(
                ['icd10cm_code', 'clinical_status', 'chronic_group_count', 'onset_year', 'recorded_year', 'abatement_year'],
                'c'
            ) }}
            when 1 then {{ aegis_class_key(
                ['icd10cm_category', 'clinical_status', 'onset_year', 'recorded_year', 'abatement_year'], 'c'
            ) }}
            when 2 then {{ aegis_class_key(['icd10cm_category'], 'c') }}
            else {{ aegis_class_key([], 'c') }}
        end as fact_tuple
    from condition_rows
    cross join ladder
),

-- The signature of a patient at a level: a fingerprint of the multiset of their published rows
-- (aegis_multiset_fingerprint: equal multisets give equal text; hashes, not the sorted rows, so the class
-- keys stay short whatever a patient's history). One aggregation per (patient, level), pivoted after.
level_signatures as (
    select
        research_person_id,
        signature_level,
        {{ aegis_multiset_fingerprint('fact_tuple') }} as signature
    from fact_tuples
    group by research_person_id, signature_level
),

signatures as (
    select
        research_person_id,
        max(case when signature_level = 0 then signature end) as signature_0,
        max(case when signature_level = 1 then signature end) as signature_1,
        max(case when signature_level = 2 then signature end) as signature_2,
        max(case when signature_level = 3 then signature end) as signature_3
    from level_signatures
    group by research_person_id
),

{{ aegis_k_anonymous_levels('signatures', 'research_person_id', signature_levels, k) }},

final as (
    select
        research_person_id,
        cast(suppression_level as integer) as release_level
    from levels_assigned
)

select * from final
