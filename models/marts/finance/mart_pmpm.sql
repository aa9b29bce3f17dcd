-- Aggregate. One row per (payer, service category, month) of the measurement period: member months
-- (distinct enrolled patients of the payer in the month), allowed and paid totals of the adjudicated claim
-- lines served that month, and both per member per month (PMPM). Every payer-month with members has a row
-- for every service category (zero amounts when nothing was paid). No patient-level column.
-- Small cells (CMS rule): a cell of 1-10 claim lines publishes no count and no amount (primary
-- suppression). A tier that reads claim lines with service years (deidentified) could rebuild it from
-- its own yearly total minus the published months, so every payer-category-year with a primary cell
-- also withholds its smallest cell of more than 10 lines (complementary), or every month when it has
-- none: the withheld cells then add up to at least 11 lines more than any small cell, and no one of
-- them can be derived.
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
        -- 42 CFR Part 2 lines are left out for every tier (the aggregate tier reads this mart): a published
        -- cell including them would be rebuilt by subtracting the lines a lower tier sees (docs/governance.md)
        and not is_part2_sensitive
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

cells_in_groups as (
    select
        *,
        claim_line_count between 1 and {{ var('aegis_small_cell_max', 10) }} as is_small_cell,
        claim_line_count > {{ var('aegis_small_cell_max', 10) }} as is_large_cell,
        {{ dbt.date_trunc('year', 'month_start_date') }} as period_year
    from grid
),

cells_ranked as (
    select
        *,
        max(case when is_small_cell then 1 else 0 end) over (
            partition by payer_name, service_category, period_year
        ) as group_small_cells,
        max(case when is_large_cell then 1 else 0 end) over (
            partition by payer_name, service_category, period_year
        ) as group_large_cells,
        row_number() over (
            partition by payer_name, service_category, period_year
            order by case when is_large_cell then 0 else 1 end, claim_line_count, month_start_date
        ) as large_cell_rank
    from cells_in_groups
),

cells_suppressed as (
    select
        *,
        coalesce(
            is_small_cell
            or (group_small_cells = 1 and group_large_cells = 1 and is_large_cell and large_cell_rank = 1)
            or (group_small_cells = 1 and group_large_cells = 0),
            false
        ) as is_suppressed
    from cells_ranked
),

final as (
    select
        cast(payer_name as varchar) as payer_name,
        cast(service_category as varchar) as service_category,
        cast(month_start_date as date) as month_start_date,
        cast(member_months as bigint) as member_months,
        cast(case when not is_suppressed then claim_line_count end as bigint) as claim_line_count,
        cast(case when not is_suppressed then allowed_amount end as numeric(18, 2)) as allowed_amount,
        cast(case when not is_suppressed then paid_amount end as numeric(18, 2)) as paid_amount,
        cast(case when not is_suppressed then allowed_amount / member_months end as numeric(18, 2)) as allowed_pmpm,
        cast(case when not is_suppressed then paid_amount / member_months end as numeric(18, 2)) as paid_pmpm
    from cells_suppressed
)

select * from final
