{#- The staged envelope columns that decide which delivery of a FHIR resource wins, most significant
    first, all compared descending: version_id (a number when the sender numbers versions), last_updated,
    then received_at and event_id so that re-deliveries resolve the same way on every run. Senders without
    meta (Bulk Data, Synthea) leave the first two null: nulls rank lowest (aegis.fhir_precedence_value). -#}
{% macro fhir_version_precedence() -%}
    {{ return(['version_id', 'last_updated_at', 'received_at', 'event_id']) }}
{%- endmacro %}
