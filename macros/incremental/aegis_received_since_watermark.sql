{#- Boolean SQL for an incremental model's filter on its upstream rows (`upstream_alias`): the rows it has
    not derived yet. An upstream row received after the model's watermark (the newest received_at it holds,
    minus the lookback staging uses, var aegis_staging_lookback_hours, default 3, so that rows staging took
    in slightly out of order are not skipped), unless the model already holds that key from the same
    delivery: within the lookback window only the deliveries it has not seen are derived again. -#}
{% macro aegis_received_since_watermark(upstream_alias, unique_key) %}
    {%- set received_at = aegis.to_utc_timestamp(upstream_alias ~ '.received_at') -%}
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
