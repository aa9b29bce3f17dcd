{#- What follows an error about a column's phi: the YAML file to edit, a "did you mean" when the value (or,
    when none is declared, the column's name) is close to a category, and the YAML to paste. Names only,
    never a data value. -#}
{% macro aegis_classification_hint(column, settings, yaml_path) %}
    {%- set declared = column.phi is not none -%}
    {%- set suggestion = aegis.aegis_suggest_category(column.phi if declared else column.name, settings.categories) -%}
    {%- set lines = [] -%}
    {%- if suggestion and declared -%}
        {%- do lines.append("did you mean '" ~ suggestion ~ "'?") -%}
    {%- endif -%}
    {%- do lines.append(("in " ~ yaml_path ~ ":") if yaml_path else "in the model's YAML:") -%}
    {%- set note = "docs/classification.md" if declared or not suggestion else "a guess from the column name: review it (docs/classification.md)" -%}
    {%- do lines.append("\n      - name: " ~ column.name ~ "\n        config:\n          meta:\n            phi: " ~ (suggestion or '<category>') ~ "   # " ~ note) -%}
    {{ return("\n    " ~ lines | join(' ')) }}
{% endmacro %}
