{#- The raw tables behind the `fhir` source: one per resource type, `ExplanationOfBenefit` -> `explanation_of_benefit`
    (the names in models/staging/fhir/_fhir__sources.yml and aegis.engines.raw_load.table_name). -#}
{% macro aegis_raw_fhir_tables(resource_types=none) -%}
    {%- set all_types = ['Patient', 'Coverage', 'Encounter', 'Condition', 'Observation', 'Procedure',
                         'MedicationRequest', 'Claim', 'ExplanationOfBenefit', 'Immunization'] -%}
    {%- set tables = [] -%}
    {%- for resource_type in (resource_types or all_types) -%}
        {%- if resource_type not in all_types -%}
            {{ exceptions.raise_compiler_error("unknown FHIR resource type for raw loading: " ~ resource_type) }}
        {%- endif -%}
        {%- set table = modules.re.sub('(?<!^)(?=[A-Z])', '_', resource_type) | lower -%}
        {%- do tables.append({'resource_type': resource_type, 'table': table}) -%}
    {%- endfor -%}
    {{ return(tables) }}
{%- endmacro %}
