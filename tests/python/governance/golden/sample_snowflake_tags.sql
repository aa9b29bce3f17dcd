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
create tag if not exists aegis_governance.aegis_phi_category allowed_values 'name', 'street_address', 'city', 'county', 'geo_point', 'zip', 'birth_date', 'death_date', 'event_date', 'age', 'phone', 'fax', 'email', 'ssn', 'mrn', 'health_plan_id', 'account_number', 'license_number', 'vehicle_id', 'device_id', 'url', 'ip_address', 'biometric', 'photo', 'other_id', 'keyed_pseudonym', 'quasi' comment = 'Aegis PHI category (docs/classification.md)';
create masking policy if not exists aegis_governance.aegis_tag_mask_varchar as (val varchar) returns varchar ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then case when val is not null then '[REDACTED]' end
        when 'street_address' then case when val is not null then '[REDACTED]' end
        when 'geo_point' then cast(null as varchar)
        when 'phone' then case when val is not null then '[REDACTED]' end
        when 'fax' then case when val is not null then '[REDACTED]' end
        when 'email' then case when val is not null then '[REDACTED]' end
        when 'ssn' then cast(null as varchar)
        when 'mrn' then left(aegis_governance.aegis_hmac_sha256((select key from aegis_governance.aegis_pseudonym_key), val), 32)
        when 'health_plan_id' then left(aegis_governance.aegis_hmac_sha256((select key from aegis_governance.aegis_pseudonym_key), val), 32)
        when 'account_number' then case when val is not null then '[REDACTED]' end
        when 'license_number' then case when val is not null then '[REDACTED]' end
        when 'vehicle_id' then case when val is not null then '[REDACTED]' end
        when 'device_id' then case when val is not null then '[REDACTED]' end
        when 'url' then case when val is not null then '[REDACTED]' end
        when 'ip_address' then case when val is not null then '[REDACTED]' end
        when 'biometric' then cast(null as varchar)
        when 'photo' then cast(null as varchar)
        when 'other_id' then left(aegis_governance.aegis_hmac_sha256((select key from aegis_governance.aegis_pseudonym_key), val), 32)
        when 'keyed_pseudonym' then cast(null as varchar)
        else val
    end
    when is_role_in_session('AEGIS_DEIDENTIFIED') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as varchar)
        when 'street_address' then cast(null as varchar)
        when 'city' then cast(null as varchar)
        when 'county' then cast(null as varchar)
        when 'geo_point' then cast(null as varchar)
        when 'zip' then case when left(val, 3) in ('036', '059', '063', '102', '203', '556', '692', '790', '821', '823', '830', '831', '878', '879', '884', '890', '893') then '000' else left(val, 3) end
        when 'birth_date' then case when cast(left(val, 4) as integer) > extract(year from dateadd(year, -90, current_date())) then left(val, 4) end
        when 'death_date' then case when cast(left(val, 4) as integer) > extract(year from dateadd(year, -90, current_date())) then left(val, 4) end
        when 'event_date' then case when cast(left(val, 4) as integer) > extract(year from dateadd(year, -90, current_date())) then left(val, 4) end
        when 'age' then cast(null as varchar)
        when 'phone' then cast(null as varchar)
        when 'fax' then cast(null as varchar)
        when 'email' then cast(null as varchar)
        when 'ssn' then cast(null as varchar)
        when 'mrn' then cast(null as varchar)
        when 'health_plan_id' then cast(null as varchar)
        when 'account_number' then cast(null as varchar)
        when 'license_number' then cast(null as varchar)
        when 'vehicle_id' then cast(null as varchar)
        when 'device_id' then cast(null as varchar)
        when 'url' then cast(null as varchar)
        when 'ip_address' then cast(null as varchar)
        when 'biometric' then cast(null as varchar)
        when 'photo' then cast(null as varchar)
        when 'other_id' then cast(null as varchar)
        when 'keyed_pseudonym' then cast(null as varchar)
        else val
    end
    when is_role_in_session('AEGIS_AGGREGATE') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as varchar)
        when 'street_address' then cast(null as varchar)
        when 'city' then cast(null as varchar)
        when 'county' then cast(null as varchar)
        when 'geo_point' then cast(null as varchar)
        when 'zip' then cast(null as varchar)
        when 'birth_date' then cast(null as varchar)
        when 'death_date' then cast(null as varchar)
        when 'event_date' then cast(null as varchar)
        when 'age' then cast(null as varchar)
        when 'phone' then cast(null as varchar)
        when 'fax' then cast(null as varchar)
        when 'email' then cast(null as varchar)
        when 'ssn' then cast(null as varchar)
        when 'mrn' then cast(null as varchar)
        when 'health_plan_id' then cast(null as varchar)
        when 'account_number' then cast(null as varchar)
        when 'license_number' then cast(null as varchar)
        when 'vehicle_id' then cast(null as varchar)
        when 'device_id' then cast(null as varchar)
        when 'url' then cast(null as varchar)
        when 'ip_address' then cast(null as varchar)
        when 'biometric' then cast(null as varchar)
        when 'photo' then cast(null as varchar)
        when 'other_id' then cast(null as varchar)
        when 'keyed_pseudonym' then cast(null as varchar)
        else val
    end
    else cast(null as varchar)
