select
    v0_."patient_id",
    v0_."organization_id",
    v0_."given_names",
    v0_."all_families",
    v0_."address_index",
    v0_."postal_code",
    v0_."phone"
from (
    select cast(resource as json) as value, 0 as row_index, json_extract(cast(resource as json), ['$."id"', '$."managingOrganization"', '$."name"', '$."address"', '$."telecom"', '$."contact"', '$."active"']) as keys_
    from fhir_resources
    where resource_type = 'Patient'
) as r
cross join lateral (
    select
        s1_."patient_id",
        s1_."organization_id",
        s1_."given_names",
        s1_."all_families",
        s9_."address_index",
        s9_."postal_code",
        s13_."phone"
    from (
        select r.value as value, r.row_index as row_index, r.keys_ as keys_
    ) as f0
    cross join lateral (
        select
            json_extract_string(r.keys_[1], '$') as "patient_id",
            case when regexp_full_match(json_extract_string(f1.keys_[2], '$."reference"'), '^(https?://[^?#]*/)?Organization/[A-Za-z0-9.-]{1,64}$') then split_part(json_extract_string(f1.keys_[2], '$."reference"'), '/', -1) when regexp_full_match(json_extract_string(f1.keys_[2], '$."reference"'), '^(https?://[^?#]*/)?Organization/[A-Za-z0-9.-]{1,64}/_history/[A-Za-z0-9.-]{1,64}$') then split_part(json_extract_string(f1.keys_[2], '$."reference"'), '/', -3) end as "organization_id",
            (
                select coalesce(string_agg(json_extract_string(x2_.value, '$'), ' ' order by x2_.ord), '')
                from (
                    select e5_.value as value, row_number() over (order by s3_.ord, e5_.ord) as ord
                    from (
                        select w2.value as value, w2.ord as ord
                        from (
                            select each_.value as value, cast(each_.key as integer) + 1 as ord
                            from json_each(json_extract(f1.keys_[3], '$')) as each_
                            where each_.type <> 'NULL'
                        ) as w2
                        where (json_extract_string(w2.value, '$."use"') = 'official')
                    ) as s3_
                    cross join lateral (
                        select each_.value as value, cast(each_.key as integer) + 1 as ord
                        from json_each(json_extract(s3_.value, '$."given"')) as each_
                        where each_.type <> 'NULL'
                    ) as e5_
                ) as x2_
            ) as "given_names",
            (
                select coalesce(to_json(list(x6_.value order by x6_.ord)), cast('[]' as json))
                from (
                    select json_extract(s7_.value, '$."family"') as value, s7_.ord as ord
                    from (
                        select each_.value as value, cast(each_.key as integer) + 1 as ord
                        from json_each(json_extract(f1.keys_[3], '$')) as each_
                        where each_.type <> 'NULL'
                    ) as s7_
                    where json_extract(s7_.value, '$."family"') is not null and not (json_type(json_extract(s7_.value, '$."family"')) = 'NULL')
                ) as x6_
            ) as "all_families"
        from (
            select f0.value as value, f0.row_index as row_index, f0.keys_ as keys_
        ) as f1
    ) as s1_
    cross join lateral (
        select
            f3.row_index as "address_index",
            json_extract_string(f3.value, '$."postalCode"') as "postal_code"
        from (
            select i10_.value as value, row_number() over (order by i10_.ord) - 1 as row_index
            from (
                select each_.value as value, cast(each_.key as integer) + 1 as ord
                from json_each(json_extract(f0.keys_[4], '$')) as each_
                where each_.type <> 'NULL'
            ) as i10_
        ) as f3
        union all
        select 0 as "address_index", cast(null as varchar) as "postal_code"
        where not exists (
            select each_.value as value, cast(each_.key as integer) + 1 as ord
            from json_each(json_extract(f0.keys_[4], '$')) as each_
            where each_.type <> 'NULL'
        )
    ) as s9_
    cross join lateral (
        select
            s14_."phone"
        from (
            select f0.value as value, f0.row_index as row_index, f0.keys_ as keys_
        ) as f4
        cross join lateral (
            (
                select
                    json_extract_string(f5.value, '$."value"') as "phone"
                from (
                    select i15_.value as value, row_number() over (order by i15_.ord) - 1 as row_index
                    from (
                        select w6.value as value, w6.ord as ord
                        from (
                            select each_.value as value, cast(each_.key as integer) + 1 as ord
                            from json_each(json_extract(f4.keys_[5], '$')) as each_
                            where each_.type <> 'NULL'
                        ) as w6
                        where (json_extract_string(w6.value, '$."system"') = 'phone')
                    ) as i15_
                ) as f5
            )
            union all
            (
                select
                    json_extract_string(f7.value, '$."value"') as "phone"
                from (
                    select i17_.value as value, row_number() over (order by i17_.ord) - 1 as row_index
                    from (
                        select w8.value as value, w8.ord as ord
                        from (
                            select e20_.value as value, row_number() over (order by s18_.ord, e20_.ord) as ord
                            from (
                                select each_.value as value, cast(each_.key as integer) + 1 as ord
                                from json_each(json_extract(f4.keys_[6], '$')) as each_
                                where each_.type <> 'NULL'
                            ) as s18_
                            cross join lateral (
                                select each_.value as value, cast(each_.key as integer) + 1 as ord
                                from json_each(json_extract(s18_.value, '$."telecom"')) as each_
                                where each_.type <> 'NULL'
                            ) as e20_
                        ) as w8
                        where (json_extract_string(w8.value, '$."system"') = 'phone')
                    ) as i17_
                ) as f7
            )
        ) as s14_
    ) as s13_
) as v0_
where ((coalesce(len(list_filter([json_extract(r.keys_[7], '$')], lambda item_: cast(item_ as varchar) <> 'null')), 0) > 0) and (cast(json_extract_string(r.keys_[7], '$') as boolean) = true))
