{#- PostgreSQL: pgaudit object audit (pgaudit.role granted SELECT on the PHI relations) writes
    `AUDIT: OBJECT,<stmt>,<sub>,READ,SELECT,TABLE,<schema.table>,...` lines to the server log; loaded from
    csvlog into the table named by var aegis_pgaudit_log_relation (PostgreSQL's documented postgres_log
    layout: log_time, user_name, message, ...). Table-level, like Redshift. -#}
{% macro postgres__phi_access_audit(lookback_days) -%}
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

audit_reads as (
    select
        user_name,
        cast(log_time as date) as access_date,
        lower(split_part(message, ',', 7)) as object_name
    from {{ var('aegis_pgaudit_log_relation', 'audit.postgres_log') }}
    where
        message like 'AUDIT: %'
        and split_part(message, ',', 4) = 'READ'
        and log_time >= current_timestamp - interval '{{ lookback_days }} days'
),

final as (
    select
        audit_reads.user_name,
        phi_relations.schema_name,
        phi_relations.relation_name,
        cast(null as varchar) as column_name,
        phi_relations.phi_category,
        audit_reads.access_date,
        count(*) as query_count
    from audit_reads
    inner join phi_relations
        on audit_reads.object_name = lower(phi_relations.schema_name || '.' || phi_relations.relation_name)
    group by 1, 2, 3, 4, 5, 6
)

select * from final
{%- endmacro %}