end;
-- skipped when `describe masking policy aegis_governance.aegis_tag_mask_varchar` shows this body already
alter masking policy aegis_governance.aegis_tag_mask_varchar set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then case when val is not null then '[REDACTED]' end
        when 'street_address' then case when val is not null then '[REDACTED]' end
        when 'geo_point' then cast(null as varchar)
        when 'phone' then case when val is not null then '[REDACTED]' end
        when 'fax' then case when val is not null then '[REDACTED]' end
        when 'email' then case when val is not null then '[REDACTED]' end
        when 'ssn' then cast(null as varchar)
        when 'mrn' then left(aegis_governance.aegis_hmac_sha256((select key from aegis_governance.aegis_pseudonym_key), val), 32)
        when 'health_plan_id' then left(aegis_governance.aegis_hmac_sha256((select key from aegis_governance.aegis_pseudonym_key), val), 32)
        when 'account_number' then case when val is not null then '[REDACTED]' end
        when 'license_number' then case when val is not null then '[REDACTED]' end
        when 'vehicle_id' then case when val is not null then '[REDACTED]' end
        when 'device_id' then case when val is not null then '[REDACTED]' end
        when 'url' then case when val is not null then '[REDACTED]' end
        when 'ip_address' then case when val is not null then '[REDACTED]' end
        when 'biometric' then cast(null as varchar)
        when 'photo' then cast(null as varchar)
        when 'other_id' then left(aegis_governance.aegis_hmac_sha256((select key from aegis_governance.aegis_pseudonym_key), val), 32)
        when 'keyed_pseudonym' then cast(null as varchar)
        else val
    end
    when is_role_in_session('AEGIS_DEIDENTIFIED') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as varchar)
        when 'street_address' then cast(null as varchar)
        when 'city' then cast(null as varchar)
        when 'county' then cast(null as varchar)
        when 'geo_point' then cast(null as varchar)
        when 'zip' then case when left(val, 3) in ('036', '059', '063', '102', '203', '556', '692', '790', '821', '823', '830', '831', '878', '879', '884', '890', '893') then '000' else left(val, 3) end
        when 'birth_date' then case when cast(left(val, 4) as integer) > extract(year from dateadd(year, -90, current_date())) then left(val, 4) end
        when 'death_date' then case when cast(left(val, 4) as integer) > extract(year from dateadd(year, -90, current_date())) then left(val, 4) end
        when 'event_date' then case when cast(left(val, 4) as integer) > extract(year from dateadd(year, -90, current_date())) then left(val, 4) end
        when 'age' then cast(null as varchar)
        when 'phone' then cast(null as varchar)
        when 'fax' then cast(null as varchar)
        when 'email' then cast(null as varchar)
        when 'ssn' then cast(null as varchar)
        when 'mrn' then cast(null as varchar)
        when 'health_plan_id' then cast(null as varchar)
        when 'account_number' then cast(null as varchar)
        when 'license_number' then cast(null as varchar)
        when 'vehicle_id' then cast(null as varchar)
        when 'device_id' then cast(null as varchar)
        when 'url' then cast(null as varchar)
        when 'ip_address' then cast(null as varchar)
        when 'biometric' then cast(null as varchar)
        when 'photo' then cast(null as varchar)
        when 'other_id' then cast(null as varchar)
        when 'keyed_pseudonym' then cast(null as varchar)
        else val
    end
    when is_role_in_session('AEGIS_AGGREGATE') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as varchar)
        when 'street_address' then cast(null as varchar)
        when 'city' then cast(null as varchar)
        when 'county' then cast(null as varchar)
        when 'geo_point' then cast(null as varchar)
        when 'zip' then cast(null as varchar)
        when 'birth_date' then cast(null as varchar)
        when 'death_date' then cast(null as varchar)
        when 'event_date' then cast(null as varchar)
        when 'age' then cast(null as varchar)
        when 'phone' then cast(null as varchar)
        when 'fax' then cast(null as varchar)
        when 'email' then cast(null as varchar)
        when 'ssn' then cast(null as varchar)
        when 'mrn' then cast(null as varchar)
        when 'health_plan_id' then cast(null as varchar)
        when 'account_number' then cast(null as varchar)
        when 'license_number' then cast(null as varchar)
        when 'vehicle_id' then cast(null as varchar)
        when 'device_id' then cast(null as varchar)
        when 'url' then cast(null as varchar)
        when 'ip_address' then cast(null as varchar)
        when 'biometric' then cast(null as varchar)
        when 'photo' then cast(null as varchar)
        when 'other_id' then cast(null as varchar)
        when 'keyed_pseudonym' then cast(null as varchar)
        else val
    end
    else cast(null as varchar)
