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
        s17_."address_index",
        s17_."postal_code",
        s20_."phone"
    from (
        select r.value as value, r.row_index as row_index
    ) as f0
    cross join lateral (
        select
            json_extract_string((
                select x3_.value
                from (
                    select each_.value as value, cast(each_.key as integer) + 1 as ord
                    from json_each(case when json_type(json_extract(r.value, '$."id"')) = 'ARRAY' then json_extract(r.value, '$."id"') else json_array(json_extract(r.value, '$."id"')) end) as each_
                    where each_.type <> 'NULL'
                ) as x3_
            ), '$') as "patient_id",
            case when regexp_full_match(json_extract_string((
                select x4_.value
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
            ), '$'), '^(https?://[^?#]*/)?Organization/[A-Za-z0-9.-]{1,64}(/_history/[A-Za-z0-9.-]{1,64})?$') then regexp_extract(json_extract_string((
                select x7_.value
                from (
                    select e9_.value as value, row_number() over (order by s8_.ord, e9_.ord) as ord
                    from (
                        select each_.value as value, cast(each_.key as integer) + 1 as ord
                        from json_each(case when json_type(json_extract(f1.value, '$."managingOrganization"')) = 'ARRAY' then json_extract(f1.value, '$."managingOrganization"') else json_array(json_extract(f1.value, '$."managingOrganization"')) end) as each_
                        where each_.type <> 'NULL'
                    ) as s8_
                    cross join lateral (
                        select each_.value as value, cast(each_.key as integer) + 1 as ord
                        from json_each(case when json_type(json_extract(s8_.value, '$."reference"')) = 'ARRAY' then json_extract(s8_.value, '$."reference"') else json_array(json_extract(s8_.value, '$."reference"')) end) as each_
                        where each_.type <> 'NULL'
                    ) as e9_
                ) as x7_
            ), '$'), '([A-Za-z0-9.-]{1,64})(/_history/[A-Za-z0-9.-]{1,64})?$', 1) end as "organization_id",
            (
                select coalesce(string_agg(json_extract_string(x10_.value, '$'), ' ' order by x10_.ord), '')
                from (
                    select e12_.value as value, row_number() over (order by s11_.ord, e12_.ord) as ord
                    from (
                        select w2.value as value, w2.ord as ord
                        from (
                            select each_.value as value, cast(each_.key as integer) + 1 as ord
                            from json_each(case when json_type(json_extract(f1.value, '$."name"')) = 'ARRAY' then json_extract(f1.value, '$."name"') else json_array(json_extract(f1.value, '$."name"')) end) as each_
                            where each_.type <> 'NULL'
                        ) as w2
                        where (json_extract_string((
                            select x13_.value
                            from (
                                select each_.value as value, cast(each_.key as integer) + 1 as ord
                                from json_each(case when json_type(json_extract(w2.value, '$."use"')) = 'ARRAY' then json_extract(w2.value, '$."use"') else json_array(json_extract(w2.value, '$."use"')) end) as each_
                                where each_.type <> 'NULL'
                            ) as x13_
                        ), '$') = 'official')
                    ) as s11_
                    cross join lateral (
                        select each_.value as value, cast(each_.key as integer) + 1 as ord
                        from json_each(case when json_type(json_extract(s11_.value, '$."given"')) = 'ARRAY' then json_extract(s11_.value, '$."given"') else json_array(json_extract(s11_.value, '$."given"')) end) as each_
                        where each_.type <> 'NULL'
                    ) as e12_
                ) as x10_
            ) as "given_names",
            (
                select coalesce(to_json(list(x14_.value order by x14_.ord)), cast('[]' as json))
                from (
                    select e16_.value as value, row_number() over (order by s15_.ord, e16_.ord) as ord
                    from (
                        select each_.value as value, cast(each_.key as integer) + 1 as ord
                        from json_each(case when json_type(json_extract(f1.value, '$."name"')) = 'ARRAY' then json_extract(f1.value, '$."name"') else json_array(json_extract(f1.value, '$."name"')) end) as each_
                        where each_.type <> 'NULL'
                    ) as s15_
                    cross join lateral (
                        select each_.value as value, cast(each_.key as integer) + 1 as ord
                        from json_each(case when json_type(json_extract(s15_.value, '$."family"')) = 'ARRAY' then json_extract(s15_.value, '$."family"') else json_array(json_extract(s15_.value, '$."family"')) end) as each_
                        where each_.type <> 'NULL'
                    ) as e16_
                ) as x14_
            ) as "all_families"
        from (
            select f0.value as value, f0.row_index as row_index
        ) as f1
    ) as s2_
    cross join lateral (
        select
            f3.row_index as "address_index",
            json_extract_string((
                select x18_.value
                from (
                    select each_.value as value, cast(each_.key as integer) + 1 as ord
                    from json_each(case when json_type(json_extract(f3.value, '$."postalCode"')) = 'ARRAY' then json_extract(f3.value, '$."postalCode"') else json_array(json_extract(f3.value, '$."postalCode"')) end) as each_
                    where each_.type <> 'NULL'
                ) as x18_
            ), '$') as "postal_code"
        from (
            select i19_.value as value, row_number() over (order by i19_.ord) - 1 as row_index
            from (
                select each_.value as value, cast(each_.key as integer) + 1 as ord
                from json_each(case when json_type(json_extract(f0.value, '$."address"')) = 'ARRAY' then json_extract(f0.value, '$."address"') else json_array(json_extract(f0.value, '$."address"')) end) as each_
                where each_.type <> 'NULL'
            ) as i19_
        ) as f3
        union all
        select 0 as "address_index", cast(null as varchar) as "postal_code"
        where not exists (
            select each_.value as value, cast(each_.key as integer) + 1 as ord
            from json_each(case when json_type(json_extract(f0.value, '$."address"')) = 'ARRAY' then json_extract(f0.value, '$."address"') else json_array(json_extract(f0.value, '$."address"')) end) as each_
            where each_.type <> 'NULL'
        )
    ) as s17_
    cross join lateral (
        select
            s21_."phone"
        from (
            select f0.value as value, f0.row_index as row_index
        ) as f4
        cross join lateral (
            (
                select
                    json_extract_string((
                        select x22_.value
                        from (
                            select each_.value as value, cast(each_.key as integer) + 1 as ord
                            from json_each(case when json_type(json_extract(f5.value, '$."value"')) = 'ARRAY' then json_extract(f5.value, '$."value"') else json_array(json_extract(f5.value, '$."value"')) end) as each_
                            where each_.type <> 'NULL'
                        ) as x22_
                    ), '$') as "phone"
                from (
                    select i23_.value as value, row_number() over (order by i23_.ord) - 1 as row_index
                    from (
                        select w6.value as value, w6.ord as ord
                        from (
                            select each_.value as value, cast(each_.key as integer) + 1 as ord
                            from json_each(case when json_type(json_extract(f4.value, '$."telecom"')) = 'ARRAY' then json_extract(f4.value, '$."telecom"') else json_array(json_extract(f4.value, '$."telecom"')) end) as each_
                            where each_.type <> 'NULL'
                        ) as w6
                        where (json_extract_string((
                            select x24_.value
                            from (
                                select each_.value as value, cast(each_.key as integer) + 1 as ord
                                from json_each(case when json_type(json_extract(w6.value, '$."system"')) = 'ARRAY' then json_extract(w6.value, '$."system"') else json_array(json_extract(w6.value, '$."system"')) end) as each_
                                where each_.type <> 'NULL'
                            ) as x24_
                        ), '$') = 'phone')
                    ) as i23_
                ) as f5
            )
            union all
            (
                select
                    json_extract_string((
                        select x25_.value
                        from (
                            select each_.value as value, cast(each_.key as integer) + 1 as ord
                            from json_each(case when json_type(json_extract(f7.value, '$."value"')) = 'ARRAY' then json_extract(f7.value, '$."value"') else json_array(json_extract(f7.value, '$."value"')) end) as each_
                            where each_.type <> 'NULL'
                        ) as x25_
                    ), '$') as "phone"
                from (
                    select i26_.value as value, row_number() over (order by i26_.ord) - 1 as row_index
                    from (
                        select w8.value as value, w8.ord as ord
                        from (
                            select e28_.value as value, row_number() over (order by s27_.ord, e28_.ord) as ord
                            from (
                                select each_.value as value, cast(each_.key as integer) + 1 as ord
                                from json_each(case when json_type(json_extract(f4.value, '$."contact"')) = 'ARRAY' then json_extract(f4.value, '$."contact"') else json_array(json_extract(f4.value, '$."contact"')) end) as each_
                                where each_.type <> 'NULL'
                            ) as s27_
                            cross join lateral (
                                select each_.value as value, cast(each_.key as integer) + 1 as ord
                                from json_each(case when json_type(json_extract(s27_.value, '$."telecom"')) = 'ARRAY' then json_extract(s27_.value, '$."telecom"') else json_array(json_extract(s27_.value, '$."telecom"')) end) as each_
                                where each_.type <> 'NULL'
                            ) as e28_
                        ) as w8
                        where (json_extract_string((
                            select x29_.value
                            from (
                                select each_.value as value, cast(each_.key as integer) + 1 as ord
                                from json_each(case when json_type(json_extract(w8.value, '$."system"')) = 'ARRAY' then json_extract(w8.value, '$."system"') else json_array(json_extract(w8.value, '$."system"')) end) as each_
                                where each_.type <> 'NULL'
                            ) as x29_
                        ), '$') = 'phone')
                    ) as i26_
                ) as f7
            )
        ) as s21_
    ) as s20_
) as v0_
where (exists (
    select each_.value as value, cast(each_.key as integer) + 1 as ord
    from json_each(case when json_type(json_extract(r.value, '$."active"')) = 'ARRAY' then json_extract(r.value, '$."active"') else json_array(json_extract(r.value, '$."active"')) end) as each_
    where each_.type <> 'NULL'
) and (cast(json_extract_string((
    select x1_.value
    from (
        select each_.value as value, cast(each_.key as integer) + 1 as ord
        from json_each(case when json_type(json_extract(r.value, '$."active"')) = 'ARRAY' then json_extract(r.value, '$."active"') else json_array(json_extract(r.value, '$."active"')) end) as each_
        where each_.type <> 'NULL'
    ) as x1_
), '$') as boolean) = true))
