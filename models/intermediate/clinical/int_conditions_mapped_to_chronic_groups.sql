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

-- The seed's prefixes are matched once per distinct code, not once per condition: a LIKE join cannot hash,
-- and distinct codes number thousands at most where conditions number millions (4 x faster at 100,000
-- patients).
icd10cm_code_groups as (
    select distinct
        codes.icd10cm_code,
        chronic_condition_groups.condition_group,
        chronic_condition_groups.condition_group_label
    from (select distinct icd10cm_code from conditions) as codes
    inner join chronic_condition_groups
        on {{ icd10cm_matches_prefix('codes.icd10cm_code', 'chronic_condition_groups.icd10cm_prefix') }}
),

-- several prefixes of one group can match one code (I13 and I13.0), and a condition may carry both an
-- ICD-10-CM and a SNOMED CT code of one group: one row per (condition, group)
condition_groups as (
    select
        conditions.condition_id,
        icd10cm_code_groups.condition_group,
        icd10cm_code_groups.condition_group_label
    from conditions
    inner join icd10cm_code_groups
        on conditions.icd10cm_code = icd10cm_code_groups.icd10cm_code

    union

    select
        conditions.condition_id,
        chronic_condition_groups_snomed.condition_group,
        chronic_condition_groups_snomed.condition_group_label
    from conditions
    inner join chronic_condition_groups_snomed
        on conditions.snomed_code = chronic_condition_groups_snomed.snomed_code
),

final as (
    select
        conditions.condition_id,
        condition_groups.condition_group,
        conditions.patient_id,
        conditions.encounter_id,
        conditions.icd10cm_code,
        conditions.clinical_status,
        condition_groups.condition_group_label,
        condition_groups.condition_group = 'part2_substance_use' as is_part2_sensitive,
        conditions.onset_date,
        conditions.recorded_date,
        conditions.abatement_date
    from condition_groups
    -- staging holds one row per condition (its latest version)
    inner join conditions
        on condition_groups.condition_id = conditions.condition_id
)

select * from final
