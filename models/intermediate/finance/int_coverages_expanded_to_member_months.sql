-- One row per (patient, coverage, calendar month) of the measurement period (vars aegis_period_start /
-- aegis_period_end) in which an active coverage was in force for at least one day: the member months that
-- PMPM divides by. A patient with two overlapping coverages counts one member month under each.
-- Senders that send no Coverage resource (Synthea) name the payer on each EOB (insurance.coverage.display):
-- such a payer is taken as covering the patient from the first to the last billable period it paid for.
with

coverages as (
    select * from {{ ref('stg_fhir__coverages') }}
),

explanation_of_benefits as (
    select * from {{ ref('stg_fhir__explanation_of_benefits') }}
),

claim_implied_coverages as (
    select
        {{ dbt.concat(["'claim-implied-'", "patient_id", "'-'", "insurance_payer_name"]) }} as coverage_id,
        patient_id,
        insurance_payer_name as payer_name,
        cast(null as {{ dbt.type_string() }}) as plan_type,
        min(billable_period_start_date) as coverage_start_date,
        max(billable_period_end_date) as coverage_end_date
    from explanation_of_benefits
    -- a payer seen only on 42 CFR Part 2 claims would reveal them: such claims imply no coverage
    where coverage_id is null and insurance_payer_name is not null and not is_part2_sensitive
    group by patient_id, insurance_payer_name
),

period_months as (
    {{ month_spine("'" ~ var('aegis_period_start') ~ "'", "'" ~ var('aegis_period_end') ~ "'") }}
),

active_coverages as (
    select
        coverage_id,
        patient_id,
        payer_name,
        plan_type,
        coverage_start_date,
        coverage_end_date
    from coverages
    where status = 'active'

    union all

    select
        coverage_id,
        patient_id,
        payer_name,
        plan_type,
        coverage_start_date,
        coverage_end_date
    from claim_implied_coverages
),

months_with_ends as (
    select
        month_start_date,
        cast({{ dbt.last_day('month_start_date', 'month') }} as date) as month_end_date
    from period_months
),

expanded as (
    select
        active_coverages.coverage_id,
        active_coverages.patient_id,
        active_coverages.payer_name,
        active_coverages.plan_type,
        months_with_ends.month_start_date,
        months_with_ends.month_end_date
    from active_coverages
    inner join months_with_ends
        on
            active_coverages.coverage_start_date <= months_with_ends.month_end_date
            and (
                active_coverages.coverage_end_date is null
                or active_coverages.coverage_end_date >= months_with_ends.month_start_date
            )
),

final as (
    select
        {{ dbt.concat(["coverage_id", "'-'", "cast(month_start_date as " ~ dbt.type_string() ~ ")"]) }}
            as member_month_id,
        patient_id,
        coverage_id,
        payer_name,
        plan_type,
        month_start_date,
        month_end_date
    from expanded
)

select * from final
