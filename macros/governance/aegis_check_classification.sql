{#- on-run-start hook: fail the run with every classification error listed at once. -#}
{% macro aegis_check_classification() %}
    {%- if execute -%}
        {%- set errors = aegis.aegis_validate_classification() -%}
        {%- if errors -%}
            {%- do exceptions.raise_compiler_error(
                "Aegis classification check failed (" ~ errors | length ~ " problem(s)):\n  - " ~ errors | join("\n  - ")
            ) -%}
        {%- endif -%}
    {%- endif -%}
    {{ return('') }}
{% endmacro %}
