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
        s17_."address_index",
        s17_."postal_code",
        s20_."phone"
    from (
        select r.value as value, r.row_index as row_index
    ) as f0
    cross join lateral (
        select
            cast((
                select x3_.value
                from (
                    select flattened_.value as value, flattened_.index + 1 as ord
                    from table(flatten(input => case when is_array(get(r.value, 'id')) then get(r.value, 'id') when get(r.value, 'id') is not null then array_construct(get(r.value, 'id')) end)) as flattened_
                    where flattened_.value is not null and not is_null_value(flattened_.value)
                ) as x3_
            ) as varchar) as "patient_id",
            case when regexp_like(cast((
                select x4_.value
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
            ) as varchar), '^(https?://[^?#]*/)?Organization/[A-Za-z0-9.-]{1,64}(/_history/[A-Za-z0-9.-]{1,64})?$') then regexp_substr(cast((
                select x7_.value
                from (
                    select e9_.value as value, row_number() over (order by s8_.ord, e9_.ord) as ord
                    from (
                        select flattened_.value as value, flattened_.index + 1 as ord
                        from table(flatten(input => case when is_array(get(f1.value, 'managingOrganization')) then get(f1.value, 'managingOrganization') when get(f1.value, 'managingOrganization') is not null then array_construct(get(f1.value, 'managingOrganization')) end)) as flattened_
                        where flattened_.value is not null and not is_null_value(flattened_.value)
                    ) as s8_
                    cross join lateral (
                        select flattened_.value as value, flattened_.index + 1 as ord
                        from table(flatten(input => case when is_array(get(s8_.value, 'reference')) then get(s8_.value, 'reference') when get(s8_.value, 'reference') is not null then array_construct(get(s8_.value, 'reference')) end)) as flattened_
                        where flattened_.value is not null and not is_null_value(flattened_.value)
                    ) as e9_
                ) as x7_
            ) as varchar), '([A-Za-z0-9.-]{1,64})(/_history/[A-Za-z0-9.-]{1,64})?$', 1, 1, 'e', 1) end as "organization_id",
            (
                select coalesce(listagg(cast(x10_.value as varchar), ' ') within group (order by x10_.ord), '')
                from (
                    select e12_.value as value, row_number() over (order by s11_.ord, e12_.ord) as ord
                    from (
                        select w2.value as value, w2.ord as ord
                        from (
                            select flattened_.value as value, flattened_.index + 1 as ord
                            from table(flatten(input => case when is_array(get(f1.value, 'name')) then get(f1.value, 'name') when get(f1.value, 'name') is not null then array_construct(get(f1.value, 'name')) end)) as flattened_
                            where flattened_.value is not null and not is_null_value(flattened_.value)
                        ) as w2
                        where (cast((
                            select x13_.value
                            from (
                                select flattened_.value as value, flattened_.index + 1 as ord
                                from table(flatten(input => case when is_array(get(w2.value, 'use')) then get(w2.value, 'use') when get(w2.value, 'use') is not null then array_construct(get(w2.value, 'use')) end)) as flattened_
                                where flattened_.value is not null and not is_null_value(flattened_.value)
                            ) as x13_
                        ) as varchar) = 'official')
                    ) as s11_
                    cross join lateral (
                        select flattened_.value as value, flattened_.index + 1 as ord
                        from table(flatten(input => case when is_array(get(s11_.value, 'given')) then get(s11_.value, 'given') when get(s11_.value, 'given') is not null then array_construct(get(s11_.value, 'given')) end)) as flattened_
                        where flattened_.value is not null and not is_null_value(flattened_.value)
                    ) as e12_
                ) as x10_
            ) as "given_names",
            (
                select coalesce(array_agg(x14_.value) within group (order by x14_.ord), array_construct())
                from (
                    select e16_.value as value, row_number() over (order by s15_.ord, e16_.ord) as ord
                    from (
                        select flattened_.value as value, flattened_.index + 1 as ord
                        from table(flatten(input => case when is_array(get(f1.value, 'name')) then get(f1.value, 'name') when get(f1.value, 'name') is not null then array_construct(get(f1.value, 'name')) end)) as flattened_
                        where flattened_.value is not null and not is_null_value(flattened_.value)
                    ) as s15_
                    cross join lateral (
                        select flattened_.value as value, flattened_.index + 1 as ord
                        from table(flatten(input => case when is_array(get(s15_.value, 'family')) then get(s15_.value, 'family') when get(s15_.value, 'family') is not null then array_construct(get(s15_.value, 'family')) end)) as flattened_
                        where flattened_.value is not null and not is_null_value(flattened_.value)
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
            cast((
                select x18_.value
                from (
                    select flattened_.value as value, flattened_.index + 1 as ord
                    from table(flatten(input => case when is_array(get(f3.value, 'postalCode')) then get(f3.value, 'postalCode') when get(f3.value, 'postalCode') is not null then array_construct(get(f3.value, 'postalCode')) end)) as flattened_
                    where flattened_.value is not null and not is_null_value(flattened_.value)
                ) as x18_
            ) as varchar) as "postal_code"
        from (
            select i19_.value as value, row_number() over (order by i19_.ord) - 1 as row_index
            from (
                select flattened_.value as value, flattened_.index + 1 as ord
                from table(flatten(input => case when is_array(get(f0.value, 'address')) then get(f0.value, 'address') when get(f0.value, 'address') is not null then array_construct(get(f0.value, 'address')) end)) as flattened_
                where flattened_.value is not null and not is_null_value(flattened_.value)
            ) as i19_
        ) as f3
        union all
        select 0 as "address_index", cast(null as varchar) as "postal_code"
        where not exists (
            select flattened_.value as value, flattened_.index + 1 as ord
            from table(flatten(input => case when is_array(get(f0.value, 'address')) then get(f0.value, 'address') when get(f0.value, 'address') is not null then array_construct(get(f0.value, 'address')) end)) as flattened_
            where flattened_.value is not null and not is_null_value(flattened_.value)
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
                    cast((
                        select x22_.value
                        from (
                            select flattened_.value as value, flattened_.index + 1 as ord
                            from table(flatten(input => case when is_array(get(f5.value, 'value')) then get(f5.value, 'value') when get(f5.value, 'value') is not null then array_construct(get(f5.value, 'value')) end)) as flattened_
                            where flattened_.value is not null and not is_null_value(flattened_.value)
                        ) as x22_
                    ) as varchar) as "phone"
                from (
                    select i23_.value as value, row_number() over (order by i23_.ord) - 1 as row_index
                    from (
                        select w6.value as value, w6.ord as ord
                        from (
                            select flattened_.value as value, flattened_.index + 1 as ord
                            from table(flatten(input => case when is_array(get(f4.value, 'telecom')) then get(f4.value, 'telecom') when get(f4.value, 'telecom') is not null then array_construct(get(f4.value, 'telecom')) end)) as flattened_
                            where flattened_.value is not null and not is_null_value(flattened_.value)
                        ) as w6
                        where (cast((
                            select x24_.value
                            from (
                                select flattened_.value as value, flattened_.index + 1 as ord
                                from table(flatten(input => case when is_array(get(w6.value, 'system')) then get(w6.value, 'system') when get(w6.value, 'system') is not null then array_construct(get(w6.value, 'system')) end)) as flattened_
                                where flattened_.value is not null and not is_null_value(flattened_.value)
                            ) as x24_
                        ) as varchar) = 'phone')
                    ) as i23_
                ) as f5
            )
            union all
            (
                select
                    cast((
                        select x25_.value
                        from (
                            select flattened_.value as value, flattened_.index + 1 as ord
                            from table(flatten(input => case when is_array(get(f7.value, 'value')) then get(f7.value, 'value') when get(f7.value, 'value') is not null then array_construct(get(f7.value, 'value')) end)) as flattened_
                            where flattened_.value is not null and not is_null_value(flattened_.value)
                        ) as x25_
                    ) as varchar) as "phone"
                from (
                    select i26_.value as value, row_number() over (order by i26_.ord) - 1 as row_index
                    from (
                        select w8.value as value, w8.ord as ord
                        from (
                            select e28_.value as value, row_number() over (order by s27_.ord, e28_.ord) as ord
                            from (
                                select flattened_.value as value, flattened_.index + 1 as ord
                                from table(flatten(input => case when is_array(get(f4.value, 'contact')) then get(f4.value, 'contact') when get(f4.value, 'contact') is not null then array_construct(get(f4.value, 'contact')) end)) as flattened_
                                where flattened_.value is not null and not is_null_value(flattened_.value)
                            ) as s27_
                            cross join lateral (
                                select flattened_.value as value, flattened_.index + 1 as ord
                                from table(flatten(input => case when is_array(get(s27_.value, 'telecom')) then get(s27_.value, 'telecom') when get(s27_.value, 'telecom') is not null then array_construct(get(s27_.value, 'telecom')) end)) as flattened_
                                where flattened_.value is not null and not is_null_value(flattened_.value)
                            ) as e28_
                        ) as w8
                        where (cast((
                            select x29_.value
                            from (
                                select flattened_.value as value, flattened_.index + 1 as ord
                                from table(flatten(input => case when is_array(get(w8.value, 'system')) then get(w8.value, 'system') when get(w8.value, 'system') is not null then array_construct(get(w8.value, 'system')) end)) as flattened_
                                where flattened_.value is not null and not is_null_value(flattened_.value)
                            ) as x29_
                        ) as varchar) = 'phone')
                    ) as i26_
                ) as f7
            )
        ) as s21_
    ) as s20_
) as v0_
where (exists (
    select flattened_.value as value, flattened_.index + 1 as ord
    from table(flatten(input => case when is_array(get(r.value, 'active')) then get(r.value, 'active') when get(r.value, 'active') is not null then array_construct(get(r.value, 'active')) end)) as flattened_
    where flattened_.value is not null and not is_null_value(flattened_.value)
) and (cast((
    select x1_.value
    from (
        select flattened_.value as value, flattened_.index + 1 as ord
        from table(flatten(input => case when is_array(get(r.value, 'active')) then get(r.value, 'active') when get(r.value, 'active') is not null then array_construct(get(r.value, 'active')) end)) as flattened_
        where flattened_.value is not null and not is_null_value(flattened_.value)
    ) as x1_
) as boolean) = true))
