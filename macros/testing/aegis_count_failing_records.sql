{#- The body shared by the record-level generic tests: one row holding the number of records that meet
    the failure condition. Only the count leaves the warehouse, never a tested value (no PHI in failures).
    Pair it with config(fail_calc='coalesce(sum(failing_rows), 0)') so that dbt reports that count. -#}
{% macro aegis_count_failing_records(model, failure_condition) %}
with failing_records as (
    select 1 as failing_record
    from {{ model }}
    where {{ failure_condition }}
),

final as (
    select count(*) as failing_rows
    from failing_records
)

select * from final
{% endmacro %}
