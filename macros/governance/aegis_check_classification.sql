{#- on-run-start hook: fail the run with every classification error listed at once (of the selected
    nodes on a development target outside CI, of every node elsewhere: aegis_classification_scope). -#}
{% macro aegis_check_classification() %}
    {%- if execute -%}
        {%- set scope = aegis.aegis_classification_scope() -%}
        {%- set only = selected_resources if scope == 'selected' else none -%}
        {%- set errors = aegis.aegis_validate_classification(only=only) -%}
        {%- if errors -%}
            {%- do exceptions.raise_compiler_error(
                "Aegis classification check failed (" ~ errors | length ~ " problem(s)):\n  - " ~ errors | join("\n  - ")
                ~ "\nHow to classify: docs/classification.md"
            ) -%}
        {%- endif -%}
        {%- if scope == 'selected' -%}
            {%- do log("Aegis classification checked for the selected nodes only (target " ~ target.name ~ ", not CI); CI and other targets check every node", info=true) -%}
        {%- endif -%}
    {%- endif -%}
    {{ return('') }}
{% endmacro %}
