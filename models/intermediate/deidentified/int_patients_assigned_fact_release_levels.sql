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
-- Released patients only (the signatures below join dim_patient_deidentified): the de-identified facts
-- rely on it, and join these levels instead of the dimension.
{%- set k = var('aegis_k_anonymity_min', 11) %}
{%- set signature_levels = [['signature_0'], ['signature_1'], ['signature_2'], ['signature_3']] %}
with

encounters as (
    select * from {{ ref('fct_encounters') }}
),

conditions as (
    select * from {{ ref('fct_conditions') }}
),

-- The research-id crosswalk, one import CTE per entity type (aegis_research_id_ctes).
{{ aegis_research_id_ctes(['patient', 'encounter', 'condition']) }},

released_patients as (
    select research_person_id from {{ ref('dim_patient_deidentified') }}
),

-- The rows the two facts publish (same joins and filters), with their level-0 columns. By FHIR patient
-- id: the patient's research id and whether the patient is released are joined once per patient, after
-- the signatures are summed (per fact row, those two joins were 40 % of the model at 1,000,000 patients).
encounter_rows as (
    select
        encounters.patient_id,
        encounters.facility_npi,
        encounters.encounter_class,
        encounters.status,
        encounters.reason_icd10cm_code,
        encounters.discharge_disposition_code,
        {{ aegis_safe_harbor_year('encounters.period_start_at') }} as encounter_year
    from encounters
    inner join encounter_research_ids
        on encounters.encounter_id = encounter_research_ids.source_id
    where not encounters.is_part2_sensitive
),

condition_rows as (
    select
        conditions.patient_id,
        conditions.icd10cm_code,
        left(conditions.icd10cm_code, 3) as icd10cm_category,
        conditions.clinical_status,
        conditions.chronic_group_count,
        {{ aegis_safe_harbor_year('conditions.onset_date') }} as onset_year,
        {{ aegis_safe_harbor_year('conditions.recorded_date') }} as recorded_year,
        {{ aegis_safe_harbor_year('conditions.abatement_date') }} as abatement_year
    from conditions
    inner join condition_research_ids
        on conditions.condition_id = condition_research_ids.source_id
    where not conditions.is_part2_sensitive
),

-- Each published row as text at each level of the ladder, one column per level ('e'/'c' keep encounters
-- and conditions apart; at level 3 every encounter of a class, and every condition, is one text).
fact_tuples as (
    select
        encounter_rows.patient_id,
        {{ aegis_class_key(
            ['facility_npi', 'encounter_class', 'status', 'reason_icd10cm_code', 'discharge_disposition_code', 'encounter_year'],
            'e'
        ) }} as fact_tuple_0,
        {{ aegis_class_key(['encounter_class', 'status', 'encounter_year'], 'e') }} as fact_tuple_1,
        {{ aegis_class_key(['encounter_class'], 'e') }} as fact_tuple_2,
        {{ aegis_class_key(['encounter_class'], 'e') }} as fact_tuple_3
    from encounter_rows
    union all
    select
        condition_rows.patient_id,
        {{ aegis_class_key(
            ['icd10cm_code', 'clinical_status', 'chronic_group_count', 'onset_year', 'recorded_year', 'abatement_year'],
            'c'
        ) }} as fact_tuple_0,
        {{ aegis_class_key(
            ['icd10cm_category', 'clinical_status', 'onset_year', 'recorded_year', 'abatement_year'], 'c'
        ) }} as fact_tuple_1,
        {{ aegis_class_key(['icd10cm_category'], 'c') }} as fact_tuple_2,
        {{ aegis_class_key([], 'c') }} as fact_tuple_3
    from condition_rows
),

-- The signature of a patient at each level: a fingerprint of the multiset of their published rows
-- (aegis_multiset_fingerprint: equal multisets give equal text; hashes, not the sorted rows, so the class
-- keys stay short whatever a patient's history). One aggregation per patient for the four levels: per
-- (patient, level), over a cross join with the ladder, it grouped four times the rows into four times
-- the groups and then pivoted them (at 1,000,000 patients 26 M rows into 4 M groups, 3-8 s of the model).
patient_signatures as (
    select
        patient_id,
        {{ aegis_multiset_fingerprint('fact_tuple_0') }} as signature_0,
        {{ aegis_multiset_fingerprint('fact_tuple_1') }} as signature_1,
        {{ aegis_multiset_fingerprint('fact_tuple_2') }} as signature_2,
        {{ aegis_multiset_fingerprint('fact_tuple_3') }} as signature_3
    from fact_tuples
    group by patient_id
),

-- The facts publish the rows of released patients only, under their research id.
signatures as (
    select
        cast(patient_research_ids.research_id as varchar) as research_person_id,
        patient_signatures.signature_0,
        patient_signatures.signature_1,
        patient_signatures.signature_2,
        patient_signatures.signature_3
    from patient_signatures
    inner join patient_research_ids
        on patient_signatures.patient_id = patient_research_ids.source_id
    inner join released_patients
        on cast(patient_research_ids.research_id as varchar) = released_patients.research_person_id
),

{{ aegis_k_anonymous_levels('signatures', 'research_person_id', signature_levels, k) }},

final as (
    select
        research_person_id,
        cast(suppression_level as integer) as release_level
    from levels_assigned
)

select * from final
