-- One row per adjudicated claim line (ExplanationOfBenefit item, latest EOB version) with its payer,
-- service category and billed / allowed / paid amounts.
-- Incremental (docs/incremental.md): all lines of an EOB together, for the EOBs int_claim_lines_normalised
-- derived since the table's watermark and those whose coverage changed.
{{ config(**aegis.aegis_incremental_fact(
    'explanation_of_benefit_id', 'int_claim_lines_normalised', distribute_by='patient_id', sort_by=['service_date'],
)) }}
with

normalised_lines as {{ aegis.aegis_cte_not_materialized() }} (
    select * from {{ ref('int_claim_lines_normalised') }}
),

{% if is_incremental() %}
-- A coverage change derives old lines again upstream with their EOB's (old) received_at: the watermark
-- does not show them. Their coverage_received_at does: every stored EOB whose coverage version differs
-- from the upstream's is derived again (a deleted EOB is the post-hook's).
    -- a new version (two values), a deleted coverage or one that arrived (one null)
    recovered_claims as (
        {{ aegis.aegis_keys_with_changed_source_version(
            'explanation_of_benefit_id', 'normalised_lines', 'claim_line_id', 'claim_line_id',
            'coverage_received_at', 'normalised_lines.coverage_received_at', join_type='inner',
        ) }}
    ),
{% endif %}

claim_lines as (
    {{ aegis.aegis_rows_to_derive(
        'normalised_lines', 'explanation_of_benefit_id', 'recovered_claims', upstream_is_utc=true,
    ) }}
),

final as (
    select
        cast(claim_line_id as varchar) as claim_line_id,
        cast(explanation_of_benefit_id as varchar) as explanation_of_benefit_id,
        cast(line_number as integer) as line_number,
        cast(claim_id as varchar) as claim_id,
        cast(patient_id as varchar) as patient_id,
        cast(coverage_id as varchar) as coverage_id,
        cast(provider_npi as varchar) as provider_npi,
        cast(payer_name as varchar) as payer_name,
        cast(plan_type as varchar) as plan_type,
        cast(claim_type as varchar) as claim_type,
        cast(claim_status as varchar) as claim_status,
        cast(claim_outcome as varchar) as claim_outcome,
        cast(service_category as varchar) as service_category,
        cast(principal_icd10cm_code as varchar) as principal_icd10cm_code,
        cast(hcpcs_code as varchar) as hcpcs_code,
        cast(revenue_code as varchar) as revenue_code,
        cast(billed_amount as numeric(18, 2)) as billed_amount,
        cast(allowed_amount as numeric(18, 2)) as allowed_amount,
        cast(paid_amount as numeric(18, 2)) as paid_amount,
        is_part2_sensitive,
        cast(service_date as date) as service_date,
        cast(coverage_received_at as timestamp) as coverage_received_at,
        -- the watermark of the incremental runs
        cast(received_at as timestamp) as received_at
    from claim_lines
)

select * from final
{{ aegis.aegis_physical_order() }}
