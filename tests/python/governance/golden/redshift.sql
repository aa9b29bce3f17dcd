-- engine: redshift; relations: 37; nothing below has been executed

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
create masking policy aegis_mask_clear_date if not exists with (val date) using (val);
alter masking policy aegis_mask_clear_date using (val);
create masking policy aegis_mask_year_date if not exists with (val date) using (case when cast(val as date) > dateadd(year, -90, current_date)::date then cast(date_trunc('year', val) as date) end);
alter masking policy aegis_mask_year_date using (case when cast(val as date) > dateadd(year, -90, current_date)::date then cast(date_trunc('year', val) as date) end);
create masking policy aegis_mask_clear_timestamp if not exists with (val timestamp) using (val);
alter masking policy aegis_mask_clear_timestamp using (val);
create masking policy aegis_mask_year_timestamp if not exists with (val timestamp) using (case when cast(val as date) > dateadd(year, -90, current_date)::date then cast(date_trunc('year', val) as timestamp) end);
alter masking policy aegis_mask_year_timestamp using (case when cast(val as date) > dateadd(year, -90, current_date)::date then cast(date_trunc('year', val) as timestamp) end);
create masking policy aegis_mask_redact_varchar if not exists with (val varchar) using (case when val is not null then '[REDACTED]' end);
alter masking policy aegis_mask_redact_varchar using (case when val is not null then '[REDACTED]' end);
create masking policy aegis_mask_zip3_varchar if not exists with (val varchar) using (case when left(val, 3) in ('036', '059', '063', '102', '203', '556', '692', '790', '821', '823', '830', '831', '878', '879', '884', '890', '893') then '000' else left(val, 3) end);
alter masking policy aegis_mask_zip3_varchar using (case when left(val, 3) in ('036', '059', '063', '102', '203', '556', '692', '790', '821', '823', '830', '831', '878', '879', '884', '890', '893') then '000' else left(val, 3) end);
create masking policy aegis_mask_clear_integer if not exists with (val integer) using (val);
alter masking policy aegis_mask_clear_integer using (val);
create masking policy aegis_mask_age_cap_90_integer if not exists with (val integer) using (case when val > 89 then cast(90 as integer) else val end);
alter masking policy aegis_mask_age_cap_90_integer using (case when val > 89 then cast(90 as integer) else val end);
-- skipped when this returns a row: select 1 from svv_rls_policy where polname = 'aegis_rows_hide_is_part2_sensitive'
create rls policy aegis_rows_hide_is_part2_sensitive with (is_part2_sensitive boolean) using (is_part2_sensitive = false);
-- skipped when this returns a row: select 1 from svv_rls_policy where polname = 'aegis_rows_all'
create rls policy aegis_rows_all using (true);
grant ignore rls to role aegis_transformer;

