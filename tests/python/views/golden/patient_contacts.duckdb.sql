select
    v0_."patient_id",
    v0_."organization_id",
    v0_."given_names",
    v0_."all_families",
    v0_."address_index",
    v0_."postal_code",
    v0_."phone"
from (
    select cast(resource as json) as value, 0 as row_index
    from fhir_resources
    where resource_type = 'Patient'
) as r
cross join lateral (
    select
        s1_."patient_id",
        s1_."organization_id",
        s1_."given_names",
        s1_."all_families",
        s11_."address_index",
        s11_."postal_code",
        s13_."phone"
    from (
        select r.value as value, r.row_index as row_index
    ) as f0
    cross join lateral (
        select
            json_extract_string(case when json_type(json_extract(r.value, '$."id"')) = 'ARRAY' then (case when len(list_filter(json_extract(json_extract(r.value, '$."id"'), '$[*]'), lambda element_: json_type(element_) <> 'NULL')) > 1 then cast(error('view ''patient_contacts'': column ''patient_id'': more than one value where one is expected (use first(), or collection: true on a column)') as json) else list_filter(json_extract(json_extract(r.value, '$."id"'), '$[*]'), lambda element_: json_type(element_) <> 'NULL')[1] end)
            when json_type(json_extract(r.value, '$."id"')) = 'NULL' then null else json_extract(r.value, '$."id"') end, '$') as "patient_id",
            (
                select case when regexp_full_match(b2.value, '^(https?://[^?#]*/)?Organization/[A-Za-z0-9.-]{1,64}(/_history/[A-Za-z0-9.-]{1,64})?$') then regexp_extract(b2.value, '([A-Za-z0-9.-]{1,64})(/_history/[A-Za-z0-9.-]{1,64})?$', 1) end
                from (select json_extract_string((
                select any_value(x2_.value)
                from (
                    select e4_.value as value, row_number() over (order by s3_.ord, e4_.ord) as ord
                    from (
                        select each_.value as value, cast(each_.key as integer) + 1 as ord
                        from json_each(case when json_type(json_extract(f1.value, '$."managingOrganization"')) = 'ARRAY' then json_extract(f1.value, '$."managingOrganization"') else json_array(json_extract(f1.value, '$."managingOrganization"')) end) as each_
                        where each_.type <> 'NULL'
                    ) as s3_
                    cross join lateral (
                        select each_.value as value, cast(each_.key as integer) + 1 as ord
                        from json_each(case when json_type(json_extract(s3_.value, '$."reference"')) = 'ARRAY' then json_extract(s3_.value, '$."reference"') else json_array(json_extract(s3_.value, '$."reference"')) end) as each_
                        where each_.type <> 'NULL'
                    ) as e4_
                ) as x2_
                having case when count(*) > 1 then cast(error('view ''patient_contacts'': column ''organization_id'': more than one value where one is expected (use first(), or collection: true on a column)') as boolean) else true end
            ), '$') as value) as b2
            ) as "organization_id",
            (
                select coalesce(string_agg(json_extract_string(x5_.value, '$'), ' ' order by x5_.ord), '')
                from (
                    select e7_.value as value, row_number() over (order by s6_.ord, e7_.ord) as ord
                    from (
                        select w3.value as value, w3.ord as ord
                        from (
                            select each_.value as value, cast(each_.key as integer) + 1 as ord
                            from json_each(case when json_type(json_extract(f1.value, '$."name"')) = 'ARRAY' then json_extract(f1.value, '$."name"') else json_array(json_extract(f1.value, '$."name"')) end) as each_
                            where each_.type <> 'NULL'
                        ) as w3
                        where (json_extract_string(case when json_type(json_extract(w3.value, '$."use"')) = 'ARRAY' then (case when len(list_filter(json_extract(json_extract(w3.value, '$."use"'), '$[*]'), lambda element_: json_type(element_) <> 'NULL')) > 1 then cast(error('view ''patient_contacts'': column ''given_names'': more than one value where one is expected (use first(), or collection: true on a column)') as json) else list_filter(json_extract(json_extract(w3.value, '$."use"'), '$[*]'), lambda element_: json_type(element_) <> 'NULL')[1] end)
                        when json_type(json_extract(w3.value, '$."use"')) = 'NULL' then null else json_extract(w3.value, '$."use"') end, '$') = 'official')
                    ) as s6_
                    cross join lateral (
                        select each_.value as value, cast(each_.key as integer) + 1 as ord
                        from json_each(case when json_type(json_extract(s6_.value, '$."given"')) = 'ARRAY' then json_extract(s6_.value, '$."given"') else json_array(json_extract(s6_.value, '$."given"')) end) as each_
                        where each_.type <> 'NULL'
                    ) as e7_
                ) as x5_
            ) as "given_names",
            (
                select coalesce(to_json(list(x8_.value order by x8_.ord)), cast('[]' as json))
                from (
                    select e10_.value as value, row_number() over (order by s9_.ord, e10_.ord) as ord
                    from (
                        select each_.value as value, cast(each_.key as integer) + 1 as ord
                        from json_each(case when json_type(json_extract(f1.value, '$."name"')) = 'ARRAY' then json_extract(f1.value, '$."name"') else json_array(json_extract(f1.value, '$."name"')) end) as each_
                        where each_.type <> 'NULL'
                    ) as s9_
                    cross join lateral (
                        select each_.value as value, cast(each_.key as integer) + 1 as ord
                        from json_each(case when json_type(json_extract(s9_.value, '$."family"')) = 'ARRAY' then json_extract(s9_.value, '$."family"') else json_array(json_extract(s9_.value, '$."family"')) end) as each_
                        where each_.type <> 'NULL'
                    ) as e10_
                ) as x8_
            ) as "all_families"
        from (
            select f0.value as value, f0.row_index as row_index
        ) as f1
    ) as s1_
    cross join lateral (
        select
            f4.row_index as "address_index",
            json_extract_string(case when json_type(json_extract(f4.value, '$."postalCode"')) = 'ARRAY' then (case when len(list_filter(json_extract(json_extract(f4.value, '$."postalCode"'), '$[*]'), lambda element_: json_type(element_) <> 'NULL')) > 1 then cast(error('view ''patient_contacts'': column ''postal_code'': more than one value where one is expected (use first(), or collection: true on a column)') as json) else list_filter(json_extract(json_extract(f4.value, '$."postalCode"'), '$[*]'), lambda element_: json_type(element_) <> 'NULL')[1] end)
            when json_type(json_extract(f4.value, '$."postalCode"')) = 'NULL' then null else json_extract(f4.value, '$."postalCode"') end, '$') as "postal_code"
        from (
            select i12_.value as value, row_number() over (order by i12_.ord) - 1 as row_index
            from (
                select each_.value as value, cast(each_.key as integer) + 1 as ord
                from json_each(case when json_type(json_extract(f0.value, '$."address"')) = 'ARRAY' then json_extract(f0.value, '$."address"') else json_array(json_extract(f0.value, '$."address"')) end) as each_
                where each_.type <> 'NULL'
            ) as i12_
        ) as f4
        union all
        select 0 as "address_index", cast(null as varchar) as "postal_code"
        where not exists (
            select each_.value as value, cast(each_.key as integer) + 1 as ord
            from json_each(case when json_type(json_extract(f0.value, '$."address"')) = 'ARRAY' then json_extract(f0.value, '$."address"') else json_array(json_extract(f0.value, '$."address"')) end) as each_
            where each_.type <> 'NULL'
        )
    ) as s11_
    cross join lateral (
        select
            s14_."phone"
        from (
            select f0.value as value, f0.row_index as row_index
        ) as f5
        cross join lateral (
            (
                select
                    json_extract_string(case when json_type(json_extract(f6.value, '$."value"')) = 'ARRAY' then (case when len(list_filter(json_extract(json_extract(f6.value, '$."value"'), '$[*]'), lambda element_: json_type(element_) <> 'NULL')) > 1 then cast(error('view ''patient_contacts'': column ''phone'': more than one value where one is expected (use first(), or collection: true on a column)') as json) else list_filter(json_extract(json_extract(f6.value, '$."value"'), '$[*]'), lambda element_: json_type(element_) <> 'NULL')[1] end)
                    when json_type(json_extract(f6.value, '$."value"')) = 'NULL' then null else json_extract(f6.value, '$."value"') end, '$') as "phone"
                from (
                    select i15_.value as value, row_number() over (order by i15_.ord) - 1 as row_index
                    from (
                        select w7.value as value, w7.ord as ord
                        from (
                            select each_.value as value, cast(each_.key as integer) + 1 as ord
                            from json_each(case when json_type(json_extract(f5.value, '$."telecom"')) = 'ARRAY' then json_extract(f5.value, '$."telecom"') else json_array(json_extract(f5.value, '$."telecom"')) end) as each_
                            where each_.type <> 'NULL'
                        ) as w7
                        where (json_extract_string(case when json_type(json_extract(w7.value, '$."system"')) = 'ARRAY' then (case when len(list_filter(json_extract(json_extract(w7.value, '$."system"'), '$[*]'), lambda element_: json_type(element_) <> 'NULL')) > 1 then cast(error('view ''patient_contacts'': forEach of the view > select[2] > unionAll[0]: more than one value where one is expected (use first(), or collection: true on a column)') as json) else list_filter(json_extract(json_extract(w7.value, '$."system"'), '$[*]'), lambda element_: json_type(element_) <> 'NULL')[1] end)
                        when json_type(json_extract(w7.value, '$."system"')) = 'NULL' then null else json_extract(w7.value, '$."system"') end, '$') = 'phone')
                    ) as i15_
                ) as f6
            )
            union all
            (
                select
                    json_extract_string(case when json_type(json_extract(f8.value, '$."value"')) = 'ARRAY' then (case when len(list_filter(json_extract(json_extract(f8.value, '$."value"'), '$[*]'), lambda element_: json_type(element_) <> 'NULL')) > 1 then cast(error('view ''patient_contacts'': column ''phone'': more than one value where one is expected (use first(), or collection: true on a column)') as json) else list_filter(json_extract(json_extract(f8.value, '$."value"'), '$[*]'), lambda element_: json_type(element_) <> 'NULL')[1] end)
                    when json_type(json_extract(f8.value, '$."value"')) = 'NULL' then null else json_extract(f8.value, '$."value"') end, '$') as "phone"
                from (
                    select i16_.value as value, row_number() over (order by i16_.ord) - 1 as row_index
                    from (
                        select w9.value as value, w9.ord as ord
                        from (
                            select e18_.value as value, row_number() over (order by s17_.ord, e18_.ord) as ord
                            from (
                                select each_.value as value, cast(each_.key as integer) + 1 as ord
                                from json_each(case when json_type(json_extract(f5.value, '$."contact"')) = 'ARRAY' then json_extract(f5.value, '$."contact"') else json_array(json_extract(f5.value, '$."contact"')) end) as each_
                                where each_.type <> 'NULL'
                            ) as s17_
                            cross join lateral (
                                select each_.value as value, cast(each_.key as integer) + 1 as ord
                                from json_each(case when json_type(json_extract(s17_.value, '$."telecom"')) = 'ARRAY' then json_extract(s17_.value, '$."telecom"') else json_array(json_extract(s17_.value, '$."telecom"')) end) as each_
                                where each_.type <> 'NULL'
                            ) as e18_
                        ) as w9
                        where (json_extract_string(case when json_type(json_extract(w9.value, '$."system"')) = 'ARRAY' then (case when len(list_filter(json_extract(json_extract(w9.value, '$."system"'), '$[*]'), lambda element_: json_type(element_) <> 'NULL')) > 1 then cast(error('view ''patient_contacts'': forEach of the view > select[2] > unionAll[1]: more than one value where one is expected (use first(), or collection: true on a column)') as json) else list_filter(json_extract(json_extract(w9.value, '$."system"'), '$[*]'), lambda element_: json_type(element_) <> 'NULL')[1] end)
                        when json_type(json_extract(w9.value, '$."system"')) = 'NULL' then null else json_extract(w9.value, '$."system"') end, '$') = 'phone')
                    ) as i16_
                ) as f8
            )
        ) as s14_
    ) as s13_
) as v0_
where (exists (
    select each_.value as value, cast(each_.key as integer) + 1 as ord
    from json_each(case when json_type(json_extract(r.value, '$."active"')) = 'ARRAY' then json_extract(r.value, '$."active"') else json_array(json_extract(r.value, '$."active"')) end) as each_
    where each_.type <> 'NULL'
) and (cast(json_extract_string(case when json_type(json_extract(r.value, '$."active"')) = 'ARRAY' then (case when len(list_filter(json_extract(json_extract(r.value, '$."active"'), '$[*]'), lambda element_: json_type(element_) <> 'NULL')) > 1 then cast(error('view ''patient_contacts'': where[0]: more than one value where one is expected (use first(), or collection: true on a column)') as json) else list_filter(json_extract(json_extract(r.value, '$."active"'), '$[*]'), lambda element_: json_type(element_) <> 'NULL')[1] end)
when json_type(json_extract(r.value, '$."active"')) = 'NULL' then null else json_extract(r.value, '$."active"') end, '$') as boolean) = true))
