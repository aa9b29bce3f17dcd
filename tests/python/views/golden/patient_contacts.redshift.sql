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
        s14_."address_index",
        s14_."postal_code",
        s17_."phone"
    from (
        select r.value as value, r.row_index as row_index
    ) as f0
    cross join lateral (
        select
            case when is_varchar(case when (is_array(r.value."id")) then (
                select any_value(x3_.value)
                from (
                    select element_ as value, position_ + 1 as ord
                    from (select case when is_array(r.value."id") then r.value."id" else array(r.value."id") end as items_) as array_,
                        array_.items_ as element_ at position_
                    where element_ is not null
                ) as x3_
                having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''patient_id'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
            )
            when (json_typeof(r.value."id") = 'null') then null else r.value."id" end) then cast(case when (is_array(r.value."id")) then (
                select any_value(x3_.value)
                from (
                    select element_ as value, position_ + 1 as ord
                    from (select case when is_array(r.value."id") then r.value."id" else array(r.value."id") end as items_) as array_,
                        array_.items_ as element_ at position_
                    where element_ is not null
                ) as x3_
                having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''patient_id'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
            )
            when (json_typeof(r.value."id") = 'null') then null else r.value."id" end as varchar) else json_serialize(case when (is_array(r.value."id")) then (
                select any_value(x3_.value)
                from (
                    select element_ as value, position_ + 1 as ord
                    from (select case when is_array(r.value."id") then r.value."id" else array(r.value."id") end as items_) as array_,
                        array_.items_ as element_ at position_
                    where element_ is not null
                ) as x3_
                having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''patient_id'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
            )
            when (json_typeof(r.value."id") = 'null') then null else r.value."id" end) end as "patient_id",
            (
                select case when (b2.value ~ '^(https?://[^?#]*/)?Organization/[A-Za-z0-9.-]{1,64}(/_history/[A-Za-z0-9.-]{1,64})?$') then regexp_substr(b2.value, '([A-Za-z0-9.-]{1,64})(/_history/[A-Za-z0-9.-]{1,64})?$', 1, 1, 'e') end
                from (select case when is_varchar((
                select any_value(x4_.value)
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
                having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''organization_id'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
            )) then cast((
                select any_value(x4_.value)
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
                having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''organization_id'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
            ) as varchar) else json_serialize((
                select any_value(x4_.value)
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
                having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''organization_id'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
            )) end as value) as b2
            ) as "organization_id",
            (
                select coalesce(listagg(case when is_varchar(x7_.value) then cast(x7_.value as varchar) else json_serialize(x7_.value) end, ' ') within group (order by x7_.ord), '')
                from (
                    select e9_.value as value, row_number() over (order by s8_.ord, e9_.ord) as ord
                    from (
                        select w3.value as value, w3.ord as ord
                        from (
                            select element_ as value, position_ + 1 as ord
                            from (select case when is_array(f1.value."name") then f1.value."name" else array(f1.value."name") end as items_) as array_,
                                array_.items_ as element_ at position_
                            where element_ is not null
                        ) as w3
                        where (case when is_varchar(case when (is_array(w3.value."use")) then (
                            select any_value(x10_.value)
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(w3.value."use") then w3.value."use" else array(w3.value."use") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as x10_
                            having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''given_names'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
                        )
                        when (json_typeof(w3.value."use") = 'null') then null else w3.value."use" end) then cast(case when (is_array(w3.value."use")) then (
                            select any_value(x10_.value)
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(w3.value."use") then w3.value."use" else array(w3.value."use") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as x10_
                            having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''given_names'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
                        )
                        when (json_typeof(w3.value."use") = 'null') then null else w3.value."use" end as varchar) else json_serialize(case when (is_array(w3.value."use")) then (
                            select any_value(x10_.value)
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(w3.value."use") then w3.value."use" else array(w3.value."use") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as x10_
                            having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''given_names'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
                        )
                        when (json_typeof(w3.value."use") = 'null') then null else w3.value."use" end) end = 'official')
                    ) as s8_
                    cross join lateral (
                        select element_ as value, position_ + 1 as ord
                        from (select case when is_array(s8_.value."given") then s8_.value."given" else array(s8_.value."given") end as items_) as array_,
                            array_.items_ as element_ at position_
                        where element_ is not null
                    ) as e9_
                ) as x7_
            ) as "given_names",
            (
                select json_parse('[' || coalesce(listagg(json_serialize(x11_.value), ',') within group (order by x11_.ord), '') || ']')
                from (
                    select e13_.value as value, row_number() over (order by s12_.ord, e13_.ord) as ord
                    from (
                        select element_ as value, position_ + 1 as ord
                        from (select case when is_array(f1.value."name") then f1.value."name" else array(f1.value."name") end as items_) as array_,
                            array_.items_ as element_ at position_
                        where element_ is not null
                    ) as s12_
                    cross join lateral (
                        select element_ as value, position_ + 1 as ord
                        from (select case when is_array(s12_.value."family") then s12_.value."family" else array(s12_.value."family") end as items_) as array_,
                            array_.items_ as element_ at position_
                        where element_ is not null
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
            case when is_varchar(case when (is_array(f4.value."postalCode")) then (
                select any_value(x15_.value)
                from (
                    select element_ as value, position_ + 1 as ord
                    from (select case when is_array(f4.value."postalCode") then f4.value."postalCode" else array(f4.value."postalCode") end as items_) as array_,
                        array_.items_ as element_ at position_
                    where element_ is not null
                ) as x15_
                having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''postal_code'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
            )
            when (json_typeof(f4.value."postalCode") = 'null') then null else f4.value."postalCode" end) then cast(case when (is_array(f4.value."postalCode")) then (
                select any_value(x15_.value)
                from (
                    select element_ as value, position_ + 1 as ord
                    from (select case when is_array(f4.value."postalCode") then f4.value."postalCode" else array(f4.value."postalCode") end as items_) as array_,
                        array_.items_ as element_ at position_
                    where element_ is not null
                ) as x15_
                having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''postal_code'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
            )
            when (json_typeof(f4.value."postalCode") = 'null') then null else f4.value."postalCode" end as varchar) else json_serialize(case when (is_array(f4.value."postalCode")) then (
                select any_value(x15_.value)
                from (
                    select element_ as value, position_ + 1 as ord
                    from (select case when is_array(f4.value."postalCode") then f4.value."postalCode" else array(f4.value."postalCode") end as items_) as array_,
                        array_.items_ as element_ at position_
                    where element_ is not null
                ) as x15_
                having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''postal_code'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
            )
            when (json_typeof(f4.value."postalCode") = 'null') then null else f4.value."postalCode" end) end as "postal_code"
        from (
            select i16_.value as value, row_number() over (order by i16_.ord) - 1 as row_index
            from (
                select element_ as value, position_ + 1 as ord
                from (select case when is_array(f0.value."address") then f0.value."address" else array(f0.value."address") end as items_) as array_,
                    array_.items_ as element_ at position_
                where element_ is not null
            ) as i16_
        ) as f4
        union all
        select 0 as "address_index", cast(null as varchar) as "postal_code"
        where not exists (
            select element_ as value, position_ + 1 as ord
            from (select case when is_array(f0.value."address") then f0.value."address" else array(f0.value."address") end as items_) as array_,
                array_.items_ as element_ at position_
            where element_ is not null
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
                    case when is_varchar(case when (is_array(f6.value."value")) then (
                        select any_value(x19_.value)
                        from (
                            select element_ as value, position_ + 1 as ord
                            from (select case when is_array(f6.value."value") then f6.value."value" else array(f6.value."value") end as items_) as array_,
                                array_.items_ as element_ at position_
                            where element_ is not null
                        ) as x19_
                        having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''phone'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
                    )
                    when (json_typeof(f6.value."value") = 'null') then null else f6.value."value" end) then cast(case when (is_array(f6.value."value")) then (
                        select any_value(x19_.value)
                        from (
                            select element_ as value, position_ + 1 as ord
                            from (select case when is_array(f6.value."value") then f6.value."value" else array(f6.value."value") end as items_) as array_,
                                array_.items_ as element_ at position_
                            where element_ is not null
                        ) as x19_
                        having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''phone'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
                    )
                    when (json_typeof(f6.value."value") = 'null') then null else f6.value."value" end as varchar) else json_serialize(case when (is_array(f6.value."value")) then (
                        select any_value(x19_.value)
                        from (
                            select element_ as value, position_ + 1 as ord
                            from (select case when is_array(f6.value."value") then f6.value."value" else array(f6.value."value") end as items_) as array_,
                                array_.items_ as element_ at position_
                            where element_ is not null
                        ) as x19_
                        having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''phone'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
                    )
                    when (json_typeof(f6.value."value") = 'null') then null else f6.value."value" end) end as "phone"
                from (
                    select i20_.value as value, row_number() over (order by i20_.ord) - 1 as row_index
                    from (
                        select w7.value as value, w7.ord as ord
                        from (
                            select element_ as value, position_ + 1 as ord
                            from (select case when is_array(f5.value."telecom") then f5.value."telecom" else array(f5.value."telecom") end as items_) as array_,
                                array_.items_ as element_ at position_
                            where element_ is not null
                        ) as w7
                        where (case when is_varchar(case when (is_array(w7.value."system")) then (
                            select any_value(x21_.value)
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(w7.value."system") then w7.value."system" else array(w7.value."system") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as x21_
                            having case when count(*) > 1 then cast(concat('view ''patient_contacts'': forEach of the view > select[2] > unionAll[0]: more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
                        )
                        when (json_typeof(w7.value."system") = 'null') then null else w7.value."system" end) then cast(case when (is_array(w7.value."system")) then (
                            select any_value(x21_.value)
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(w7.value."system") then w7.value."system" else array(w7.value."system") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as x21_
                            having case when count(*) > 1 then cast(concat('view ''patient_contacts'': forEach of the view > select[2] > unionAll[0]: more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
                        )
                        when (json_typeof(w7.value."system") = 'null') then null else w7.value."system" end as varchar) else json_serialize(case when (is_array(w7.value."system")) then (
                            select any_value(x21_.value)
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(w7.value."system") then w7.value."system" else array(w7.value."system") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as x21_
                            having case when count(*) > 1 then cast(concat('view ''patient_contacts'': forEach of the view > select[2] > unionAll[0]: more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
                        )
                        when (json_typeof(w7.value."system") = 'null') then null else w7.value."system" end) end = 'phone')
                    ) as i20_
                ) as f6
            )
            union all
            (
                select
                    case when is_varchar(case when (is_array(f8.value."value")) then (
                        select any_value(x22_.value)
                        from (
                            select element_ as value, position_ + 1 as ord
                            from (select case when is_array(f8.value."value") then f8.value."value" else array(f8.value."value") end as items_) as array_,
                                array_.items_ as element_ at position_
                            where element_ is not null
                        ) as x22_
                        having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''phone'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
                    )
                    when (json_typeof(f8.value."value") = 'null') then null else f8.value."value" end) then cast(case when (is_array(f8.value."value")) then (
                        select any_value(x22_.value)
                        from (
                            select element_ as value, position_ + 1 as ord
                            from (select case when is_array(f8.value."value") then f8.value."value" else array(f8.value."value") end as items_) as array_,
                                array_.items_ as element_ at position_
                            where element_ is not null
                        ) as x22_
                        having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''phone'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
                    )
                    when (json_typeof(f8.value."value") = 'null') then null else f8.value."value" end as varchar) else json_serialize(case when (is_array(f8.value."value")) then (
                        select any_value(x22_.value)
                        from (
                            select element_ as value, position_ + 1 as ord
                            from (select case when is_array(f8.value."value") then f8.value."value" else array(f8.value."value") end as items_) as array_,
                                array_.items_ as element_ at position_
                            where element_ is not null
                        ) as x22_
                        having case when count(*) > 1 then cast(concat('view ''patient_contacts'': column ''phone'': more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
                    )
                    when (json_typeof(f8.value."value") = 'null') then null else f8.value."value" end) end as "phone"
                from (
                    select i23_.value as value, row_number() over (order by i23_.ord) - 1 as row_index
                    from (
                        select w9.value as value, w9.ord as ord
                        from (
                            select e25_.value as value, row_number() over (order by s24_.ord, e25_.ord) as ord
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(f5.value."contact") then f5.value."contact" else array(f5.value."contact") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as s24_
                            cross join lateral (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(s24_.value."telecom") then s24_.value."telecom" else array(s24_.value."telecom") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as e25_
                        ) as w9
                        where (case when is_varchar(case when (is_array(w9.value."system")) then (
                            select any_value(x26_.value)
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(w9.value."system") then w9.value."system" else array(w9.value."system") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as x26_
                            having case when count(*) > 1 then cast(concat('view ''patient_contacts'': forEach of the view > select[2] > unionAll[1]: more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
                        )
                        when (json_typeof(w9.value."system") = 'null') then null else w9.value."system" end) then cast(case when (is_array(w9.value."system")) then (
                            select any_value(x26_.value)
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(w9.value."system") then w9.value."system" else array(w9.value."system") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as x26_
                            having case when count(*) > 1 then cast(concat('view ''patient_contacts'': forEach of the view > select[2] > unionAll[1]: more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
                        )
                        when (json_typeof(w9.value."system") = 'null') then null else w9.value."system" end as varchar) else json_serialize(case when (is_array(w9.value."system")) then (
                            select any_value(x26_.value)
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(w9.value."system") then w9.value."system" else array(w9.value."system") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as x26_
                            having case when count(*) > 1 then cast(concat('view ''patient_contacts'': forEach of the view > select[2] > unionAll[1]: more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
                        )
                        when (json_typeof(w9.value."system") = 'null') then null else w9.value."system" end) end = 'phone')
                    ) as i23_
                ) as f8
            )
        ) as s18_
    ) as s17_
) as v0_
where (exists (
    select element_ as value, position_ + 1 as ord
    from (select case when is_array(r.value."active") then r.value."active" else array(r.value."active") end as items_) as array_,
        array_.items_ as element_ at position_
    where element_ is not null
) and (cast(case when (is_array(r.value."active")) then (
    select any_value(x1_.value)
    from (
        select element_ as value, position_ + 1 as ord
        from (select case when is_array(r.value."active") then r.value."active" else array(r.value."active") end as items_) as array_,
            array_.items_ as element_ at position_
        where element_ is not null
    ) as x1_
    having case when count(*) > 1 then cast(concat('view ''patient_contacts'': where[0]: more than one value where one is expected (use first(), or collection: true on a column)', '') as boolean) else true end
)
when (json_typeof(r.value."active") = 'null') then null else r.value."active" end as boolean) = true))
