{#- Whether a tier may be granted the base relation itself (PostgreSQL, Redshift views): only when a
    grant can express everything it gets, i.e. every column is clear or deny, and either it may see
    every row or the engine filters rows on the base relation (row-level security on a table). -#}
{% macro aegis_reads_base_directly(entry, tier, rows_filtered_on_base) %}
    {%- if not tier.can_read -%}
        {{ return(false) }}
    {%- endif -%}
    {%- for column in entry.columns if column.strategies[tier.tier] not in ['clear', 'deny'] -%}
        {{ return(false) }}
    {%- endfor -%}
    {{ return(tier.sees_sensitive_rows or rows_filtered_on_base) }}
{% endmacro %}