end;
alter tag aegis_governance.aegis_phi_category set masking policy aegis_governance.aegis_tag_mask_varchar force;
create masking policy if not exists aegis_governance.aegis_tag_mask_timestamp_ntz as (val timestamp_ntz) returns timestamp_ntz ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as timestamp_ntz)
        when 'street_address' then cast(null as timestamp_ntz)
        when 'geo_point' then cast(null as timestamp_ntz)
        when 'phone' then cast(null as timestamp_ntz)
        when 'fax' then cast(null as timestamp_ntz)
        when 'email' then cast(null as timestamp_ntz)
        when 'ssn' then cast(null as timestamp_ntz)
        when 'mrn' then cast(null as timestamp_ntz)
        when 'health_plan_id' then cast(null as timestamp_ntz)
        when 'account_number' then cast(null as timestamp_ntz)
        when 'license_number' then cast(null as timestamp_ntz)
        when 'vehicle_id' then cast(null as timestamp_ntz)
        when 'device_id' then cast(null as timestamp_ntz)
        when 'url' then cast(null as timestamp_ntz)
        when 'ip_address' then cast(null as timestamp_ntz)
        when 'biometric' then cast(null as timestamp_ntz)
        when 'photo' then cast(null as timestamp_ntz)
        when 'other_id' then cast(null as timestamp_ntz)
        when 'keyed_pseudonym' then cast(null as timestamp_ntz)
        else val
    end
    when is_role_in_session('AEGIS_DEIDENTIFIED') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as timestamp_ntz)
        when 'street_address' then cast(null as timestamp_ntz)
        when 'city' then cast(null as timestamp_ntz)
        when 'county' then cast(null as timestamp_ntz)
        when 'geo_point' then cast(null as timestamp_ntz)
        when 'zip' then cast(null as timestamp_ntz)
        when 'birth_date' then case when cast(val as date) > dateadd(year, -90, current_date()) then cast(date_trunc('year', val) as timestamp_ntz) end
        when 'death_date' then case when cast(val as date) > dateadd(year, -90, current_date()) then cast(date_trunc('year', val) as timestamp_ntz) end
        when 'event_date' then case when cast(val as date) > dateadd(year, -90, current_date()) then cast(date_trunc('year', val) as timestamp_ntz) end
        when 'age' then cast(null as timestamp_ntz)
        when 'phone' then cast(null as timestamp_ntz)
        when 'fax' then cast(null as timestamp_ntz)
        when 'email' then cast(null as timestamp_ntz)
        when 'ssn' then cast(null as timestamp_ntz)
        when 'mrn' then cast(null as timestamp_ntz)
        when 'health_plan_id' then cast(null as timestamp_ntz)
        when 'account_number' then cast(null as timestamp_ntz)
        when 'license_number' then cast(null as timestamp_ntz)
        when 'vehicle_id' then cast(null as timestamp_ntz)
        when 'device_id' then cast(null as timestamp_ntz)
        when 'url' then cast(null as timestamp_ntz)
        when 'ip_address' then cast(null as timestamp_ntz)
        when 'biometric' then cast(null as timestamp_ntz)
        when 'photo' then cast(null as timestamp_ntz)
        when 'other_id' then cast(null as timestamp_ntz)
        when 'keyed_pseudonym' then cast(null as timestamp_ntz)
        else val
    end
    when is_role_in_session('AEGIS_AGGREGATE') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as timestamp_ntz)
        when 'street_address' then cast(null as timestamp_ntz)
        when 'city' then cast(null as timestamp_ntz)
        when 'county' then cast(null as timestamp_ntz)
        when 'geo_point' then cast(null as timestamp_ntz)
        when 'zip' then cast(null as timestamp_ntz)
        when 'birth_date' then cast(null as timestamp_ntz)
        when 'death_date' then cast(null as timestamp_ntz)
        when 'event_date' then cast(null as timestamp_ntz)
        when 'age' then cast(null as timestamp_ntz)
        when 'phone' then cast(null as timestamp_ntz)
        when 'fax' then cast(null as timestamp_ntz)
        when 'email' then cast(null as timestamp_ntz)
        when 'ssn' then cast(null as timestamp_ntz)
        when 'mrn' then cast(null as timestamp_ntz)
        when 'health_plan_id' then cast(null as timestamp_ntz)
        when 'account_number' then cast(null as timestamp_ntz)
        when 'license_number' then cast(null as timestamp_ntz)
        when 'vehicle_id' then cast(null as timestamp_ntz)
        when 'device_id' then cast(null as timestamp_ntz)
        when 'url' then cast(null as timestamp_ntz)
        when 'ip_address' then cast(null as timestamp_ntz)
        when 'biometric' then cast(null as timestamp_ntz)
        when 'photo' then cast(null as timestamp_ntz)
        when 'other_id' then cast(null as timestamp_ntz)
        when 'keyed_pseudonym' then cast(null as timestamp_ntz)
        else val
    end
    else cast(null as timestamp_ntz)
