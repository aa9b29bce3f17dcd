{#- PostgreSQL: create the NOLOGIN role `role` unless it exists (roles are cluster-wide: another database
    or an earlier run may have made it) and, with granted_to_current_user, make the dbt role a member. -#}
{% macro aegis_postgres_nologin_role(role, granted_to_current_user=false) %}
    {%- set membership = " if not pg_has_role(current_user, '" ~ role ~ "', 'member') then grant " ~ role ~ " to current_user; end if;" if granted_to_current_user else "" -%}
    {{ return(aegis.aegis_statement(
        "do $$ begin if not exists (select from pg_catalog.pg_roles where rolname = '" ~ role ~ "') then create role " ~ role ~ " nologin; end if;" ~ membership ~ " end $$"
    )) }}
{% endmacro %}
