select
    v0_."patient_id",
    v0_."organization_id",
    v0_."given_names",
    v0_."all_families",
    v0_."address_index",
    v0_."postal_code",
    v0_."phone"
from (
    select resource as value, 0 as row_index
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
            case when is_varchar((
                select x3_.value
                from (
                    select element_ as value, position_ + 1 as ord
                    from (select case when is_array(r.value."id") then r.value."id" else array(r.value."id") end as items_) as array_,
                        array_.items_ as element_ at position_
                    where element_ is not null
                ) as x3_
            )) then cast((
                select x3_.value
                from (
                    select element_ as value, position_ + 1 as ord
                    from (select case when is_array(r.value."id") then r.value."id" else array(r.value."id") end as items_) as array_,
                        array_.items_ as element_ at position_
                    where element_ is not null
                ) as x3_
            ) as varchar) else json_serialize((
                select x3_.value
                from (
                    select element_ as value, position_ + 1 as ord
                    from (select case when is_array(r.value."id") then r.value."id" else array(r.value."id") end as items_) as array_,
                        array_.items_ as element_ at position_
                    where element_ is not null
                ) as x3_
            )) end as "patient_id",
            case when (case when is_varchar((
                select x4_.value
                from (
                    select e6_.value as value, row_number() over (order by s5_.ord, e6_.ord) as ord
                    from (
                        select element_ as value, position_ + 1 as ord
                        from (select case when is_array(f1.value."managingOrganization") then f1.value."managingOrganization" else array(f1.value."managingOrganization") end as items_) as array_,
                            array_.items_ as element_ at position_
                        where element_ is not null
                    ) as s5_
                    cross join lateral (
                        select element_ as value, position_ + 1 as ord
                        from (select case when is_array(s5_.value."reference") then s5_.value."reference" else array(s5_.value."reference") end as items_) as array_,
                            array_.items_ as element_ at position_
                        where element_ is not null
                    ) as e6_
                ) as x4_
            )) then cast((
                select x4_.value
                from (
                    select e6_.value as value, row_number() over (order by s5_.ord, e6_.ord) as ord
                    from (
                        select element_ as value, position_ + 1 as ord
                        from (select case when is_array(f1.value."managingOrganization") then f1.value."managingOrganization" else array(f1.value."managingOrganization") end as items_) as array_,
                            array_.items_ as element_ at position_
                        where element_ is not null
                    ) as s5_
                    cross join lateral (
                        select element_ as value, position_ + 1 as ord
                        from (select case when is_array(s5_.value."reference") then s5_.value."reference" else array(s5_.value."reference") end as items_) as array_,
                            array_.items_ as element_ at position_
                        where element_ is not null
                    ) as e6_
                ) as x4_
            ) as varchar) else json_serialize((
                select x4_.value
                from (
                    select e6_.value as value, row_number() over (order by s5_.ord, e6_.ord) as ord
                    from (
                        select element_ as value, position_ + 1 as ord
                        from (select case when is_array(f1.value."managingOrganization") then f1.value."managingOrganization" else array(f1.value."managingOrganization") end as items_) as array_,
                            array_.items_ as element_ at position_
                        where element_ is not null
                    ) as s5_
                    cross join lateral (
                        select element_ as value, position_ + 1 as ord
                        from (select case when is_array(s5_.value."reference") then s5_.value."reference" else array(s5_.value."reference") end as items_) as array_,
                            array_.items_ as element_ at position_
                        where element_ is not null
                    ) as e6_
                ) as x4_
            )) end ~ '^(https?://[^?#]*/)?Organization/[A-Za-z0-9.-]{1,64}(/_history/[A-Za-z0-9.-]{1,64})?$') then regexp_substr(case when is_varchar((
                select x7_.value
                from (
                    select e9_.value as value, row_number() over (order by s8_.ord, e9_.ord) as ord
                    from (
                        select element_ as value, position_ + 1 as ord
                        from (select case when is_array(f1.value."managingOrganization") then f1.value."managingOrganization" else array(f1.value."managingOrganization") end as items_) as array_,
                            array_.items_ as element_ at position_
                        where element_ is not null
                    ) as s8_
                    cross join lateral (
                        select element_ as value, position_ + 1 as ord
                        from (select case when is_array(s8_.value."reference") then s8_.value."reference" else array(s8_.value."reference") end as items_) as array_,
                            array_.items_ as element_ at position_
                        where element_ is not null
                    ) as e9_
                ) as x7_
            )) then cast((
                select x7_.value
                from (
                    select e9_.value as value, row_number() over (order by s8_.ord, e9_.ord) as ord
                    from (
                        select element_ as value, position_ + 1 as ord
                        from (select case when is_array(f1.value."managingOrganization") then f1.value."managingOrganization" else array(f1.value."managingOrganization") end as items_) as array_,
                            array_.items_ as element_ at position_
                        where element_ is not null
                    ) as s8_
                    cross join lateral (
                        select element_ as value, position_ + 1 as ord
                        from (select case when is_array(s8_.value."reference") then s8_.value."reference" else array(s8_.value."reference") end as items_) as array_,
                            array_.items_ as element_ at position_
                        where element_ is not null
                    ) as e9_
                ) as x7_
            ) as varchar) else json_serialize((
                select x7_.value
                from (
                    select e9_.value as value, row_number() over (order by s8_.ord, e9_.ord) as ord
                    from (
                        select element_ as value, position_ + 1 as ord
                        from (select case when is_array(f1.value."managingOrganization") then f1.value."managingOrganization" else array(f1.value."managingOrganization") end as items_) as array_,
                            array_.items_ as element_ at position_
                        where element_ is not null
                    ) as s8_
                    cross join lateral (
                        select element_ as value, position_ + 1 as ord
                        from (select case when is_array(s8_.value."reference") then s8_.value."reference" else array(s8_.value."reference") end as items_) as array_,
                            array_.items_ as element_ at position_
                        where element_ is not null
                    ) as e9_
                ) as x7_
            )) end, '([A-Za-z0-9.-]{1,64})(/_history/[A-Za-z0-9.-]{1,64})?$', 1, 1, 'e') end as "organization_id",
            (
                select coalesce(listagg(case when is_varchar(x10_.value) then cast(x10_.value as varchar) else json_serialize(x10_.value) end, ' ') within group (order by x10_.ord), '')
                from (
                    select e12_.value as value, row_number() over (order by s11_.ord, e12_.ord) as ord
                    from (
                        select w2.value as value, w2.ord as ord
                        from (
                            select element_ as value, position_ + 1 as ord
                            from (select case when is_array(f1.value."name") then f1.value."name" else array(f1.value."name") end as items_) as array_,
                                array_.items_ as element_ at position_
                            where element_ is not null
                        ) as w2
                        where (case when is_varchar((
                            select x13_.value
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(w2.value."use") then w2.value."use" else array(w2.value."use") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as x13_
                        )) then cast((
                            select x13_.value
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(w2.value."use") then w2.value."use" else array(w2.value."use") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as x13_
                        ) as varchar) else json_serialize((
                            select x13_.value
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(w2.value."use") then w2.value."use" else array(w2.value."use") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as x13_
                        )) end = 'official')
                    ) as s11_
                    cross join lateral (
                        select element_ as value, position_ + 1 as ord
                        from (select case when is_array(s11_.value."given") then s11_.value."given" else array(s11_.value."given") end as items_) as array_,
                            array_.items_ as element_ at position_
                        where element_ is not null
                    ) as e12_
                ) as x10_
            ) as "given_names",
            (
                select json_parse('[' || coalesce(listagg(json_serialize(x14_.value), ',') within group (order by x14_.ord), '') || ']')
                from (
                    select e16_.value as value, row_number() over (order by s15_.ord, e16_.ord) as ord
                    from (
                        select element_ as value, position_ + 1 as ord
                        from (select case when is_array(f1.value."name") then f1.value."name" else array(f1.value."name") end as items_) as array_,
                            array_.items_ as element_ at position_
                        where element_ is not null
                    ) as s15_
                    cross join lateral (
                        select element_ as value, position_ + 1 as ord
                        from (select case when is_array(s15_.value."family") then s15_.value."family" else array(s15_.value."family") end as items_) as array_,
                            array_.items_ as element_ at position_
                        where element_ is not null
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
            case when is_varchar((
                select x18_.value
                from (
                    select element_ as value, position_ + 1 as ord
                    from (select case when is_array(f3.value."postalCode") then f3.value."postalCode" else array(f3.value."postalCode") end as items_) as array_,
                        array_.items_ as element_ at position_
                    where element_ is not null
                ) as x18_
            )) then cast((
                select x18_.value
                from (
                    select element_ as value, position_ + 1 as ord
                    from (select case when is_array(f3.value."postalCode") then f3.value."postalCode" else array(f3.value."postalCode") end as items_) as array_,
                        array_.items_ as element_ at position_
                    where element_ is not null
                ) as x18_
            ) as varchar) else json_serialize((
                select x18_.value
                from (
                    select element_ as value, position_ + 1 as ord
                    from (select case when is_array(f3.value."postalCode") then f3.value."postalCode" else array(f3.value."postalCode") end as items_) as array_,
                        array_.items_ as element_ at position_
                    where element_ is not null
                ) as x18_
            )) end as "postal_code"
        from (
            select i19_.value as value, row_number() over (order by i19_.ord) - 1 as row_index
            from (
                select element_ as value, position_ + 1 as ord
                from (select case when is_array(f0.value."address") then f0.value."address" else array(f0.value."address") end as items_) as array_,
                    array_.items_ as element_ at position_
                where element_ is not null
            ) as i19_
        ) as f3
        union all
        select 0 as "address_index", cast(null as varchar) as "postal_code"
        where not exists (
            select element_ as value, position_ + 1 as ord
            from (select case when is_array(f0.value."address") then f0.value."address" else array(f0.value."address") end as items_) as array_,
                array_.items_ as element_ at position_
            where element_ is not null
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
                    case when is_varchar((
                        select x22_.value
                        from (
                            select element_ as value, position_ + 1 as ord
                            from (select case when is_array(f5.value."value") then f5.value."value" else array(f5.value."value") end as items_) as array_,
                                array_.items_ as element_ at position_
                            where element_ is not null
                        ) as x22_
                    )) then cast((
                        select x22_.value
                        from (
                            select element_ as value, position_ + 1 as ord
                            from (select case when is_array(f5.value."value") then f5.value."value" else array(f5.value."value") end as items_) as array_,
                                array_.items_ as element_ at position_
                            where element_ is not null
                        ) as x22_
                    ) as varchar) else json_serialize((
                        select x22_.value
                        from (
                            select element_ as value, position_ + 1 as ord
                            from (select case when is_array(f5.value."value") then f5.value."value" else array(f5.value."value") end as items_) as array_,
                                array_.items_ as element_ at position_
                            where element_ is not null
                        ) as x22_
                    )) end as "phone"
                from (
                    select i23_.value as value, row_number() over (order by i23_.ord) - 1 as row_index
                    from (
                        select w6.value as value, w6.ord as ord
                        from (
                            select element_ as value, position_ + 1 as ord
                            from (select case when is_array(f4.value."telecom") then f4.value."telecom" else array(f4.value."telecom") end as items_) as array_,
                                array_.items_ as element_ at position_
                            where element_ is not null
                        ) as w6
                        where (case when is_varchar((
                            select x24_.value
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(w6.value."system") then w6.value."system" else array(w6.value."system") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as x24_
                        )) then cast((
                            select x24_.value
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(w6.value."system") then w6.value."system" else array(w6.value."system") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as x24_
                        ) as varchar) else json_serialize((
                            select x24_.value
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(w6.value."system") then w6.value."system" else array(w6.value."system") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as x24_
                        )) end = 'phone')
                    ) as i23_
                ) as f5
            )
            union all
            (
                select
                    case when is_varchar((
                        select x25_.value
                        from (
                            select element_ as value, position_ + 1 as ord
                            from (select case when is_array(f7.value."value") then f7.value."value" else array(f7.value."value") end as items_) as array_,
                                array_.items_ as element_ at position_
                            where element_ is not null
                        ) as x25_
                    )) then cast((
                        select x25_.value
                        from (
                            select element_ as value, position_ + 1 as ord
                            from (select case when is_array(f7.value."value") then f7.value."value" else array(f7.value."value") end as items_) as array_,
                                array_.items_ as element_ at position_
                            where element_ is not null
                        ) as x25_
                    ) as varchar) else json_serialize((
                        select x25_.value
                        from (
                            select element_ as value, position_ + 1 as ord
                            from (select case when is_array(f7.value."value") then f7.value."value" else array(f7.value."value") end as items_) as array_,
                                array_.items_ as element_ at position_
                            where element_ is not null
                        ) as x25_
                    )) end as "phone"
                from (
                    select i26_.value as value, row_number() over (order by i26_.ord) - 1 as row_index
                    from (
                        select w8.value as value, w8.ord as ord
                        from (
                            select e28_.value as value, row_number() over (order by s27_.ord, e28_.ord) as ord
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(f4.value."contact") then f4.value."contact" else array(f4.value."contact") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as s27_
                            cross join lateral (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(s27_.value."telecom") then s27_.value."telecom" else array(s27_.value."telecom") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as e28_
                        ) as w8
                        where (case when is_varchar((
                            select x29_.value
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(w8.value."system") then w8.value."system" else array(w8.value."system") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as x29_
                        )) then cast((
                            select x29_.value
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(w8.value."system") then w8.value."system" else array(w8.value."system") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as x29_
                        ) as varchar) else json_serialize((
                            select x29_.value
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(w8.value."system") then w8.value."system" else array(w8.value."system") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as x29_
                        )) end = 'phone')
                    ) as i26_
                ) as f7
            )
        ) as s21_
    ) as s20_
) as v0_
where (exists (
    select element_ as value, position_ + 1 as ord
    from (select case when is_array(r.value."active") then r.value."active" else array(r.value."active") end as items_) as array_,
        array_.items_ as element_ at position_
    where element_ is not null
) and (cast((
    select x1_.value
    from (
        select element_ as value, position_ + 1 as ord
        from (select case when is_array(r.value."active") then r.value."active" else array(r.value."active") end as items_) as array_,
            array_.items_ as element_ at position_
        where element_ is not null
    ) as x1_
) as boolean) = true))