end;
-- skipped when `describe masking policy aegis_governance.aegis_tag_mask_timestamp_ntz` shows this body already
alter masking policy aegis_governance.aegis_tag_mask_timestamp_ntz set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as timestamp_ntz)
        when 'street_address' then cast(null as timestamp_ntz)
        when 'geo_point' then cast(null as timestamp_ntz)
        when 'phone' then cast(null as timestamp_ntz)
        when 'fax' then cast(null as timestamp_ntz)
        when 'email' then cast(null as timestamp_ntz)
        when 'ssn' then cast(null as timestamp_ntz)
        when 'mrn' then cast(null as timestamp_ntz)
        when 'health_plan_id' then cast(null as timestamp_ntz)
        when 'account_number' then cast(null as timestamp_ntz)
        when 'license_number' then cast(null as timestamp_ntz)
        when 'vehicle_id' then cast(null as timestamp_ntz)
        when 'device_id' then cast(null as timestamp_ntz)
        when 'url' then cast(null as timestamp_ntz)
        when 'ip_address' then cast(null as timestamp_ntz)
        when 'biometric' then cast(null as timestamp_ntz)
        when 'photo' then cast(null as timestamp_ntz)
        when 'other_id' then cast(null as timestamp_ntz)
        when 'keyed_pseudonym' then cast(null as timestamp_ntz)
        else val
    end
    when is_role_in_session('AEGIS_DEIDENTIFIED') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as timestamp_ntz)
        when 'street_address' then cast(null as timestamp_ntz)
        when 'city' then cast(null as timestamp_ntz)
        when 'county' then cast(null as timestamp_ntz)
        when 'geo_point' then cast(null as timestamp_ntz)
        when 'zip' then cast(null as timestamp_ntz)
        when 'birth_date' then case when cast(val as date) > dateadd(year, -90, current_date()) then cast(date_trunc('year', val) as timestamp_ntz) end
        when 'death_date' then case when cast(val as date) > dateadd(year, -90, current_date()) then cast(date_trunc('year', val) as timestamp_ntz) end
        when 'event_date' then case when cast(val as date) > dateadd(year, -90, current_date()) then cast(date_trunc('year', val) as timestamp_ntz) end
        when 'age' then cast(null as timestamp_ntz)
        when 'phone' then cast(null as timestamp_ntz)
        when 'fax' then cast(null as timestamp_ntz)
        when 'email' then cast(null as timestamp_ntz)
        when 'ssn' then cast(null as timestamp_ntz)
        when 'mrn' then cast(null as timestamp_ntz)
        when 'health_plan_id' then cast(null as timestamp_ntz)
        when 'account_number' then cast(null as timestamp_ntz)
        when 'license_number' then cast(null as timestamp_ntz)
        when 'vehicle_id' then cast(null as timestamp_ntz)
        when 'device_id' then cast(null as timestamp_ntz)
        when 'url' then cast(null as timestamp_ntz)
        when 'ip_address' then cast(null as timestamp_ntz)
        when 'biometric' then cast(null as timestamp_ntz)
        when 'photo' then cast(null as timestamp_ntz)
        when 'other_id' then cast(null as timestamp_ntz)
        when 'keyed_pseudonym' then cast(null as timestamp_ntz)
        else val
    end
    when is_role_in_session('AEGIS_AGGREGATE') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as timestamp_ntz)
        when 'street_address' then cast(null as timestamp_ntz)
        when 'city' then cast(null as timestamp_ntz)
        when 'county' then cast(null as timestamp_ntz)
        when 'geo_point' then cast(null as timestamp_ntz)
        when 'zip' then cast(null as timestamp_ntz)
        when 'birth_date' then cast(null as timestamp_ntz)
        when 'death_date' then cast(null as timestamp_ntz)
        when 'event_date' then cast(null as timestamp_ntz)
        when 'age' then cast(null as timestamp_ntz)
        when 'phone' then cast(null as timestamp_ntz)
        when 'fax' then cast(null as timestamp_ntz)
        when 'email' then cast(null as timestamp_ntz)
        when 'ssn' then cast(null as timestamp_ntz)
        when 'mrn' then cast(null as timestamp_ntz)
        when 'health_plan_id' then cast(null as timestamp_ntz)
        when 'account_number' then cast(null as timestamp_ntz)
        when 'license_number' then cast(null as timestamp_ntz)
        when 'vehicle_id' then cast(null as timestamp_ntz)
        when 'device_id' then cast(null as timestamp_ntz)
        when 'url' then cast(null as timestamp_ntz)
        when 'ip_address' then cast(null as timestamp_ntz)
        when 'biometric' then cast(null as timestamp_ntz)
        when 'photo' then cast(null as timestamp_ntz)
        when 'other_id' then cast(null as timestamp_ntz)
        when 'keyed_pseudonym' then cast(null as timestamp_ntz)
        else val
    end
    else cast(null as timestamp_ntz)
