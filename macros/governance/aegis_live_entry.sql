{#- A plan entry with the column types of the built relation, so that every strategy and policy
    signature matches the warehouse. A column built but not classified, or classified but not
    built, is an error: the relation must be exactly what governance reviewed. -#}
{% macro aegis_live_entry(entry, relation) %}
    {%- set live_types = {} -%}
    {%- for column in adapter.get_columns_in_relation(relation) -%}
        {%- do live_types.update({column.name | lower: column.data_type}) -%}
    {%- endfor -%}
    {%- set declared = entry.columns | map(attribute='name') | list -%}
    {%- set errors = [] -%}
    {%- for name in live_types.keys() | sort if name not in declared -%}
        {%- do errors.append("column '" ~ name ~ "' is in the built relation but not classified (add it with config.meta.phi)") -%}
    {%- endfor -%}
    {%- for name in declared if name not in live_types -%}
        {%- do errors.append("column '" ~ name ~ "' is classified but not in the built relation") -%}
    {%- endfor -%}
    {%- if errors -%}
        {%- do exceptions.raise_compiler_error("Aegis governance: " ~ entry.resource_type ~ " '" ~ entry.name ~ "':\n  - " ~ errors | join("\n  - ")) -%}
    {%- endif -%}
    {%- set columns = [] -%}
    {%- for column in entry.columns -%}
        {%- set live = {} -%}
        {%- do live.update(column) -%}
        {%- do live.update({'data_type': live_types[column.name], 'family': aegis.aegis_type_family(live_types[column.name])}) -%}
        {%- do columns.append(live) -%}
    {%- endfor -%}
    {%- set result = {} -%}
    {%- do result.update(entry) -%}
    {%- do result.update({'columns': columns}) -%}
    {{ return(result) }}
{% endmacro %}
