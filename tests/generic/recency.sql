{#- The newest value of `field` is no older than `interval` `datepart`s before now (an empty model is stale).
    Returns one row: 1 when stale, 0 when fresh. -#}
{% test recency(model, datepart, field, interval) %}
    {{ config(fail_calc='coalesce(sum(failing_rows), 0)') }}
    {%- set threshold = dbt.dateadd(datepart, -1 * interval | int, dbt.current_timestamp()) %}

with latest as (
    select max(cast({{ field }} as {{ dbt.type_timestamp() }})) as most_recent
    from {{ model }}
),

stale as (
    select most_recent
    from latest
    where
        most_recent is null
        or most_recent < cast({{ threshold }} as {{ dbt.type_timestamp() }})
),

final as (
    select count(*) as failing_rows
    from stale
)

select * from final
{% endtest %}