end;
alter tag aegis_governance.aegis_phi_category set masking policy aegis_governance.aegis_tag_mask_timestamp_ntz force;
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
create masking policy if not exists aegis_governance.aegis_tag_mask_date as (val date) returns date ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as date)
        when 'street_address' then cast(null as date)
        when 'geo_point' then cast(null as date)
        when 'phone' then cast(null as date)
        when 'fax' then cast(null as date)
        when 'email' then cast(null as date)
        when 'ssn' then cast(null as date)
        when 'mrn' then cast(null as date)
        when 'health_plan_id' then cast(null as date)
        when 'account_number' then cast(null as date)
        when 'license_number' then cast(null as date)
        when 'vehicle_id' then cast(null as date)
        when 'device_id' then cast(null as date)
        when 'url' then cast(null as date)
        when 'ip_address' then cast(null as date)
        when 'biometric' then cast(null as date)
        when 'photo' then cast(null as date)
        when 'other_id' then cast(null as date)
        when 'keyed_pseudonym' then cast(null as date)
        else val
    end
    when is_role_in_session('AEGIS_DEIDENTIFIED') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as date)
        when 'street_address' then cast(null as date)
        when 'city' then cast(null as date)
        when 'county' then cast(null as date)
        when 'geo_point' then cast(null as date)
        when 'zip' then cast(null as date)
        when 'birth_date' then case when cast(val as date) > dateadd(year, -90, current_date()) then cast(date_trunc('year', val) as date) end
        when 'death_date' then case when cast(val as date) > dateadd(year, -90, current_date()) then cast(date_trunc('year', val) as date) end
        when 'event_date' then case when cast(val as date) > dateadd(year, -90, current_date()) then cast(date_trunc('year', val) as date) end
        when 'age' then cast(null as date)
        when 'phone' then cast(null as date)
        when 'fax' then cast(null as date)
        when 'email' then cast(null as date)
        when 'ssn' then cast(null as date)
        when 'mrn' then cast(null as date)
        when 'health_plan_id' then cast(null as date)
        when 'account_number' then cast(null as date)
        when 'license_number' then cast(null as date)
        when 'vehicle_id' then cast(null as date)
        when 'device_id' then cast(null as date)
        when 'url' then cast(null as date)
        when 'ip_address' then cast(null as date)
        when 'biometric' then cast(null as date)
        when 'photo' then cast(null as date)
        when 'other_id' then cast(null as date)
        when 'keyed_pseudonym' then cast(null as date)
        else val
    end
    when is_role_in_session('AEGIS_AGGREGATE') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as date)
        when 'street_address' then cast(null as date)
        when 'city' then cast(null as date)
        when 'county' then cast(null as date)
        when 'geo_point' then cast(null as date)
        when 'zip' then cast(null as date)
        when 'birth_date' then cast(null as date)
        when 'death_date' then cast(null as date)
        when 'event_date' then cast(null as date)
        when 'age' then cast(null as date)
        when 'phone' then cast(null as date)
        when 'fax' then cast(null as date)
        when 'email' then cast(null as date)
        when 'ssn' then cast(null as date)
        when 'mrn' then cast(null as date)
        when 'health_plan_id' then cast(null as date)
        when 'account_number' then cast(null as date)
        when 'license_number' then cast(null as date)
        when 'vehicle_id' then cast(null as date)
        when 'device_id' then cast(null as date)
        when 'url' then cast(null as date)
        when 'ip_address' then cast(null as date)
        when 'biometric' then cast(null as date)
        when 'photo' then cast(null as date)
        when 'other_id' then cast(null as date)
        when 'keyed_pseudonym' then cast(null as date)
        else val
    end
    else cast(null as date)
