{#- Merged meta of a node or column: dbt 1.10+ keeps it under config.meta, older YAML under meta;
    config.meta wins because it is where the style guide tells authors to declare. -#}
{% macro aegis_meta(thing) %}
    {%- set merged = {} -%}
    {%- do merged.update(thing.get('meta') or {}) -%}
    {%- do merged.update((thing.get('config') or {}).get('meta') or {}) -%}
    {{ return(merged) }}
{% endmacro %}
