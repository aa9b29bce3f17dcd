-- Readmission exploration (aggregate only, run as a phi_full or phi_limited analyst): the 30-day
-- unplanned readmission rate of the measurement period by discharge month and by principal diagnosis
-- chapter (first letter of ICD-10-CM), and the spread of days to readmission. Counts of 1-10 are shown
-- as null so that the output can be shared (CMS cell-size rule, as in the aggregate marts).
with

readmissions as (
    select * from {{ ref('mart_readmissions_30d') }}
),

index_stays as (
    select
        cast({{ dbt.date_trunc('month', 'discharge_date') }} as date) as discharge_month,
        substring(principal_icd10cm_code, 1, 1) as diagnosis_chapter_letter,
        case when is_readmitted_30d then 1 else 0 end as readmitted,
        days_to_readmission
    from readmissions
),

by_discharge_month as (
    select
        'discharge_month' as breakdown,
        cast(discharge_month as {{ dbt.type_string() }}) as breakdown_value,
        count(*) as index_stays,
        sum(readmitted) as readmissions
    from index_stays
    group by discharge_month
),

by_diagnosis_chapter as (
    select
        'diagnosis_chapter' as breakdown,
        coalesce(diagnosis_chapter_letter, '?') as breakdown_value,
        count(*) as index_stays,
        sum(readmitted) as readmissions
    from index_stays
    group by coalesce(diagnosis_chapter_letter, '?')
),

by_days_to_readmission as (
    select
        'days_to_readmission_week' as breakdown,
        cast(cast(floor((days_to_readmission - 1) / 7.0) + 1 as integer) as {{ dbt.type_string() }}) as breakdown_value,
        count(*) as index_stays,
        count(*) as readmissions
    from index_stays
    where readmitted = 1
    group by floor((days_to_readmission - 1) / 7.0) + 1
),

overall as (
    select
        'overall' as breakdown,
        'all' as breakdown_value,
        count(*) as index_stays,
        sum(readmitted) as readmissions
    from index_stays
),

unioned as (
    select * from overall
    union all
    select * from by_discharge_month
    union all
    select * from by_diagnosis_chapter
    union all
    select * from by_days_to_readmission
),

final as (
    select
        breakdown,
        breakdown_value,
        {{ suppress_small_cell('index_stays') }} as index_stays,
        {{ suppress_small_cell_complement('readmissions', 'index_stays') }} as readmissions,
        {{ rate_or_null(
            suppress_small_cell_complement('readmissions', 'index_stays'),
            suppress_small_cell('index_stays'),
        ) }} as readmission_rate
    from unioned
)

select * from final
order by breakdown, breakdown_value