end;
-- skipped when `describe masking policy aegis_governance.aegis_tag_mask_date` shows this body already
alter masking policy aegis_governance.aegis_tag_mask_date set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as date)
        when 'street_address' then cast(null as date)
        when 'geo_point' then cast(null as date)
        when 'phone' then cast(null as date)
        when 'fax' then cast(null as date)
        when 'email' then cast(null as date)
        when 'ssn' then cast(null as date)
        when 'mrn' then cast(null as date)
        when 'health_plan_id' then cast(null as date)
        when 'account_number' then cast(null as date)
        when 'license_number' then cast(null as date)
        when 'vehicle_id' then cast(null as date)
        when 'device_id' then cast(null as date)
        when 'url' then cast(null as date)
        when 'ip_address' then cast(null as date)
        when 'biometric' then cast(null as date)
        when 'photo' then cast(null as date)
        when 'other_id' then cast(null as date)
        when 'keyed_pseudonym' then cast(null as date)
        else val
    end
    when is_role_in_session('AEGIS_DEIDENTIFIED') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as date)
        when 'street_address' then cast(null as date)
        when 'city' then cast(null as date)
        when 'county' then cast(null as date)
        when 'geo_point' then cast(null as date)
        when 'zip' then cast(null as date)
        when 'birth_date' then case when cast(val as date) > dateadd(year, -90, current_date()) then cast(date_trunc('year', val) as date) end
        when 'death_date' then case when cast(val as date) > dateadd(year, -90, current_date()) then cast(date_trunc('year', val) as date) end
        when 'event_date' then case when cast(val as date) > dateadd(year, -90, current_date()) then cast(date_trunc('year', val) as date) end
        when 'age' then cast(null as date)
        when 'phone' then cast(null as date)
        when 'fax' then cast(null as date)
        when 'email' then cast(null as date)
        when 'ssn' then cast(null as date)
        when 'mrn' then cast(null as date)
        when 'health_plan_id' then cast(null as date)
        when 'account_number' then cast(null as date)
        when 'license_number' then cast(null as date)
        when 'vehicle_id' then cast(null as date)
        when 'device_id' then cast(null as date)
        when 'url' then cast(null as date)
        when 'ip_address' then cast(null as date)
        when 'biometric' then cast(null as date)
        when 'photo' then cast(null as date)
        when 'other_id' then cast(null as date)
        when 'keyed_pseudonym' then cast(null as date)
        else val
    end
    when is_role_in_session('AEGIS_AGGREGATE') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as date)
        when 'street_address' then cast(null as date)
        when 'city' then cast(null as date)
        when 'county' then cast(null as date)
        when 'geo_point' then cast(null as date)
        when 'zip' then cast(null as date)
        when 'birth_date' then cast(null as date)
        when 'death_date' then cast(null as date)
        when 'event_date' then cast(null as date)
        when 'age' then cast(null as date)
        when 'phone' then cast(null as date)
        when 'fax' then cast(null as date)
        when 'email' then cast(null as date)
        when 'ssn' then cast(null as date)
        when 'mrn' then cast(null as date)
        when 'health_plan_id' then cast(null as date)
        when 'account_number' then cast(null as date)
        when 'license_number' then cast(null as date)
        when 'vehicle_id' then cast(null as date)
        when 'device_id' then cast(null as date)
        when 'url' then cast(null as date)
        when 'ip_address' then cast(null as date)
        when 'biometric' then cast(null as date)
        when 'photo' then cast(null as date)
        when 'other_id' then cast(null as date)
        when 'keyed_pseudonym' then cast(null as date)
        else val
    end
    else cast(null as date)
