{#- The select-list columns FHIR Claim and ExplanationOfBenefit share (docs/fhir-conformance.md, "Claim and
    ExplanationOfBenefit"), read from `json_column`: one definition, so the two staging models cannot
    drift apart. Renders a comma-separated list without a trailing comma. -#}
{% macro fhir_claim_header_columns(json_column) -%}
        {{ aegis.fhir_reference_id(aegis.json_text(json_column, ['patient', 'reference'])) }} as patient_id,
        {{ aegis.fhir_reference_id(aegis.json_text(json_column, ['insurance', 0, 'coverage', 'reference'])) }}
            as coverage_id,
        {{ aegis.json_text(json_column, ['provider', 'identifier', 'value']) }} as provider_npi,

        -- strings
        {{ aegis.json_text(json_column, ['type', 'coding', 0, 'code']) }} as claim_type,
        {{ aegis.json_text(json_column, ['use']) }} as claim_use,
        {{ aegis.json_text(json_column, ['status']) }} as status,
        {{ aegis.json_text(json_column, ['diagnosis', 0, 'diagnosisCodeableConcept', 'coding', 0, 'code']) }}
            as principal_icd10cm_code,

        -- dates
        {{ aegis.parse_fhir_date(aegis.json_text(json_column, ['billablePeriod', 'start'])) }}
            as billable_period_start_date,
        {{ aegis.parse_fhir_date(aegis.json_text(json_column, ['billablePeriod', 'end'])) }}
            as billable_period_end_date,

        -- timestamps
        {{ aegis.parse_fhir_timestamp(aegis.json_text(json_column, ['created'])) }} as created_at
{%- endmacro %}
