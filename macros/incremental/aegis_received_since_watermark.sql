{#- Boolean SQL for an incremental model's filter on its upstream rows (`upstream_alias`): the rows it has
    not derived yet. An upstream row received after the model's watermark (the newest received_at it holds,
    minus the lookback staging uses, var aegis_staging_lookback_hours, default 3, so that rows staging took
    in slightly out of order are not skipped), unless the model already holds that key from the same
    delivery: within the lookback window only the deliveries it has not seen are derived again.
    upstream_is_utc: the upstream's received_at is already a naive UTC timestamp (an incremental model
    built by this macro, not staging): it is compared as it is (to_utc_timestamp would read it in the
    session's time zone). -#}
{% macro aegis_received_since_watermark(upstream_alias, unique_key, upstream_is_utc=false) %}
    {%- set received_at = upstream_alias ~ '.received_at' if upstream_is_utc
        else aegis.to_utc_timestamp(upstream_alias ~ '.received_at') -%}
    (
    {{ received_at }} > (
        select
            coalesce(
                {{ dbt.dateadd('hour', -1 * var('aegis_staging_lookback_hours', 3), 'max(received_at)') }},
                cast('1900-01-01 00:00:00' as timestamp)
            )
        from {{ this }}
    )
    and not exists (
        select 1 from {{ this }} as derived
        where
            derived.{{ unique_key }} = {{ upstream_alias }}.{{ unique_key }}
            and derived.received_at = {{ received_at }}
    )
    )
{%- endmacro %}
