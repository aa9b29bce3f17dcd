{#- Reduce an engine data type to the family a masking strategy cares about. -#}
{% macro aegis_type_family(data_type) %}
    {%- set t = (data_type or 'varchar') | lower -%}
    {%- if 'timestamp' in t or 'datetime' in t -%}
        {{ return('timestamp') }}
    {%- elif t.startswith('date') -%}
        {{ return('date') }}
    {%- elif 'char' in t or 'text' in t or 'string' in t -%}
        {{ return('text') }}
    {%- elif 'bool' in t -%}
        {{ return('boolean') }}
    {%- elif 'int' in t or 'num' in t or 'dec' in t or 'float' in t or 'double' in t or 'real' in t -%}
        {{ return('number') }}
    {%- else -%}
        {{ return('other') }}
    {%- endif -%}
{% endmacro %}
