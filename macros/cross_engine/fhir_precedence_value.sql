{#- A precedence column of aegis.fhir_version_precedence() made null-safe for comparisons: a missing
    version or lastUpdated ranks below any present one, so `>` and `=` never meet a null. -#}
{% macro fhir_precedence_value(alias, column) -%}
    {%- if column == 'version_id' -%}
        coalesce({{ alias }}.{{ column }}, -1)
    {%- elif column == 'last_updated_at' -%}
        coalesce({{ alias }}.{{ column }}, {{ aegis.parse_fhir_timestamp("'0001-01-01T00:00:00+00:00'") }})
    {%- else -%}
        {{ alias }}.{{ column }}
    {%- endif -%}
{%- endmacro %}
