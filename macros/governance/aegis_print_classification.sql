{#- run-operation: the whole project's classification as one JSON document on stdout, so that the
    Python reader (aegis.governance.classification) can be checked against the Jinja reader. -#}
{% macro aegis_print_classification() %}
    {%- set document = {
        'nodes': aegis.aegis_classified_nodes(),
        'plan': aegis.aegis_compile_plan(aegis.aegis_classified_nodes()),
    } -%}
    {%- do print('AEGIS_JSON ' ~ tojson(document, sort_keys=true)) -%}
{% endmacro %}
