{#- Post-hook of an incremental fact: on an incremental run, delete the stored rows whose key the upstream
    model no longer has. A full build derives no such row, so it runs nothing. (`not in`, not a correlated
    `not exists`: a delete cannot alias its target on every engine; the upstream key is never null.) -#}
{% macro aegis_delete_rows_gone_upstream(unique_key, upstream_model) %}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where {{ unique_key }} not in (
            select upstream.{{ unique_key }} from {{ ref(upstream_model) }} as upstream
            where upstream.{{ unique_key }} is not null
        )
    {%- endif -%}
{% endmacro %}
