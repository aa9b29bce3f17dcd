{#- run-operation (tests, reviews): the SQL of every strategy for every type family on `engine`,
    applied to a column named x, as one `AEGIS_JSON` line: {strategy: {family: sql}}. -#}
{% macro aegis_print_mask_expressions(engine=none) %}
    {%- set ctx = aegis.aegis_render_context(engine or target.type) -%}
    {%- set types = {'text': 'varchar', 'date': 'date', 'timestamp': 'timestamp', 'number': 'integer', 'boolean': 'boolean'} -%}
    {%- set document = {} -%}
    {%- for strategy in var('aegis_strategies') -%}
        {%- set by_family = {} -%}
        {%- for family, data_type in types.items() -%}
            {%- do by_family.update({family: aegis.aegis_mask(strategy, 'x', {'name': 'x', 'data_type': data_type, 'family': family}, ctx)}) -%}
        {%- endfor -%}
        {%- do document.update({strategy: by_family}) -%}
    {%- endfor -%}
    {%- do print('AEGIS_JSON ' ~ tojson(document, sort_keys=true)) -%}
{% endmacro %}
