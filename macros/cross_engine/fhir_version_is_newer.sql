{#- A boolean expression: the delivery aliased `candidate` beats the one aliased `incumbent`
    (lexicographic, descending order of aegis.fhir_version_precedence(), nulls lowest). Incremental staging
    models use it so that an out-of-order older version arriving late loses against the newer one already
    stored, and an identical re-delivery (equal on every column) changes nothing. -#}
{% macro fhir_version_is_newer(candidate, incumbent) -%}
    {%- set precedence = aegis.fhir_version_precedence() -%}
    (
    {%- for column in precedence %}
        {{ 'or ' if not loop.first }}(
            {%- for equal_column in precedence[:loop.index0] %}
            {{ aegis.fhir_precedence_value(candidate, equal_column) }} = {{ aegis.fhir_precedence_value(incumbent, equal_column) }} and
            {%- endfor %}
            {{ aegis.fhir_precedence_value(candidate, column) }} > {{ aegis.fhir_precedence_value(incumbent, column) }}
        )
    {%- endfor %}
    )
{%- endmacro %}
