-- One row per adjudicated claim line (ExplanationOfBenefit item of the latest EOB version), with its
-- header, the payer of its coverage and its service category. The category is decided per claim: the
-- best (lowest rule_priority) service_categories rule matched by any of its lines applies to all of them,
-- so every line of an inpatient stay's claim counts as inpatient.
-- Incremental (docs/incremental.md): all lines of an EOB are derived together, for the EOBs received since
-- the table's watermark and those whose coverage changed. The lines of an EOB that staging no longer has
-- items for (deleted, or a new version without items) are removed by the post-hook.
{{ config(**aegis.aegis_incremental_fact('explanation_of_benefit_id', 'stg_fhir__explanation_of_benefit_items')) }}
with

staged_eobs as {{ aegis.aegis_cte_not_materialized() }} (
    select * from {{ ref('stg_fhir__explanation_of_benefits') }}
),

staged_eob_items as (
    select * from {{ ref('stg_fhir__explanation_of_benefit_items') }}
),

coverages as (
    select * from {{ ref('stg_fhir__coverages') }}
),

service_categories as (
    select * from {{ ref('service_categories') }}
),

chronic_condition_groups as (
    select * from {{ ref('chronic_condition_groups') }}
),

{% if is_incremental() %}
-- The payer and plan type come from the coverage, not from the EOB: a new version of the coverage or its
-- deletion changes the lines of older EOBs. Those are derived again: every stored EOB whose coverage
-- version (coverage_received_at) is not the current one (null on both sides: no coverage then or now).
    -- a new version (two values), a deleted coverage or one that arrived (one null)
    recovered_eobs as (
        {{ aegis.aegis_keys_with_changed_source_version(
            'explanation_of_benefit_id', 'coverages', 'coverage_id', 'coverage_id',
            'coverage_received_at', aegis.to_utc_timestamp('coverages.received_at'),
        ) }}
    ),
{% endif %}

eobs as (
    {{ aegis.aegis_rows_to_derive('staged_eobs', 'explanation_of_benefit_id', 'recovered_eobs') }}
),

-- the items of the EOBs derived this run (in staging they carry their EOB's received_at)
eob_items as (
    select staged_eob_items.*
    from staged_eob_items
    {%- if is_incremental() %}
        where staged_eob_items.explanation_of_benefit_id in (select eobs.explanation_of_benefit_id from eobs)
    {%- endif %}
),

lines_with_headers as (
    select
        eob_items.explanation_of_benefit_id,
        eob_items.line_number,
        eobs.claim_id,
        eobs.patient_id,
        eobs.coverage_id,
        eobs.insurance_payer_name,
        eobs.provider_npi,
        eobs.claim_type,
        eobs.status as claim_status,
        eobs.outcome as claim_outcome,
        eobs.principal_icd10cm_code,
        eob_items.hcpcs_code,
        eob_items.revenue_code,
        eob_items.billed_amount,
        eob_items.allowed_amount,
        eob_items.paid_amount,
        eob_items.service_date,
        eobs.billable_period_start_date,
        eobs.billable_period_end_date,
        eobs.received_at
    from eob_items
    inner join eobs
        on eob_items.explanation_of_benefit_id = eobs.explanation_of_benefit_id
),

line_rule_matches as (
    select
        lines_with_headers.explanation_of_benefit_id,
        service_categories.rule_priority,
        service_categories.service_category
    from lines_with_headers
    inner join service_categories
        on
            lines_with_headers.claim_type = service_categories.claim_type
            and (
                service_categories.revenue_code_start is null
                or lines_with_headers.revenue_code
                between service_categories.revenue_code_start and service_categories.revenue_code_end
            )
            and (
                service_categories.hcpcs_prefix is null
                or lines_with_headers.hcpcs_code like service_categories.hcpcs_prefix || '%'
            )
),

ranked_claim_rules as (
    select
        explanation_of_benefit_id,
        service_category,
        row_number() over (
            partition by explanation_of_benefit_id
            order by rule_priority
        ) as rule_rank
    from line_rule_matches
),

claim_service_categories as (
    select
        explanation_of_benefit_id,
        service_category
    from ranked_claim_rules
    where rule_rank = 1
),

part2_claims as (
    {{ part2_sensitive_keys(
        'eobs', 'explanation_of_benefit_id', 'principal_icd10cm_code', 'chronic_condition_groups',
    ) }}
    union
    -- the staging marks: a claim with one 42 CFR Part 2 line (HCPCS) is a Part 2 claim, every line of it
    select eob_items.explanation_of_benefit_id from eob_items
    where eob_items.is_part2_sensitive
    union
    select eobs.explanation_of_benefit_id from eobs
    where eobs.is_part2_sensitive
),

final as (
    select
        {{ dbt.concat([
            "lines_with_headers.explanation_of_benefit_id",
            "'-'",
            "cast(lines_with_headers.line_number as " ~ dbt.type_string() ~ ")",
        ]) }} as claim_line_id,
        lines_with_headers.explanation_of_benefit_id,
        lines_with_headers.line_number,
        lines_with_headers.claim_id,
        lines_with_headers.patient_id,
        lines_with_headers.coverage_id,
        lines_with_headers.provider_npi,
        -- Senders without Coverage resources (Synthea) name the payer on the claim: use it.
        coalesce(coverages.payer_name, lines_with_headers.insurance_payer_name) as payer_name,
        coverages.plan_type,
        lines_with_headers.claim_type,
        lines_with_headers.claim_status,
        lines_with_headers.claim_outcome,
        claim_service_categories.service_category,
        lines_with_headers.principal_icd10cm_code,
        lines_with_headers.hcpcs_code,
        lines_with_headers.revenue_code,
        lines_with_headers.billed_amount,
        lines_with_headers.allowed_amount,
        lines_with_headers.paid_amount,
        part2_claims.explanation_of_benefit_id is not null as is_part2_sensitive,
        lines_with_headers.service_date,
        lines_with_headers.billable_period_start_date,
        lines_with_headers.billable_period_end_date,
        -- the version of the coverage the payer and plan type were taken from: a run derives the lines
        -- again when it is no longer the current one
        {{ to_utc_timestamp('coverages.received_at') }} as coverage_received_at,
        -- the watermark of the incremental runs: the EOB version's (its items carry the same)
        {{ to_utc_timestamp('lines_with_headers.received_at') }} as received_at
    from lines_with_headers
    left join claim_service_categories
        on lines_with_headers.explanation_of_benefit_id = claim_service_categories.explanation_of_benefit_id
    left join coverages
        on lines_with_headers.coverage_id = coverages.coverage_id
    left join part2_claims
        on lines_with_headers.explanation_of_benefit_id = part2_claims.explanation_of_benefit_id
)

select * from final
{{ aegis.aegis_physical_order() }}
