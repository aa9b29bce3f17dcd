-- One row per (patient, coverage, calendar month) of the measurement period (vars aegis_period_start /
-- aegis_period_end) in which an active coverage was in force for at least one day: the member months that
-- PMPM divides by. A patient with two overlapping coverages counts one member month under each.
-- Senders that send no Coverage resource (Synthea) name the payer on each EOB (insurance.coverage.display):
-- such a payer is taken as covering the patient from the first to the last billable period it paid for
-- (member_month_coverages).
-- Incremental (docs/incremental.md): a patient's months are derived again when the set of coverages that
-- give them differs from the one stored (compared by every column the months are derived from, so a new
-- coverage, a changed one, one moved to another patient and one gone all count); the months of coverages
-- no longer in force are deleted by the post-hook. A full rebuild expanded 12 M rows at 1,000,000
-- patients every day. A change of the period vars needs --full-refresh.
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='patient_id',
    on_schema_change='fail',
    post_hook=["{{ delete_member_months_without_coverage() }}"],
) }}
with

coverages as (
    select * from {{ ref('stg_fhir__coverages') }}
),

explanation_of_benefits as (
    select * from {{ ref('stg_fhir__explanation_of_benefits') }}
),

covering as (
    {{ member_month_coverages('coverages', 'explanation_of_benefits') }}
),

{% if is_incremental() %}
    stored_coverages as (
        select distinct {{ member_month_coverage_columns() | join(', ') }}
        from {{ this }}
    ),

    -- the patients whose coverages differ from the stored ones, either way (EXCEPT treats NULLs as equal)
    changed_patients as (
        select patient_id from (
            select * from covering
            except
            select * from stored_coverages
        ) as new_or_changed
        union
        select patient_id from (
            select * from stored_coverages
            except
            select * from covering
        ) as changed_or_gone
    ),
{% endif %}

coverages_to_expand as (
    select * from covering
    {% if is_incremental() %}
        where patient_id in (select changed_patients.patient_id from changed_patients)
    {% endif %}
),

period_months as (
    {{ month_spine("'" ~ var('aegis_period_start') ~ "'", "'" ~ var('aegis_period_end') ~ "'") }}
),

months_with_ends as (
    select
        month_start_date,
        cast({{ dbt.last_day('month_start_date', 'month') }} as date) as month_end_date
    from period_months
),

expanded as (
    select
        coverages_to_expand.coverage_id,
        coverages_to_expand.patient_id,
        coverages_to_expand.payer_name,
        coverages_to_expand.plan_type,
        coverages_to_expand.coverage_start_date,
        coverages_to_expand.coverage_end_date,
        months_with_ends.month_start_date,
        months_with_ends.month_end_date
    from coverages_to_expand
    inner join months_with_ends
        on
            coverages_to_expand.coverage_start_date <= months_with_ends.month_end_date
            and (
                coverages_to_expand.coverage_end_date is null
                or coverages_to_expand.coverage_end_date >= months_with_ends.month_start_date
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
        month_end_date,
        coverage_start_date,
        coverage_end_date
    from expanded
)

select * from final
