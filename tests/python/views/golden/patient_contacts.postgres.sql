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
        s14_."address_index",
        s14_."postal_code",
        s17_."phone"
    from (
        select r.value as value, r.row_index as row_index
    ) as f0
    cross join lateral (
        select
            (case when (jsonb_typeof((r.value -> 'id')) = 'array') then (
                select any_value(x3_.value)
                from (
                    select element_.value as value, element_.ord as ord
                    from jsonb_array_elements(case when jsonb_typeof((r.value -> 'id')) = 'array' then (r.value -> 'id') else jsonb_build_array((r.value -> 'id')) end) with ordinality as element_(value, ord)
                    where jsonb_typeof(element_.value) <> 'null'
                ) as x3_
                having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''patient_id'': more than one value where one is expected (use first(), or collection: true on a column)') as boolean) else true end
            )
            when (jsonb_typeof((r.value -> 'id')) = 'null') then null else (r.value -> 'id') end #>> '{}') as "patient_id",
            (
                select case when (b2.value ~ '^(https?://[^?#]*/)?Organization/[A-Za-z0-9.-]{1,64}(/_history/[A-Za-z0-9.-]{1,64})?$') then substring(b2.value from '([A-Za-z0-9.-]{1,64})(/_history/[A-Za-z0-9.-]{1,64})?$') end
                from (select ((
                select any_value(x4_.value)
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
                having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''organization_id'': more than one value where one is expected (use first(), or collection: true on a column)') as boolean) else true end
            ) #>> '{}') as value) as b2
            ) as "organization_id",
            (
                select coalesce(string_agg((x7_.value #>> '{}'), ' ' order by x7_.ord), '')
                from (
                    select e9_.value as value, row_number() over (order by s8_.ord, e9_.ord) as ord
                    from (
                        select w3.value as value, w3.ord as ord
                        from (
                            select element_.value as value, element_.ord as ord
                            from jsonb_array_elements(case when jsonb_typeof((f1.value -> 'name')) = 'array' then (f1.value -> 'name') else jsonb_build_array((f1.value -> 'name')) end) with ordinality as element_(value, ord)
                            where jsonb_typeof(element_.value) <> 'null'
                        ) as w3
                        where ((case when (jsonb_typeof((w3.value -> 'use')) = 'array') then (
                            select any_value(x10_.value)
                            from (
                                select element_.value as value, element_.ord as ord
                                from jsonb_array_elements(case when jsonb_typeof((w3.value -> 'use')) = 'array' then (w3.value -> 'use') else jsonb_build_array((w3.value -> 'use')) end) with ordinality as element_(value, ord)
                                where jsonb_typeof(element_.value) <> 'null'
                            ) as x10_
                            having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''given_names'': more than one value where one is expected (use first(), or collection: true on a column)') as boolean) else true end
                        )
                        when (jsonb_typeof((w3.value -> 'use')) = 'null') then null else (w3.value -> 'use') end #>> '{}') = 'official')
                    ) as s8_
                    cross join lateral (
                        select element_.value as value, element_.ord as ord
                        from jsonb_array_elements(case when jsonb_typeof((s8_.value -> 'given')) = 'array' then (s8_.value -> 'given') else jsonb_build_array((s8_.value -> 'given')) end) with ordinality as element_(value, ord)
                        where jsonb_typeof(element_.value) <> 'null'
                    ) as e9_
                ) as x7_
            ) as "given_names",
            (
                select coalesce(jsonb_agg(x11_.value order by x11_.ord), '[]'::jsonb)
                from (
                    select e13_.value as value, row_number() over (order by s12_.ord, e13_.ord) as ord
                    from (
                        select element_.value as value, element_.ord as ord
                        from jsonb_array_elements(case when jsonb_typeof((f1.value -> 'name')) = 'array' then (f1.value -> 'name') else jsonb_build_array((f1.value -> 'name')) end) with ordinality as element_(value, ord)
                        where jsonb_typeof(element_.value) <> 'null'
                    ) as s12_
                    cross join lateral (
                        select element_.value as value, element_.ord as ord
                        from jsonb_array_elements(case when jsonb_typeof((s12_.value -> 'family')) = 'array' then (s12_.value -> 'family') else jsonb_build_array((s12_.value -> 'family')) end) with ordinality as element_(value, ord)
                        where jsonb_typeof(element_.value) <> 'null'
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
            (case when (jsonb_typeof((f4.value -> 'postalCode')) = 'array') then (
                select any_value(x15_.value)
                from (
                    select element_.value as value, element_.ord as ord
                    from jsonb_array_elements(case when jsonb_typeof((f4.value -> 'postalCode')) = 'array' then (f4.value -> 'postalCode') else jsonb_build_array((f4.value -> 'postalCode')) end) with ordinality as element_(value, ord)
                    where jsonb_typeof(element_.value) <> 'null'
                ) as x15_
                having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''postal_code'': more than one value where one is expected (use first(), or collection: true on a column)') as boolean) else true end
            )
            when (jsonb_typeof((f4.value -> 'postalCode')) = 'null') then null else (f4.value -> 'postalCode') end #>> '{}') as "postal_code"
        from (
            select i16_.value as value, row_number() over (order by i16_.ord) - 1 as row_index
            from (
                select element_.value as value, element_.ord as ord
                from jsonb_array_elements(case when jsonb_typeof((f0.value -> 'address')) = 'array' then (f0.value -> 'address') else jsonb_build_array((f0.value -> 'address')) end) with ordinality as element_(value, ord)
                where jsonb_typeof(element_.value) <> 'null'
            ) as i16_
        ) as f4
        union all
        select 0 as "address_index", cast(null as text) as "postal_code"
        where not exists (
            select element_.value as value, element_.ord as ord
            from jsonb_array_elements(case when jsonb_typeof((f0.value -> 'address')) = 'array' then (f0.value -> 'address') else jsonb_build_array((f0.value -> 'address')) end) with ordinality as element_(value, ord)
            where jsonb_typeof(element_.value) <> 'null'
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
                    (case when (jsonb_typeof((f6.value -> 'value')) = 'array') then (
                        select any_value(x19_.value)
                        from (
                            select element_.value as value, element_.ord as ord
                            from jsonb_array_elements(case when jsonb_typeof((f6.value -> 'value')) = 'array' then (f6.value -> 'value') else jsonb_build_array((f6.value -> 'value')) end) with ordinality as element_(value, ord)
                            where jsonb_typeof(element_.value) <> 'null'
                        ) as x19_
                        having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''phone'': more than one value where one is expected (use first(), or collection: true on a column)') as boolean) else true end
                    )
                    when (jsonb_typeof((f6.value -> 'value')) = 'null') then null else (f6.value -> 'value') end #>> '{}') as "phone"
                from (
                    select i20_.value as value, row_number() over (order by i20_.ord) - 1 as row_index
                    from (
                        select w7.value as value, w7.ord as ord
                        from (
                            select element_.value as value, element_.ord as ord
                            from jsonb_array_elements(case when jsonb_typeof((f5.value -> 'telecom')) = 'array' then (f5.value -> 'telecom') else jsonb_build_array((f5.value -> 'telecom')) end) with ordinality as element_(value, ord)
                            where jsonb_typeof(element_.value) <> 'null'
                        ) as w7
                        where ((case when (jsonb_typeof((w7.value -> 'system')) = 'array') then (
                            select any_value(x21_.value)
                            from (
                                select element_.value as value, element_.ord as ord
                                from jsonb_array_elements(case when jsonb_typeof((w7.value -> 'system')) = 'array' then (w7.value -> 'system') else jsonb_build_array((w7.value -> 'system')) end) with ordinality as element_(value, ord)
                                where jsonb_typeof(element_.value) <> 'null'
                            ) as x21_
                            having case when count(*) > 1 then cast(concat('view ''patient_contacts'': forEach of the view > select[2] > unionAll[0]: more than one value where one is expected (use first(), or collection: true on a column)') as boolean) else true end
                        )
                        when (jsonb_typeof((w7.value -> 'system')) = 'null') then null else (w7.value -> 'system') end #>> '{}') = 'phone')
                    ) as i20_
                ) as f6
            )
            union all
            (
                select
                    (case when (jsonb_typeof((f8.value -> 'value')) = 'array') then (
                        select any_value(x22_.value)
                        from (
                            select element_.value as value, element_.ord as ord
                            from jsonb_array_elements(case when jsonb_typeof((f8.value -> 'value')) = 'array' then (f8.value -> 'value') else jsonb_build_array((f8.value -> 'value')) end) with ordinality as element_(value, ord)
                            where jsonb_typeof(element_.value) <> 'null'
                        ) as x22_
                        having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''phone'': more than one value where one is expected (use first(), or collection: true on a column)') as boolean) else true end
                    )
                    when (jsonb_typeof((f8.value -> 'value')) = 'null') then null else (f8.value -> 'value') end #>> '{}') as "phone"
                from (
                    select i23_.value as value, row_number() over (order by i23_.ord) - 1 as row_index
                    from (
                        select w9.value as value, w9.ord as ord
                        from (
                            select e25_.value as value, row_number() over (order by s24_.ord, e25_.ord) as ord
                            from (
                                select element_.value as value, element_.ord as ord
                                from jsonb_array_elements(case when jsonb_typeof((f5.value -> 'contact')) = 'array' then (f5.value -> 'contact') else jsonb_build_array((f5.value -> 'contact')) end) with ordinality as element_(value, ord)
                                where jsonb_typeof(element_.value) <> 'null'
                            ) as s24_
                            cross join lateral (
                                select element_.value as value, element_.ord as ord
                                from jsonb_array_elements(case when jsonb_typeof((s24_.value -> 'telecom')) = 'array' then (s24_.value -> 'telecom') else jsonb_build_array((s24_.value -> 'telecom')) end) with ordinality as element_(value, ord)
                                where jsonb_typeof(element_.value) <> 'null'
                            ) as e25_
                        ) as w9
                        where ((case when (jsonb_typeof((w9.value -> 'system')) = 'array') then (
                            select any_value(x26_.value)
                            from (
                                select element_.value as value, element_.ord as ord
                                from jsonb_array_elements(case when jsonb_typeof((w9.value -> 'system')) = 'array' then (w9.value -> 'system') else jsonb_build_array((w9.value -> 'system')) end) with ordinality as element_(value, ord)
                                where jsonb_typeof(element_.value) <> 'null'
                            ) as x26_
                            having case when count(*) > 1 then cast(concat('view ''patient_contacts'': forEach of the view > select[2] > unionAll[1]: more than one value where one is expected (use first(), or collection: true on a column)') as boolean) else true end
                        )
                        when (jsonb_typeof((w9.value -> 'system')) = 'null') then null else (w9.value -> 'system') end #>> '{}') = 'phone')
                    ) as i23_
                ) as f8
            )
        ) as s18_
    ) as s17_
) as v0_
where (exists (
    select element_.value as value, element_.ord as ord
    from jsonb_array_elements(case when jsonb_typeof((r.value -> 'active')) = 'array' then (r.value -> 'active') else jsonb_build_array((r.value -> 'active')) end) with ordinality as element_(value, ord)
    where jsonb_typeof(element_.value) <> 'null'
) and (cast((case when (jsonb_typeof((r.value -> 'active')) = 'array') then (
    select any_value(x1_.value)
    from (
        select element_.value as value, element_.ord as ord
        from jsonb_array_elements(case when jsonb_typeof((r.value -> 'active')) = 'array' then (r.value -> 'active') else jsonb_build_array((r.value -> 'active')) end) with ordinality as element_(value, ord)
        where jsonb_typeof(element_.value) <> 'null'
    ) as x1_
    having case when count(*) > 1 then cast(concat('view ''patient_contacts'': where[0]: more than one value where one is expected (use first(), or collection: true on a column)') as boolean) else true end
)
when (jsonb_typeof((r.value -> 'active')) = 'null') then null else (r.value -> 'active') end #>> '{}') as boolean) = true))
