{#- Snowflake has no `at time zone`: convert the instant to UTC, then drop the zone. -#}
{% macro snowflake__to_utc_timestamp(timestamp_tz_expression) -%}
    cast(convert_timezone('UTC', {{ timestamp_tz_expression }}) as timestamp_ntz)
{%- endmacro %}
