{%- set condition_groups = chronic_condition_group_names() -%}
-- One row per patient: a flag per chronic condition group present in the measurement period (a mapped
-- condition recorded on or before the period end and not abated before the period start) and the number
-- of groups present. Patients without any chronic condition have a row with every flag false.
with

patients as (
    select * from {{ ref('stg_fhir__patients') }}
),

conditions_in_groups as (
    select * from {{ ref('int_conditions_mapped_to_chronic_groups') }}
),

groups_present_in_period as (
    select distinct
        patient_id,
        condition_group
    from conditions_in_groups
    where
        recorded_date <= cast('{{ var("aegis_period_end") }}' as date)
        and (abatement_date is null or abatement_date >= cast('{{ var("aegis_period_start") }}' as date))
),

flags_per_patient as (
    select
        patient_id,
        {%- for condition_group in condition_groups %}
            max(case when condition_group = '{{ condition_group }}' then 1 else 0 end) as {{ condition_group }}_flag,
        {%- endfor %}
        count(*) as chronic_condition_count
    from groups_present_in_period
    group by patient_id
),

final as (
    select
        cast(patients.patient_id as varchar) as patient_id,
        -- carried here so that prevalence marts stratify by it without joining patients again
        cast(patients.gender as varchar) as gender,
        {%- for condition_group in condition_groups %}
            coalesce(flags_per_patient.{{ condition_group }}_flag, 0) = 1 as has_{{ condition_group }},
        {%- endfor %}
        cast(coalesce(flags_per_patient.chronic_condition_count, 0) as integer) as chronic_condition_count,
        coalesce(flags_per_patient.part2_substance_use_flag, 0) = 1 as is_part2_sensitive
    from patients
    left join flags_per_patient
        on patients.patient_id = flags_per_patient.patient_id
)

select * from final
