{#-
    numerator / denominator as numeric(9,4), null when either is null (a suppressed count) or the
    denominator is 0. The numerator is cast first so that integer division never truncates (PostgreSQL,
    Redshift).
-#}
{% macro rate_or_null(numerator, denominator) -%}
    cast(
        case
            when {{ denominator }} > 0 and {{ numerator }} is not null
                then cast({{ numerator }} as numeric(18, 4)) / {{ denominator }}
        end
        as numeric(9, 4)
    )
{%- endmacro %}
