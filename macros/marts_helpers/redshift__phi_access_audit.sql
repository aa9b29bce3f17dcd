{#- Redshift logs scans per table, not per column: each scan of a relation holding PHI is reported once per
    PHI category it holds. var aegis_redshift_audit_source: `sys` (SYS_QUERY_HISTORY + SYS_QUERY_DETAIL,
    serverless and provisioned) or `stl` (STL_QUERY + STL_SCAN, provisioned, short retention). -#}
{% macro redshift__phi_access_audit(lookback_days) -%}
with

classified_columns as (
    {{ aegis.phi_classified_columns() }}
),

phi_relations as (
    select distinct
        schema_name,
        relation_name,
        phi_category
    from classified_columns
),

{% if var('aegis_redshift_audit_source', 'sys') == 'stl' -%}
table_scans as (
    select distinct
        stl_query.query as query_id,
        stl_query.userid as user_id,
        cast(stl_query.starttime as date) as access_date,
        stl_scan.tbl as table_id
    from stl_scan
    inner join stl_query
        on stl_scan.query = stl_query.query
    where stl_query.starttime >= dateadd(day, -{{ lookback_days }}, getdate())
),
{%- else -%}
table_scans as (
    select distinct
        sys_query_history.query_id,
        sys_query_history.user_id,
        cast(sys_query_history.start_time as date) as access_date,
        sys_query_detail.table_id
    from sys_query_history
    inner join sys_query_detail
        on sys_query_history.query_id = sys_query_detail.query_id
    where
        sys_query_detail.step_name = 'scan'
        and sys_query_history.start_time >= dateadd(day, -{{ lookback_days }}, getdate())
),
{%- endif %}

final as (
    select
        pg_user.usename as user_name,
        phi_relations.schema_name,
        phi_relations.relation_name,
        cast(null as varchar) as column_name,
        phi_relations.phi_category,
        table_scans.access_date,
        count(distinct table_scans.query_id) as query_count
    from table_scans
    inner join svv_table_info
        on table_scans.table_id = svv_table_info.table_id
    inner join pg_user
        on table_scans.user_id = pg_user.usesysid
    inner join phi_relations
        on
            lower(svv_table_info."schema") = lower(phi_relations.schema_name)
            and lower(svv_table_info."table") = lower(phi_relations.relation_name)
    group by 1, 2, 3, 4, 5, 6
)

select * from final
{%- endmacro %}
