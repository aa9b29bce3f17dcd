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
        s1_."patient_id",
        s1_."organization_id",
        s1_."given_names",
        s1_."all_families",
        s9_."address_index",
        s9_."postal_code",
        s13_."phone"
    from (
        select r.value as value, r.row_index as row_index
    ) as f0
    cross join lateral (
        select
            (r.value #>> '{"id"}') as "patient_id",
            case when ((f1.value #>> '{"managingOrganization","reference"}') ~ '^(https?://[^?#]*/)?Organization/[A-Za-z0-9.-]{1,64}(/_history/[A-Za-z0-9.-]{1,64})?$') then substring((f1.value #>> '{"managingOrganization","reference"}') from '([A-Za-z0-9.-]{1,64})(/_history/[A-Za-z0-9.-]{1,64})?$') end as "organization_id",
            (
                select coalesce(string_agg((x2_.value #>> '{}'), ' ' order by x2_.ord), '')
                from (
                    select e5_.value as value, row_number() over (order by s3_.ord, e5_.ord) as ord
                    from (
                        select w2.value as value, w2.ord as ord
                        from (
                            select element_.value as value, element_.ord as ord
                            from jsonb_array_elements(case when jsonb_typeof((f1.value -> 'name')) = 'array' then (f1.value -> 'name') else jsonb_build_array((f1.value -> 'name')) end) with ordinality as element_(value, ord)
                            where jsonb_typeof(element_.value) <> 'null'
                        ) as w2
                        where ((w2.value #>> '{"use"}') = 'official')
                    ) as s3_
                    cross join lateral (
                        select element_.value as value, element_.ord as ord
                        from jsonb_array_elements(case when jsonb_typeof((s3_.value -> 'given')) = 'array' then (s3_.value -> 'given') else jsonb_build_array((s3_.value -> 'given')) end) with ordinality as element_(value, ord)
                        where jsonb_typeof(element_.value) <> 'null'
                    ) as e5_
                ) as x2_
            ) as "given_names",
            (
                select coalesce(jsonb_agg(x6_.value order by x6_.ord), '[]'::jsonb)
                from (
                    select (s7_.value -> 'family') as value, s7_.ord as ord
                    from (
                        select element_.value as value, element_.ord as ord
                        from jsonb_array_elements(case when jsonb_typeof((f1.value -> 'name')) = 'array' then (f1.value -> 'name') else jsonb_build_array((f1.value -> 'name')) end) with ordinality as element_(value, ord)
                        where jsonb_typeof(element_.value) <> 'null'
                    ) as s7_
                    where (s7_.value -> 'family') is not null and not (jsonb_typeof((s7_.value -> 'family')) = 'null')
                ) as x6_
            ) as "all_families"
        from (
            select f0.value as value, f0.row_index as row_index
        ) as f1
    ) as s1_
    cross join lateral (
        select
            f3.row_index as "address_index",
            (f3.value #>> '{"postalCode"}') as "postal_code"
        from (
            select i10_.value as value, row_number() over (order by i10_.ord) - 1 as row_index
            from (
                select element_.value as value, element_.ord as ord
                from jsonb_array_elements(case when jsonb_typeof((f0.value -> 'address')) = 'array' then (f0.value -> 'address') else jsonb_build_array((f0.value -> 'address')) end) with ordinality as element_(value, ord)
                where jsonb_typeof(element_.value) <> 'null'
            ) as i10_
        ) as f3
        union all
        select 0 as "address_index", cast(null as text) as "postal_code"
        where not exists (
            select element_.value as value, element_.ord as ord
            from jsonb_array_elements(case when jsonb_typeof((f0.value -> 'address')) = 'array' then (f0.value -> 'address') else jsonb_build_array((f0.value -> 'address')) end) with ordinality as element_(value, ord)
            where jsonb_typeof(element_.value) <> 'null'
        )
    ) as s9_
    cross join lateral (
        select
            s14_."phone"
        from (
            select f0.value as value, f0.row_index as row_index
        ) as f4
        cross join lateral (
            (
                select
                    (f5.value #>> '{"value"}') as "phone"
                from (
                    select i15_.value as value, row_number() over (order by i15_.ord) - 1 as row_index
                    from (
                        select w6.value as value, w6.ord as ord
                        from (
                            select element_.value as value, element_.ord as ord
                            from jsonb_array_elements(case when jsonb_typeof((f4.value -> 'telecom')) = 'array' then (f4.value -> 'telecom') else jsonb_build_array((f4.value -> 'telecom')) end) with ordinality as element_(value, ord)
                            where jsonb_typeof(element_.value) <> 'null'
                        ) as w6
                        where ((w6.value #>> '{"system"}') = 'phone')
                    ) as i15_
                ) as f5
            )
            union all
            (
                select
                    (f7.value #>> '{"value"}') as "phone"
                from (
                    select i17_.value as value, row_number() over (order by i17_.ord) - 1 as row_index
                    from (
                        select w8.value as value, w8.ord as ord
                        from (
                            select e20_.value as value, row_number() over (order by s18_.ord, e20_.ord) as ord
                            from (
                                select element_.value as value, element_.ord as ord
                                from jsonb_array_elements(case when jsonb_typeof((f4.value -> 'contact')) = 'array' then (f4.value -> 'contact') else jsonb_build_array((f4.value -> 'contact')) end) with ordinality as element_(value, ord)
                                where jsonb_typeof(element_.value) <> 'null'
                            ) as s18_
                            cross join lateral (
                                select element_.value as value, element_.ord as ord
                                from jsonb_array_elements(case when jsonb_typeof((s18_.value -> 'telecom')) = 'array' then (s18_.value -> 'telecom') else jsonb_build_array((s18_.value -> 'telecom')) end) with ordinality as element_(value, ord)
                                where jsonb_typeof(element_.value) <> 'null'
                            ) as e20_
                        ) as w8
                        where ((w8.value #>> '{"system"}') = 'phone')
                    ) as i17_
                ) as f7
            )
        ) as s14_
    ) as s13_
) as v0_
where (exists (
    select (r.value -> 'active') as value, 1 as ord
    where (r.value -> 'active') is not null and not (jsonb_typeof((r.value -> 'active')) = 'null')
) and (cast((r.value #>> '{"active"}') as boolean) = true))
