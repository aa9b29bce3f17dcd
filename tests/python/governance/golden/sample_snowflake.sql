-- engine: snowflake; relations: 3; nothing below has been executed

-- shared objects: roles, schemas, policies
create role if not exists aegis_phi_full;
create role if not exists aegis_phi_limited;
create role if not exists aegis_deidentified;
create role if not exists aegis_aggregate;
create schema if not exists aegis_governance;
create table if not exists aegis_governance.aegis_pseudonym_key (key binary not null);
insert into aegis_governance.aegis_pseudonym_key (key)
select to_binary(replace(uuid_string() || uuid_string(), '-', ''), 'HEX')
where not exists (select 1 from aegis_governance.aegis_pseudonym_key);
create secure function if not exists aegis_governance.aegis_hmac_sha256(key binary, val varchar)
returns varchar
language python
runtime_version = '3.11'
handler = 'hmac_sha256'
as $$
import hashlib
import hmac


def hmac_sha256(key, val):
    if key is None or val is None:
        return None
    return hmac.new(key, val.encode('utf-8'), hashlib.sha256).hexdigest()
$$;
create masking policy if not exists aegis_governance.aegis_mask_mrn_varchar as (val varchar) returns varchar ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then left(aegis_governance.aegis_hmac_sha256((select key from aegis_governance.aegis_pseudonym_key), val), 32)
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_mrn_varchar` shows this body already
alter masking policy aegis_governance.aegis_mask_mrn_varchar set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then left(aegis_governance.aegis_hmac_sha256((select key from aegis_governance.aegis_pseudonym_key), val), 32)
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
create masking policy if not exists aegis_governance.aegis_mask_city_varchar as (val varchar) returns varchar ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then val
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_city_varchar` shows this body already
alter masking policy aegis_governance.aegis_mask_city_varchar set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then val
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
create masking policy if not exists aegis_governance.aegis_mask_event_date_timestamp_ntz as (val timestamp_ntz) returns timestamp_ntz ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then val
    when is_role_in_session('AEGIS_DEIDENTIFIED') then case when cast(val as date) > dateadd(year, -90, current_date()) then cast(date_trunc('year', val) as timestamp_ntz) end
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as timestamp_ntz)
    else cast(null as timestamp_ntz)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz` shows this body already
alter masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then val
    when is_role_in_session('AEGIS_DEIDENTIFIED') then case when cast(val as date) > dateadd(year, -90, current_date()) then cast(date_trunc('year', val) as timestamp_ntz) end
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as timestamp_ntz)
    else cast(null as timestamp_ntz)
end;
create row access policy if not exists aegis_governance.aegis_rows_part2_substance_use as (is_sensitive boolean) returns boolean ->
    is_sensitive = false
    or is_role_in_session('AEGIS_TRANSFORMER')
    or is_role_in_session('AEGIS_PHI_FULL');
-- skipped when `describe row access policy aegis_governance.aegis_rows_part2_substance_use` shows this body already
alter row access policy aegis_governance.aegis_rows_part2_substance_use set body ->
    is_sensitive = false
    or is_role_in_session('AEGIS_TRANSFORMER')
    or is_role_in_session('AEGIS_PHI_FULL');
create projection policy if not exists aegis_governance.aegis_project_part2_substance_use as () returns projection_constraint ->
case
    when is_role_in_session('AEGIS_TRANSFORMER')
        or is_role_in_session('AEGIS_PHI_FULL')
        then projection_constraint(allow => true)
    else projection_constraint(allow => false)
end;
-- skipped when `describe projection policy aegis_governance.aegis_project_part2_substance_use` shows this body already
alter projection policy aegis_governance.aegis_project_part2_substance_use set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER')
        or is_role_in_session('AEGIS_PHI_FULL')
        then projection_constraint(allow => true)
    else projection_constraint(allow => false)
end;
create aggregation policy if not exists aegis_governance.aegis_aggregate_min_group as () returns aggregation_constraint ->
case
    when is_role_in_session('AEGIS_TRANSFORMER')
        or is_role_in_session('AEGIS_PHI_FULL')
        or is_role_in_session('AEGIS_PHI_LIMITED')
        or is_role_in_session('AEGIS_DEIDENTIFIED')
        then no_aggregation_constraint()
    else aggregation_constraint(min_group_size => 11)
end;
-- skipped when `describe aggregation policy aegis_governance.aegis_aggregate_min_group` shows this body already
alter aggregation policy aegis_governance.aegis_aggregate_min_group set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER')
        or is_role_in_session('AEGIS_PHI_FULL')
        or is_role_in_session('AEGIS_PHI_LIMITED')
        or is_role_in_session('AEGIS_DEIDENTIFIED')
        then no_aggregation_constraint()
    else aggregation_constraint(min_group_size => 11)
end;
create masking policy if not exists aegis_governance.aegis_mask_ssn_varchar as (val varchar) returns varchar ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then cast(null as varchar)
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_ssn_varchar` shows this body already
alter masking policy aegis_governance.aegis_mask_ssn_varchar set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then cast(null as varchar)
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
create masking policy if not exists aegis_governance.aegis_mask_name_varchar as (val varchar) returns varchar ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then case when val is not null then '[REDACTED]' end
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_name_varchar` shows this body already
alter masking policy aegis_governance.aegis_mask_name_varchar set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then case when val is not null then '[REDACTED]' end
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
create masking policy if not exists aegis_governance.aegis_mask_birth_date_date as (val date) returns date ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then val
    when is_role_in_session('AEGIS_DEIDENTIFIED') then case when cast(val as date) > dateadd(year, -90, current_date()) then cast(date_trunc('year', val) as date) end
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as date)
    else cast(null as date)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_birth_date_date` shows this body already
