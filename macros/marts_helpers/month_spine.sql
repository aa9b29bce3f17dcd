{#-
    One row per calendar month, column `month_start_date` (date, first day of the month), from the month of
    `start_date` to the month of `end_date` inclusive (both are SQL date literals or expressions).
    Our own spine (no dbt_utils): the numbers 0..999 come from a cross join of ten digits, which every engine
    can do without generate_series (leader-node only on Redshift) or a table generator (Snowflake only);
    the date arithmetic goes through dbt's cross-database `dateadd` / `datediff` / `date_trunc`.
-#}
{% macro month_spine(start_date, end_date) -%}
    {%- set first_month = dbt.date_trunc('month', 'cast(' ~ start_date ~ ' as date)') -%}
    {%- set last_month = dbt.date_trunc('month', 'cast(' ~ end_date ~ ' as date)') -%}
    with digits as (
        select 0 as digit union all select 1 union all select 2 union all select 3 union all select 4
        union all select 5 union all select 6 union all select 7 union all select 8 union all select 9
    ),

    month_offsets as (
        select hundreds.digit * 100 + tens.digit * 10 + units.digit as month_offset
        from digits as hundreds
        cross join digits as tens
        cross join digits as units
    )

    select
        cast({{ dbt.dateadd('month', 'month_offset', 'cast(' ~ first_month ~ ' as date)') }} as date)
            as month_start_date
    from month_offsets
    where month_offset <= {{ dbt.datediff(first_month, last_month, 'month') }}
{%- endmacro %}
