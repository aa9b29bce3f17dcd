{#-
    Completed years of age on a date: the year difference, minus one when the birthday has not yet come
    round in that year. `datediff(year)` counts calendar-year boundaries, which overstates age by one for
    most of the year, so it is not used. `extract` works the same on DuckDB, PostgreSQL, Snowflake, Redshift.
-#}
{% macro age_in_years(birth_date_column, as_of_date) -%}
    cast(
        (extract(year from {{ as_of_date }}) - extract(year from {{ birth_date_column }}))
        - case
            when extract(month from {{ as_of_date }}) * 100 + extract(day from {{ as_of_date }})
                < extract(month from {{ birth_date_column }}) * 100 + extract(day from {{ birth_date_column }})
                then 1
            else 0
        end
        as integer
    )
{%- endmacro %}
