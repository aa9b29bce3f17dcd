-- AEGIS PHYSICAL DESIGN BEGIN
-- engine: snowflake; nothing below has been executed

-- model.aegis.dim_coverage
create or replace table AEGIS.AEGIS_marts.dim_coverage__dbt_tmp as (select * from (select * from AEGIS.AEGIS_marts.dim_coverage) order by (coverage_start_date));
alter table AEGIS.AEGIS_marts.dim_coverage__dbt_tmp cluster by (coverage_start_date);

-- model.aegis.fct_claim_lines
create or replace table AEGIS.AEGIS_marts.fct_claim_lines__dbt_tmp as (select * from (select * from AEGIS.AEGIS_marts.fct_claim_lines) order by (service_date));
alter table AEGIS.AEGIS_marts.fct_claim_lines__dbt_tmp cluster by (service_date);

-- model.aegis.fct_conditions
create or replace table AEGIS.AEGIS_marts.fct_conditions__dbt_tmp as (select * from (select * from AEGIS.AEGIS_marts.fct_conditions) order by (onset_date));
alter table AEGIS.AEGIS_marts.fct_conditions__dbt_tmp cluster by (onset_date);

-- model.aegis.fct_encounters
create or replace table AEGIS.AEGIS_marts.fct_encounters__dbt_tmp as (select * from (select * from AEGIS.AEGIS_marts.fct_encounters) order by (encounter_start_date));
alter table AEGIS.AEGIS_marts.fct_encounters__dbt_tmp cluster by (encounter_start_date);

-- model.aegis.fct_medication_requests
create or replace table AEGIS.AEGIS_marts.fct_medication_requests__dbt_tmp as (select * from (select * from AEGIS.AEGIS_marts.fct_medication_requests) order by (authored_date));
alter table AEGIS.AEGIS_marts.fct_medication_requests__dbt_tmp cluster by (authored_date);

-- model.aegis.fct_observations
create or replace table AEGIS.AEGIS_marts.fct_observations__dbt_tmp as (select * from (select * from AEGIS.AEGIS_marts.fct_observations) order by (effective_date));
alter table AEGIS.AEGIS_marts.fct_observations__dbt_tmp cluster by (effective_date);

-- model.aegis.fct_procedures
create or replace table AEGIS.AEGIS_marts.fct_procedures__dbt_tmp as (select * from (select * from AEGIS.AEGIS_marts.fct_procedures) order by (performed_date));
alter table AEGIS.AEGIS_marts.fct_procedures__dbt_tmp cluster by (performed_date);
-- AEGIS PHYSICAL DESIGN END
