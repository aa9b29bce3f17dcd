{#- A precedence column of aegis.fhir_version_precedence() made null-safe for comparisons: a missing
    version or lastUpdated ranks below any present one, so `>` and `=` never meet a null. A deletion that
    names no version (a client's transaction DELETE) ranks above every version: it deletes whatever was
    sent before it (a re-creation after such a deletion needs a version or a full refresh). -#}
{% macro fhir_precedence_value(alias, column) -%}
    {%- if column == 'version_id' -%}
        case when {{ alias }}.is_deleted and {{ alias }}.version_id is null then 999999999999999999
        else coalesce({{ alias }}.{{ column }}, -1) end
    {%- elif column == 'last_updated_at' -%}
        coalesce({{ alias }}.{{ column }}, {{ aegis.parse_fhir_timestamp("'0001-01-01T00:00:00+00:00'") }})
    {%- else -%}
        {{ alias }}.{{ column }}
    {%- endif -%}
{%- endmacro %}