alter masking policy aegis_governance.aegis_mask_birth_date_date set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then val
    when is_role_in_session('AEGIS_DEIDENTIFIED') then case when cast(val as date) > dateadd(year, -90, current_date()) then cast(date_trunc('year', val) as date) end
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as date)
    else cast(null as date)
end;
create masking policy if not exists aegis_governance.aegis_mask_zip_varchar as (val varchar) returns varchar ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then val
    when is_role_in_session('AEGIS_DEIDENTIFIED') then case when left(val, 3) in ('036', '059', '063', '102', '203', '556', '692', '790', '821', '823', '830', '831', '878', '879', '884', '890', '893') then '000' else left(val, 3) end
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_zip_varchar` shows this body already
alter masking policy aegis_governance.aegis_mask_zip_varchar set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then val
    when is_role_in_session('AEGIS_DEIDENTIFIED') then case when left(val, 3) in ('036', '059', '063', '102', '203', '556', '692', '790', '821', '823', '830', '831', '878', '879', '884', '890', '893') then '000' else left(val, 3) end
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
create masking policy if not exists aegis_governance.aegis_mask_age_number as (val number) returns number ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then val
    when is_role_in_session('AEGIS_DEIDENTIFIED') then case when val > 89 then cast(90 as number) else val end
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as number)
    else cast(null as number)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_age_number` shows this body already
alter masking policy aegis_governance.aegis_mask_age_number set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then val
    when is_role_in_session('AEGIS_DEIDENTIFIED') then case when val > 89 then cast(90 as number) else val end
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as number)
    else cast(null as number)
end;
create masking policy if not exists aegis_governance.aegis_mask_email_varchar_4c75e8f9 as (val varchar) returns varchar ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then case when val is not null then '***' || right(val, 4) end
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_email_varchar_4c75e8f9` shows this body already
alter masking policy aegis_governance.aegis_mask_email_varchar_4c75e8f9 set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then case when val is not null then '***' || right(val, 4) end
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;

-- model.aegis.fct_demo_encounters -> main.fct_demo_encounters (table)
alter table main.fct_demo_encounters modify column mrn set masking policy aegis_governance.aegis_mask_mrn_varchar force;
alter table main.fct_demo_encounters modify column city set masking policy aegis_governance.aegis_mask_city_varchar force;
alter table main.fct_demo_encounters modify column admitted_at set masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main.fct_demo_encounters', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main.fct_demo_encounters add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main.fct_demo_encounters modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main to role aegis_phi_full;
grant select on table main.fct_demo_encounters to role aegis_phi_full;
grant usage on schema main to role aegis_phi_limited;
grant select on table main.fct_demo_encounters to role aegis_phi_limited;
grant usage on schema main to role aegis_deidentified;
grant select on table main.fct_demo_encounters to role aegis_deidentified;
revoke select on table main.fct_demo_encounters from role aegis_aggregate;

-- model.aegis.mart_demo_encounter_counts -> main.mart_demo_encounter_counts (table)
alter table main.mart_demo_encounter_counts set aggregation policy aegis_governance.aegis_aggregate_min_group force;
grant usage on schema main to role aegis_phi_full;
grant select on table main.mart_demo_encounter_counts to role aegis_phi_full;
grant usage on schema main to role aegis_phi_limited;
grant select on table main.mart_demo_encounter_counts to role aegis_phi_limited;
grant usage on schema main to role aegis_deidentified;
grant select on table main.mart_demo_encounter_counts to role aegis_deidentified;
grant usage on schema main to role aegis_aggregate;
grant select on table main.mart_demo_encounter_counts to role aegis_aggregate;

-- model.aegis.stg_demo__patients -> main.stg_demo__patients (view)
alter view main.stg_demo__patients modify column mrn set masking policy aegis_governance.aegis_mask_mrn_varchar force;
alter view main.stg_demo__patients modify column ssn set masking policy aegis_governance.aegis_mask_ssn_varchar force;
alter view main.stg_demo__patients modify column family_name set masking policy aegis_governance.aegis_mask_name_varchar force;
alter view main.stg_demo__patients modify column birth_date set masking policy aegis_governance.aegis_mask_birth_date_date force;
alter view main.stg_demo__patients modify column zip_code set masking policy aegis_governance.aegis_mask_zip_varchar force;
alter view main.stg_demo__patients modify column city set masking policy aegis_governance.aegis_mask_city_varchar force;
alter view main.stg_demo__patients modify column age_years set masking policy aegis_governance.aegis_mask_age_number force;
alter view main.stg_demo__patients modify column email set masking policy aegis_governance.aegis_mask_email_varchar_4c75e8f9 force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main.stg_demo__patients', ref_entity_domain => 'view')) where policy_kind = 'ROW_ACCESS_POLICY'
alter view main.stg_demo__patients add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter view main.stg_demo__patients modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main to role aegis_phi_full;
grant select on view main.stg_demo__patients to role aegis_phi_full;
grant usage on schema main to role aegis_phi_limited;
grant select on view main.stg_demo__patients to role aegis_phi_limited;
grant usage on schema main to role aegis_deidentified;
grant select on view main.stg_demo__patients to role aegis_deidentified;
revoke select on view main.stg_demo__patients from role aegis_aggregate;
