-- Aggregate. One row per (measure, stratum) for the measurement period: denominator, numerator and
-- performance rate, overall and by gender and age band. CMS cell-size rule: counts between 1 and 10 are
-- published as null, and so is a numerator whose complement (denominator - numerator) is between 1 and
-- 10; the rate is null whenever either count is suppressed.
with

hba1c_poor_control as (
    select * from {{ ref('mart_quality_hba1c_poor_control') }}
),

measure_members as (
    select
        measure_id,
        'HbA1c poor control (> 9.0%)' as measure_name,
        patient_id,
        gender,
        case
            when age_at_period_end < 45 then '18-44'
            when age_at_period_end < 65 then '45-64'
            else '65-75'
        end as age_band,
        case when is_numerator then 1 else 0 end as numerator_flag
    from hba1c_poor_control
),

stratified as (
    select
        measure_id,
        measure_name,
        'overall' as stratum_type,
        'all' as stratum_value,
        numerator_flag
    from measure_members
    union all
    select
        measure_id,
        measure_name,
        'gender' as stratum_type,
        coalesce(gender, 'unknown') as stratum_value,
        numerator_flag
    from measure_members
    union all
    select
        measure_id,
        measure_name,
        'age_band' as stratum_type,
        age_band as stratum_value,
        numerator_flag
    from measure_members
),

counted as (
    select
        measure_id,
        measure_name,
        stratum_type,
        stratum_value,
        count(*) as denominator_count,
        sum(numerator_flag) as numerator_count
    from stratified
    group by measure_id, measure_name, stratum_type, stratum_value
),

suppressed as (
    select
        measure_id,
        measure_name,
        stratum_type,
        stratum_value,
        {{ suppress_small_cell('denominator_count') }} as denominator_count,
        {{ suppress_small_cell_complement('numerator_count', 'denominator_count') }} as numerator_count
    from counted
),

final as (
    select
        cast(measure_id as varchar) as measure_id,
        cast(measure_name as varchar) as measure_name,
        cast(stratum_type as varchar) as stratum_type,
        cast(stratum_value as varchar) as stratum_value,
        cast(denominator_count as bigint) as denominator_count,
        cast(numerator_count as bigint) as numerator_count,
        {{ rate_or_null('numerator_count', 'denominator_count') }} as performance_rate,
        denominator_count is null or numerator_count is null as is_suppressed,
        false as is_higher_better,
        cast('{{ var("aegis_period_start") }}' as date) as period_start_date,
        cast('{{ var("aegis_period_end") }}' as date) as period_end_date
    from suppressed
)

select * from final
