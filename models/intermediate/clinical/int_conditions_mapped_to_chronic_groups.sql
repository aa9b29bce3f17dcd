-- One row per (condition, chronic condition group): a condition whose ICD-10-CM code starts with a prefix
-- of the chronic_condition_groups seed, or whose SNOMED CT code is in chronic_condition_groups_snomed
-- (senders such as Synthea code conditions in SNOMED CT only). A code may map to several groups (I13 ->
-- hypertension and ckd); conditions that map to no group are left out.
with

conditions as (
    select * from {{ ref('stg_fhir__conditions') }}
),

chronic_condition_groups as (
    select * from {{ ref('chronic_condition_groups') }}
),

chronic_condition_groups_snomed as (
    select * from {{ ref('chronic_condition_groups_snomed') }}
),

mapped as (
    -- several prefixes of one group can match one code (I13 and I13.0): keep one row per group
    select distinct
        conditions.condition_id,
        conditions.patient_id,
        conditions.encounter_id,
        conditions.icd10cm_code,
        conditions.clinical_status,
        chronic_condition_groups.condition_group,
        chronic_condition_groups.condition_group_label,
        conditions.onset_date,
        conditions.recorded_date,
        conditions.abatement_date
    from conditions
    inner join chronic_condition_groups
        on {{ icd10cm_matches_prefix('conditions.icd10cm_code', 'chronic_condition_groups.icd10cm_prefix') }}

    union

    select
        conditions.condition_id,
        conditions.patient_id,
        conditions.encounter_id,
        conditions.icd10cm_code,
        conditions.clinical_status,
        chronic_condition_groups_snomed.condition_group,
        chronic_condition_groups_snomed.condition_group_label,
        conditions.onset_date,
        conditions.recorded_date,
        conditions.abatement_date
    from conditions
    inner join chronic_condition_groups_snomed
        on conditions.snomed_code = chronic_condition_groups_snomed.snomed_code
),

final as (
    select
        condition_id,
        condition_group,
        patient_id,
        encounter_id,
        icd10cm_code,
        clinical_status,
        condition_group_label,
        condition_group = 'part2_substance_use' as is_part2_sensitive,
        onset_date,
        recorded_date,
        abatement_date
    from mapped
)

select * from final
