-- engine: snowflake; relations: 37; nothing below has been executed

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
create masking policy if not exists aegis_governance.aegis_mask_other_id_varchar as (val varchar) returns varchar ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then left(aegis_governance.aegis_hmac_sha256((select key from aegis_governance.aegis_pseudonym_key), val), 32)
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_other_id_varchar` shows this body already
alter masking policy aegis_governance.aegis_mask_other_id_varchar set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then left(aegis_governance.aegis_hmac_sha256((select key from aegis_governance.aegis_pseudonym_key), val), 32)
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
create masking policy if not exists aegis_governance.aegis_mask_health_plan_id_varchar as (val varchar) returns varchar ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then left(aegis_governance.aegis_hmac_sha256((select key from aegis_governance.aegis_pseudonym_key), val), 32)
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_health_plan_id_varchar` shows this body already
alter masking policy aegis_governance.aegis_mask_health_plan_id_varchar set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then left(aegis_governance.aegis_hmac_sha256((select key from aegis_governance.aegis_pseudonym_key), val), 32)
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
create masking policy if not exists aegis_governance.aegis_mask_event_date_date as (val date) returns date ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then val
    when is_role_in_session('AEGIS_DEIDENTIFIED') then case when cast(val as date) > dateadd(year, -90, current_date()) then cast(date_trunc('year', val) as date) end
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as date)
    else cast(null as date)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_event_date_date` shows this body already
alter masking policy aegis_governance.aegis_mask_event_date_date set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then val
    when is_role_in_session('AEGIS_DEIDENTIFIED') then case when cast(val as date) > dateadd(year, -90, current_date()) then cast(date_trunc('year', val) as date) end
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as date)
    else cast(null as date)
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
create masking policy if not exists aegis_governance.aegis_mask_keyed_pseudonym_varchar as (val varchar) returns varchar ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then cast(null as varchar)
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_keyed_pseudonym_varchar` shows this body already
alter masking policy aegis_governance.aegis_mask_keyed_pseudonym_varchar set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then cast(null as varchar)
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
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
create masking policy if not exists aegis_governance.aegis_mask_street_address_varchar as (val varchar) returns varchar ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then case when val is not null then '[REDACTED]' end
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_street_address_varchar` shows this body already
alter masking policy aegis_governance.aegis_mask_street_address_varchar set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then case when val is not null then '[REDACTED]' end
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
create masking policy if not exists aegis_governance.aegis_mask_county_varchar as (val varchar) returns varchar ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then val
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_county_varchar` shows this body already
alter masking policy aegis_governance.aegis_mask_county_varchar set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then val
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
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
create masking policy if not exists aegis_governance.aegis_mask_phone_varchar as (val varchar) returns varchar ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then case when val is not null then '[REDACTED]' end
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_phone_varchar` shows this body already
alter masking policy aegis_governance.aegis_mask_phone_varchar set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then case when val is not null then '[REDACTED]' end
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
create masking policy if not exists aegis_governance.aegis_mask_email_varchar as (val varchar) returns varchar ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then case when val is not null then '[REDACTED]' end
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_email_varchar` shows this body already
alter masking policy aegis_governance.aegis_mask_email_varchar set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then case when val is not null then '[REDACTED]' end
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
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
create masking policy if not exists aegis_governance.aegis_mask_death_date_date as (val date) returns date ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then val
    when is_role_in_session('AEGIS_DEIDENTIFIED') then case when cast(val as date) > dateadd(year, -90, current_date()) then cast(date_trunc('year', val) as date) end
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as date)
    else cast(null as date)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_death_date_date` shows this body already
alter masking policy aegis_governance.aegis_mask_death_date_date set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then val
    when is_role_in_session('AEGIS_DEIDENTIFIED') then case when cast(val as date) > dateadd(year, -90, current_date()) then cast(date_trunc('year', val) as date) end
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as date)
    else cast(null as date)
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
create masking policy if not exists aegis_governance.aegis_mask_none_varchar_ffa0f2ee as (val varchar) returns varchar ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then cast(null as varchar)
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then val
    else cast(null as varchar)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_none_varchar_ffa0f2ee` shows this body already
alter masking policy aegis_governance.aegis_mask_none_varchar_ffa0f2ee set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then cast(null as varchar)
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then val
    else cast(null as varchar)
