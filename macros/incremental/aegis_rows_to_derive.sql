{#- Select of the upstream rows an incremental fact derives this run: on a full build all of them; on an
    incremental run those received since its watermark (aegis_received_since_watermark), and the rows of
    the keys in `rederived` (a CTE of the caller with a column named `unique_key`: stored rows whose
    cross-row value changed). upstream_is_utc: see aegis_received_since_watermark. -#}
{% macro aegis_rows_to_derive(upstream, unique_key, rederived=none, upstream_is_utc=false) %}
    select * from {{ upstream }}
    {%- if is_incremental() %}
    where
        {{ aegis.aegis_received_since_watermark(upstream, unique_key, upstream_is_utc) }}
        {%- if rederived %}
        or {{ upstream }}.{{ unique_key }} in (select {{ rederived }}.{{ unique_key }} from {{ rederived }})
        {%- endif %}
    {%- endif %}
{%- endmacro %}
