{#- DuckDB (and any engine without an access log): no audit trail exists, so the query returns the inventory
    of PHI columns an audit would watch, with empty access fields, rather than pretending. -#}
{% macro default__phi_access_audit(lookback_days) -%}
with

classified_columns as (
    {{ aegis.phi_classified_columns() }}
),

final as (
    select
        cast(null as {{ dbt.type_string() }}) as user_name,
        classified_columns.schema_name,
        classified_columns.relation_name,
        classified_columns.column_name,
        classified_columns.phi_category,
        cast(null as date) as access_date,
        cast(0 as integer) as query_count
    from classified_columns
)

select * from final
{%- endmacro %}
