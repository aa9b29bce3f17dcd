{#- Snowflake: ACCOUNT_USAGE.ACCESS_HISTORY lists, per query, the base objects and the columns read
    (through views too); flattened and joined to the classified columns by fully qualified name. -#}
{% macro snowflake__phi_access_audit(lookback_days) -%}
with

classified_columns as (
    {{ aegis.phi_classified_columns() }}
),

columns_read as (
    select
        access_history.query_id,
        access_history.user_name,
        cast(access_history.query_start_time as date) as access_date,
        upper(base_object.value:"objectName"::string) as object_name,
        upper(object_column.value:"columnName"::string) as column_name
    from snowflake.account_usage.access_history as access_history,
        lateral flatten(input => access_history.base_objects_accessed) as base_object,
        lateral flatten(input => base_object.value:"columns") as object_column
    where access_history.query_start_time >= dateadd(day, -{{ lookback_days }}, current_timestamp())
),

final as (
    select
        columns_read.user_name,
        classified_columns.schema_name,
        classified_columns.relation_name,
        classified_columns.column_name,
        classified_columns.phi_category,
        columns_read.access_date,
        count(distinct columns_read.query_id) as query_count
    from columns_read
    inner join classified_columns
        on
            columns_read.object_name = upper(
                classified_columns.database_name || '.' || classified_columns.schema_name
                || '.' || classified_columns.relation_name
            )
            and columns_read.column_name = upper(classified_columns.column_name)
    group by 1, 2, 3, 4, 5, 6
)

select * from final
{%- endmacro %}