-- model.aegis.dim_coverage -> main_marts.dim_coverage (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'dim_coverage' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.dim_coverage (coverage_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'dim_coverage' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.dim_coverage (coverage_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'dim_coverage' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.dim_coverage (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'dim_coverage' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.dim_coverage (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'dim_coverage' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.dim_coverage (subscriber_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'dim_coverage' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.dim_coverage (subscriber_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'dim_coverage' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_marts.dim_coverage (coverage_start_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'dim_coverage' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_marts.dim_coverage (coverage_start_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_marts' and table_name = 'dim_coverage' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_marts.dim_coverage (coverage_start_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'dim_coverage' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_marts.dim_coverage (coverage_end_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'dim_coverage' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_marts.dim_coverage (coverage_end_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_marts' and table_name = 'dim_coverage' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_marts.dim_coverage (coverage_end_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'dim_coverage' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_timestamp on main_marts.dim_coverage (received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'dim_coverage' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_timestamp on main_marts.dim_coverage (received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_timestamp' and schema_name = 'main_marts' and table_name = 'dim_coverage' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_timestamp on main_marts.dim_coverage (received_at) to role aegis_deidentified priority 20;
grant usage on schema main_marts to role aegis_phi_full;
grant select (coverage_id, patient_id, subscriber_id, payer_name, plan_type, status, is_active_in_period, coverage_start_date, coverage_end_date, received_at) on main_marts.dim_coverage to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select (coverage_id, patient_id, subscriber_id, payer_name, plan_type, status, is_active_in_period, coverage_start_date, coverage_end_date, received_at) on main_marts.dim_coverage to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select (payer_name, plan_type, status, is_active_in_period, coverage_start_date, coverage_end_date, received_at) on main_marts.dim_coverage to role aegis_deidentified;

-- model.aegis.dim_patient -> main_marts.dim_patient (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.dim_patient (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.dim_patient (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.dim_patient (mrn) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.dim_patient (mrn) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.dim_patient (given_name) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_redact_varchar' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_redact_varchar on main_marts.dim_patient (given_name) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.dim_patient (family_name) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_redact_varchar' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_redact_varchar on main_marts.dim_patient (family_name) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.dim_patient (street_address) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_redact_varchar' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_redact_varchar on main_marts.dim_patient (street_address) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.dim_patient (zip_code) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_varchar on main_marts.dim_patient (zip_code) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_zip3_varchar' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_zip3_varchar on main_marts.dim_patient (zip_code) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.dim_patient (phone) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_redact_varchar' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_redact_varchar on main_marts.dim_patient (phone) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.dim_patient (email) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_redact_varchar' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_redact_varchar on main_marts.dim_patient (email) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_integer' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_integer on main_marts.dim_patient (age_at_period_end) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_integer' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_integer on main_marts.dim_patient (age_at_period_end) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_age_cap_90_integer' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_age_cap_90_integer on main_marts.dim_patient (age_at_period_end) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_marts.dim_patient (birth_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_marts.dim_patient (birth_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_marts.dim_patient (birth_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_marts.dim_patient (death_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_marts.dim_patient (death_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_marts.dim_patient (death_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_timestamp on main_marts.dim_patient (last_updated_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_timestamp on main_marts.dim_patient (last_updated_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_timestamp' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_timestamp on main_marts.dim_patient (last_updated_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_timestamp on main_marts.dim_patient (received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_timestamp on main_marts.dim_patient (received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_timestamp' and schema_name = 'main_marts' and table_name = 'dim_patient' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_timestamp on main_marts.dim_patient (received_at) to role aegis_deidentified priority 20;
grant usage on schema main_marts to role aegis_phi_full;
grant select (patient_id, mrn, patient_id_pseudonym, mrn_pseudonym, ssn, given_name, family_name, gender, marital_status_code, language_code, street_address, city, county, state, zip_code, phone, email, age_at_period_end, is_deceased, birth_date, death_date, last_updated_at, received_at) on main_marts.dim_patient to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select (patient_id, mrn, given_name, family_name, gender, marital_status_code, language_code, street_address, city, county, state, zip_code, phone, email, age_at_period_end, is_deceased, birth_date, death_date, last_updated_at, received_at) on main_marts.dim_patient to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select (gender, marital_status_code, language_code, state, zip_code, age_at_period_end, is_deceased, birth_date, death_date, last_updated_at, received_at) on main_marts.dim_patient to role aegis_deidentified;

-- model.aegis.dim_patient_deidentified -> main_deidentified.dim_patient_deidentified (table)
grant usage on schema main_deidentified to role aegis_phi_full;
grant select (research_person_id, gender, marital_status_code, language_code, state, zip3, age_at_period_end, age_band, birth_year, death_year, is_deceased) on main_deidentified.dim_patient_deidentified to role aegis_phi_full;
grant usage on schema main_deidentified to role aegis_phi_limited;
grant select (research_person_id, gender, marital_status_code, language_code, state, zip3, age_at_period_end, age_band, birth_year, death_year, is_deceased) on main_deidentified.dim_patient_deidentified to role aegis_phi_limited;
grant usage on schema main_deidentified to role aegis_deidentified;
grant select (research_person_id, gender, marital_status_code, language_code, state, zip3, age_at_period_end, age_band, birth_year, death_year, is_deceased) on main_deidentified.dim_patient_deidentified to role aegis_deidentified;

-- model.aegis.fct_claim_lines -> main_marts.fct_claim_lines (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'fct_claim_lines' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.fct_claim_lines (claim_line_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'fct_claim_lines' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.fct_claim_lines (claim_line_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'fct_claim_lines' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.fct_claim_lines (explanation_of_benefit_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'fct_claim_lines' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.fct_claim_lines (explanation_of_benefit_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'fct_claim_lines' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.fct_claim_lines (claim_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'fct_claim_lines' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.fct_claim_lines (claim_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'fct_claim_lines' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.fct_claim_lines (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'fct_claim_lines' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.fct_claim_lines (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'fct_claim_lines' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.fct_claim_lines (coverage_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'fct_claim_lines' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.fct_claim_lines (coverage_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'fct_claim_lines' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_marts.fct_claim_lines (service_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'fct_claim_lines' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_marts.fct_claim_lines (service_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_marts' and table_name = 'fct_claim_lines' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_marts.fct_claim_lines (service_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_claim_lines' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_claim_lines (coverage_received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_claim_lines' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_claim_lines (coverage_received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_timestamp' and schema_name = 'main_marts' and table_name = 'fct_claim_lines' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_timestamp on main_marts.fct_claim_lines (coverage_received_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_claim_lines' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_claim_lines (received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_claim_lines' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_claim_lines (received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_timestamp' and schema_name = 'main_marts' and table_name = 'fct_claim_lines' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_timestamp on main_marts.fct_claim_lines (received_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main_marts' and relname = 'fct_claim_lines' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main_marts.fct_claim_lines to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'fct_claim_lines' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.fct_claim_lines to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'fct_claim_lines' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.fct_claim_lines to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'fct_claim_lines' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.fct_claim_lines to role aegis_aggregate;
alter table main_marts.fct_claim_lines row level security on;
grant usage on schema main_marts to role aegis_phi_full;
grant select (claim_line_id, explanation_of_benefit_id, line_number, claim_id, patient_id, coverage_id, provider_npi, payer_name, plan_type, claim_type, claim_status, claim_outcome, service_category, principal_icd10cm_code, hcpcs_code, revenue_code, billed_amount, allowed_amount, paid_amount, is_part2_sensitive, service_date, coverage_received_at, received_at) on main_marts.fct_claim_lines to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select (claim_line_id, explanation_of_benefit_id, line_number, claim_id, patient_id, coverage_id, provider_npi, payer_name, plan_type, claim_type, claim_status, claim_outcome, service_category, principal_icd10cm_code, hcpcs_code, revenue_code, billed_amount, allowed_amount, paid_amount, is_part2_sensitive, service_date, coverage_received_at, received_at) on main_marts.fct_claim_lines to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select (line_number, provider_npi, payer_name, plan_type, claim_type, claim_status, claim_outcome, service_category, principal_icd10cm_code, hcpcs_code, revenue_code, billed_amount, allowed_amount, paid_amount, is_part2_sensitive, service_date, coverage_received_at, received_at) on main_marts.fct_claim_lines to role aegis_deidentified;

-- model.aegis.fct_conditions -> main_marts.fct_conditions (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'fct_conditions' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.fct_conditions (condition_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'fct_conditions' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.fct_conditions (condition_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'fct_conditions' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.fct_conditions (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'fct_conditions' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.fct_conditions (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'fct_conditions' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.fct_conditions (encounter_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'fct_conditions' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.fct_conditions (encounter_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'fct_conditions' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_marts.fct_conditions (onset_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'fct_conditions' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_marts.fct_conditions (onset_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_marts' and table_name = 'fct_conditions' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_marts.fct_conditions (onset_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'fct_conditions' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_marts.fct_conditions (recorded_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'fct_conditions' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_marts.fct_conditions (recorded_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_marts' and table_name = 'fct_conditions' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_marts.fct_conditions (recorded_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'fct_conditions' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_marts.fct_conditions (abatement_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'fct_conditions' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_marts.fct_conditions (abatement_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_marts' and table_name = 'fct_conditions' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_marts.fct_conditions (abatement_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_conditions' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_conditions (received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_conditions' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_conditions (received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_timestamp' and schema_name = 'main_marts' and table_name = 'fct_conditions' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_timestamp on main_marts.fct_conditions (received_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main_marts' and relname = 'fct_conditions' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main_marts.fct_conditions to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'fct_conditions' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.fct_conditions to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'fct_conditions' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.fct_conditions to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'fct_conditions' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.fct_conditions to role aegis_aggregate;
alter table main_marts.fct_conditions row level security on;
grant usage on schema main_marts to role aegis_phi_full;
grant select (condition_id, patient_id, encounter_id, icd10cm_code, clinical_status, chronic_group_count, is_part2_sensitive, onset_date, recorded_date, abatement_date, received_at) on main_marts.fct_conditions to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select (condition_id, patient_id, encounter_id, icd10cm_code, clinical_status, chronic_group_count, is_part2_sensitive, onset_date, recorded_date, abatement_date, received_at) on main_marts.fct_conditions to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select (icd10cm_code, clinical_status, chronic_group_count, is_part2_sensitive, onset_date, recorded_date, abatement_date, received_at) on main_marts.fct_conditions to role aegis_deidentified;

-- model.aegis.fct_conditions_deidentified -> main_deidentified.fct_conditions_deidentified (table)
grant usage on schema main_deidentified to role aegis_phi_full;
grant select (research_condition_id, research_person_id, research_encounter_id, icd10cm_code, clinical_status, chronic_group_count, onset_year, recorded_year, abatement_year) on main_deidentified.fct_conditions_deidentified to role aegis_phi_full;
grant usage on schema main_deidentified to role aegis_phi_limited;
grant select (research_condition_id, research_person_id, research_encounter_id, icd10cm_code, clinical_status, chronic_group_count, onset_year, recorded_year, abatement_year) on main_deidentified.fct_conditions_deidentified to role aegis_phi_limited;
grant usage on schema main_deidentified to role aegis_deidentified;
grant select (research_condition_id, research_person_id, research_encounter_id, icd10cm_code, clinical_status, chronic_group_count, onset_year, recorded_year, abatement_year) on main_deidentified.fct_conditions_deidentified to role aegis_deidentified;

-- model.aegis.fct_encounters -> main_marts.fct_encounters (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'fct_encounters' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.fct_encounters (encounter_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'fct_encounters' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.fct_encounters (encounter_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'fct_encounters' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.fct_encounters (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'fct_encounters' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.fct_encounters (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'fct_encounters' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.fct_encounters (stay_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'fct_encounters' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.fct_encounters (stay_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'fct_encounters' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_marts.fct_encounters (encounter_start_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'fct_encounters' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_marts.fct_encounters (encounter_start_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_marts' and table_name = 'fct_encounters' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_marts.fct_encounters (encounter_start_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_encounters' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_encounters (period_start_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_encounters' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_encounters (period_start_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_timestamp' and schema_name = 'main_marts' and table_name = 'fct_encounters' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_timestamp on main_marts.fct_encounters (period_start_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_encounters' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_encounters (period_end_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_encounters' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_encounters (period_end_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_timestamp' and schema_name = 'main_marts' and table_name = 'fct_encounters' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_timestamp on main_marts.fct_encounters (period_end_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_encounters' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_encounters (received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_encounters' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_encounters (received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_timestamp' and schema_name = 'main_marts' and table_name = 'fct_encounters' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_timestamp on main_marts.fct_encounters (received_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main_marts' and relname = 'fct_encounters' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main_marts.fct_encounters to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'fct_encounters' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.fct_encounters to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'fct_encounters' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.fct_encounters to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'fct_encounters' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.fct_encounters to role aegis_aggregate;
alter table main_marts.fct_encounters row level security on;
grant usage on schema main_marts to role aegis_phi_full;
grant select (encounter_id, patient_id, stay_id, encounter_id_pseudonym, patient_id_pseudonym, stay_id_pseudonym, facility_npi, encounter_class, status, reason_icd10cm_code, discharge_disposition_code, is_part2_sensitive, encounter_start_date, period_start_at, period_end_at, received_at) on main_marts.fct_encounters to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select (encounter_id, patient_id, stay_id, facility_npi, encounter_class, status, reason_icd10cm_code, discharge_disposition_code, is_part2_sensitive, encounter_start_date, period_start_at, period_end_at, received_at) on main_marts.fct_encounters to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select (facility_npi, encounter_class, status, reason_icd10cm_code, discharge_disposition_code, is_part2_sensitive, encounter_start_date, period_start_at, period_end_at, received_at) on main_marts.fct_encounters to role aegis_deidentified;

-- model.aegis.fct_encounters_deidentified -> main_deidentified.fct_encounters_deidentified (table)
grant usage on schema main_deidentified to role aegis_phi_full;
grant select (research_encounter_id, research_person_id, facility_npi, encounter_class, status, reason_icd10cm_code, discharge_disposition_code, encounter_year) on main_deidentified.fct_encounters_deidentified to role aegis_phi_full;
grant usage on schema main_deidentified to role aegis_phi_limited;
grant select (research_encounter_id, research_person_id, facility_npi, encounter_class, status, reason_icd10cm_code, discharge_disposition_code, encounter_year) on main_deidentified.fct_encounters_deidentified to role aegis_phi_limited;
grant usage on schema main_deidentified to role aegis_deidentified;
grant select (research_encounter_id, research_person_id, facility_npi, encounter_class, status, reason_icd10cm_code, discharge_disposition_code, encounter_year) on main_deidentified.fct_encounters_deidentified to role aegis_deidentified;

-- model.aegis.fct_medication_requests -> main_marts.fct_medication_requests (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'fct_medication_requests' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.fct_medication_requests (medication_request_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'fct_medication_requests' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.fct_medication_requests (medication_request_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'fct_medication_requests' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.fct_medication_requests (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'fct_medication_requests' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.fct_medication_requests (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'fct_medication_requests' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.fct_medication_requests (encounter_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'fct_medication_requests' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.fct_medication_requests (encounter_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'fct_medication_requests' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_marts.fct_medication_requests (authored_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'fct_medication_requests' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_marts.fct_medication_requests (authored_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_marts' and table_name = 'fct_medication_requests' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_marts.fct_medication_requests (authored_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_medication_requests' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_medication_requests (authored_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_medication_requests' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_medication_requests (authored_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_timestamp' and schema_name = 'main_marts' and table_name = 'fct_medication_requests' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_timestamp on main_marts.fct_medication_requests (authored_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_medication_requests' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_medication_requests (received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_medication_requests' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_medication_requests (received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_timestamp' and schema_name = 'main_marts' and table_name = 'fct_medication_requests' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_timestamp on main_marts.fct_medication_requests (received_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main_marts' and relname = 'fct_medication_requests' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main_marts.fct_medication_requests to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'fct_medication_requests' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.fct_medication_requests to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'fct_medication_requests' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.fct_medication_requests to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'fct_medication_requests' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.fct_medication_requests to role aegis_aggregate;
alter table main_marts.fct_medication_requests row level security on;
grant usage on schema main_marts to role aegis_phi_full;
grant select (medication_request_id, patient_id, encounter_id, prescriber_npi, rxnorm_code, medication_name, status, intent, authored_date, authored_at, is_part2_sensitive, received_at) on main_marts.fct_medication_requests to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select (medication_request_id, patient_id, encounter_id, prescriber_npi, rxnorm_code, medication_name, status, intent, authored_date, authored_at, is_part2_sensitive, received_at) on main_marts.fct_medication_requests to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select (prescriber_npi, rxnorm_code, medication_name, status, intent, authored_date, authored_at, is_part2_sensitive, received_at) on main_marts.fct_medication_requests to role aegis_deidentified;

-- model.aegis.fct_observations -> main_marts.fct_observations (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'fct_observations' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.fct_observations (observation_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'fct_observations' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.fct_observations (observation_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'fct_observations' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.fct_observations (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'fct_observations' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.fct_observations (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'fct_observations' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.fct_observations (encounter_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'fct_observations' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.fct_observations (encounter_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'fct_observations' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_marts.fct_observations (effective_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'fct_observations' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_marts.fct_observations (effective_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_marts' and table_name = 'fct_observations' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_marts.fct_observations (effective_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_observations' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_observations (effective_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_observations' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_observations (effective_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_timestamp' and schema_name = 'main_marts' and table_name = 'fct_observations' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_timestamp on main_marts.fct_observations (effective_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_observations' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_observations (received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_observations' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_observations (received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_timestamp' and schema_name = 'main_marts' and table_name = 'fct_observations' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_timestamp on main_marts.fct_observations (received_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main_marts' and relname = 'fct_observations' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main_marts.fct_observations to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'fct_observations' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.fct_observations to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'fct_observations' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.fct_observations to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'fct_observations' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.fct_observations to role aegis_aggregate;
alter table main_marts.fct_observations row level security on;
grant usage on schema main_marts to role aegis_phi_full;
grant select (observation_id, patient_id, encounter_id, loinc_code, category, status, value_unit, value_numeric, effective_date, effective_at, is_part2_sensitive, received_at) on main_marts.fct_observations to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select (observation_id, patient_id, encounter_id, loinc_code, category, status, value_unit, value_numeric, effective_date, effective_at, is_part2_sensitive, received_at) on main_marts.fct_observations to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select (loinc_code, category, status, value_unit, value_numeric, effective_date, effective_at, is_part2_sensitive, received_at) on main_marts.fct_observations to role aegis_deidentified;

-- model.aegis.fct_procedures -> main_marts.fct_procedures (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'fct_procedures' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.fct_procedures (procedure_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'fct_procedures' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.fct_procedures (procedure_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'fct_procedures' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.fct_procedures (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'fct_procedures' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.fct_procedures (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'fct_procedures' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.fct_procedures (encounter_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'fct_procedures' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.fct_procedures (encounter_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'fct_procedures' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_marts.fct_procedures (performed_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'fct_procedures' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_marts.fct_procedures (performed_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_marts' and table_name = 'fct_procedures' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_marts.fct_procedures (performed_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_procedures' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_procedures (performed_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_procedures' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_procedures (performed_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_timestamp' and schema_name = 'main_marts' and table_name = 'fct_procedures' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_timestamp on main_marts.fct_procedures (performed_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_procedures' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_procedures (received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'fct_procedures' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_timestamp on main_marts.fct_procedures (received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_timestamp' and schema_name = 'main_marts' and table_name = 'fct_procedures' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_timestamp on main_marts.fct_procedures (received_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main_marts' and relname = 'fct_procedures' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main_marts.fct_procedures to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'fct_procedures' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.fct_procedures to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'fct_procedures' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.fct_procedures to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'fct_procedures' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.fct_procedures to role aegis_aggregate;
alter table main_marts.fct_procedures row level security on;
grant usage on schema main_marts to role aegis_phi_full;
grant select (procedure_id, patient_id, encounter_id, performer_npi, hcpcs_code, snomed_code, status, performed_date, performed_at, is_part2_sensitive, received_at) on main_marts.fct_procedures to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select (procedure_id, patient_id, encounter_id, performer_npi, hcpcs_code, snomed_code, status, performed_date, performed_at, is_part2_sensitive, received_at) on main_marts.fct_procedures to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select (performer_npi, hcpcs_code, snomed_code, status, performed_date, performed_at, is_part2_sensitive, received_at) on main_marts.fct_procedures to role aegis_deidentified;

-- model.aegis.int_claim_lines_normalised -> main_intermediate.int_claim_lines_normalised (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_intermediate.int_claim_lines_normalised (claim_line_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_intermediate.int_claim_lines_normalised (claim_line_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_intermediate.int_claim_lines_normalised (explanation_of_benefit_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_intermediate.int_claim_lines_normalised (explanation_of_benefit_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_intermediate.int_claim_lines_normalised (claim_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_intermediate.int_claim_lines_normalised (claim_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_intermediate.int_claim_lines_normalised (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_intermediate.int_claim_lines_normalised (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_intermediate.int_claim_lines_normalised (coverage_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_intermediate.int_claim_lines_normalised (coverage_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_intermediate.int_claim_lines_normalised (service_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_intermediate.int_claim_lines_normalised (service_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_intermediate.int_claim_lines_normalised (service_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_intermediate.int_claim_lines_normalised (billable_period_start_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_intermediate.int_claim_lines_normalised (billable_period_start_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_intermediate.int_claim_lines_normalised (billable_period_start_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_intermediate.int_claim_lines_normalised (billable_period_end_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_intermediate.int_claim_lines_normalised (billable_period_end_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_intermediate.int_claim_lines_normalised (billable_period_end_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_timestamp on main_intermediate.int_claim_lines_normalised (coverage_received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_timestamp on main_intermediate.int_claim_lines_normalised (coverage_received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_timestamp' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_timestamp on main_intermediate.int_claim_lines_normalised (coverage_received_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_timestamp on main_intermediate.int_claim_lines_normalised (received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_timestamp on main_intermediate.int_claim_lines_normalised (received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_timestamp' and schema_name = 'main_intermediate' and table_name = 'int_claim_lines_normalised' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_timestamp on main_intermediate.int_claim_lines_normalised (received_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main_intermediate' and relname = 'int_claim_lines_normalised' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main_intermediate.int_claim_lines_normalised to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_intermediate' and relname = 'int_claim_lines_normalised' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_intermediate.int_claim_lines_normalised to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_intermediate' and relname = 'int_claim_lines_normalised' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_intermediate.int_claim_lines_normalised to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_intermediate' and relname = 'int_claim_lines_normalised' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_intermediate.int_claim_lines_normalised to role aegis_aggregate;
alter table main_intermediate.int_claim_lines_normalised row level security on;
grant usage on schema main_intermediate to role aegis_phi_full;
grant select (claim_line_id, explanation_of_benefit_id, line_number, claim_id, patient_id, coverage_id, provider_npi, payer_name, plan_type, claim_type, claim_status, claim_outcome, service_category, principal_icd10cm_code, hcpcs_code, revenue_code, billed_amount, allowed_amount, paid_amount, is_part2_sensitive, service_date, billable_period_start_date, billable_period_end_date, coverage_received_at, received_at) on main_intermediate.int_claim_lines_normalised to role aegis_phi_full;
grant usage on schema main_intermediate to role aegis_phi_limited;
grant select (claim_line_id, explanation_of_benefit_id, line_number, claim_id, patient_id, coverage_id, provider_npi, payer_name, plan_type, claim_type, claim_status, claim_outcome, service_category, principal_icd10cm_code, hcpcs_code, revenue_code, billed_amount, allowed_amount, paid_amount, is_part2_sensitive, service_date, billable_period_start_date, billable_period_end_date, coverage_received_at, received_at) on main_intermediate.int_claim_lines_normalised to role aegis_phi_limited;
grant usage on schema main_intermediate to role aegis_deidentified;
grant select (line_number, provider_npi, payer_name, plan_type, claim_type, claim_status, claim_outcome, service_category, principal_icd10cm_code, hcpcs_code, revenue_code, billed_amount, allowed_amount, paid_amount, is_part2_sensitive, service_date, billable_period_start_date, billable_period_end_date, coverage_received_at, received_at) on main_intermediate.int_claim_lines_normalised to role aegis_deidentified;

-- model.aegis.int_conditions_mapped_to_chronic_groups -> main_intermediate.int_conditions_mapped_to_chronic_groups (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_intermediate' and table_name = 'int_conditions_mapped_to_chronic_groups' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_intermediate.int_conditions_mapped_to_chronic_groups (condition_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_intermediate' and table_name = 'int_conditions_mapped_to_chronic_groups' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_intermediate.int_conditions_mapped_to_chronic_groups (condition_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_intermediate' and table_name = 'int_conditions_mapped_to_chronic_groups' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_intermediate.int_conditions_mapped_to_chronic_groups (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_intermediate' and table_name = 'int_conditions_mapped_to_chronic_groups' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_intermediate.int_conditions_mapped_to_chronic_groups (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_intermediate' and table_name = 'int_conditions_mapped_to_chronic_groups' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_intermediate.int_conditions_mapped_to_chronic_groups (encounter_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_intermediate' and table_name = 'int_conditions_mapped_to_chronic_groups' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_intermediate.int_conditions_mapped_to_chronic_groups (encounter_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_conditions_mapped_to_chronic_groups' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_intermediate.int_conditions_mapped_to_chronic_groups (onset_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_conditions_mapped_to_chronic_groups' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_intermediate.int_conditions_mapped_to_chronic_groups (onset_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_intermediate' and table_name = 'int_conditions_mapped_to_chronic_groups' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_intermediate.int_conditions_mapped_to_chronic_groups (onset_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_conditions_mapped_to_chronic_groups' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_intermediate.int_conditions_mapped_to_chronic_groups (recorded_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_conditions_mapped_to_chronic_groups' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_intermediate.int_conditions_mapped_to_chronic_groups (recorded_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_intermediate' and table_name = 'int_conditions_mapped_to_chronic_groups' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_intermediate.int_conditions_mapped_to_chronic_groups (recorded_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_conditions_mapped_to_chronic_groups' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_intermediate.int_conditions_mapped_to_chronic_groups (abatement_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_conditions_mapped_to_chronic_groups' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_intermediate.int_conditions_mapped_to_chronic_groups (abatement_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_intermediate' and table_name = 'int_conditions_mapped_to_chronic_groups' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_intermediate.int_conditions_mapped_to_chronic_groups (abatement_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main_intermediate' and relname = 'int_conditions_mapped_to_chronic_groups' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main_intermediate.int_conditions_mapped_to_chronic_groups to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_intermediate' and relname = 'int_conditions_mapped_to_chronic_groups' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_intermediate.int_conditions_mapped_to_chronic_groups to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_intermediate' and relname = 'int_conditions_mapped_to_chronic_groups' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_intermediate.int_conditions_mapped_to_chronic_groups to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_intermediate' and relname = 'int_conditions_mapped_to_chronic_groups' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_intermediate.int_conditions_mapped_to_chronic_groups to role aegis_aggregate;
alter table main_intermediate.int_conditions_mapped_to_chronic_groups row level security on;
grant usage on schema main_intermediate to role aegis_phi_full;
grant select (condition_id, condition_group, patient_id, encounter_id, icd10cm_code, clinical_status, condition_group_label, is_part2_sensitive, onset_date, recorded_date, abatement_date) on main_intermediate.int_conditions_mapped_to_chronic_groups to role aegis_phi_full;
grant usage on schema main_intermediate to role aegis_phi_limited;
grant select (condition_id, condition_group, patient_id, encounter_id, icd10cm_code, clinical_status, condition_group_label, is_part2_sensitive, onset_date, recorded_date, abatement_date) on main_intermediate.int_conditions_mapped_to_chronic_groups to role aegis_phi_limited;
grant usage on schema main_intermediate to role aegis_deidentified;
grant select (condition_group, icd10cm_code, clinical_status, condition_group_label, is_part2_sensitive, onset_date, recorded_date, abatement_date) on main_intermediate.int_conditions_mapped_to_chronic_groups to role aegis_deidentified;

-- model.aegis.int_coverages_expanded_to_member_months -> main_intermediate.int_coverages_expanded_to_member_months (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_intermediate' and table_name = 'int_coverages_expanded_to_member_months' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_intermediate.int_coverages_expanded_to_member_months (member_month_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_intermediate' and table_name = 'int_coverages_expanded_to_member_months' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_intermediate.int_coverages_expanded_to_member_months (member_month_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_intermediate' and table_name = 'int_coverages_expanded_to_member_months' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_intermediate.int_coverages_expanded_to_member_months (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_intermediate' and table_name = 'int_coverages_expanded_to_member_months' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_intermediate.int_coverages_expanded_to_member_months (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_intermediate' and table_name = 'int_coverages_expanded_to_member_months' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_intermediate.int_coverages_expanded_to_member_months (coverage_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_intermediate' and table_name = 'int_coverages_expanded_to_member_months' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_intermediate.int_coverages_expanded_to_member_months (coverage_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_coverages_expanded_to_member_months' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_intermediate.int_coverages_expanded_to_member_months (month_start_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_coverages_expanded_to_member_months' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_intermediate.int_coverages_expanded_to_member_months (month_start_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_intermediate' and table_name = 'int_coverages_expanded_to_member_months' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_intermediate.int_coverages_expanded_to_member_months (month_start_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_coverages_expanded_to_member_months' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_intermediate.int_coverages_expanded_to_member_months (month_end_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_coverages_expanded_to_member_months' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_intermediate.int_coverages_expanded_to_member_months (month_end_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_intermediate' and table_name = 'int_coverages_expanded_to_member_months' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_intermediate.int_coverages_expanded_to_member_months (month_end_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_coverages_expanded_to_member_months' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_intermediate.int_coverages_expanded_to_member_months (coverage_start_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_coverages_expanded_to_member_months' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_intermediate.int_coverages_expanded_to_member_months (coverage_start_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_intermediate' and table_name = 'int_coverages_expanded_to_member_months' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_intermediate.int_coverages_expanded_to_member_months (coverage_start_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_coverages_expanded_to_member_months' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_intermediate.int_coverages_expanded_to_member_months (coverage_end_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_coverages_expanded_to_member_months' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_intermediate.int_coverages_expanded_to_member_months (coverage_end_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_intermediate' and table_name = 'int_coverages_expanded_to_member_months' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_intermediate.int_coverages_expanded_to_member_months (coverage_end_date) to role aegis_deidentified priority 20;
grant usage on schema main_intermediate to role aegis_phi_full;
grant select (member_month_id, patient_id, coverage_id, payer_name, plan_type, month_start_date, month_end_date, coverage_start_date, coverage_end_date) on main_intermediate.int_coverages_expanded_to_member_months to role aegis_phi_full;
grant usage on schema main_intermediate to role aegis_phi_limited;
grant select (member_month_id, patient_id, coverage_id, payer_name, plan_type, month_start_date, month_end_date, coverage_start_date, coverage_end_date) on main_intermediate.int_coverages_expanded_to_member_months to role aegis_phi_limited;
grant usage on schema main_intermediate to role aegis_deidentified;
grant select (payer_name, plan_type, month_start_date, month_end_date, coverage_start_date, coverage_end_date) on main_intermediate.int_coverages_expanded_to_member_months to role aegis_deidentified;

-- model.aegis.int_encounters_assigned_to_stays -> main_intermediate.int_encounters_assigned_to_stays (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_intermediate' and table_name = 'int_encounters_assigned_to_stays' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_intermediate.int_encounters_assigned_to_stays (encounter_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_intermediate' and table_name = 'int_encounters_assigned_to_stays' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_intermediate.int_encounters_assigned_to_stays (encounter_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_intermediate' and table_name = 'int_encounters_assigned_to_stays' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_intermediate.int_encounters_assigned_to_stays (stay_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_intermediate' and table_name = 'int_encounters_assigned_to_stays' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_intermediate.int_encounters_assigned_to_stays (stay_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_intermediate' and table_name = 'int_encounters_assigned_to_stays' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_intermediate.int_encounters_assigned_to_stays (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_intermediate' and table_name = 'int_encounters_assigned_to_stays' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_intermediate.int_encounters_assigned_to_stays (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_encounters_assigned_to_stays' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_intermediate.int_encounters_assigned_to_stays (period_start_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_encounters_assigned_to_stays' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_intermediate.int_encounters_assigned_to_stays (period_start_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_intermediate' and table_name = 'int_encounters_assigned_to_stays' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_intermediate.int_encounters_assigned_to_stays (period_start_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_encounters_assigned_to_stays' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_intermediate.int_encounters_assigned_to_stays (period_end_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_encounters_assigned_to_stays' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_intermediate.int_encounters_assigned_to_stays (period_end_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_intermediate' and table_name = 'int_encounters_assigned_to_stays' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_intermediate.int_encounters_assigned_to_stays (period_end_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main_intermediate' and relname = 'int_encounters_assigned_to_stays' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main_intermediate.int_encounters_assigned_to_stays to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_intermediate' and relname = 'int_encounters_assigned_to_stays' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_intermediate.int_encounters_assigned_to_stays to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_intermediate' and relname = 'int_encounters_assigned_to_stays' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_intermediate.int_encounters_assigned_to_stays to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_intermediate' and relname = 'int_encounters_assigned_to_stays' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_intermediate.int_encounters_assigned_to_stays to role aegis_aggregate;
alter table main_intermediate.int_encounters_assigned_to_stays row level security on;
grant usage on schema main_intermediate to role aegis_phi_full;
grant select (encounter_id, stay_id, patient_id, facility_npi, reason_icd10cm_code, discharge_disposition_code, stay_sequence, is_admitting_encounter, is_discharging_encounter, period_start_at, period_end_at, is_part2_sensitive) on main_intermediate.int_encounters_assigned_to_stays to role aegis_phi_full;
grant usage on schema main_intermediate to role aegis_phi_limited;
grant select (encounter_id, stay_id, patient_id, facility_npi, reason_icd10cm_code, discharge_disposition_code, stay_sequence, is_admitting_encounter, is_discharging_encounter, period_start_at, period_end_at, is_part2_sensitive) on main_intermediate.int_encounters_assigned_to_stays to role aegis_phi_limited;
grant usage on schema main_intermediate to role aegis_deidentified;
grant select (facility_npi, reason_icd10cm_code, discharge_disposition_code, stay_sequence, is_admitting_encounter, is_discharging_encounter, period_start_at, period_end_at, is_part2_sensitive) on main_intermediate.int_encounters_assigned_to_stays to role aegis_deidentified;

-- model.aegis.int_encounters_grouped_to_stays -> main_intermediate.int_encounters_grouped_to_stays (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_intermediate' and table_name = 'int_encounters_grouped_to_stays' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_intermediate.int_encounters_grouped_to_stays (stay_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_intermediate' and table_name = 'int_encounters_grouped_to_stays' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_intermediate.int_encounters_grouped_to_stays (stay_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_intermediate' and table_name = 'int_encounters_grouped_to_stays' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_intermediate.int_encounters_grouped_to_stays (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_intermediate' and table_name = 'int_encounters_grouped_to_stays' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_intermediate.int_encounters_grouped_to_stays (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_encounters_grouped_to_stays' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_intermediate.int_encounters_grouped_to_stays (admit_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_encounters_grouped_to_stays' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_intermediate.int_encounters_grouped_to_stays (admit_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_intermediate' and table_name = 'int_encounters_grouped_to_stays' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_intermediate.int_encounters_grouped_to_stays (admit_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_encounters_grouped_to_stays' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_intermediate.int_encounters_grouped_to_stays (discharge_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_encounters_grouped_to_stays' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_intermediate.int_encounters_grouped_to_stays (discharge_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_intermediate' and table_name = 'int_encounters_grouped_to_stays' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_intermediate.int_encounters_grouped_to_stays (discharge_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_encounters_grouped_to_stays' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_intermediate.int_encounters_grouped_to_stays (admitted_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_encounters_grouped_to_stays' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_intermediate.int_encounters_grouped_to_stays (admitted_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_intermediate' and table_name = 'int_encounters_grouped_to_stays' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_intermediate.int_encounters_grouped_to_stays (admitted_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_encounters_grouped_to_stays' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_intermediate.int_encounters_grouped_to_stays (discharged_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_intermediate' and table_name = 'int_encounters_grouped_to_stays' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_intermediate.int_encounters_grouped_to_stays (discharged_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_intermediate' and table_name = 'int_encounters_grouped_to_stays' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_intermediate.int_encounters_grouped_to_stays (discharged_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main_intermediate' and relname = 'int_encounters_grouped_to_stays' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main_intermediate.int_encounters_grouped_to_stays to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_intermediate' and relname = 'int_encounters_grouped_to_stays' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_intermediate.int_encounters_grouped_to_stays to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_intermediate' and relname = 'int_encounters_grouped_to_stays' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_intermediate.int_encounters_grouped_to_stays to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_intermediate' and relname = 'int_encounters_grouped_to_stays' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_intermediate.int_encounters_grouped_to_stays to role aegis_aggregate;
alter table main_intermediate.int_encounters_grouped_to_stays row level security on;
grant usage on schema main_intermediate to role aegis_phi_full;
grant select (stay_id, patient_id, admitting_facility_npi, discharging_facility_npi, principal_icd10cm_code, discharge_disposition_code, encounter_count, length_of_stay_days, has_transfer, is_discharged, admit_date, discharge_date, admitted_at, discharged_at, is_part2_sensitive) on main_intermediate.int_encounters_grouped_to_stays to role aegis_phi_full;
grant usage on schema main_intermediate to role aegis_phi_limited;
grant select (stay_id, patient_id, admitting_facility_npi, discharging_facility_npi, principal_icd10cm_code, discharge_disposition_code, encounter_count, length_of_stay_days, has_transfer, is_discharged, admit_date, discharge_date, admitted_at, discharged_at, is_part2_sensitive) on main_intermediate.int_encounters_grouped_to_stays to role aegis_phi_limited;
grant usage on schema main_intermediate to role aegis_deidentified;
grant select (admitting_facility_npi, discharging_facility_npi, principal_icd10cm_code, discharge_disposition_code, encounter_count, length_of_stay_days, has_transfer, is_discharged, admit_date, discharge_date, admitted_at, discharged_at, is_part2_sensitive) on main_intermediate.int_encounters_grouped_to_stays to role aegis_deidentified;

-- model.aegis.int_patients_assigned_fact_release_levels -> main_intermediate.int_patients_assigned_fact_release_levels (table)
grant usage on schema main_intermediate to role aegis_phi_full;
grant select (research_person_id, release_level) on main_intermediate.int_patients_assigned_fact_release_levels to role aegis_phi_full;

-- model.aegis.int_records_assigned_research_ids -> main_intermediate.int_records_assigned_research_ids (table)
grant usage on schema main_intermediate to role aegis_phi_full;
grant select (entity_type, source_id, research_id) on main_intermediate.int_records_assigned_research_ids to role aegis_phi_full;

-- model.aegis.mart_chronic_condition_prevalence -> main_marts.mart_chronic_condition_prevalence (table)
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main_marts' and relname = 'mart_chronic_condition_prevalence' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main_marts.mart_chronic_condition_prevalence to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'mart_chronic_condition_prevalence' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.mart_chronic_condition_prevalence to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'mart_chronic_condition_prevalence' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.mart_chronic_condition_prevalence to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'mart_chronic_condition_prevalence' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.mart_chronic_condition_prevalence to role aegis_aggregate;
alter table main_marts.mart_chronic_condition_prevalence row level security on;
grant usage on schema main_marts to role aegis_phi_full;
grant select (condition_group, condition_group_label, stratum_type, stratum_value, population_count, patients_with_condition_count, prevalence_rate, is_suppressed, is_part2_sensitive, period_start_date, period_end_date) on main_marts.mart_chronic_condition_prevalence to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select (condition_group, condition_group_label, stratum_type, stratum_value, population_count, patients_with_condition_count, prevalence_rate, is_suppressed, is_part2_sensitive, period_start_date, period_end_date) on main_marts.mart_chronic_condition_prevalence to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select (condition_group, condition_group_label, stratum_type, stratum_value, population_count, patients_with_condition_count, prevalence_rate, is_suppressed, is_part2_sensitive, period_start_date, period_end_date) on main_marts.mart_chronic_condition_prevalence to role aegis_deidentified;
grant usage on schema main_marts to role aegis_aggregate;
grant select (condition_group, condition_group_label, stratum_type, stratum_value, population_count, patients_with_condition_count, prevalence_rate, is_suppressed, is_part2_sensitive, period_start_date, period_end_date) on main_marts.mart_chronic_condition_prevalence to role aegis_aggregate;

-- model.aegis.mart_chronic_conditions -> main_marts.mart_chronic_conditions (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'mart_chronic_conditions' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.mart_chronic_conditions (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'mart_chronic_conditions' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.mart_chronic_conditions (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main_marts' and relname = 'mart_chronic_conditions' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main_marts.mart_chronic_conditions to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'mart_chronic_conditions' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.mart_chronic_conditions to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'mart_chronic_conditions' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.mart_chronic_conditions to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'mart_chronic_conditions' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.mart_chronic_conditions to role aegis_aggregate;
alter table main_marts.mart_chronic_conditions row level security on;
grant usage on schema main_marts to role aegis_phi_full;
grant select (patient_id, gender, has_diabetes, has_heart_failure, has_copd, has_hypertension, has_ckd, has_hyperlipidemia, has_depression, has_part2_substance_use, chronic_condition_count, is_part2_sensitive) on main_marts.mart_chronic_conditions to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select (patient_id, gender, has_diabetes, has_heart_failure, has_copd, has_hypertension, has_ckd, has_hyperlipidemia, has_depression, has_part2_substance_use, chronic_condition_count, is_part2_sensitive) on main_marts.mart_chronic_conditions to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select (gender, has_diabetes, has_heart_failure, has_copd, has_hypertension, has_ckd, has_hyperlipidemia, has_depression, has_part2_substance_use, chronic_condition_count, is_part2_sensitive) on main_marts.mart_chronic_conditions to role aegis_deidentified;

-- model.aegis.mart_pmpm -> main_marts.mart_pmpm (table)
grant usage on schema main_marts to role aegis_phi_full;
grant select (payer_name, service_category, month_start_date, member_months, claim_line_count, allowed_amount, paid_amount, allowed_pmpm, paid_pmpm) on main_marts.mart_pmpm to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select (payer_name, service_category, month_start_date, member_months, claim_line_count, allowed_amount, paid_amount, allowed_pmpm, paid_pmpm) on main_marts.mart_pmpm to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select (payer_name, service_category, month_start_date, member_months, claim_line_count, allowed_amount, paid_amount, allowed_pmpm, paid_pmpm) on main_marts.mart_pmpm to role aegis_deidentified;
grant usage on schema main_marts to role aegis_aggregate;
grant select (payer_name, service_category, month_start_date, member_months, claim_line_count, allowed_amount, paid_amount, allowed_pmpm, paid_pmpm) on main_marts.mart_pmpm to role aegis_aggregate;

-- model.aegis.mart_quality_hba1c_poor_control -> main_marts.mart_quality_hba1c_poor_control (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'mart_quality_hba1c_poor_control' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.mart_quality_hba1c_poor_control (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'mart_quality_hba1c_poor_control' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.mart_quality_hba1c_poor_control (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'mart_quality_hba1c_poor_control' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.mart_quality_hba1c_poor_control (latest_hba1c_observation_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'mart_quality_hba1c_poor_control' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.mart_quality_hba1c_poor_control (latest_hba1c_observation_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_integer' and schema_name = 'main_marts' and table_name = 'mart_quality_hba1c_poor_control' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_integer on main_marts.mart_quality_hba1c_poor_control (age_at_period_end) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_integer' and schema_name = 'main_marts' and table_name = 'mart_quality_hba1c_poor_control' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_integer on main_marts.mart_quality_hba1c_poor_control (age_at_period_end) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_age_cap_90_integer' and schema_name = 'main_marts' and table_name = 'mart_quality_hba1c_poor_control' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_age_cap_90_integer on main_marts.mart_quality_hba1c_poor_control (age_at_period_end) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'mart_quality_hba1c_poor_control' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_timestamp on main_marts.mart_quality_hba1c_poor_control (latest_hba1c_effective_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_timestamp' and schema_name = 'main_marts' and table_name = 'mart_quality_hba1c_poor_control' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_timestamp on main_marts.mart_quality_hba1c_poor_control (latest_hba1c_effective_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_timestamp' and schema_name = 'main_marts' and table_name = 'mart_quality_hba1c_poor_control' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_timestamp on main_marts.mart_quality_hba1c_poor_control (latest_hba1c_effective_at) to role aegis_deidentified priority 20;
grant usage on schema main_marts to role aegis_phi_full;
grant select (patient_id, measure_id, latest_hba1c_observation_id, gender, age_at_period_end, latest_hba1c_value, has_hba1c_in_period, is_numerator, latest_hba1c_effective_at) on main_marts.mart_quality_hba1c_poor_control to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select (patient_id, measure_id, latest_hba1c_observation_id, gender, age_at_period_end, latest_hba1c_value, has_hba1c_in_period, is_numerator, latest_hba1c_effective_at) on main_marts.mart_quality_hba1c_poor_control to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select (measure_id, gender, age_at_period_end, latest_hba1c_value, has_hba1c_in_period, is_numerator, latest_hba1c_effective_at) on main_marts.mart_quality_hba1c_poor_control to role aegis_deidentified;

-- model.aegis.mart_quality_measure_rates -> main_marts.mart_quality_measure_rates (table)
grant usage on schema main_marts to role aegis_phi_full;
grant select (measure_id, measure_name, stratum_type, stratum_value, denominator_count, numerator_count, performance_rate, is_suppressed, is_higher_better, period_start_date, period_end_date) on main_marts.mart_quality_measure_rates to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select (measure_id, measure_name, stratum_type, stratum_value, denominator_count, numerator_count, performance_rate, is_suppressed, is_higher_better, period_start_date, period_end_date) on main_marts.mart_quality_measure_rates to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select (measure_id, measure_name, stratum_type, stratum_value, denominator_count, numerator_count, performance_rate, is_suppressed, is_higher_better, period_start_date, period_end_date) on main_marts.mart_quality_measure_rates to role aegis_deidentified;
grant usage on schema main_marts to role aegis_aggregate;
grant select (measure_id, measure_name, stratum_type, stratum_value, denominator_count, numerator_count, performance_rate, is_suppressed, is_higher_better, period_start_date, period_end_date) on main_marts.mart_quality_measure_rates to role aegis_aggregate;

-- model.aegis.mart_readmissions_30d -> main_marts.mart_readmissions_30d (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'mart_readmissions_30d' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.mart_readmissions_30d (stay_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'mart_readmissions_30d' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.mart_readmissions_30d (stay_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'mart_readmissions_30d' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.mart_readmissions_30d (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'mart_readmissions_30d' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.mart_readmissions_30d (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_marts' and table_name = 'mart_readmissions_30d' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_marts.mart_readmissions_30d (readmission_stay_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_marts' and table_name = 'mart_readmissions_30d' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_marts.mart_readmissions_30d (readmission_stay_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'mart_readmissions_30d' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_marts.mart_readmissions_30d (admit_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'mart_readmissions_30d' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_marts.mart_readmissions_30d (admit_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_marts' and table_name = 'mart_readmissions_30d' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_marts.mart_readmissions_30d (admit_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'mart_readmissions_30d' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_marts.mart_readmissions_30d (discharge_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'mart_readmissions_30d' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_marts.mart_readmissions_30d (discharge_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_marts' and table_name = 'mart_readmissions_30d' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_marts.mart_readmissions_30d (discharge_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'mart_readmissions_30d' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_marts.mart_readmissions_30d (readmission_admit_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_marts' and table_name = 'mart_readmissions_30d' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_marts.mart_readmissions_30d (readmission_admit_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_marts' and table_name = 'mart_readmissions_30d' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_marts.mart_readmissions_30d (readmission_admit_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main_marts' and relname = 'mart_readmissions_30d' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main_marts.mart_readmissions_30d to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'mart_readmissions_30d' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.mart_readmissions_30d to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'mart_readmissions_30d' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.mart_readmissions_30d to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_marts' and relname = 'mart_readmissions_30d' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_marts.mart_readmissions_30d to role aegis_aggregate;
alter table main_marts.mart_readmissions_30d row level security on;
grant usage on schema main_marts to role aegis_phi_full;
grant select (stay_id, patient_id, readmission_stay_id, discharging_facility_npi, principal_icd10cm_code, discharge_disposition_code, length_of_stay_days, is_readmitted_30d, days_to_readmission, is_part2_sensitive, admit_date, discharge_date, readmission_admit_date) on main_marts.mart_readmissions_30d to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select (stay_id, patient_id, readmission_stay_id, discharging_facility_npi, principal_icd10cm_code, discharge_disposition_code, length_of_stay_days, is_readmitted_30d, days_to_readmission, is_part2_sensitive, admit_date, discharge_date, readmission_admit_date) on main_marts.mart_readmissions_30d to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select (discharging_facility_npi, principal_icd10cm_code, discharge_disposition_code, length_of_stay_days, is_readmitted_30d, days_to_readmission, is_part2_sensitive, admit_date, discharge_date, readmission_admit_date) on main_marts.mart_readmissions_30d to role aegis_deidentified;

-- model.aegis.stg_fhir__claims -> main_staging.stg_fhir__claims (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__claims (claim_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__claims (claim_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__claims (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__claims (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__claims (coverage_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__claims (coverage_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__claims (billable_period_start_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__claims (billable_period_start_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__claims (billable_period_start_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__claims (billable_period_end_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__claims (billable_period_end_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__claims (billable_period_end_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__claims (created_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__claims (created_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__claims (created_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__claims (event_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__claims (event_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__claims (last_updated_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__claims (last_updated_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__claims (last_updated_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__claims (received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__claims (received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__claims' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__claims (received_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main_staging' and relname = 'stg_fhir__claims' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main_staging.stg_fhir__claims to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__claims' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__claims to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__claims' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__claims to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__claims' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__claims to role aegis_aggregate;
alter table main_staging.stg_fhir__claims row level security on;
grant usage on schema main_staging to role aegis_phi_full;
grant select (claim_id, patient_id, coverage_id, provider_npi, claim_type, claim_use, status, principal_icd10cm_code, billable_period_start_date, billable_period_end_date, created_at, insurance_payer_name, event_id, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__claims to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select (claim_id, patient_id, coverage_id, provider_npi, claim_type, claim_use, status, principal_icd10cm_code, billable_period_start_date, billable_period_end_date, created_at, insurance_payer_name, event_id, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__claims to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select (provider_npi, claim_type, claim_use, status, principal_icd10cm_code, billable_period_start_date, billable_period_end_date, created_at, insurance_payer_name, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__claims to role aegis_deidentified;

-- model.aegis.stg_fhir__conditions -> main_staging.stg_fhir__conditions (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__conditions (condition_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__conditions (condition_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__conditions (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__conditions (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__conditions (encounter_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__conditions (encounter_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__conditions (onset_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__conditions (onset_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__conditions (onset_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__conditions (recorded_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__conditions (recorded_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__conditions (recorded_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__conditions (abatement_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__conditions (abatement_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__conditions (abatement_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__conditions (event_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__conditions (event_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__conditions (last_updated_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__conditions (last_updated_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__conditions (last_updated_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__conditions (received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__conditions (received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__conditions' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__conditions (received_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main_staging' and relname = 'stg_fhir__conditions' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main_staging.stg_fhir__conditions to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__conditions' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__conditions to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__conditions' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__conditions to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__conditions' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__conditions to role aegis_aggregate;
alter table main_staging.stg_fhir__conditions row level security on;
grant usage on schema main_staging to role aegis_phi_full;
grant select (condition_id, patient_id, encounter_id, icd10cm_code, clinical_status, onset_date, recorded_date, abatement_date, snomed_code, event_id, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__conditions to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select (condition_id, patient_id, encounter_id, icd10cm_code, clinical_status, onset_date, recorded_date, abatement_date, snomed_code, event_id, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__conditions to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select (icd10cm_code, clinical_status, onset_date, recorded_date, abatement_date, snomed_code, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__conditions to role aegis_deidentified;

-- model.aegis.stg_fhir__coverages -> main_staging.stg_fhir__coverages (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__coverages' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__coverages (coverage_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__coverages' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__coverages (coverage_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__coverages' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__coverages (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__coverages' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__coverages (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__coverages' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__coverages (subscriber_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__coverages' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__coverages (subscriber_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__coverages' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__coverages (coverage_start_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__coverages' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__coverages (coverage_start_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__coverages' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__coverages (coverage_start_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__coverages' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__coverages (coverage_end_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__coverages' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__coverages (coverage_end_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__coverages' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__coverages (coverage_end_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__coverages' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__coverages (event_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__coverages' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__coverages (event_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__coverages' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__coverages (last_updated_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__coverages' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__coverages (last_updated_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__coverages' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__coverages (last_updated_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__coverages' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__coverages (received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__coverages' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__coverages (received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__coverages' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__coverages (received_at) to role aegis_deidentified priority 20;
grant usage on schema main_staging to role aegis_phi_full;
grant select (coverage_id, patient_id, subscriber_id, payer_name, plan_type, status, coverage_start_date, coverage_end_date, event_id, version_id, last_updated_at, received_at, is_deleted) on main_staging.stg_fhir__coverages to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select (coverage_id, patient_id, subscriber_id, payer_name, plan_type, status, coverage_start_date, coverage_end_date, event_id, version_id, last_updated_at, received_at, is_deleted) on main_staging.stg_fhir__coverages to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select (payer_name, plan_type, status, coverage_start_date, coverage_end_date, version_id, last_updated_at, received_at, is_deleted) on main_staging.stg_fhir__coverages to role aegis_deidentified;

-- model.aegis.stg_fhir__encounters -> main_staging.stg_fhir__encounters (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__encounters' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__encounters (encounter_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__encounters' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__encounters (encounter_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__encounters' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__encounters (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__encounters' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__encounters (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__encounters' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__encounters (period_start_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__encounters' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__encounters (period_start_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__encounters' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__encounters (period_start_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__encounters' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__encounters (period_end_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__encounters' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__encounters (period_end_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__encounters' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__encounters (period_end_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__encounters' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__encounters (event_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__encounters' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__encounters (event_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__encounters' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__encounters (last_updated_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__encounters' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__encounters (last_updated_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__encounters' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__encounters (last_updated_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__encounters' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__encounters (received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__encounters' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__encounters (received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__encounters' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__encounters (received_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main_staging' and relname = 'stg_fhir__encounters' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main_staging.stg_fhir__encounters to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__encounters' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__encounters to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__encounters' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__encounters to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__encounters' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__encounters to role aegis_aggregate;
alter table main_staging.stg_fhir__encounters row level security on;
grant usage on schema main_staging to role aegis_phi_full;
grant select (encounter_id, patient_id, facility_npi, encounter_class, status, reason_icd10cm_code, discharge_disposition_code, period_start_at, period_end_at, service_provider_id, reason_snomed_code, event_id, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__encounters to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select (encounter_id, patient_id, facility_npi, encounter_class, status, reason_icd10cm_code, discharge_disposition_code, period_start_at, period_end_at, service_provider_id, reason_snomed_code, event_id, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__encounters to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select (facility_npi, encounter_class, status, reason_icd10cm_code, discharge_disposition_code, period_start_at, period_end_at, service_provider_id, reason_snomed_code, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__encounters to role aegis_deidentified;

-- model.aegis.stg_fhir__explanation_of_benefit_items -> main_staging.stg_fhir__explanation_of_benefit_items (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__explanation_of_benefit_items (explanation_of_benefit_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__explanation_of_benefit_items (explanation_of_benefit_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__explanation_of_benefit_items (claim_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__explanation_of_benefit_items (claim_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__explanation_of_benefit_items (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__explanation_of_benefit_items (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__explanation_of_benefit_items (service_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__explanation_of_benefit_items (service_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__explanation_of_benefit_items (service_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__explanation_of_benefit_items (event_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__explanation_of_benefit_items (event_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__explanation_of_benefit_items (last_updated_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__explanation_of_benefit_items (last_updated_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__explanation_of_benefit_items (last_updated_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__explanation_of_benefit_items (received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__explanation_of_benefit_items (received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__explanation_of_benefit_items (received_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main_staging' and relname = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main_staging.stg_fhir__explanation_of_benefit_items to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__explanation_of_benefit_items to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__explanation_of_benefit_items to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__explanation_of_benefit_items' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__explanation_of_benefit_items to role aegis_aggregate;
alter table main_staging.stg_fhir__explanation_of_benefit_items row level security on;
grant usage on schema main_staging to role aegis_phi_full;
grant select (explanation_of_benefit_id, line_number, claim_id, patient_id, hcpcs_code, revenue_code, billed_amount, allowed_amount, paid_amount, service_date, event_id, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__explanation_of_benefit_items to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select (explanation_of_benefit_id, line_number, claim_id, patient_id, hcpcs_code, revenue_code, billed_amount, allowed_amount, paid_amount, service_date, event_id, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__explanation_of_benefit_items to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select (line_number, hcpcs_code, revenue_code, billed_amount, allowed_amount, paid_amount, service_date, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__explanation_of_benefit_items to role aegis_deidentified;

-- model.aegis.stg_fhir__explanation_of_benefits -> main_staging.stg_fhir__explanation_of_benefits (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__explanation_of_benefits (explanation_of_benefit_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__explanation_of_benefits (explanation_of_benefit_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__explanation_of_benefits (claim_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__explanation_of_benefits (claim_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__explanation_of_benefits (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__explanation_of_benefits (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__explanation_of_benefits (coverage_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__explanation_of_benefits (coverage_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__explanation_of_benefits (billable_period_start_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__explanation_of_benefits (billable_period_start_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__explanation_of_benefits (billable_period_start_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__explanation_of_benefits (billable_period_end_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__explanation_of_benefits (billable_period_end_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__explanation_of_benefits (billable_period_end_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__explanation_of_benefits (created_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__explanation_of_benefits (created_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__explanation_of_benefits (created_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__explanation_of_benefits (event_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__explanation_of_benefits (event_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__explanation_of_benefits (last_updated_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__explanation_of_benefits (last_updated_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__explanation_of_benefits (last_updated_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__explanation_of_benefits (received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__explanation_of_benefits (received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__explanation_of_benefits (received_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main_staging' and relname = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main_staging.stg_fhir__explanation_of_benefits to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__explanation_of_benefits to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__explanation_of_benefits to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__explanation_of_benefits' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__explanation_of_benefits to role aegis_aggregate;
alter table main_staging.stg_fhir__explanation_of_benefits row level security on;
grant usage on schema main_staging to role aegis_phi_full;
grant select (explanation_of_benefit_id, claim_id, patient_id, coverage_id, provider_npi, claim_type, claim_use, status, outcome, principal_icd10cm_code, billable_period_start_date, billable_period_end_date, created_at, insurance_payer_name, insurer_name, event_id, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__explanation_of_benefits to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select (explanation_of_benefit_id, claim_id, patient_id, coverage_id, provider_npi, claim_type, claim_use, status, outcome, principal_icd10cm_code, billable_period_start_date, billable_period_end_date, created_at, insurance_payer_name, insurer_name, event_id, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__explanation_of_benefits to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select (provider_npi, claim_type, claim_use, status, outcome, principal_icd10cm_code, billable_period_start_date, billable_period_end_date, created_at, insurance_payer_name, insurer_name, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__explanation_of_benefits to role aegis_deidentified;

-- model.aegis.stg_fhir__immunizations -> main_staging.stg_fhir__immunizations (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__immunizations' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__immunizations (immunization_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__immunizations' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__immunizations (immunization_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__immunizations' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__immunizations (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__immunizations' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__immunizations (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__immunizations' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__immunizations (encounter_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__immunizations' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__immunizations (encounter_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__immunizations' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__immunizations (occurred_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__immunizations' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__immunizations (occurred_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__immunizations' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__immunizations (occurred_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__immunizations' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__immunizations (event_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__immunizations' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__immunizations (event_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__immunizations' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__immunizations (last_updated_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__immunizations' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__immunizations (last_updated_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__immunizations' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__immunizations (last_updated_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__immunizations' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__immunizations (received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__immunizations' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__immunizations (received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__immunizations' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__immunizations (received_at) to role aegis_deidentified priority 20;
grant usage on schema main_staging to role aegis_phi_full;
grant select (immunization_id, patient_id, encounter_id, cvx_code, vaccine_name, status, occurred_at, event_id, version_id, last_updated_at, received_at, is_deleted) on main_staging.stg_fhir__immunizations to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select (immunization_id, patient_id, encounter_id, cvx_code, vaccine_name, status, occurred_at, event_id, version_id, last_updated_at, received_at, is_deleted) on main_staging.stg_fhir__immunizations to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select (cvx_code, vaccine_name, status, occurred_at, version_id, last_updated_at, received_at, is_deleted) on main_staging.stg_fhir__immunizations to role aegis_deidentified;

-- model.aegis.stg_fhir__medication_requests -> main_staging.stg_fhir__medication_requests (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__medication_requests' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__medication_requests (medication_request_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__medication_requests' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__medication_requests (medication_request_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__medication_requests' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__medication_requests (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__medication_requests' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__medication_requests (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__medication_requests' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__medication_requests (encounter_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__medication_requests' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__medication_requests (encounter_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__medication_requests' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__medication_requests (authored_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__medication_requests' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__medication_requests (authored_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__medication_requests' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__medication_requests (authored_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__medication_requests' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__medication_requests (event_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__medication_requests' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__medication_requests (event_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__medication_requests' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__medication_requests (last_updated_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__medication_requests' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__medication_requests (last_updated_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__medication_requests' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__medication_requests (last_updated_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__medication_requests' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__medication_requests (received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__medication_requests' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__medication_requests (received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__medication_requests' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__medication_requests (received_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main_staging' and relname = 'stg_fhir__medication_requests' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main_staging.stg_fhir__medication_requests to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__medication_requests' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__medication_requests to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__medication_requests' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__medication_requests to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__medication_requests' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__medication_requests to role aegis_aggregate;
alter table main_staging.stg_fhir__medication_requests row level security on;
grant usage on schema main_staging to role aegis_phi_full;
grant select (medication_request_id, patient_id, encounter_id, prescriber_npi, rxnorm_code, medication_name, status, intent, authored_at, event_id, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__medication_requests to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select (medication_request_id, patient_id, encounter_id, prescriber_npi, rxnorm_code, medication_name, status, intent, authored_at, event_id, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__medication_requests to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select (prescriber_npi, rxnorm_code, medication_name, status, intent, authored_at, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__medication_requests to role aegis_deidentified;

-- model.aegis.stg_fhir__observations -> main_staging.stg_fhir__observations (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__observations' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__observations (observation_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__observations' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__observations (observation_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__observations' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__observations (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__observations' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__observations (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__observations' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__observations (encounter_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__observations' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__observations (encounter_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__observations' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__observations (effective_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__observations' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__observations (effective_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__observations' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__observations (effective_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__observations' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__observations (event_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__observations' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__observations (event_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__observations' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__observations (last_updated_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__observations' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__observations (last_updated_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__observations' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__observations (last_updated_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__observations' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__observations (received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__observations' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__observations (received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__observations' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__observations (received_at) to role aegis_deidentified priority 20;
grant usage on schema main_staging to role aegis_phi_full;
grant select (observation_id, patient_id, encounter_id, loinc_code, category, status, value_unit, value_numeric, effective_at, event_id, version_id, last_updated_at, received_at, is_deleted) on main_staging.stg_fhir__observations to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select (observation_id, patient_id, encounter_id, loinc_code, category, status, value_unit, value_numeric, effective_at, event_id, version_id, last_updated_at, received_at, is_deleted) on main_staging.stg_fhir__observations to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select (loinc_code, category, status, value_unit, value_numeric, effective_at, version_id, last_updated_at, received_at, is_deleted) on main_staging.stg_fhir__observations to role aegis_deidentified;

-- model.aegis.stg_fhir__patients -> main_staging.stg_fhir__patients (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__patients (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__patients (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__patients (mrn) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__patients (mrn) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__patients (family_name) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_redact_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_redact_varchar on main_staging.stg_fhir__patients (family_name) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__patients (given_name) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_redact_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_redact_varchar on main_staging.stg_fhir__patients (given_name) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__patients (street_address) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_redact_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_redact_varchar on main_staging.stg_fhir__patients (street_address) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__patients (zip_code) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__patients (zip_code) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_zip3_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_zip3_varchar on main_staging.stg_fhir__patients (zip_code) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__patients (phone) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_redact_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_redact_varchar on main_staging.stg_fhir__patients (phone) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__patients (email) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_redact_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_redact_varchar on main_staging.stg_fhir__patients (email) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__patients (birth_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__patients (birth_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__patients (birth_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__patients (deceased_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__patients (deceased_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__patients (deceased_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__patients (event_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__patients (event_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__patients (last_updated_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__patients (last_updated_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__patients (last_updated_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__patients (received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__patients (received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__patients' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__patients (received_at) to role aegis_deidentified priority 20;
grant usage on schema main_staging to role aegis_phi_full;
grant select (patient_id, mrn, ssn, family_name, given_name, gender, street_address, city, county, state, zip_code, phone, email, marital_status_code, language_code, birth_date, deceased_at, race_code, ethnicity_code, birth_sex, event_id, version_id, last_updated_at, received_at, is_deleted) on main_staging.stg_fhir__patients to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select (patient_id, mrn, family_name, given_name, gender, street_address, city, county, state, zip_code, phone, email, marital_status_code, language_code, birth_date, deceased_at, race_code, ethnicity_code, birth_sex, event_id, version_id, last_updated_at, received_at, is_deleted) on main_staging.stg_fhir__patients to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select (gender, state, zip_code, marital_status_code, language_code, birth_date, deceased_at, race_code, ethnicity_code, birth_sex, version_id, last_updated_at, received_at, is_deleted) on main_staging.stg_fhir__patients to role aegis_deidentified;

-- model.aegis.stg_fhir__procedures -> main_staging.stg_fhir__procedures (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__procedures' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__procedures (procedure_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__procedures' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__procedures (procedure_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__procedures' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__procedures (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__procedures' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__procedures (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__procedures' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__procedures (encounter_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__procedures' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__procedures (encounter_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__procedures' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__procedures (performed_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__procedures' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__procedures (performed_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__procedures' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__procedures (performed_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__procedures' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_staging.stg_fhir__procedures (event_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_staging' and table_name = 'stg_fhir__procedures' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_staging.stg_fhir__procedures (event_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__procedures' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__procedures (last_updated_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__procedures' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__procedures (last_updated_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__procedures' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__procedures (last_updated_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__procedures' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__procedures (received_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__procedures' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_staging.stg_fhir__procedures (received_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_staging' and table_name = 'stg_fhir__procedures' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_staging.stg_fhir__procedures (received_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_all' and schema_name = 'main_staging' and relname = 'stg_fhir__procedures' and grantee = 'aegis_phi_full'
attach rls policy aegis_rows_all on main_staging.stg_fhir__procedures to role aegis_phi_full;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__procedures' and grantee = 'aegis_phi_limited'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__procedures to role aegis_phi_limited;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__procedures' and grantee = 'aegis_deidentified'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__procedures to role aegis_deidentified;
-- skipped when this returns a row: select 1 from svv_rls_attached_policy where polname = 'aegis_rows_hide_is_part2_sensitive' and schema_name = 'main_staging' and relname = 'stg_fhir__procedures' and grantee = 'aegis_aggregate'
attach rls policy aegis_rows_hide_is_part2_sensitive on main_staging.stg_fhir__procedures to role aegis_aggregate;
alter table main_staging.stg_fhir__procedures row level security on;
grant usage on schema main_staging to role aegis_phi_full;
grant select (procedure_id, patient_id, encounter_id, performer_npi, hcpcs_code, status, performed_at, snomed_code, event_id, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__procedures to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select (procedure_id, patient_id, encounter_id, performer_npi, hcpcs_code, status, performed_at, snomed_code, event_id, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__procedures to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select (performer_npi, hcpcs_code, status, performed_at, snomed_code, version_id, last_updated_at, received_at, is_part2_sensitive, is_deleted) on main_staging.stg_fhir__procedures to role aegis_deidentified;

-- snapshot.aegis.snp_fhir__coverages -> main_snapshots.snp_fhir__coverages (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_snapshots.snp_fhir__coverages (coverage_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_snapshots.snp_fhir__coverages (coverage_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_snapshots.snp_fhir__coverages (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_snapshots.snp_fhir__coverages (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_snapshots.snp_fhir__coverages (subscriber_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_snapshots.snp_fhir__coverages (subscriber_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__coverages (coverage_start_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__coverages (coverage_start_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_snapshots.snp_fhir__coverages (coverage_start_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__coverages (coverage_end_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__coverages (coverage_end_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_snapshots.snp_fhir__coverages (coverage_end_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__coverages (last_updated_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__coverages (last_updated_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_snapshots.snp_fhir__coverages (last_updated_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_snapshots.snp_fhir__coverages (dbt_scd_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_snapshots.snp_fhir__coverages (dbt_scd_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__coverages (dbt_updated_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__coverages (dbt_updated_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_snapshots.snp_fhir__coverages (dbt_updated_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__coverages (dbt_valid_from) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__coverages (dbt_valid_from) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_snapshots.snp_fhir__coverages (dbt_valid_from) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__coverages (dbt_valid_to) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__coverages (dbt_valid_to) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__coverages' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_snapshots.snp_fhir__coverages (dbt_valid_to) to role aegis_deidentified priority 20;
grant usage on schema main_snapshots to role aegis_phi_full;
grant select (coverage_id, patient_id, subscriber_id, payer_name, plan_type, status, coverage_start_date, coverage_end_date, version_id, last_updated_at, dbt_scd_id, dbt_updated_at, dbt_valid_from, dbt_valid_to) on main_snapshots.snp_fhir__coverages to role aegis_phi_full;
grant usage on schema main_snapshots to role aegis_phi_limited;
grant select (coverage_id, patient_id, subscriber_id, payer_name, plan_type, status, coverage_start_date, coverage_end_date, version_id, last_updated_at, dbt_scd_id, dbt_updated_at, dbt_valid_from, dbt_valid_to) on main_snapshots.snp_fhir__coverages to role aegis_phi_limited;
grant usage on schema main_snapshots to role aegis_deidentified;
grant select (payer_name, plan_type, status, coverage_start_date, coverage_end_date, version_id, last_updated_at, dbt_updated_at, dbt_valid_from, dbt_valid_to) on main_snapshots.snp_fhir__coverages to role aegis_deidentified;

-- snapshot.aegis.snp_fhir__patients -> main_snapshots.snp_fhir__patients (table)
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_snapshots.snp_fhir__patients (patient_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_snapshots.snp_fhir__patients (patient_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_snapshots.snp_fhir__patients (mrn) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_snapshots.snp_fhir__patients (mrn) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_snapshots.snp_fhir__patients (family_name) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_redact_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_redact_varchar on main_snapshots.snp_fhir__patients (family_name) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_snapshots.snp_fhir__patients (given_name) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_redact_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_redact_varchar on main_snapshots.snp_fhir__patients (given_name) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_snapshots.snp_fhir__patients (street_address) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_redact_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_redact_varchar on main_snapshots.snp_fhir__patients (street_address) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_snapshots.snp_fhir__patients (zip_code) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_varchar on main_snapshots.snp_fhir__patients (zip_code) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_zip3_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_zip3_varchar on main_snapshots.snp_fhir__patients (zip_code) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_snapshots.snp_fhir__patients (phone) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_redact_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_redact_varchar on main_snapshots.snp_fhir__patients (phone) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_snapshots.snp_fhir__patients (email) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_redact_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_redact_varchar on main_snapshots.snp_fhir__patients (email) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__patients (birth_date) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__patients (birth_date) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_snapshots.snp_fhir__patients (birth_date) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__patients (deceased_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__patients (deceased_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_snapshots.snp_fhir__patients (deceased_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__patients (last_updated_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__patients (last_updated_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_snapshots.snp_fhir__patients (last_updated_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_varchar on main_snapshots.snp_fhir__patients (dbt_scd_id) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_pseudonym_varchar' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_pseudonym_varchar on main_snapshots.snp_fhir__patients (dbt_scd_id) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__patients (dbt_updated_at) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__patients (dbt_updated_at) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_snapshots.snp_fhir__patients (dbt_updated_at) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__patients (dbt_valid_from) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__patients (dbt_valid_from) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_snapshots.snp_fhir__patients (dbt_valid_from) to role aegis_deidentified priority 20;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_full'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__patients (dbt_valid_to) to role aegis_phi_full priority 40;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_clear_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_phi_limited'
attach masking policy aegis_mask_clear_date on main_snapshots.snp_fhir__patients (dbt_valid_to) to role aegis_phi_limited priority 30;
-- skipped when this returns a row: select 1 from svv_attached_masking_policy where policy_name = 'aegis_mask_year_date' and schema_name = 'main_snapshots' and table_name = 'snp_fhir__patients' and grantee = 'aegis_deidentified'
attach masking policy aegis_mask_year_date on main_snapshots.snp_fhir__patients (dbt_valid_to) to role aegis_deidentified priority 20;
grant usage on schema main_snapshots to role aegis_phi_full;
grant select (patient_id, mrn, ssn, family_name, given_name, gender, street_address, city, county, state, zip_code, phone, email, marital_status_code, language_code, birth_date, deceased_at, version_id, last_updated_at, dbt_scd_id, dbt_updated_at, dbt_valid_from, dbt_valid_to) on main_snapshots.snp_fhir__patients to role aegis_phi_full;
grant usage on schema main_snapshots to role aegis_phi_limited;
grant select (patient_id, mrn, family_name, given_name, gender, street_address, city, county, state, zip_code, phone, email, marital_status_code, language_code, birth_date, deceased_at, version_id, last_updated_at, dbt_scd_id, dbt_updated_at, dbt_valid_from, dbt_valid_to) on main_snapshots.snp_fhir__patients to role aegis_phi_limited;
grant usage on schema main_snapshots to role aegis_deidentified;
grant select (gender, state, zip_code, marital_status_code, language_code, birth_date, deceased_at, version_id, last_updated_at, dbt_updated_at, dbt_valid_from, dbt_valid_to) on main_snapshots.snp_fhir__patients to role aegis_deidentified;