end;
create masking policy if not exists aegis_governance.aegis_mask_none_number_ffa0f2ee as (val number) returns number ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then cast(null as number)
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as number)
    when is_role_in_session('AEGIS_AGGREGATE') then val
    else cast(null as number)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_none_number_ffa0f2ee` shows this body already
alter masking policy aegis_governance.aegis_mask_none_number_ffa0f2ee set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then cast(null as number)
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as number)
    when is_role_in_session('AEGIS_AGGREGATE') then val
    else cast(null as number)
end;
create masking policy if not exists aegis_governance.aegis_mask_other_id_varchar_57310391 as (val varchar) returns varchar ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then cast(null as varchar)
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
end;
-- skipped when `describe masking policy aegis_governance.aegis_mask_other_id_varchar_57310391` shows this body already
alter masking policy aegis_governance.aegis_mask_other_id_varchar_57310391 set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then cast(null as varchar)
    when is_role_in_session('AEGIS_DEIDENTIFIED') then cast(null as varchar)
    when is_role_in_session('AEGIS_AGGREGATE') then cast(null as varchar)
    else cast(null as varchar)
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

-- model.aegis.dim_coverage -> main_marts.dim_coverage (table)
alter table main_marts.dim_coverage modify column coverage_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.dim_coverage modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.dim_coverage modify column subscriber_id set masking policy aegis_governance.aegis_mask_health_plan_id_varchar force;
alter table main_marts.dim_coverage modify column coverage_start_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_marts.dim_coverage modify column coverage_end_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_marts.dim_coverage modify column received_at set masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz force;
grant usage on schema main_marts to role aegis_phi_full;
grant select on table main_marts.dim_coverage to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select on table main_marts.dim_coverage to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select on table main_marts.dim_coverage to role aegis_deidentified;
revoke select on table main_marts.dim_coverage from role aegis_aggregate;

-- model.aegis.dim_patient -> main_marts.dim_patient (table)
alter table main_marts.dim_patient modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.dim_patient modify column mrn set masking policy aegis_governance.aegis_mask_mrn_varchar force;
alter table main_marts.dim_patient modify column patient_id_pseudonym set masking policy aegis_governance.aegis_mask_keyed_pseudonym_varchar force;
alter table main_marts.dim_patient modify column mrn_pseudonym set masking policy aegis_governance.aegis_mask_keyed_pseudonym_varchar force;
alter table main_marts.dim_patient modify column ssn set masking policy aegis_governance.aegis_mask_ssn_varchar force;
alter table main_marts.dim_patient modify column given_name set masking policy aegis_governance.aegis_mask_name_varchar force;
alter table main_marts.dim_patient modify column family_name set masking policy aegis_governance.aegis_mask_name_varchar force;
alter table main_marts.dim_patient modify column street_address set masking policy aegis_governance.aegis_mask_street_address_varchar force;
alter table main_marts.dim_patient modify column city set masking policy aegis_governance.aegis_mask_city_varchar force;
alter table main_marts.dim_patient modify column county set masking policy aegis_governance.aegis_mask_county_varchar force;
alter table main_marts.dim_patient modify column zip_code set masking policy aegis_governance.aegis_mask_zip_varchar force;
alter table main_marts.dim_patient modify column phone set masking policy aegis_governance.aegis_mask_phone_varchar force;
alter table main_marts.dim_patient modify column email set masking policy aegis_governance.aegis_mask_email_varchar force;
alter table main_marts.dim_patient modify column age_at_period_end set masking policy aegis_governance.aegis_mask_age_number force;
alter table main_marts.dim_patient modify column birth_date set masking policy aegis_governance.aegis_mask_birth_date_date force;
alter table main_marts.dim_patient modify column death_date set masking policy aegis_governance.aegis_mask_death_date_date force;
alter table main_marts.dim_patient modify column last_updated_at set masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz force;
alter table main_marts.dim_patient modify column received_at set masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz force;
grant usage on schema main_marts to role aegis_phi_full;
grant select on table main_marts.dim_patient to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select on table main_marts.dim_patient to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select on table main_marts.dim_patient to role aegis_deidentified;
revoke select on table main_marts.dim_patient from role aegis_aggregate;

-- model.aegis.dim_patient_deidentified -> main_deidentified.dim_patient_deidentified (table)
grant usage on schema main_deidentified to role aegis_phi_full;
grant select on table main_deidentified.dim_patient_deidentified to role aegis_phi_full;
grant usage on schema main_deidentified to role aegis_phi_limited;
grant select on table main_deidentified.dim_patient_deidentified to role aegis_phi_limited;
grant usage on schema main_deidentified to role aegis_deidentified;
grant select on table main_deidentified.dim_patient_deidentified to role aegis_deidentified;
revoke select on table main_deidentified.dim_patient_deidentified from role aegis_aggregate;

-- model.aegis.fct_claim_lines -> main_marts.fct_claim_lines (table)
alter table main_marts.fct_claim_lines modify column claim_line_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.fct_claim_lines modify column explanation_of_benefit_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.fct_claim_lines modify column claim_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.fct_claim_lines modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.fct_claim_lines modify column coverage_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.fct_claim_lines modify column service_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_marts.fct_claim_lines modify column coverage_received_at set masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz force;
alter table main_marts.fct_claim_lines modify column received_at set masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main_marts.fct_claim_lines', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main_marts.fct_claim_lines add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main_marts.fct_claim_lines modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main_marts to role aegis_phi_full;
grant select on table main_marts.fct_claim_lines to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select on table main_marts.fct_claim_lines to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select on table main_marts.fct_claim_lines to role aegis_deidentified;
revoke select on table main_marts.fct_claim_lines from role aegis_aggregate;

-- model.aegis.fct_conditions -> main_marts.fct_conditions (table)
alter table main_marts.fct_conditions modify column condition_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.fct_conditions modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.fct_conditions modify column encounter_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.fct_conditions modify column onset_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_marts.fct_conditions modify column recorded_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_marts.fct_conditions modify column abatement_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_marts.fct_conditions modify column received_at set masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main_marts.fct_conditions', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main_marts.fct_conditions add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main_marts.fct_conditions modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main_marts to role aegis_phi_full;
grant select on table main_marts.fct_conditions to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select on table main_marts.fct_conditions to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select on table main_marts.fct_conditions to role aegis_deidentified;
revoke select on table main_marts.fct_conditions from role aegis_aggregate;

-- model.aegis.fct_conditions_deidentified -> main_deidentified.fct_conditions_deidentified (table)
grant usage on schema main_deidentified to role aegis_phi_full;
grant select on table main_deidentified.fct_conditions_deidentified to role aegis_phi_full;
grant usage on schema main_deidentified to role aegis_phi_limited;
grant select on table main_deidentified.fct_conditions_deidentified to role aegis_phi_limited;
grant usage on schema main_deidentified to role aegis_deidentified;
grant select on table main_deidentified.fct_conditions_deidentified to role aegis_deidentified;
revoke select on table main_deidentified.fct_conditions_deidentified from role aegis_aggregate;

-- model.aegis.fct_encounters -> main_marts.fct_encounters (table)
alter table main_marts.fct_encounters modify column encounter_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.fct_encounters modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.fct_encounters modify column stay_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.fct_encounters modify column encounter_id_pseudonym set masking policy aegis_governance.aegis_mask_keyed_pseudonym_varchar force;
alter table main_marts.fct_encounters modify column patient_id_pseudonym set masking policy aegis_governance.aegis_mask_keyed_pseudonym_varchar force;
alter table main_marts.fct_encounters modify column stay_id_pseudonym set masking policy aegis_governance.aegis_mask_keyed_pseudonym_varchar force;
alter table main_marts.fct_encounters modify column encounter_start_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_marts.fct_encounters modify column period_start_at set masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz force;
alter table main_marts.fct_encounters modify column period_end_at set masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz force;
alter table main_marts.fct_encounters modify column received_at set masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main_marts.fct_encounters', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main_marts.fct_encounters add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main_marts.fct_encounters modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main_marts to role aegis_phi_full;
grant select on table main_marts.fct_encounters to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select on table main_marts.fct_encounters to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select on table main_marts.fct_encounters to role aegis_deidentified;
revoke select on table main_marts.fct_encounters from role aegis_aggregate;

-- model.aegis.fct_encounters_deidentified -> main_deidentified.fct_encounters_deidentified (table)
grant usage on schema main_deidentified to role aegis_phi_full;
grant select on table main_deidentified.fct_encounters_deidentified to role aegis_phi_full;
grant usage on schema main_deidentified to role aegis_phi_limited;
grant select on table main_deidentified.fct_encounters_deidentified to role aegis_phi_limited;
grant usage on schema main_deidentified to role aegis_deidentified;
grant select on table main_deidentified.fct_encounters_deidentified to role aegis_deidentified;
revoke select on table main_deidentified.fct_encounters_deidentified from role aegis_aggregate;

-- model.aegis.fct_medication_requests -> main_marts.fct_medication_requests (table)
alter table main_marts.fct_medication_requests modify column medication_request_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.fct_medication_requests modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.fct_medication_requests modify column encounter_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.fct_medication_requests modify column authored_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_marts.fct_medication_requests modify column authored_at set masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz force;
alter table main_marts.fct_medication_requests modify column received_at set masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main_marts.fct_medication_requests', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main_marts.fct_medication_requests add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main_marts.fct_medication_requests modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main_marts to role aegis_phi_full;
grant select on table main_marts.fct_medication_requests to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select on table main_marts.fct_medication_requests to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select on table main_marts.fct_medication_requests to role aegis_deidentified;
revoke select on table main_marts.fct_medication_requests from role aegis_aggregate;

-- model.aegis.fct_observations -> main_marts.fct_observations (table)
alter table main_marts.fct_observations modify column observation_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.fct_observations modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.fct_observations modify column encounter_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.fct_observations modify column effective_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_marts.fct_observations modify column effective_at set masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz force;
alter table main_marts.fct_observations modify column received_at set masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main_marts.fct_observations', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main_marts.fct_observations add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main_marts.fct_observations modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main_marts to role aegis_phi_full;
grant select on table main_marts.fct_observations to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select on table main_marts.fct_observations to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select on table main_marts.fct_observations to role aegis_deidentified;
revoke select on table main_marts.fct_observations from role aegis_aggregate;

-- model.aegis.fct_procedures -> main_marts.fct_procedures (table)
alter table main_marts.fct_procedures modify column procedure_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.fct_procedures modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.fct_procedures modify column encounter_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.fct_procedures modify column performed_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_marts.fct_procedures modify column performed_at set masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz force;
alter table main_marts.fct_procedures modify column received_at set masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main_marts.fct_procedures', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main_marts.fct_procedures add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main_marts.fct_procedures modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main_marts to role aegis_phi_full;
grant select on table main_marts.fct_procedures to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select on table main_marts.fct_procedures to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select on table main_marts.fct_procedures to role aegis_deidentified;
revoke select on table main_marts.fct_procedures from role aegis_aggregate;

-- model.aegis.int_claim_lines_normalised -> main_intermediate.int_claim_lines_normalised (table)
alter table main_intermediate.int_claim_lines_normalised modify column claim_line_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_intermediate.int_claim_lines_normalised modify column explanation_of_benefit_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_intermediate.int_claim_lines_normalised modify column claim_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_intermediate.int_claim_lines_normalised modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_intermediate.int_claim_lines_normalised modify column coverage_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_intermediate.int_claim_lines_normalised modify column service_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_intermediate.int_claim_lines_normalised modify column billable_period_start_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_intermediate.int_claim_lines_normalised modify column billable_period_end_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_intermediate.int_claim_lines_normalised modify column coverage_received_at set masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz force;
alter table main_intermediate.int_claim_lines_normalised modify column received_at set masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main_intermediate.int_claim_lines_normalised', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main_intermediate.int_claim_lines_normalised add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main_intermediate.int_claim_lines_normalised modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main_intermediate to role aegis_phi_full;
grant select on table main_intermediate.int_claim_lines_normalised to role aegis_phi_full;
grant usage on schema main_intermediate to role aegis_phi_limited;
grant select on table main_intermediate.int_claim_lines_normalised to role aegis_phi_limited;
grant usage on schema main_intermediate to role aegis_deidentified;
grant select on table main_intermediate.int_claim_lines_normalised to role aegis_deidentified;
revoke select on table main_intermediate.int_claim_lines_normalised from role aegis_aggregate;

-- model.aegis.int_conditions_mapped_to_chronic_groups -> main_intermediate.int_conditions_mapped_to_chronic_groups (table)
alter table main_intermediate.int_conditions_mapped_to_chronic_groups modify column condition_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_intermediate.int_conditions_mapped_to_chronic_groups modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_intermediate.int_conditions_mapped_to_chronic_groups modify column encounter_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_intermediate.int_conditions_mapped_to_chronic_groups modify column onset_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_intermediate.int_conditions_mapped_to_chronic_groups modify column recorded_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_intermediate.int_conditions_mapped_to_chronic_groups modify column abatement_date set masking policy aegis_governance.aegis_mask_event_date_date force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main_intermediate.int_conditions_mapped_to_chronic_groups', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main_intermediate.int_conditions_mapped_to_chronic_groups add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main_intermediate.int_conditions_mapped_to_chronic_groups modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main_intermediate to role aegis_phi_full;
grant select on table main_intermediate.int_conditions_mapped_to_chronic_groups to role aegis_phi_full;
grant usage on schema main_intermediate to role aegis_phi_limited;
grant select on table main_intermediate.int_conditions_mapped_to_chronic_groups to role aegis_phi_limited;
grant usage on schema main_intermediate to role aegis_deidentified;
grant select on table main_intermediate.int_conditions_mapped_to_chronic_groups to role aegis_deidentified;
revoke select on table main_intermediate.int_conditions_mapped_to_chronic_groups from role aegis_aggregate;

-- model.aegis.int_coverages_expanded_to_member_months -> main_intermediate.int_coverages_expanded_to_member_months (table)
alter table main_intermediate.int_coverages_expanded_to_member_months modify column member_month_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_intermediate.int_coverages_expanded_to_member_months modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_intermediate.int_coverages_expanded_to_member_months modify column coverage_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_intermediate.int_coverages_expanded_to_member_months modify column month_start_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_intermediate.int_coverages_expanded_to_member_months modify column month_end_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_intermediate.int_coverages_expanded_to_member_months modify column coverage_start_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_intermediate.int_coverages_expanded_to_member_months modify column coverage_end_date set masking policy aegis_governance.aegis_mask_event_date_date force;
grant usage on schema main_intermediate to role aegis_phi_full;
grant select on table main_intermediate.int_coverages_expanded_to_member_months to role aegis_phi_full;
grant usage on schema main_intermediate to role aegis_phi_limited;
grant select on table main_intermediate.int_coverages_expanded_to_member_months to role aegis_phi_limited;
grant usage on schema main_intermediate to role aegis_deidentified;
grant select on table main_intermediate.int_coverages_expanded_to_member_months to role aegis_deidentified;
revoke select on table main_intermediate.int_coverages_expanded_to_member_months from role aegis_aggregate;

-- model.aegis.int_encounters_assigned_to_stays -> main_intermediate.int_encounters_assigned_to_stays (table)
alter table main_intermediate.int_encounters_assigned_to_stays modify column encounter_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_intermediate.int_encounters_assigned_to_stays modify column stay_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_intermediate.int_encounters_assigned_to_stays modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_intermediate.int_encounters_assigned_to_stays modify column period_start_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_intermediate.int_encounters_assigned_to_stays modify column period_end_at set masking policy aegis_governance.aegis_mask_event_date_date force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main_intermediate.int_encounters_assigned_to_stays', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main_intermediate.int_encounters_assigned_to_stays add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main_intermediate.int_encounters_assigned_to_stays modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main_intermediate to role aegis_phi_full;
grant select on table main_intermediate.int_encounters_assigned_to_stays to role aegis_phi_full;
grant usage on schema main_intermediate to role aegis_phi_limited;
grant select on table main_intermediate.int_encounters_assigned_to_stays to role aegis_phi_limited;
grant usage on schema main_intermediate to role aegis_deidentified;
grant select on table main_intermediate.int_encounters_assigned_to_stays to role aegis_deidentified;
revoke select on table main_intermediate.int_encounters_assigned_to_stays from role aegis_aggregate;

-- model.aegis.int_encounters_grouped_to_stays -> main_intermediate.int_encounters_grouped_to_stays (table)
alter table main_intermediate.int_encounters_grouped_to_stays modify column stay_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_intermediate.int_encounters_grouped_to_stays modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_intermediate.int_encounters_grouped_to_stays modify column admit_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_intermediate.int_encounters_grouped_to_stays modify column discharge_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_intermediate.int_encounters_grouped_to_stays modify column admitted_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_intermediate.int_encounters_grouped_to_stays modify column discharged_at set masking policy aegis_governance.aegis_mask_event_date_date force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main_intermediate.int_encounters_grouped_to_stays', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main_intermediate.int_encounters_grouped_to_stays add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main_intermediate.int_encounters_grouped_to_stays modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main_intermediate to role aegis_phi_full;
grant select on table main_intermediate.int_encounters_grouped_to_stays to role aegis_phi_full;
grant usage on schema main_intermediate to role aegis_phi_limited;
grant select on table main_intermediate.int_encounters_grouped_to_stays to role aegis_phi_limited;
grant usage on schema main_intermediate to role aegis_deidentified;
grant select on table main_intermediate.int_encounters_grouped_to_stays to role aegis_deidentified;
revoke select on table main_intermediate.int_encounters_grouped_to_stays from role aegis_aggregate;

-- model.aegis.int_patients_assigned_fact_release_levels -> main_intermediate.int_patients_assigned_fact_release_levels (table)
alter table main_intermediate.int_patients_assigned_fact_release_levels modify column research_person_id set masking policy aegis_governance.aegis_mask_none_varchar_ffa0f2ee force;
alter table main_intermediate.int_patients_assigned_fact_release_levels modify column release_level set masking policy aegis_governance.aegis_mask_none_number_ffa0f2ee force;
grant usage on schema main_intermediate to role aegis_phi_full;
grant select on table main_intermediate.int_patients_assigned_fact_release_levels to role aegis_phi_full;
grant usage on schema main_intermediate to role aegis_phi_limited;
grant select on table main_intermediate.int_patients_assigned_fact_release_levels to role aegis_phi_limited;
grant usage on schema main_intermediate to role aegis_deidentified;
grant select on table main_intermediate.int_patients_assigned_fact_release_levels to role aegis_deidentified;
revoke select on table main_intermediate.int_patients_assigned_fact_release_levels from role aegis_aggregate;

-- model.aegis.int_records_assigned_research_ids -> main_intermediate.int_records_assigned_research_ids (table)
alter table main_intermediate.int_records_assigned_research_ids modify column entity_type set masking policy aegis_governance.aegis_mask_none_varchar_ffa0f2ee force;
alter table main_intermediate.int_records_assigned_research_ids modify column source_id set masking policy aegis_governance.aegis_mask_other_id_varchar_57310391 force;
alter table main_intermediate.int_records_assigned_research_ids modify column research_id set masking policy aegis_governance.aegis_mask_other_id_varchar_57310391 force;
grant usage on schema main_intermediate to role aegis_phi_full;
grant select on table main_intermediate.int_records_assigned_research_ids to role aegis_phi_full;
grant usage on schema main_intermediate to role aegis_phi_limited;
grant select on table main_intermediate.int_records_assigned_research_ids to role aegis_phi_limited;
grant usage on schema main_intermediate to role aegis_deidentified;
grant select on table main_intermediate.int_records_assigned_research_ids to role aegis_deidentified;
revoke select on table main_intermediate.int_records_assigned_research_ids from role aegis_aggregate;

-- model.aegis.mart_chronic_condition_prevalence -> main_marts.mart_chronic_condition_prevalence (table)
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main_marts.mart_chronic_condition_prevalence', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main_marts.mart_chronic_condition_prevalence add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main_marts.mart_chronic_condition_prevalence modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
alter table main_marts.mart_chronic_condition_prevalence set aggregation policy aegis_governance.aegis_aggregate_min_group force;
grant usage on schema main_marts to role aegis_phi_full;
grant select on table main_marts.mart_chronic_condition_prevalence to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select on table main_marts.mart_chronic_condition_prevalence to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select on table main_marts.mart_chronic_condition_prevalence to role aegis_deidentified;
grant usage on schema main_marts to role aegis_aggregate;
grant select on table main_marts.mart_chronic_condition_prevalence to role aegis_aggregate;

-- model.aegis.mart_chronic_conditions -> main_marts.mart_chronic_conditions (table)
alter table main_marts.mart_chronic_conditions modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main_marts.mart_chronic_conditions', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main_marts.mart_chronic_conditions add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main_marts.mart_chronic_conditions modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main_marts to role aegis_phi_full;
grant select on table main_marts.mart_chronic_conditions to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select on table main_marts.mart_chronic_conditions to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select on table main_marts.mart_chronic_conditions to role aegis_deidentified;
revoke select on table main_marts.mart_chronic_conditions from role aegis_aggregate;

-- model.aegis.mart_pmpm -> main_marts.mart_pmpm (table)
alter table main_marts.mart_pmpm set aggregation policy aegis_governance.aegis_aggregate_min_group force;
grant usage on schema main_marts to role aegis_phi_full;
grant select on table main_marts.mart_pmpm to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select on table main_marts.mart_pmpm to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select on table main_marts.mart_pmpm to role aegis_deidentified;
grant usage on schema main_marts to role aegis_aggregate;
grant select on table main_marts.mart_pmpm to role aegis_aggregate;

-- model.aegis.mart_quality_hba1c_poor_control -> main_marts.mart_quality_hba1c_poor_control (table)
alter table main_marts.mart_quality_hba1c_poor_control modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.mart_quality_hba1c_poor_control modify column latest_hba1c_observation_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.mart_quality_hba1c_poor_control modify column age_at_period_end set masking policy aegis_governance.aegis_mask_age_number force;
alter table main_marts.mart_quality_hba1c_poor_control modify column latest_hba1c_effective_at set masking policy aegis_governance.aegis_mask_event_date_timestamp_ntz force;
grant usage on schema main_marts to role aegis_phi_full;
grant select on table main_marts.mart_quality_hba1c_poor_control to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select on table main_marts.mart_quality_hba1c_poor_control to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select on table main_marts.mart_quality_hba1c_poor_control to role aegis_deidentified;
revoke select on table main_marts.mart_quality_hba1c_poor_control from role aegis_aggregate;

-- model.aegis.mart_quality_measure_rates -> main_marts.mart_quality_measure_rates (table)
alter table main_marts.mart_quality_measure_rates set aggregation policy aegis_governance.aegis_aggregate_min_group force;
grant usage on schema main_marts to role aegis_phi_full;
grant select on table main_marts.mart_quality_measure_rates to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select on table main_marts.mart_quality_measure_rates to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select on table main_marts.mart_quality_measure_rates to role aegis_deidentified;
grant usage on schema main_marts to role aegis_aggregate;
grant select on table main_marts.mart_quality_measure_rates to role aegis_aggregate;

-- model.aegis.mart_readmissions_30d -> main_marts.mart_readmissions_30d (table)
alter table main_marts.mart_readmissions_30d modify column stay_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.mart_readmissions_30d modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.mart_readmissions_30d modify column readmission_stay_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_marts.mart_readmissions_30d modify column admit_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_marts.mart_readmissions_30d modify column discharge_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_marts.mart_readmissions_30d modify column readmission_admit_date set masking policy aegis_governance.aegis_mask_event_date_date force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main_marts.mart_readmissions_30d', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main_marts.mart_readmissions_30d add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main_marts.mart_readmissions_30d modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main_marts to role aegis_phi_full;
grant select on table main_marts.mart_readmissions_30d to role aegis_phi_full;
grant usage on schema main_marts to role aegis_phi_limited;
grant select on table main_marts.mart_readmissions_30d to role aegis_phi_limited;
grant usage on schema main_marts to role aegis_deidentified;
grant select on table main_marts.mart_readmissions_30d to role aegis_deidentified;
revoke select on table main_marts.mart_readmissions_30d from role aegis_aggregate;

-- model.aegis.stg_fhir__claims -> main_staging.stg_fhir__claims (table)
alter table main_staging.stg_fhir__claims modify column claim_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__claims modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__claims modify column coverage_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__claims modify column billable_period_start_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__claims modify column billable_period_end_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__claims modify column created_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__claims modify column event_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__claims modify column last_updated_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__claims modify column received_at set masking policy aegis_governance.aegis_mask_event_date_date force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main_staging.stg_fhir__claims', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main_staging.stg_fhir__claims add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main_staging.stg_fhir__claims modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main_staging to role aegis_phi_full;
grant select on table main_staging.stg_fhir__claims to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select on table main_staging.stg_fhir__claims to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select on table main_staging.stg_fhir__claims to role aegis_deidentified;
revoke select on table main_staging.stg_fhir__claims from role aegis_aggregate;

-- model.aegis.stg_fhir__conditions -> main_staging.stg_fhir__conditions (table)
alter table main_staging.stg_fhir__conditions modify column condition_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__conditions modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__conditions modify column encounter_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__conditions modify column onset_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__conditions modify column recorded_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__conditions modify column abatement_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__conditions modify column event_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__conditions modify column last_updated_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__conditions modify column received_at set masking policy aegis_governance.aegis_mask_event_date_date force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main_staging.stg_fhir__conditions', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main_staging.stg_fhir__conditions add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main_staging.stg_fhir__conditions modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main_staging to role aegis_phi_full;
grant select on table main_staging.stg_fhir__conditions to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select on table main_staging.stg_fhir__conditions to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select on table main_staging.stg_fhir__conditions to role aegis_deidentified;
revoke select on table main_staging.stg_fhir__conditions from role aegis_aggregate;

-- model.aegis.stg_fhir__coverages -> main_staging.stg_fhir__coverages (table)
alter table main_staging.stg_fhir__coverages modify column coverage_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__coverages modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__coverages modify column subscriber_id set masking policy aegis_governance.aegis_mask_health_plan_id_varchar force;
alter table main_staging.stg_fhir__coverages modify column coverage_start_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__coverages modify column coverage_end_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__coverages modify column event_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__coverages modify column last_updated_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__coverages modify column received_at set masking policy aegis_governance.aegis_mask_event_date_date force;
grant usage on schema main_staging to role aegis_phi_full;
grant select on table main_staging.stg_fhir__coverages to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select on table main_staging.stg_fhir__coverages to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select on table main_staging.stg_fhir__coverages to role aegis_deidentified;
revoke select on table main_staging.stg_fhir__coverages from role aegis_aggregate;

-- model.aegis.stg_fhir__encounters -> main_staging.stg_fhir__encounters (table)
alter table main_staging.stg_fhir__encounters modify column encounter_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__encounters modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__encounters modify column period_start_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__encounters modify column period_end_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__encounters modify column event_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__encounters modify column last_updated_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__encounters modify column received_at set masking policy aegis_governance.aegis_mask_event_date_date force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main_staging.stg_fhir__encounters', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main_staging.stg_fhir__encounters add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main_staging.stg_fhir__encounters modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main_staging to role aegis_phi_full;
grant select on table main_staging.stg_fhir__encounters to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select on table main_staging.stg_fhir__encounters to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select on table main_staging.stg_fhir__encounters to role aegis_deidentified;
revoke select on table main_staging.stg_fhir__encounters from role aegis_aggregate;

-- model.aegis.stg_fhir__explanation_of_benefit_items -> main_staging.stg_fhir__explanation_of_benefit_items (table)
alter table main_staging.stg_fhir__explanation_of_benefit_items modify column explanation_of_benefit_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__explanation_of_benefit_items modify column claim_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__explanation_of_benefit_items modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__explanation_of_benefit_items modify column service_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__explanation_of_benefit_items modify column event_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__explanation_of_benefit_items modify column last_updated_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__explanation_of_benefit_items modify column received_at set masking policy aegis_governance.aegis_mask_event_date_date force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main_staging.stg_fhir__explanation_of_benefit_items', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main_staging.stg_fhir__explanation_of_benefit_items add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main_staging.stg_fhir__explanation_of_benefit_items modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main_staging to role aegis_phi_full;
grant select on table main_staging.stg_fhir__explanation_of_benefit_items to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select on table main_staging.stg_fhir__explanation_of_benefit_items to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select on table main_staging.stg_fhir__explanation_of_benefit_items to role aegis_deidentified;
revoke select on table main_staging.stg_fhir__explanation_of_benefit_items from role aegis_aggregate;

-- model.aegis.stg_fhir__explanation_of_benefits -> main_staging.stg_fhir__explanation_of_benefits (table)
alter table main_staging.stg_fhir__explanation_of_benefits modify column explanation_of_benefit_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__explanation_of_benefits modify column claim_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__explanation_of_benefits modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__explanation_of_benefits modify column coverage_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__explanation_of_benefits modify column billable_period_start_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__explanation_of_benefits modify column billable_period_end_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__explanation_of_benefits modify column created_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__explanation_of_benefits modify column event_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__explanation_of_benefits modify column last_updated_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__explanation_of_benefits modify column received_at set masking policy aegis_governance.aegis_mask_event_date_date force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main_staging.stg_fhir__explanation_of_benefits', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main_staging.stg_fhir__explanation_of_benefits add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main_staging.stg_fhir__explanation_of_benefits modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main_staging to role aegis_phi_full;
grant select on table main_staging.stg_fhir__explanation_of_benefits to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select on table main_staging.stg_fhir__explanation_of_benefits to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select on table main_staging.stg_fhir__explanation_of_benefits to role aegis_deidentified;
revoke select on table main_staging.stg_fhir__explanation_of_benefits from role aegis_aggregate;

-- model.aegis.stg_fhir__immunizations -> main_staging.stg_fhir__immunizations (table)
alter table main_staging.stg_fhir__immunizations modify column immunization_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__immunizations modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__immunizations modify column encounter_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__immunizations modify column occurred_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__immunizations modify column event_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__immunizations modify column last_updated_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__immunizations modify column received_at set masking policy aegis_governance.aegis_mask_event_date_date force;
grant usage on schema main_staging to role aegis_phi_full;
grant select on table main_staging.stg_fhir__immunizations to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select on table main_staging.stg_fhir__immunizations to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select on table main_staging.stg_fhir__immunizations to role aegis_deidentified;
revoke select on table main_staging.stg_fhir__immunizations from role aegis_aggregate;

-- model.aegis.stg_fhir__medication_requests -> main_staging.stg_fhir__medication_requests (table)
alter table main_staging.stg_fhir__medication_requests modify column medication_request_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__medication_requests modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__medication_requests modify column encounter_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__medication_requests modify column authored_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__medication_requests modify column event_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__medication_requests modify column last_updated_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__medication_requests modify column received_at set masking policy aegis_governance.aegis_mask_event_date_date force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main_staging.stg_fhir__medication_requests', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main_staging.stg_fhir__medication_requests add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main_staging.stg_fhir__medication_requests modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main_staging to role aegis_phi_full;
grant select on table main_staging.stg_fhir__medication_requests to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select on table main_staging.stg_fhir__medication_requests to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select on table main_staging.stg_fhir__medication_requests to role aegis_deidentified;
revoke select on table main_staging.stg_fhir__medication_requests from role aegis_aggregate;

-- model.aegis.stg_fhir__observations -> main_staging.stg_fhir__observations (table)
alter table main_staging.stg_fhir__observations modify column observation_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__observations modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__observations modify column encounter_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__observations modify column effective_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__observations modify column event_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__observations modify column last_updated_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__observations modify column received_at set masking policy aegis_governance.aegis_mask_event_date_date force;
grant usage on schema main_staging to role aegis_phi_full;
grant select on table main_staging.stg_fhir__observations to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select on table main_staging.stg_fhir__observations to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select on table main_staging.stg_fhir__observations to role aegis_deidentified;
revoke select on table main_staging.stg_fhir__observations from role aegis_aggregate;

-- model.aegis.stg_fhir__patients -> main_staging.stg_fhir__patients (table)
alter table main_staging.stg_fhir__patients modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__patients modify column mrn set masking policy aegis_governance.aegis_mask_mrn_varchar force;
alter table main_staging.stg_fhir__patients modify column ssn set masking policy aegis_governance.aegis_mask_ssn_varchar force;
alter table main_staging.stg_fhir__patients modify column family_name set masking policy aegis_governance.aegis_mask_name_varchar force;
alter table main_staging.stg_fhir__patients modify column given_name set masking policy aegis_governance.aegis_mask_name_varchar force;
alter table main_staging.stg_fhir__patients modify column street_address set masking policy aegis_governance.aegis_mask_street_address_varchar force;
alter table main_staging.stg_fhir__patients modify column city set masking policy aegis_governance.aegis_mask_city_varchar force;
alter table main_staging.stg_fhir__patients modify column county set masking policy aegis_governance.aegis_mask_county_varchar force;
alter table main_staging.stg_fhir__patients modify column zip_code set masking policy aegis_governance.aegis_mask_zip_varchar force;
alter table main_staging.stg_fhir__patients modify column phone set masking policy aegis_governance.aegis_mask_phone_varchar force;
alter table main_staging.stg_fhir__patients modify column email set masking policy aegis_governance.aegis_mask_email_varchar force;
alter table main_staging.stg_fhir__patients modify column birth_date set masking policy aegis_governance.aegis_mask_birth_date_date force;
alter table main_staging.stg_fhir__patients modify column deceased_at set masking policy aegis_governance.aegis_mask_death_date_date force;
alter table main_staging.stg_fhir__patients modify column event_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__patients modify column last_updated_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__patients modify column received_at set masking policy aegis_governance.aegis_mask_event_date_date force;
grant usage on schema main_staging to role aegis_phi_full;
grant select on table main_staging.stg_fhir__patients to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select on table main_staging.stg_fhir__patients to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select on table main_staging.stg_fhir__patients to role aegis_deidentified;
revoke select on table main_staging.stg_fhir__patients from role aegis_aggregate;

-- model.aegis.stg_fhir__procedures -> main_staging.stg_fhir__procedures (table)
alter table main_staging.stg_fhir__procedures modify column procedure_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__procedures modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__procedures modify column encounter_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__procedures modify column performed_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__procedures modify column event_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_staging.stg_fhir__procedures modify column last_updated_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_staging.stg_fhir__procedures modify column received_at set masking policy aegis_governance.aegis_mask_event_date_date force;
-- skipped when this returns a row: select 1 from table(information_schema.policy_references(ref_entity_name => 'main_staging.stg_fhir__procedures', ref_entity_domain => 'table')) where policy_kind = 'ROW_ACCESS_POLICY'
alter table main_staging.stg_fhir__procedures add row access policy aegis_governance.aegis_rows_part2_substance_use on (is_part2_sensitive);
alter table main_staging.stg_fhir__procedures modify column is_part2_sensitive set projection policy aegis_governance.aegis_project_part2_substance_use force;
grant usage on schema main_staging to role aegis_phi_full;
grant select on table main_staging.stg_fhir__procedures to role aegis_phi_full;
grant usage on schema main_staging to role aegis_phi_limited;
grant select on table main_staging.stg_fhir__procedures to role aegis_phi_limited;
grant usage on schema main_staging to role aegis_deidentified;
grant select on table main_staging.stg_fhir__procedures to role aegis_deidentified;
revoke select on table main_staging.stg_fhir__procedures from role aegis_aggregate;

-- snapshot.aegis.snp_fhir__coverages -> main_snapshots.snp_fhir__coverages (table)
alter table main_snapshots.snp_fhir__coverages modify column coverage_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_snapshots.snp_fhir__coverages modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_snapshots.snp_fhir__coverages modify column subscriber_id set masking policy aegis_governance.aegis_mask_health_plan_id_varchar force;
alter table main_snapshots.snp_fhir__coverages modify column coverage_start_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_snapshots.snp_fhir__coverages modify column coverage_end_date set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_snapshots.snp_fhir__coverages modify column last_updated_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_snapshots.snp_fhir__coverages modify column dbt_scd_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_snapshots.snp_fhir__coverages modify column dbt_updated_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_snapshots.snp_fhir__coverages modify column dbt_valid_from set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_snapshots.snp_fhir__coverages modify column dbt_valid_to set masking policy aegis_governance.aegis_mask_event_date_date force;
grant usage on schema main_snapshots to role aegis_phi_full;
grant select on table main_snapshots.snp_fhir__coverages to role aegis_phi_full;
grant usage on schema main_snapshots to role aegis_phi_limited;
grant select on table main_snapshots.snp_fhir__coverages to role aegis_phi_limited;
grant usage on schema main_snapshots to role aegis_deidentified;
grant select on table main_snapshots.snp_fhir__coverages to role aegis_deidentified;
revoke select on table main_snapshots.snp_fhir__coverages from role aegis_aggregate;

-- snapshot.aegis.snp_fhir__patients -> main_snapshots.snp_fhir__patients (table)
alter table main_snapshots.snp_fhir__patients modify column patient_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_snapshots.snp_fhir__patients modify column mrn set masking policy aegis_governance.aegis_mask_mrn_varchar force;
alter table main_snapshots.snp_fhir__patients modify column ssn set masking policy aegis_governance.aegis_mask_ssn_varchar force;
alter table main_snapshots.snp_fhir__patients modify column family_name set masking policy aegis_governance.aegis_mask_name_varchar force;
alter table main_snapshots.snp_fhir__patients modify column given_name set masking policy aegis_governance.aegis_mask_name_varchar force;
alter table main_snapshots.snp_fhir__patients modify column street_address set masking policy aegis_governance.aegis_mask_street_address_varchar force;
alter table main_snapshots.snp_fhir__patients modify column city set masking policy aegis_governance.aegis_mask_city_varchar force;
alter table main_snapshots.snp_fhir__patients modify column county set masking policy aegis_governance.aegis_mask_county_varchar force;
alter table main_snapshots.snp_fhir__patients modify column zip_code set masking policy aegis_governance.aegis_mask_zip_varchar force;
alter table main_snapshots.snp_fhir__patients modify column phone set masking policy aegis_governance.aegis_mask_phone_varchar force;
alter table main_snapshots.snp_fhir__patients modify column email set masking policy aegis_governance.aegis_mask_email_varchar force;
alter table main_snapshots.snp_fhir__patients modify column birth_date set masking policy aegis_governance.aegis_mask_birth_date_date force;
alter table main_snapshots.snp_fhir__patients modify column deceased_at set masking policy aegis_governance.aegis_mask_death_date_date force;
alter table main_snapshots.snp_fhir__patients modify column last_updated_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_snapshots.snp_fhir__patients modify column dbt_scd_id set masking policy aegis_governance.aegis_mask_other_id_varchar force;
alter table main_snapshots.snp_fhir__patients modify column dbt_updated_at set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_snapshots.snp_fhir__patients modify column dbt_valid_from set masking policy aegis_governance.aegis_mask_event_date_date force;
alter table main_snapshots.snp_fhir__patients modify column dbt_valid_to set masking policy aegis_governance.aegis_mask_event_date_date force;
grant usage on schema main_snapshots to role aegis_phi_full;
grant select on table main_snapshots.snp_fhir__patients to role aegis_phi_full;
grant usage on schema main_snapshots to role aegis_phi_limited;
grant select on table main_snapshots.snp_fhir__patients to role aegis_phi_limited;
grant usage on schema main_snapshots to role aegis_deidentified;
grant select on table main_snapshots.snp_fhir__patients to role aegis_deidentified;
revoke select on table main_snapshots.snp_fhir__patients from role aegis_aggregate;
