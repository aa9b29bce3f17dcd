-- Aggregate. One row per (payer, service category, month) of the measurement period: member months
-- (distinct enrolled patients of the payer in the month), allowed and paid totals of the adjudicated claim
-- lines served that month, and both per member per month (PMPM). Every payer-month with members has a row
-- for every service category (zero amounts when nothing was paid). No patient-level column.
with

member_months as (
    select * from {{ ref('int_coverages_expanded_to_member_months') }}
),

claim_lines as (
    select * from {{ ref('int_claim_lines_normalised') }}
),

service_categories as (
    select * from {{ ref('service_categories') }}
),

payer_months as (
    select
        payer_name,
        month_start_date,
        count(distinct patient_id) as member_months
    from member_months
    group by payer_name, month_start_date
),

categories as (
    select distinct service_category
    from service_categories
),

adjudicated_lines_in_period as (
    select
        payer_name,
        service_category,
        cast({{ dbt.date_trunc('month', 'service_date') }} as date) as month_start_date,
        allowed_amount,
        paid_amount
    from claim_lines
    where
        claim_status = 'active'
        and claim_outcome in ('complete', 'partial')
        and service_date between cast('{{ var("aegis_period_start") }}' as date)
        and cast('{{ var("aegis_period_end") }}' as date)
),

spend as (
    select
        payer_name,
        service_category,
        month_start_date,
        count(*) as claim_line_count,
        sum(allowed_amount) as allowed_amount,
        sum(paid_amount) as paid_amount
    from adjudicated_lines_in_period
    group by payer_name, service_category, month_start_date
),

grid as (
    select
        payer_months.payer_name,
        categories.service_category,
        payer_months.month_start_date,
        payer_months.member_months,
        coalesce(spend.claim_line_count, 0) as claim_line_count,
        coalesce(spend.allowed_amount, 0) as allowed_amount,
        coalesce(spend.paid_amount, 0) as paid_amount
    from payer_months
    cross join categories
    left join spend
        on
            payer_months.payer_name = spend.payer_name
            and categories.service_category = spend.service_category
            and payer_months.month_start_date = spend.month_start_date
),

final as (
    select
        cast(payer_name as varchar) as payer_name,
        cast(service_category as varchar) as service_category,
        cast(month_start_date as date) as month_start_date,
        cast(member_months as bigint) as member_months,
        cast(claim_line_count as bigint) as claim_line_count,
        cast(allowed_amount as numeric(18, 2)) as allowed_amount,
        cast(paid_amount as numeric(18, 2)) as paid_amount,
        cast(allowed_amount / member_months as numeric(18, 2)) as allowed_pmpm,
        cast(paid_amount / member_months as numeric(18, 2)) as paid_pmpm
    from grid
)

select * from final
