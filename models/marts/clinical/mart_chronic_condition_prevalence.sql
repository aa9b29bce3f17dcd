-- Aggregate. One row per (chronic condition group, stratum): how many enrolled members (at least one
-- member month in the measurement period) have the group present in the period, overall and by gender.
-- CMS cell-size rule: counts between 1 and 10 are published as null, and so is a count whose complement
-- (population - count) is between 1 and 10; the rate is null whenever either count is suppressed.
with

member_months as (
    select * from {{ ref('int_coverages_expanded_to_member_months') }}
),

chronic_conditions as (
    select * from {{ ref('mart_chronic_conditions') }}
),

chronic_condition_groups as (
    select * from {{ ref('chronic_condition_groups') }}
),

condition_groups as (
    select distinct
        condition_group,
        condition_group_label
    from chronic_condition_groups
),

members as (
    select distinct patient_id
    from member_months
),

members_with_strata as (
    select
        members.patient_id,
        'overall' as stratum_type,
        'all' as stratum_value
    from members
    union all
    select
        members.patient_id,
        'gender' as stratum_type,
        coalesce(chronic_conditions.gender, 'unknown') as stratum_value
    from members
    -- one row per patient, gender included: the patients it was built from are not joined again
    inner join chronic_conditions
        on members.patient_id = chronic_conditions.patient_id
),

member_groups as (
    -- unpivot the flags of mart_chronic_conditions into (patient, group) rows
    {%- for condition_group in chronic_condition_group_names() %}
        select
            patient_id,
            '{{ condition_group }}' as condition_group
        from chronic_conditions
        where has_{{ condition_group }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

populations as (
    select
        stratum_type,
        stratum_value,
        count(*) as population_count
    from members_with_strata
    group by stratum_type, stratum_value
),

cases as (
    select
        members_with_strata.stratum_type,
        members_with_strata.stratum_value,
        member_groups.condition_group,
        count(*) as case_count
    from members_with_strata
    inner join member_groups
        on members_with_strata.patient_id = member_groups.patient_id
    group by members_with_strata.stratum_type, members_with_strata.stratum_value, member_groups.condition_group
),

grid as (
    select
        condition_groups.condition_group,
        condition_groups.condition_group_label,
        populations.stratum_type,
        populations.stratum_value,
        populations.population_count,
        coalesce(cases.case_count, 0) as case_count
    from condition_groups
    cross join populations
    left join cases
        on
            condition_groups.condition_group = cases.condition_group
            and populations.stratum_type = cases.stratum_type
            and populations.stratum_value = cases.stratum_value
),

suppressed as (
    select
        condition_group,
        condition_group_label,
        stratum_type,
        stratum_value,
        {{ suppress_small_cell('population_count') }} as population_count,
        {{ suppress_small_cell_complement('case_count', 'population_count') }} as case_count
    from grid
),

final as (
    select
        cast(condition_group as varchar) as condition_group,
        cast(condition_group_label as varchar) as condition_group_label,
        cast(stratum_type as varchar) as stratum_type,
        cast(stratum_value as varchar) as stratum_value,
        cast(population_count as bigint) as population_count,
        cast(case_count as bigint) as patients_with_condition_count,
        {{ rate_or_null('case_count', 'population_count') }} as prevalence_rate,
        population_count is null or case_count is null as is_suppressed,
        condition_group = 'part2_substance_use' as is_part2_sensitive,
        cast('{{ var("aegis_period_start") }}' as date) as period_start_date,
        cast('{{ var("aegis_period_end") }}' as date) as period_end_date
    from suppressed
)

select * from final
