select
    v0_."patient_id",
    v0_."organization_id",
    v0_."given_names",
    v0_."all_families",
    v0_."address_index",
    v0_."postal_code",
    v0_."phone"
from (
    select cast(resource as jsonb) as value, 0 as row_index
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
            ((
                select x3_.value
                from (
                    select element_.value as value, element_.ord as ord
                    from jsonb_array_elements(case when jsonb_typeof((r.value -> 'id')) = 'array' then (r.value -> 'id') else jsonb_build_array((r.value -> 'id')) end) with ordinality as element_(value, ord)
                    where jsonb_typeof(element_.value) <> 'null'
                ) as x3_
            ) #>> '{}') as "patient_id",
            case when (((
                select x4_.value
                from (
                    select e6_.value as value, row_number() over (order by s5_.ord, e6_.ord) as ord
                    from (
                        select element_.value as value, element_.ord as ord
                        from jsonb_array_elements(case when jsonb_typeof((f1.value -> 'managingOrganization')) = 'array' then (f1.value -> 'managingOrganization') else jsonb_build_array((f1.value -> 'managingOrganization')) end) with ordinality as element_(value, ord)
                        where jsonb_typeof(element_.value) <> 'null'
                    ) as s5_
                    cross join lateral (
                        select element_.value as value, element_.ord as ord
                        from jsonb_array_elements(case when jsonb_typeof((s5_.value -> 'reference')) = 'array' then (s5_.value -> 'reference') else jsonb_build_array((s5_.value -> 'reference')) end) with ordinality as element_(value, ord)
                        where jsonb_typeof(element_.value) <> 'null'
                    ) as e6_
                ) as x4_
            ) #>> '{}') ~ '^(https?://[^?#]*/)?Organization/[A-Za-z0-9.-]{1,64}(/_history/[A-Za-z0-9.-]{1,64})?$') then substring(((
                select x7_.value
                from (
                    select e9_.value as value, row_number() over (order by s8_.ord, e9_.ord) as ord
                    from (
                        select element_.value as value, element_.ord as ord
                        from jsonb_array_elements(case when jsonb_typeof((f1.value -> 'managingOrganization')) = 'array' then (f1.value -> 'managingOrganization') else jsonb_build_array((f1.value -> 'managingOrganization')) end) with ordinality as element_(value, ord)
                        where jsonb_typeof(element_.value) <> 'null'
                    ) as s8_
                    cross join lateral (
                        select element_.value as value, element_.ord as ord
                        from jsonb_array_elements(case when jsonb_typeof((s8_.value -> 'reference')) = 'array' then (s8_.value -> 'reference') else jsonb_build_array((s8_.value -> 'reference')) end) with ordinality as element_(value, ord)
                        where jsonb_typeof(element_.value) <> 'null'
                    ) as e9_
                ) as x7_
            ) #>> '{}') from '([A-Za-z0-9.-]{1,64})(/_history/[A-Za-z0-9.-]{1,64})?$') end as "organization_id",
            (
                select coalesce(string_agg((x10_.value #>> '{}'), ' ' order by x10_.ord), '')
                from (
                    select e12_.value as value, row_number() over (order by s11_.ord, e12_.ord) as ord
                    from (
                        select w2.value as value, w2.ord as ord
                        from (
                            select element_.value as value, element_.ord as ord
                            from jsonb_array_elements(case when jsonb_typeof((f1.value -> 'name')) = 'array' then (f1.value -> 'name') else jsonb_build_array((f1.value -> 'name')) end) with ordinality as element_(value, ord)
                            where jsonb_typeof(element_.value) <> 'null'
                        ) as w2
                        where (((
                            select x13_.value
                            from (
                                select element_.value as value, element_.ord as ord
                                from jsonb_array_elements(case when jsonb_typeof((w2.value -> 'use')) = 'array' then (w2.value -> 'use') else jsonb_build_array((w2.value -> 'use')) end) with ordinality as element_(value, ord)
                                where jsonb_typeof(element_.value) <> 'null'
                            ) as x13_
                        ) #>> '{}') = 'official')
                    ) as s11_
                    cross join lateral (
                        select element_.value as value, element_.ord as ord
                        from jsonb_array_elements(case when jsonb_typeof((s11_.value -> 'given')) = 'array' then (s11_.value -> 'given') else jsonb_build_array((s11_.value -> 'given')) end) with ordinality as element_(value, ord)
                        where jsonb_typeof(element_.value) <> 'null'
                    ) as e12_
                ) as x10_
            ) as "given_names",
            (
                select coalesce(jsonb_agg(x14_.value order by x14_.ord), '[]'::jsonb)
                from (
                    select e16_.value as value, row_number() over (order by s15_.ord, e16_.ord) as ord
                    from (
                        select element_.value as value, element_.ord as ord
                        from jsonb_array_elements(case when jsonb_typeof((f1.value -> 'name')) = 'array' then (f1.value -> 'name') else jsonb_build_array((f1.value -> 'name')) end) with ordinality as element_(value, ord)
                        where jsonb_typeof(element_.value) <> 'null'
                    ) as s15_
                    cross join lateral (
                        select element_.value as value, element_.ord as ord
                        from jsonb_array_elements(case when jsonb_typeof((s15_.value -> 'family')) = 'array' then (s15_.value -> 'family') else jsonb_build_array((s15_.value -> 'family')) end) with ordinality as element_(value, ord)
                        where jsonb_typeof(element_.value) <> 'null'
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
            ((
                select x18_.value
                from (
                    select element_.value as value, element_.ord as ord
                    from jsonb_array_elements(case when jsonb_typeof((f3.value -> 'postalCode')) = 'array' then (f3.value -> 'postalCode') else jsonb_build_array((f3.value -> 'postalCode')) end) with ordinality as element_(value, ord)
                    where jsonb_typeof(element_.value) <> 'null'
                ) as x18_
            ) #>> '{}') as "postal_code"
        from (
            select i19_.value as value, row_number() over (order by i19_.ord) - 1 as row_index
            from (
                select element_.value as value, element_.ord as ord
                from jsonb_array_elements(case when jsonb_typeof((f0.value -> 'address')) = 'array' then (f0.value -> 'address') else jsonb_build_array((f0.value -> 'address')) end) with ordinality as element_(value, ord)
                where jsonb_typeof(element_.value) <> 'null'
            ) as i19_
        ) as f3
        union all
        select 0 as "address_index", cast(null as text) as "postal_code"
        where not exists (
            select element_.value as value, element_.ord as ord
            from jsonb_array_elements(case when jsonb_typeof((f0.value -> 'address')) = 'array' then (f0.value -> 'address') else jsonb_build_array((f0.value -> 'address')) end) with ordinality as element_(value, ord)
            where jsonb_typeof(element_.value) <> 'null'
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
                    ((
                        select x22_.value
                        from (
                            select element_.value as value, element_.ord as ord
                            from jsonb_array_elements(case when jsonb_typeof((f5.value -> 'value')) = 'array' then (f5.value -> 'value') else jsonb_build_array((f5.value -> 'value')) end) with ordinality as element_(value, ord)
                            where jsonb_typeof(element_.value) <> 'null'
                        ) as x22_
                    ) #>> '{}') as "phone"
                from (
                    select i23_.value as value, row_number() over (order by i23_.ord) - 1 as row_index
                    from (
                        select w6.value as value, w6.ord as ord
                        from (
                            select element_.value as value, element_.ord as ord
                            from jsonb_array_elements(case when jsonb_typeof((f4.value -> 'telecom')) = 'array' then (f4.value -> 'telecom') else jsonb_build_array((f4.value -> 'telecom')) end) with ordinality as element_(value, ord)
                            where jsonb_typeof(element_.value) <> 'null'
                        ) as w6
                        where (((
                            select x24_.value
                            from (
                                select element_.value as value, element_.ord as ord
                                from jsonb_array_elements(case when jsonb_typeof((w6.value -> 'system')) = 'array' then (w6.value -> 'system') else jsonb_build_array((w6.value -> 'system')) end) with ordinality as element_(value, ord)
                                where jsonb_typeof(element_.value) <> 'null'
                            ) as x24_
                        ) #>> '{}') = 'phone')
                    ) as i23_
                ) as f5
            )
            union all
            (
                select
                    ((
                        select x25_.value
                        from (
                            select element_.value as value, element_.ord as ord
                            from jsonb_array_elements(case when jsonb_typeof((f7.value -> 'value')) = 'array' then (f7.value -> 'value') else jsonb_build_array((f7.value -> 'value')) end) with ordinality as element_(value, ord)
                            where jsonb_typeof(element_.value) <> 'null'
                        ) as x25_
                    ) #>> '{}') as "phone"
                from (
                    select i26_.value as value, row_number() over (order by i26_.ord) - 1 as row_index
                    from (
                        select w8.value as value, w8.ord as ord
                        from (
                            select e28_.value as value, row_number() over (order by s27_.ord, e28_.ord) as ord
                            from (
                                select element_.value as value, element_.ord as ord
                                from jsonb_array_elements(case when jsonb_typeof((f4.value -> 'contact')) = 'array' then (f4.value -> 'contact') else jsonb_build_array((f4.value -> 'contact')) end) with ordinality as element_(value, ord)
                                where jsonb_typeof(element_.value) <> 'null'
                            ) as s27_
                            cross join lateral (
                                select element_.value as value, element_.ord as ord
                                from jsonb_array_elements(case when jsonb_typeof((s27_.value -> 'telecom')) = 'array' then (s27_.value -> 'telecom') else jsonb_build_array((s27_.value -> 'telecom')) end) with ordinality as element_(value, ord)
                                where jsonb_typeof(element_.value) <> 'null'
                            ) as e28_
                        ) as w8
                        where (((
                            select x29_.value
                            from (
                                select element_.value as value, element_.ord as ord
                                from jsonb_array_elements(case when jsonb_typeof((w8.value -> 'system')) = 'array' then (w8.value -> 'system') else jsonb_build_array((w8.value -> 'system')) end) with ordinality as element_(value, ord)
                                where jsonb_typeof(element_.value) <> 'null'
                            ) as x29_
                        ) #>> '{}') = 'phone')
                    ) as i26_
                ) as f7
            )
        ) as s21_
    ) as s20_
) as v0_
where (exists (
    select element_.value as value, element_.ord as ord
    from jsonb_array_elements(case when jsonb_typeof((r.value -> 'active')) = 'array' then (r.value -> 'active') else jsonb_build_array((r.value -> 'active')) end) with ordinality as element_(value, ord)
    where jsonb_typeof(element_.value) <> 'null'
) and (cast(((
    select x1_.value
    from (
        select element_.value as value, element_.ord as ord
        from jsonb_array_elements(case when jsonb_typeof((r.value -> 'active')) = 'array' then (r.value -> 'active') else jsonb_build_array((r.value -> 'active')) end) with ordinality as element_(value, ord)
        where jsonb_typeof(element_.value) <> 'null'
    ) as x1_
) #>> '{}') as boolean) = true))
