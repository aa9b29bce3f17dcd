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
            case when is_varchar(r.value."id") then cast(r.value."id" as varchar) else json_serialize(r.value."id") end as "patient_id",
            case when (case when is_varchar(f1.value."managingOrganization"."reference") then cast(f1.value."managingOrganization"."reference" as varchar) else json_serialize(f1.value."managingOrganization"."reference") end ~ '^(https?://[^?#]*/)?Organization/[A-Za-z0-9.-]{1,64}(/_history/[A-Za-z0-9.-]{1,64})?$') then regexp_substr(case when is_varchar(f1.value."managingOrganization"."reference") then cast(f1.value."managingOrganization"."reference" as varchar) else json_serialize(f1.value."managingOrganization"."reference") end, '([A-Za-z0-9.-]{1,64})(/_history/[A-Za-z0-9.-]{1,64})?$', 1, 1, 'e') end as "organization_id",
            (
                select coalesce(listagg(case when is_varchar(x2_.value) then cast(x2_.value as varchar) else json_serialize(x2_.value) end, ' ') within group (order by x2_.ord), '')
                from (
                    select e5_.value as value, row_number() over (order by s3_.ord, e5_.ord) as ord
                    from (
                        select w2.value as value, w2.ord as ord
                        from (
                            select element_ as value, position_ + 1 as ord
                            from (select case when is_array(f1.value."name") then f1.value."name" else array(f1.value."name") end as items_) as array_,
                                array_.items_ as element_ at position_
                            where element_ is not null
                        ) as w2
                        where (case when is_varchar(w2.value."use") then cast(w2.value."use" as varchar) else json_serialize(w2.value."use") end = 'official')
                    ) as s3_
                    cross join lateral (
                        select element_ as value, position_ + 1 as ord
                        from (select case when is_array(s3_.value."given") then s3_.value."given" else array(s3_.value."given") end as items_) as array_,
                            array_.items_ as element_ at position_
                        where element_ is not null
                    ) as e5_
                ) as x2_
            ) as "given_names",
            (
                select json_parse('[' || coalesce(listagg(json_serialize(x6_.value), ',') within group (order by x6_.ord), '') || ']')
                from (
                    select s7_.value."family" as value, s7_.ord as ord
                    from (
                        select element_ as value, position_ + 1 as ord
                        from (select case when is_array(f1.value."name") then f1.value."name" else array(f1.value."name") end as items_) as array_,
                            array_.items_ as element_ at position_
                        where element_ is not null
                    ) as s7_
                    where s7_.value."family" is not null and not (json_typeof(s7_.value."family") = 'null')
                ) as x6_
            ) as "all_families"
        from (
            select f0.value as value, f0.row_index as row_index
        ) as f1
    ) as s1_
    cross join lateral (
        select
            f3.row_index as "address_index",
            case when is_varchar(f3.value."postalCode") then cast(f3.value."postalCode" as varchar) else json_serialize(f3.value."postalCode") end as "postal_code"
        from (
            select i10_.value as value, row_number() over (order by i10_.ord) - 1 as row_index
            from (
                select element_ as value, position_ + 1 as ord
                from (select case when is_array(f0.value."address") then f0.value."address" else array(f0.value."address") end as items_) as array_,
                    array_.items_ as element_ at position_
                where element_ is not null
            ) as i10_
        ) as f3
        union all
        select 0 as "address_index", cast(null as varchar) as "postal_code"
        where not exists (
            select element_ as value, position_ + 1 as ord
            from (select case when is_array(f0.value."address") then f0.value."address" else array(f0.value."address") end as items_) as array_,
                array_.items_ as element_ at position_
            where element_ is not null
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
                    case when is_varchar(f5.value."value") then cast(f5.value."value" as varchar) else json_serialize(f5.value."value") end as "phone"
                from (
                    select i15_.value as value, row_number() over (order by i15_.ord) - 1 as row_index
                    from (
                        select w6.value as value, w6.ord as ord
                        from (
                            select element_ as value, position_ + 1 as ord
                            from (select case when is_array(f4.value."telecom") then f4.value."telecom" else array(f4.value."telecom") end as items_) as array_,
                                array_.items_ as element_ at position_
                            where element_ is not null
                        ) as w6
                        where (case when is_varchar(w6.value."system") then cast(w6.value."system" as varchar) else json_serialize(w6.value."system") end = 'phone')
                    ) as i15_
                ) as f5
            )
            union all
            (
                select
                    case when is_varchar(f7.value."value") then cast(f7.value."value" as varchar) else json_serialize(f7.value."value") end as "phone"
                from (
                    select i17_.value as value, row_number() over (order by i17_.ord) - 1 as row_index
                    from (
                        select w8.value as value, w8.ord as ord
                        from (
                            select e20_.value as value, row_number() over (order by s18_.ord, e20_.ord) as ord
                            from (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(f4.value."contact") then f4.value."contact" else array(f4.value."contact") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as s18_
                            cross join lateral (
                                select element_ as value, position_ + 1 as ord
                                from (select case when is_array(s18_.value."telecom") then s18_.value."telecom" else array(s18_.value."telecom") end as items_) as array_,
                                    array_.items_ as element_ at position_
                                where element_ is not null
                            ) as e20_
                        ) as w8
                        where (case when is_varchar(w8.value."system") then cast(w8.value."system" as varchar) else json_serialize(w8.value."system") end = 'phone')
                    ) as i17_
                ) as f7
            )
        ) as s14_
    ) as s13_
) as v0_
where (exists (
    select r.value."active" as value, 1 as ord
    where r.value."active" is not null and not (json_typeof(r.value."active") = 'null')
) and (cast(r.value."active" as boolean) = true))