end;
alter tag aegis_governance.aegis_phi_category set masking policy aegis_governance.aegis_tag_mask_date force;
create masking policy if not exists aegis_governance.aegis_tag_mask_number as (val number) returns number ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as number)
        when 'street_address' then cast(null as number)
        when 'geo_point' then cast(null as number)
        when 'phone' then cast(null as number)
        when 'fax' then cast(null as number)
        when 'email' then cast(null as number)
        when 'ssn' then cast(null as number)
        when 'mrn' then cast(null as number)
        when 'health_plan_id' then cast(null as number)
        when 'account_number' then cast(null as number)
        when 'license_number' then cast(null as number)
        when 'vehicle_id' then cast(null as number)
        when 'device_id' then cast(null as number)
        when 'url' then cast(null as number)
        when 'ip_address' then cast(null as number)
        when 'biometric' then cast(null as number)
        when 'photo' then cast(null as number)
        when 'other_id' then cast(null as number)
        when 'keyed_pseudonym' then cast(null as number)
        else val
    end
    when is_role_in_session('AEGIS_DEIDENTIFIED') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as number)
        when 'street_address' then cast(null as number)
        when 'city' then cast(null as number)
        when 'county' then cast(null as number)
        when 'geo_point' then cast(null as number)
        when 'zip' then cast(null as number)
        when 'birth_date' then cast(null as number)
        when 'death_date' then cast(null as number)
        when 'event_date' then cast(null as number)
        when 'age' then case when val > 89 then cast(90 as number) else val end
        when 'phone' then cast(null as number)
        when 'fax' then cast(null as number)
        when 'email' then cast(null as number)
        when 'ssn' then cast(null as number)
        when 'mrn' then cast(null as number)
        when 'health_plan_id' then cast(null as number)
        when 'account_number' then cast(null as number)
        when 'license_number' then cast(null as number)
        when 'vehicle_id' then cast(null as number)
        when 'device_id' then cast(null as number)
        when 'url' then cast(null as number)
        when 'ip_address' then cast(null as number)
        when 'biometric' then cast(null as number)
        when 'photo' then cast(null as number)
        when 'other_id' then cast(null as number)
        when 'keyed_pseudonym' then cast(null as number)
        else val
    end
    when is_role_in_session('AEGIS_AGGREGATE') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as number)
        when 'street_address' then cast(null as number)
        when 'city' then cast(null as number)
        when 'county' then cast(null as number)
        when 'geo_point' then cast(null as number)
        when 'zip' then cast(null as number)
        when 'birth_date' then cast(null as number)
        when 'death_date' then cast(null as number)
        when 'event_date' then cast(null as number)
        when 'age' then cast(null as number)
        when 'phone' then cast(null as number)
        when 'fax' then cast(null as number)
        when 'email' then cast(null as number)
        when 'ssn' then cast(null as number)
        when 'mrn' then cast(null as number)
        when 'health_plan_id' then cast(null as number)
        when 'account_number' then cast(null as number)
        when 'license_number' then cast(null as number)
        when 'vehicle_id' then cast(null as number)
        when 'device_id' then cast(null as number)
        when 'url' then cast(null as number)
        when 'ip_address' then cast(null as number)
        when 'biometric' then cast(null as number)
        when 'photo' then cast(null as number)
        when 'other_id' then cast(null as number)
        when 'keyed_pseudonym' then cast(null as number)
        else val
    end
    else cast(null as number)
