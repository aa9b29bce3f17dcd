-- AEGIS PHYSICAL DESIGN BEGIN
-- engine: redshift; nothing below has been executed

-- model.aegis.dim_coverage
create table "aegis"."aegis_marts"."dim_coverage__dbt_tmp" diststyle key distkey (patient_id) 
      compound sortkey(coverage_start_date) as (select * from "aegis"."aegis_marts"."dim_coverage");

-- model.aegis.dim_patient
create table "aegis"."aegis_marts"."dim_patient__dbt_tmp" diststyle key distkey (patient_id) as (select * from "aegis"."aegis_marts"."dim_patient");

-- model.aegis.fct_claim_lines
create table "aegis"."aegis_marts"."fct_claim_lines__dbt_tmp" diststyle key distkey (patient_id) 
      compound sortkey(service_date) as (select * from "aegis"."aegis_marts"."fct_claim_lines");

-- model.aegis.fct_conditions
create table "aegis"."aegis_marts"."fct_conditions__dbt_tmp" diststyle key distkey (patient_id) 
      compound sortkey(onset_date) as (select * from "aegis"."aegis_marts"."fct_conditions");

-- model.aegis.fct_encounters
create table "aegis"."aegis_marts"."fct_encounters__dbt_tmp" diststyle key distkey (patient_id) 
      compound sortkey(encounter_start_date) as (select * from "aegis"."aegis_marts"."fct_encounters");

-- model.aegis.fct_medication_requests
create table "aegis"."aegis_marts"."fct_medication_requests__dbt_tmp" diststyle key distkey (patient_id) 
      compound sortkey(authored_date) as (select * from "aegis"."aegis_marts"."fct_medication_requests");

-- model.aegis.fct_observations
create table "aegis"."aegis_marts"."fct_observations__dbt_tmp" diststyle key distkey (patient_id) 
      compound sortkey(effective_date) as (select * from "aegis"."aegis_marts"."fct_observations");

-- model.aegis.fct_procedures
create table "aegis"."aegis_marts"."fct_procedures__dbt_tmp" diststyle key distkey (patient_id) 
      compound sortkey(performed_date) as (select * from "aegis"."aegis_marts"."fct_procedures");
-- AEGIS PHYSICAL DESIGN END
