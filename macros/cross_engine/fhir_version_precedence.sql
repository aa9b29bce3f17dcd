{#- The staged envelope columns that decide which delivery of a FHIR resource wins, most significant
    first, all compared descending: the landing contract's (version_id, last_updated), then received_at
    and event_id so that re-deliveries resolve the same way on every run. -#}
{% macro fhir_version_precedence() -%}
    {{ return(['version_id', 'last_updated_at', 'received_at', 'event_id']) }}
{%- endmacro %}