end;
-- skipped when `describe masking policy aegis_governance.aegis_tag_mask_number` shows this body already
alter masking policy aegis_governance.aegis_tag_mask_number set body ->
case
    when is_role_in_session('AEGIS_TRANSFORMER') then val
    when is_role_in_session('AEGIS_PHI_FULL') then val
    when is_role_in_session('AEGIS_PHI_LIMITED') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as number)
        when 'street_address' then cast(null as number)
        when 'geo_point' then cast(null as number)
        when 'phone' then cast(null as number)
        when 'fax' then cast(null as number)
        when 'email' then cast(null as number)
        when 'ssn' then cast(null as number)
        when 'mrn' then cast(null as number)
        when 'health_plan_id' then cast(null as number)
        when 'account_number' then cast(null as number)
        when 'license_number' then cast(null as number)
        when 'vehicle_id' then cast(null as number)
        when 'device_id' then cast(null as number)
        when 'url' then cast(null as number)
        when 'ip_address' then cast(null as number)
        when 'biometric' then cast(null as number)
        when 'photo' then cast(null as number)
        when 'other_id' then cast(null as number)
        when 'keyed_pseudonym' then cast(null as number)
        else val
    end
    when is_role_in_session('AEGIS_DEIDENTIFIED') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as number)
        when 'street_address' then cast(null as number)
        when 'city' then cast(null as number)
        when 'county' then cast(null as number)
        when 'geo_point' then cast(null as number)
        when 'zip' then cast(null as number)
        when 'birth_date' then cast(null as number)
        when 'death_date' then cast(null as number)
        when 'event_date' then cast(null as number)
        when 'age' then case when val > 89 then cast(90 as number) else val end
        when 'phone' then cast(null as number)
        when 'fax' then cast(null as number)
        when 'email' then cast(null as number)
        when 'ssn' then cast(null as number)
        when 'mrn' then cast(null as number)
        when 'health_plan_id' then cast(null as number)
        when 'account_number' then cast(null as number)
        when 'license_number' then cast(null as number)
        when 'vehicle_id' then cast(null as number)
        when 'device_id' then cast(null as number)
        when 'url' then cast(null as number)
        when 'ip_address' then cast(null as number)
        when 'biometric' then cast(null as number)
        when 'photo' then cast(null as number)
        when 'other_id' then cast(null as number)
        when 'keyed_pseudonym' then cast(null as number)
        else val
    end
    when is_role_in_session('AEGIS_AGGREGATE') then case system$get_tag_on_current_column('aegis_governance.aegis_phi_category')
        when 'name' then cast(null as number)
        when 'street_address' then cast(null as number)
        when 'city' then cast(null as number)
        when 'county' then cast(null as number)
        when 'geo_point' then cast(null as number)
        when 'zip' then cast(null as number)
        when 'birth_date' then cast(null as number)
        when 'death_date' then cast(null as number)
        when 'event_date' then cast(null as number)
        when 'age' then cast(null as number)
        when 'phone' then cast(null as number)
        when 'fax' then cast(null as number)
        when 'email' then cast(null as number)
        when 'ssn' then cast(null as number)
        when 'mrn' then cast(null as number)
        when 'health_plan_id' then cast(null as number)
        when 'account_number' then cast(null as number)
        when 'license_number' then cast(null as number)
        when 'vehicle_id' then cast(null as number)
        when 'device_id' then cast(null as number)
        when 'url' then cast(null as number)
        when 'ip_address' then cast(null as number)
        when 'biometric' then cast(null as number)
        when 'photo' then cast(null as number)
        when 'other_id' then cast(null as number)
        when 'keyed_pseudonym' then cast(null as number)
        else val
    end
    else cast(null as number)
end;
alter tag aegis_governance.aegis_phi_category set masking policy aegis_governance.aegis_tag_mask_number force;
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
alter table main.fct_demo_encounters modify column mrn set tag aegis_governance.aegis_phi_category = 'mrn';
alter table main.fct_demo_encounters modify column city set tag aegis_governance.aegis_phi_category = 'city';
alter table main.fct_demo_encounters modify column admitted_at set tag aegis_governance.aegis_phi_category = 'event_date';
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
alter view main.stg_demo__patients modify column mrn set tag aegis_governance.aegis_phi_category = 'mrn';
alter view main.stg_demo__patients modify column ssn set tag aegis_governance.aegis_phi_category = 'ssn';
alter view main.stg_demo__patients modify column family_name set tag aegis_governance.aegis_phi_category = 'name';
alter view main.stg_demo__patients modify column birth_date set tag aegis_governance.aegis_phi_category = 'birth_date';
alter view main.stg_demo__patients modify column zip_code set tag aegis_governance.aegis_phi_category = 'zip';
alter view main.stg_demo__patients modify column city set tag aegis_governance.aegis_phi_category = 'city';
alter view main.stg_demo__patients modify column age_years set tag aegis_governance.aegis_phi_category = 'age';
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
