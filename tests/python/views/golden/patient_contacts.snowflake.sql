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
            cast(get_path(r.value, '"id"') as varchar) as "patient_id",
            case when regexp_like(cast(get_path(f1.value, '"managingOrganization"."reference"') as varchar), '^(https?://[^?#]*/)?Organization/[A-Za-z0-9.-]{1,64}(/_history/[A-Za-z0-9.-]{1,64})?$') then regexp_substr(cast(get_path(f1.value, '"managingOrganization"."reference"') as varchar), '([A-Za-z0-9.-]{1,64})(/_history/[A-Za-z0-9.-]{1,64})?$', 1, 1, 'e', 1) end as "organization_id",
            (
                select coalesce(listagg(cast(x2_.value as varchar), ' ') within group (order by x2_.ord), '')
                from (
                    select e5_.value as value, row_number() over (order by s3_.ord, e5_.ord) as ord
                    from (
                        select w2.value as value, w2.ord as ord
                        from (
                            select flattened_.value as value, flattened_.index + 1 as ord
                            from table(flatten(input => get_path(f1.value, '"name"'))) as flattened_
                            where not is_null_value(flattened_.value)
                        ) as w2
                        where (cast(get_path(w2.value, '"use"') as varchar) = 'official')
                    ) as s3_
                    cross join lateral (
                        select flattened_.value as value, flattened_.index + 1 as ord
                        from table(flatten(input => get_path(s3_.value, '"given"'))) as flattened_
                        where not is_null_value(flattened_.value)
                    ) as e5_
                ) as x2_
            ) as "given_names",
            (
                select coalesce(array_agg(x6_.value) within group (order by x6_.ord), array_construct())
                from (
                    select get_path(s7_.value, '"family"') as value, s7_.ord as ord
                    from (
                        select flattened_.value as value, flattened_.index + 1 as ord
                        from table(flatten(input => get_path(f1.value, '"name"'))) as flattened_
                        where not is_null_value(flattened_.value)
                    ) as s7_
                    where get_path(s7_.value, '"family"') is not null and not (is_null_value(get_path(s7_.value, '"family"')))
                ) as x6_
            ) as "all_families"
        from (
            select f0.value as value, f0.row_index as row_index
        ) as f1
    ) as s1_
    cross join lateral (
        select
            f3.row_index as "address_index",
            cast(get_path(f3.value, '"postalCode"') as varchar) as "postal_code"
        from (
            select i10_.value as value, row_number() over (order by i10_.ord) - 1 as row_index
            from (
                select flattened_.value as value, flattened_.index + 1 as ord
                from table(flatten(input => get_path(f0.value, '"address"'))) as flattened_
                where not is_null_value(flattened_.value)
            ) as i10_
        ) as f3
        union all
        select 0 as "address_index", cast(null as varchar) as "postal_code"
        where not exists (
            select flattened_.value as value, flattened_.index + 1 as ord
            from table(flatten(input => get_path(f0.value, '"address"'))) as flattened_
            where not is_null_value(flattened_.value)
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
                    cast(get_path(f5.value, '"value"') as varchar) as "phone"
                from (
                    select i15_.value as value, row_number() over (order by i15_.ord) - 1 as row_index
                    from (
                        select w6.value as value, w6.ord as ord
                        from (
                            select flattened_.value as value, flattened_.index + 1 as ord
                            from table(flatten(input => get_path(f4.value, '"telecom"'))) as flattened_
                            where not is_null_value(flattened_.value)
                        ) as w6
                        where (cast(get_path(w6.value, '"system"') as varchar) = 'phone')
                    ) as i15_
                ) as f5
            )
            union all
            (
                select
                    cast(get_path(f7.value, '"value"') as varchar) as "phone"
                from (
                    select i17_.value as value, row_number() over (order by i17_.ord) - 1 as row_index
                    from (
                        select w8.value as value, w8.ord as ord
                        from (
                            select e20_.value as value, row_number() over (order by s18_.ord, e20_.ord) as ord
                            from (
                                select flattened_.value as value, flattened_.index + 1 as ord
                                from table(flatten(input => get_path(f4.value, '"contact"'))) as flattened_
                                where not is_null_value(flattened_.value)
                            ) as s18_
                            cross join lateral (
                                select flattened_.value as value, flattened_.index + 1 as ord
                                from table(flatten(input => get_path(s18_.value, '"telecom"'))) as flattened_
                                where not is_null_value(flattened_.value)
                            ) as e20_
                        ) as w8
                        where (cast(get_path(w8.value, '"system"') as varchar) = 'phone')
                    ) as i17_
                ) as f7
            )
        ) as s14_
    ) as s13_
) as v0_
where (exists (
    select get_path(r.value, '"active"') as value, 1 as ord
    where get_path(r.value, '"active"') is not null and not (is_null_value(get_path(r.value, '"active"')))
) and (cast(get_path(r.value, '"active"') as boolean) = true))
