-- One row per adjudicated claim line (ExplanationOfBenefit item, latest EOB version) with its payer,
-- service category and billed / allowed / paid amounts.
{{ config(**aegis.aegis_physical_design(distribute_by='patient_id', sort_by=['service_date'])) }}
with

claim_lines as (
    select * from {{ ref('int_claim_lines_normalised') }}
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
        cast(service_date as date) as service_date
    from claim_lines
)

select * from final
