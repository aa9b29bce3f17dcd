{#-
    True when an ICD-10-CM code starts with a code prefix, ignoring the dot on both sides
    (FHIR carries `E11.9`, code sets list `E11` or `Z51.1`). Plain SQL, same on every engine.
-#}
{% macro icd10cm_matches_prefix(code_column, prefix_column) -%}
    replace({{ code_column }}, '.', '') like replace({{ prefix_column }}, '.', '') || '%'
{%- endmacro %}
