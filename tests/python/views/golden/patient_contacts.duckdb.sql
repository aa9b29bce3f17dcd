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
        s2_."patient_id",
        s2_."organization_id",
        s2_."given_names",
        s2_."all_families",
        s14_."address_index",
        s14_."postal_code",
        s17_."phone"
    from (
        select r.value as value, r.row_index as row_index
    ) as f0
    cross join lateral (
        select
            json_extract_string((
                select any_value(x3_.value)
                from (
                    select each_.value as value, cast(each_.key as integer) + 1 as ord
                    from json_each(case when json_type(json_extract(r.value, '$."id"')) = 'ARRAY' then json_extract(r.value, '$."id"') else json_array(json_extract(r.value, '$."id"')) end) as each_
                    where each_.type <> 'NULL'
                ) as x3_
                having case when count(*) > 1 then cast(error('view ''patient_contacts'': column ''patient_id'': more than one value where one is expected (use first(), or collection: true on a column)') as boolean) else true end
            ), '$') as "patient_id",
            (
                select case when regexp_full_match(b2.value, '^(https?://[^?#]*/)?Organization/[A-Za-z0-9.-]{1,64}(/_history/[A-Za-z0-9.-]{1,64})?$') then regexp_extract(b2.value, '([A-Za-z0-9.-]{1,64})(/_history/[A-Za-z0-9.-]{1,64})?$', 1) end
                from (select json_extract_string((
                select any_value(x4_.value)
                from (
                    select e6_.value as value, row_number() over (order by s5_.ord, e6_.ord) as ord
                    from (
                        select each_.value as value, cast(each_.key as integer) + 1 as ord
                        from json_each(case when json_type(json_extract(f1.value, '$."managingOrganization"')) = 'ARRAY' then json_extract(f1.value, '$."managingOrganization"') else json_array(json_extract(f1.value, '$."managingOrganization"')) end) as each_
                        where each_.type <> 'NULL'
                    ) as s5_
                    cross join lateral (
                        select each_.value as value, cast(each_.key as integer) + 1 as ord
                        from json_each(case when json_type(json_extract(s5_.value, '$."reference"')) = 'ARRAY' then json_extract(s5_.value, '$."reference"') else json_array(json_extract(s5_.value, '$."reference"')) end) as each_
                        where each_.type <> 'NULL'
                    ) as e6_
                ) as x4_
                having case when count(*) > 1 then cast(error('view ''patient_contacts'': column ''organization_id'': more than one value where one is expected (use first(), or collection: true on a column)') as boolean) else true end
            ), '$') as value) as b2
            ) as "organization_id",
            (
                select coalesce(string_agg(json_extract_string(x7_.value, '$'), ' ' order by x7_.ord), '')
                from (
                    select e9_.value as value, row_number() over (order by s8_.ord, e9_.ord) as ord
                    from (
                        select w3.value as value, w3.ord as ord
                        from (
                            select each_.value as value, cast(each_.key as integer) + 1 as ord
                            from json_each(case when json_type(json_extract(f1.value, '$."name"')) = 'ARRAY' then json_extract(f1.value, '$."name"') else json_array(json_extract(f1.value, '$."name"')) end) as each_
                            where each_.type <> 'NULL'
                        ) as w3
                        where (json_extract_string((
                            select any_value(x10_.value)
                            from (
                                select each_.value as value, cast(each_.key as integer) + 1 as ord
                                from json_each(case when json_type(json_extract(w3.value, '$."use"')) = 'ARRAY' then json_extract(w3.value, '$."use"') else json_array(json_extract(w3.value, '$."use"')) end) as each_
                                where each_.type <> 'NULL'
                            ) as x10_
                            having case when count(*) > 1 then cast(error('view ''patient_contacts'': column ''given_names'': more than one value where one is expected (use first(), or collection: true on a column)') as boolean) else true end
                        ), '$') = 'official')
                    ) as s8_
                    cross join lateral (
                        select each_.value as value, cast(each_.key as integer) + 1 as ord
                        from json_each(case when json_type(json_extract(s8_.value, '$."given"')) = 'ARRAY' then json_extract(s8_.value, '$."given"') else json_array(json_extract(s8_.value, '$."given"')) end) as each_
                        where each_.type <> 'NULL'
                    ) as e9_
                ) as x7_
            ) as "given_names",
            (
                select coalesce(to_json(list(x11_.value order by x11_.ord)), cast('[]' as json))
                from (
                    select e13_.value as value, row_number() over (order by s12_.ord, e13_.ord) as ord
                    from (
                        select each_.value as value, cast(each_.key as integer) + 1 as ord
                        from json_each(case when json_type(json_extract(f1.value, '$."name"')) = 'ARRAY' then json_extract(f1.value, '$."name"') else json_array(json_extract(f1.value, '$."name"')) end) as each_
                        where each_.type <> 'NULL'
                    ) as s12_
                    cross join lateral (
                        select each_.value as value, cast(each_.key as integer) + 1 as ord
                        from json_each(case when json_type(json_extract(s12_.value, '$."family"')) = 'ARRAY' then json_extract(s12_.value, '$."family"') else json_array(json_extract(s12_.value, '$."family"')) end) as each_
                        where each_.type <> 'NULL'
                    ) as e13_
                ) as x11_
            ) as "all_families"
        from (
            select f0.value as value, f0.row_index as row_index
        ) as f1
    ) as s2_
    cross join lateral (
        select
            f4.row_index as "address_index",
            json_extract_string((
                select any_value(x15_.value)
                from (
                    select each_.value as value, cast(each_.key as integer) + 1 as ord
                    from json_each(case when json_type(json_extract(f4.value, '$."postalCode"')) = 'ARRAY' then json_extract(f4.value, '$."postalCode"') else json_array(json_extract(f4.value, '$."postalCode"')) end) as each_
                    where each_.type <> 'NULL'
                ) as x15_
                having case when count(*) > 1 then cast(error('view ''patient_contacts'': column ''postal_code'': more than one value where one is expected (use first(), or collection: true on a column)') as boolean) else true end
            ), '$') as "postal_code"
        from (
            select i16_.value as value, row_number() over (order by i16_.ord) - 1 as row_index
            from (
                select each_.value as value, cast(each_.key as integer) + 1 as ord
                from json_each(case when json_type(json_extract(f0.value, '$."address"')) = 'ARRAY' then json_extract(f0.value, '$."address"') else json_array(json_extract(f0.value, '$."address"')) end) as each_
                where each_.type <> 'NULL'
            ) as i16_
        ) as f4
        union all
        select 0 as "address_index", cast(null as varchar) as "postal_code"
        where not exists (
            select each_.value as value, cast(each_.key as integer) + 1 as ord
            from json_each(case when json_type(json_extract(f0.value, '$."address"')) = 'ARRAY' then json_extract(f0.value, '$."address"') else json_array(json_extract(f0.value, '$."address"')) end) as each_
            where each_.type <> 'NULL'
        )
    ) as s14_
    cross join lateral (
        select
            s18_."phone"
        from (
            select f0.value as value, f0.row_index as row_index
        ) as f5
        cross join lateral (
            (
                select
                    json_extract_string((
                        select any_value(x19_.value)
                        from (
                            select each_.value as value, cast(each_.key as integer) + 1 as ord
                            from json_each(case when json_type(json_extract(f6.value, '$."value"')) = 'ARRAY' then json_extract(f6.value, '$."value"') else json_array(json_extract(f6.value, '$."value"')) end) as each_
                            where each_.type <> 'NULL'
                        ) as x19_
                        having case when count(*) > 1 then cast(error('view ''patient_contacts'': column ''phone'': more than one value where one is expected (use first(), or collection: true on a column)') as boolean) else true end
                    ), '$') as "phone"
                from (
                    select i20_.value as value, row_number() over (order by i20_.ord) - 1 as row_index
                    from (
                        select w7.value as value, w7.ord as ord
                        from (
                            select each_.value as value, cast(each_.key as integer) + 1 as ord
                            from json_each(case when json_type(json_extract(f5.value, '$."telecom"')) = 'ARRAY' then json_extract(f5.value, '$."telecom"') else json_array(json_extract(f5.value, '$."telecom"')) end) as each_
                            where each_.type <> 'NULL'
                        ) as w7
                        where (json_extract_string((
                            select any_value(x21_.value)
                            from (
                                select each_.value as value, cast(each_.key as integer) + 1 as ord
                                from json_each(case when json_type(json_extract(w7.value, '$."system"')) = 'ARRAY' then json_extract(w7.value, '$."system"') else json_array(json_extract(w7.value, '$."system"')) end) as each_
                                where each_.type <> 'NULL'
                            ) as x21_
                            having case when count(*) > 1 then cast(error('view ''patient_contacts'': forEach of the view > select[2] > unionAll[0]: more than one value where one is expected (use first(), or collection: true on a column)') as boolean) else true end
                        ), '$') = 'phone')
                    ) as i20_
                ) as f6
            )
            union all
            (
                select
                    json_extract_string((
                        select any_value(x22_.value)
                        from (
                            select each_.value as value, cast(each_.key as integer) + 1 as ord
                            from json_each(case when json_type(json_extract(f8.value, '$."value"')) = 'ARRAY' then json_extract(f8.value, '$."value"') else json_array(json_extract(f8.value, '$."value"')) end) as each_
                            where each_.type <> 'NULL'
                        ) as x22_
                        having case when count(*) > 1 then cast(error('view ''patient_contacts'': column ''phone'': more than one value where one is expected (use first(), or collection: true on a column)') as boolean) else true end
                    ), '$') as "phone"
                from (
                    select i23_.value as value, row_number() over (order by i23_.ord) - 1 as row_index
                    from (
                        select w9.value as value, w9.ord as ord
                        from (
                            select e25_.value as value, row_number() over (order by s24_.ord, e25_.ord) as ord
                            from (
                                select each_.value as value, cast(each_.key as integer) + 1 as ord
                                from json_each(case when json_type(json_extract(f5.value, '$."contact"')) = 'ARRAY' then json_extract(f5.value, '$."contact"') else json_array(json_extract(f5.value, '$."contact"')) end) as each_
                                where each_.type <> 'NULL'
                            ) as s24_
                            cross join lateral (
                                select each_.value as value, cast(each_.key as integer) + 1 as ord
                                from json_each(case when json_type(json_extract(s24_.value, '$."telecom"')) = 'ARRAY' then json_extract(s24_.value, '$."telecom"') else json_array(json_extract(s24_.value, '$."telecom"')) end) as each_
                                where each_.type <> 'NULL'
                            ) as e25_
                        ) as w9
                        where (json_extract_string((
                            select any_value(x26_.value)
                            from (
                                select each_.value as value, cast(each_.key as integer) + 1 as ord
                                from json_each(case when json_type(json_extract(w9.value, '$."system"')) = 'ARRAY' then json_extract(w9.value, '$."system"') else json_array(json_extract(w9.value, '$."system"')) end) as each_
                                where each_.type <> 'NULL'
                            ) as x26_
                            having case when count(*) > 1 then cast(error('view ''patient_contacts'': forEach of the view > select[2] > unionAll[1]: more than one value where one is expected (use first(), or collection: true on a column)') as boolean) else true end
                        ), '$') = 'phone')
                    ) as i23_
                ) as f8
            )
        ) as s18_
    ) as s17_
) as v0_
where (exists (
    select each_.value as value, cast(each_.key as integer) + 1 as ord
    from json_each(case when json_type(json_extract(r.value, '$."active"')) = 'ARRAY' then json_extract(r.value, '$."active"') else json_array(json_extract(r.value, '$."active"')) end) as each_
    where each_.type <> 'NULL'
) and (cast(json_extract_string((
    select any_value(x1_.value)
    from (
        select each_.value as value, cast(each_.key as integer) + 1 as ord
        from json_each(case when json_type(json_extract(r.value, '$."active"')) = 'ARRAY' then json_extract(r.value, '$."active"') else json_array(json_extract(r.value, '$."active"')) end) as each_
        where each_.type <> 'NULL'
    ) as x1_
    having case when count(*) > 1 then cast(error('view ''patient_contacts'': where[0]: more than one value where one is expected (use first(), or collection: true on a column)') as boolean) else true end
), '$') as boolean) = true))
