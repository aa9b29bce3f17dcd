-- engine: redshift; relations: 3; nothing below has been executed

-- shared objects: roles, schemas, policies
-- skipped when this returns a row: select 1 from svv_roles where role_name = 'aegis_phi_full'
create role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_roles where role_name = 'aegis_phi_limited'
create role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_roles where role_name = 'aegis_deidentified'
create role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_roles where role_name = 'aegis_aggregate'
create role aegis_aggregate;
-- skipped when this returns a row: select 1 from pg_catalog.pg_proc where proname = 'f_aegis_pseudonym'
create external function aegis_governance.f_aegis_pseudonym(varchar)
returns varchar
stable
lambda 'aegis-pseudonym'
iam_role default;
create masking policy aegis_mask_clear_varchar if not exists with (val varchar) using (val);
alter masking policy aegis_mask_clear_varchar using (val);
create masking policy aegis_mask_pseudonym_varchar if not exists with (val varchar) using (left(aegis_governance.f_aegis_pseudonym(val), 32));
alter masking policy aegis_mask_pseudonym_varchar using (left(aegis_governance.f_aegis_pseudonym(val), 32));
create masking policy aegis_mask_clear_timestamp if not exists with (val timestamp) using (val);
alter masking policy aegis_mask_clear_timestamp using (val);
create masking policy aegis_mask_year_timestamp if not exists with (val timestamp) using (case when cast(val as date) > dateadd(year, -90, current_date)::date then cast(date_trunc('year', val) as timestamp) end);
alter masking policy aegis_mask_year_timestamp using (case when cast(val as date) > dateadd(year, -90, current_date)::date then cast(date_trunc('year', val) as timestamp) end);
-- skipped when this returns a row: select 1 from svv_rls_policy where polname = 'aegis_rows_hide_is_part2_sensitive'
create rls policy aegis_rows_hide_is_part2_sensitive with (is_part2_sensitive boolean) using (is_part2_sensitive = false);
-- skipped when this returns a row: select 1 from svv_rls_policy where polname = 'aegis_rows_all'
create rls policy aegis_rows_all using (true);
grant ignore rls to role aegis_transformer;

-- model.aegis.fct_demo_encounters -> main.fct_demo_encounters (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main' and table_name = 'fct_demo_encounters' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main.fct_demo_encounters (mrn) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main' and table_name = 'fct_demo_encounters' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main.fct_demo_encounters (mrn) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main' and table_name = 'fct_demo_encounters' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_timestamp on main.fct_demo_encounters (admitted_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main' and table_name = 'fct_demo_encounters' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_timestamp on main.fct_demo_encounters (admitted_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_timestamp' and schema_name = 'main' and table_name = 'fct_demo_encounters' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_timestamp on main.fct_demo_encounters (admitted_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main' and relname = 'fct_demo_encounters' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main.fct_demo_encounters to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main' and relname = 'fct_demo_encounters' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main.fct_demo_encounters to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main' and relname = 'fct_demo_encounters' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main.fct_demo_encounters to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main' and relname = 'fct_demo_encounters' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main.fct_demo_encounters to role aegis_aggregate;
alter table main.fct_demo_encounters row level security on;
grant usage on schema main to role aegis_phi_full;
grant select (encounter_key, patient_key, mrn, city, admitted_at, is_part2_sensitive) on main.fct_demo_encounters to role aegis_phi_full;
grant usage on schema main to role aegis_phi_limited;
grant select (encounter_key, patient_key, mrn, city, admitted_at, is_part2_sensitive) on main.fct_demo_encounters to role aegis_phi_limited;
grant usage on schema main to role aegis_deidentified;
grant select (encounter_key, patient_key, admitted_at, is_part2_sensitive) on main.fct_demo_encounters to role aegis_deidentified;

-- model.aegis.mart_demo_encounter_counts -> main.mart_demo_encounter_counts (table)
grant usage on schema main to role aegis_phi_full;
grant select (encounter_year, encounter_count) on main.mart_demo_encounter_counts to role aegis_phi_full;
grant usage on schema main to role aegis_phi_limited;
grant select (encounter_year, encounter_count) on main.mart_demo_encounter_counts to role aegis_phi_limited;
grant usage on schema main to role aegis_deidentified;
grant select (encounter_year, encounter_count) on main.mart_demo_encounter_counts to role aegis_deidentified;
grant usage on schema main to role aegis_aggregate;
grant select (encounter_year, encounter_count) on main.mart_demo_encounter_counts to role aegis_aggregate;

-- model.aegis.stg_demo__patients -> main.stg_demo__patients (view)
grant usage on schema main to role aegis_phi_full;
grant select (patient_key, mrn, ssn, family_name, birth_date, zip_code, city, gender, age_years, email, is_part2_sensitive) on main.stg_demo__patients to role aegis_phi_full;
