{#- Select of the upstream rows an incremental fact derives this run: on a full build all of them; on an
    incremental run those received since its watermark (aegis_received_since_watermark), and the rows of
    the keys in `rederived` (a CTE of the caller with a column named `unique_key`: stored rows whose
    cross-row value changed). The two are united as keys first and the upstream read once by them: as
    `watermark or key in (rederived)` the engine could not plan either as a join (DuckDB marked all 11 M
    staged observations against the stored table at 1,000,000 patients: 10 s of a 13 s model).
    The caller declares the upstream CTE `{{ aegis.aegis_cte_not_materialized() }}`: read twice here, it
    would be materialised whole on DuckDB and PostgreSQL.
    upstream_is_utc: see aegis_received_since_watermark. -#}
{% macro aegis_rows_to_derive(upstream, unique_key, rederived=none, upstream_is_utc=false) %}
    select * from {{ upstream }}
    {%- if is_incremental() %}
    where
        {%- if rederived %}
        {{ upstream }}.{{ unique_key }} in (
            select {{ upstream }}.{{ unique_key }} from {{ upstream }}
            where {{ aegis.aegis_received_since_watermark(upstream, unique_key, upstream_is_utc) }}
            union
            select {{ rederived }}.{{ unique_key }} from {{ rederived }}
        )
        {%- else %}
        {{ aegis.aegis_received_since_watermark(upstream, unique_key, upstream_is_utc) }}
        {%- endif %}
    {%- endif %}
{%- endmacro %}
