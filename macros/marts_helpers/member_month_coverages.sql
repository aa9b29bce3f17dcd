{#- Select of the coverages that give member months (int_coverages_expanded_to_member_months): one row per
    coverage (coverage_id, patient_id, payer_name, plan_type, coverage_start_date, coverage_end_date) in
    force at least one day of the measurement period (vars aegis_period_start / aegis_period_end). The
    active Coverage resources of `coverages`, and for senders that send none (Synthea) a payer named on the
    EOBs of `explanation_of_benefits` (insurance.coverage.display), taken as covering the patient from the
    first to the last billable period it paid for. Read by the model and by its post-hook, which must agree
    on what is covered. -#}
{% macro member_month_coverages(coverages, explanation_of_benefits) -%}
    {%- set first_month = "cast('" ~ var('aegis_period_start') ~ "' as date)" -%}
    {%- set last_day = dbt.last_day("cast('" ~ var('aegis_period_end') ~ "' as date)", 'month') -%}
    select * from (
        select
            coverage_id,
            patient_id,
            payer_name,
            plan_type,
            coverage_start_date,
            coverage_end_date
        from {{ coverages }}
        where status = 'active'

        union all

        select
            {{ dbt.concat(["'claim-implied-'", "patient_id", "'-'", "insurance_payer_name"]) }} as coverage_id,
            patient_id,
            insurance_payer_name as payer_name,
            cast(null as {{ dbt.type_string() }}) as plan_type,
            min(billable_period_start_date) as coverage_start_date,
            max(billable_period_end_date) as coverage_end_date
        from {{ explanation_of_benefits }}
        -- a payer seen only on 42 CFR Part 2 claims would reveal them: such claims imply no coverage
        where coverage_id is null and insurance_payer_name is not null and not is_part2_sensitive
        group by patient_id, insurance_payer_name
    ) as covering
    -- in force at least one day of the period (the first month's first day to the last month's last)
    where
        coverage_start_date <= cast({{ last_day }} as date)
        and (coverage_end_date is null or coverage_end_date >= {{ dbt.date_trunc('month', first_month) }})
{%- endmacro %}

{#- Post-hook of int_coverages_expanded_to_member_months: on an incremental run, delete the months of the
    coverages no longer in force (deleted, cancelled, moved out of the period). A patient who lost every
    coverage has no row for delete+insert to replace by patient_id. -#}
{% macro delete_member_months_without_coverage() %}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where coverage_id not in (
            select covering.coverage_id
            from ({{ member_month_coverages(ref('stg_fhir__coverages'), ref('stg_fhir__explanation_of_benefits')) }}) as covering
        )
    {%- endif -%}
{% endmacro %}

{#- The columns of member_month_coverages, which the months keep: what tells one coverage's months from
    another's. -#}
{% macro member_month_coverage_columns() %}
    {{ return(['coverage_id', 'patient_id', 'payer_name', 'plan_type', 'coverage_start_date', 'coverage_end_date']) }}
{% endmacro %}
