select
    v0_."patient_id",
    v0_."organization_id",
    v0_."given_names",
    v0_."all_families",
    v0_."address_index",
    v0_."postal_code",
    v0_."phone"
from (
    select cast(resource as variant) as value, 0 as row_index
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
            cast(case when (is_array(get(r.value, 'id'))) then (
                select any_value(x3_.value)
                from (
                    select flattened_.value as value, flattened_.index + 1 as ord
                    from table(flatten(input => case when is_array(get(r.value, 'id')) then get(r.value, 'id') when get(r.value, 'id') is not null then array_construct(get(r.value, 'id')) end)) as flattened_
                    where flattened_.value is not null and not is_null_value(flattened_.value)
                ) as x3_
                having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''patient_id'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
            )
            when (is_null_value(get(r.value, 'id'))) then null else get(r.value, 'id') end as varchar) as "patient_id",
            (
                select case when regexp_like(b2.value, '^(https?://[^?#]*/)?Organization/[A-Za-z0-9.-]{1,64}(/_history/[A-Za-z0-9.-]{1,64})?$') then regexp_substr(b2.value, '([A-Za-z0-9.-]{1,64})(/_history/[A-Za-z0-9.-]{1,64})?$', 1, 1, 'e', 1) end
                from (select cast((
                select any_value(x4_.value)
                from (
                    select e6_.value as value, row_number() over (order by s5_.ord, e6_.ord) as ord
                    from (
                        select flattened_.value as value, flattened_.index + 1 as ord
                        from table(flatten(input => case when is_array(get(f1.value, 'managingOrganization')) then get(f1.value, 'managingOrganization') when get(f1.value, 'managingOrganization') is not null then array_construct(get(f1.value, 'managingOrganization')) end)) as flattened_
                        where flattened_.value is not null and not is_null_value(flattened_.value)
                    ) as s5_
                    cross join lateral (
                        select flattened_.value as value, flattened_.index + 1 as ord
                        from table(flatten(input => case when is_array(get(s5_.value, 'reference')) then get(s5_.value, 'reference') when get(s5_.value, 'reference') is not null then array_construct(get(s5_.value, 'reference')) end)) as flattened_
                        where flattened_.value is not null and not is_null_value(flattened_.value)
                    ) as e6_
                ) as x4_
                having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''organization_id'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
            ) as varchar) as value) as b2
            ) as "organization_id",
            (
                select coalesce(listagg(cast(x7_.value as varchar), ' ') within group (order by x7_.ord), '')
                from (
                    select e9_.value as value, row_number() over (order by s8_.ord, e9_.ord) as ord
                    from (
                        select w3.value as value, w3.ord as ord
                        from (
                            select flattened_.value as value, flattened_.index + 1 as ord
                            from table(flatten(input => case when is_array(get(f1.value, 'name')) then get(f1.value, 'name') when get(f1.value, 'name') is not null then array_construct(get(f1.value, 'name')) end)) as flattened_
                            where flattened_.value is not null and not is_null_value(flattened_.value)
                        ) as w3
                        where (cast(case when (is_array(get(w3.value, 'use'))) then (
                            select any_value(x10_.value)
                            from (
                                select flattened_.value as value, flattened_.index + 1 as ord
                                from table(flatten(input => case when is_array(get(w3.value, 'use')) then get(w3.value, 'use') when get(w3.value, 'use') is not null then array_construct(get(w3.value, 'use')) end)) as flattened_
                                where flattened_.value is not null and not is_null_value(flattened_.value)
                            ) as x10_
                            having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''given_names'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
                        )
                        when (is_null_value(get(w3.value, 'use'))) then null else get(w3.value, 'use') end as varchar) = 'official')
                    ) as s8_
                    cross join lateral (
                        select flattened_.value as value, flattened_.index + 1 as ord
                        from table(flatten(input => case when is_array(get(s8_.value, 'given')) then get(s8_.value, 'given') when get(s8_.value, 'given') is not null then array_construct(get(s8_.value, 'given')) end)) as flattened_
                        where flattened_.value is not null and not is_null_value(flattened_.value)
                    ) as e9_
                ) as x7_
            ) as "given_names",
            (
                select coalesce(array_agg(x11_.value) within group (order by x11_.ord), array_construct())
                from (
                    select e13_.value as value, row_number() over (order by s12_.ord, e13_.ord) as ord
                    from (
                        select flattened_.value as value, flattened_.index + 1 as ord
                        from table(flatten(input => case when is_array(get(f1.value, 'name')) then get(f1.value, 'name') when get(f1.value, 'name') is not null then array_construct(get(f1.value, 'name')) end)) as flattened_
                        where flattened_.value is not null and not is_null_value(flattened_.value)
                    ) as s12_
                    cross join lateral (
                        select flattened_.value as value, flattened_.index + 1 as ord
                        from table(flatten(input => case when is_array(get(s12_.value, 'family')) then get(s12_.value, 'family') when get(s12_.value, 'family') is not null then array_construct(get(s12_.value, 'family')) end)) as flattened_
                        where flattened_.value is not null and not is_null_value(flattened_.value)
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
            cast(case when (is_array(get(f4.value, 'postalCode'))) then (
                select any_value(x15_.value)
                from (
                    select flattened_.value as value, flattened_.index + 1 as ord
                    from table(flatten(input => case when is_array(get(f4.value, 'postalCode')) then get(f4.value, 'postalCode') when get(f4.value, 'postalCode') is not null then array_construct(get(f4.value, 'postalCode')) end)) as flattened_
                    where flattened_.value is not null and not is_null_value(flattened_.value)
                ) as x15_
                having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''postal_code'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
            )
            when (is_null_value(get(f4.value, 'postalCode'))) then null else get(f4.value, 'postalCode') end as varchar) as "postal_code"
        from (
            select i16_.value as value, row_number() over (order by i16_.ord) - 1 as row_index
            from (
                select flattened_.value as value, flattened_.index + 1 as ord
                from table(flatten(input => case when is_array(get(f0.value, 'address')) then get(f0.value, 'address') when get(f0.value, 'address') is not null then array_construct(get(f0.value, 'address')) end)) as flattened_
                where flattened_.value is not null and not is_null_value(flattened_.value)
            ) as i16_
        ) as f4
        union all
        select 0 as "address_index", cast(null as varchar) as "postal_code"
        where not exists (
            select flattened_.value as value, flattened_.index + 1 as ord
            from table(flatten(input => case when is_array(get(f0.value, 'address')) then get(f0.value, 'address') when get(f0.value, 'address') is not null then array_construct(get(f0.value, 'address')) end)) as flattened_
            where flattened_.value is not null and not is_null_value(flattened_.value)
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
                    cast(case when (is_array(get(f6.value, 'value'))) then (
                        select any_value(x19_.value)
                        from (
                            select flattened_.value as value, flattened_.index + 1 as ord
                            from table(flatten(input => case when is_array(get(f6.value, 'value')) then get(f6.value, 'value') when get(f6.value, 'value') is not null then array_construct(get(f6.value, 'value')) end)) as flattened_
                            where flattened_.value is not null and not is_null_value(flattened_.value)
                        ) as x19_
                        having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''phone'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
                    )
                    when (is_null_value(get(f6.value, 'value'))) then null else get(f6.value, 'value') end as varchar) as "phone"
                from (
                    select i20_.value as value, row_number() over (order by i20_.ord) - 1 as row_index
                    from (
                        select w7.value as value, w7.ord as ord
                        from (
                            select flattened_.value as value, flattened_.index + 1 as ord
                            from table(flatten(input => case when is_array(get(f5.value, 'telecom')) then get(f5.value, 'telecom') when get(f5.value, 'telecom') is not null then array_construct(get(f5.value, 'telecom')) end)) as flattened_
                            where flattened_.value is not null and not is_null_value(flattened_.value)
                        ) as w7
                        where (cast(case when (is_array(get(w7.value, 'system'))) then (
                            select any_value(x21_.value)
                            from (
                                select flattened_.value as value, flattened_.index + 1 as ord
                                from table(flatten(input => case when is_array(get(w7.value, 'system')) then get(w7.value, 'system') when get(w7.value, 'system') is not null then array_construct(get(w7.value, 'system')) end)) as flattened_
                                where flattened_.value is not null and not is_null_value(flattened_.value)
                            ) as x21_
                            having case when count(*) > 1 then cast(concat('view ''patient_contacts'': forEach of the view > select[2] > unionAll[0]: more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
                        )
                        when (is_null_value(get(w7.value, 'system'))) then null else get(w7.value, 'system') end as varchar) = 'phone')
                    ) as i20_
                ) as f6
            )
            union all
            (
                select
                    cast(case when (is_array(get(f8.value, 'value'))) then (
                        select any_value(x22_.value)
                        from (
                            select flattened_.value as value, flattened_.index + 1 as ord
                            from table(flatten(input => case when is_array(get(f8.value, 'value')) then get(f8.value, 'value') when get(f8.value, 'value') is not null then array_construct(get(f8.value, 'value')) end)) as flattened_
                            where flattened_.value is not null and not is_null_value(flattened_.value)
                        ) as x22_
                        having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''phone'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
                    )
                    when (is_null_value(get(f8.value, 'value'))) then null else get(f8.value, 'value') end as varchar) as "phone"
                from (
                    select i23_.value as value, row_number() over (order by i23_.ord) - 1 as row_index
                    from (
                        select w9.value as value, w9.ord as ord
                        from (
                            select e25_.value as value, row_number() over (order by s24_.ord, e25_.ord) as ord
                            from (
                                select flattened_.value as value, flattened_.index + 1 as ord
                                from table(flatten(input => case when is_array(get(f5.value, 'contact')) then get(f5.value, 'contact') when get(f5.value, 'contact') is not null then array_construct(get(f5.value, 'contact')) end)) as flattened_
                                where flattened_.value is not null and not is_null_value(flattened_.value)
                            ) as s24_
                            cross join lateral (
                                select flattened_.value as value, flattened_.index + 1 as ord
                                from table(flatten(input => case when is_array(get(s24_.value, 'telecom')) then get(s24_.value, 'telecom') when get(s24_.value, 'telecom') is not null then array_construct(get(s24_.value, 'telecom')) end)) as flattened_
                                where flattened_.value is not null and not is_null_value(flattened_.value)
                            ) as e25_
                        ) as w9
                        where (cast(case when (is_array(get(w9.value, 'system'))) then (
                            select any_value(x26_.value)
                            from (
                                select flattened_.value as value, flattened_.index + 1 as ord
                                from table(flatten(input => case when is_array(get(w9.value, 'system')) then get(w9.value, 'system') when get(w9.value, 'system') is not null then array_construct(get(w9.value, 'system')) end)) as flattened_
                                where flattened_.value is not null and not is_null_value(flattened_.value)
                            ) as x26_
                            having case when count(*) > 1 then cast(concat('view ''patient_contacts'': forEach of the view > select[2] > unionAll[1]: more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
                        )
                        when (is_null_value(get(w9.value, 'system'))) then null else get(w9.value, 'system') end as varchar) = 'phone')
                    ) as i23_
                ) as f8
            )
        ) as s18_
    ) as s17_
) as v0_
where (exists (
    select flattened_.value as value, flattened_.index + 1 as ord
    from table(flatten(input => case when is_array(get(r.value, 'active')) then get(r.value, 'active') when get(r.value, 'active') is not null then array_construct(get(r.value, 'active')) end)) as flattened_
    where flattened_.value is not null and not is_null_value(flattened_.value)
) and (cast(case when (is_array(get(r.value, 'active'))) then (
    select any_value(x1_.value)
    from (
        select flattened_.value as value, flattened_.index + 1 as ord
        from table(flatten(input => case when is_array(get(r.value, 'active')) then get(r.value, 'active') when get(r.value, 'active') is not null then array_construct(get(r.value, 'active')) end)) as flattened_
        where flattened_.value is not null and not is_null_value(flattened_.value)
    ) as x1_
    having case when count(*) > 1 then cast(concat('view ''patient_contacts'': where[0]: more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
)
when (is_null_value(get(r.value, 'active'))) then null else get(r.value, 'active') end as boolean) = true))
