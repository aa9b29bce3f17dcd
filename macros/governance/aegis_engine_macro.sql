{#- The implementation of `name` for `engine`. For the current target this is plain adapter.dispatch
    (so projects can override through dispatch config); for another engine (plans and golden files
    rendered without that engine's connection) it walks the same prefix chain dbt would. -#}
{% macro aegis_engine_macro(engine, name) %}
    {%- if engine == target.type -%}
        {#- an alias: dbt's static parser only accepts literal names in adapter.dispatch(...) calls -#}
        {%- set dispatch = adapter.dispatch -%}
        {{ return(dispatch(name, 'aegis')) }}
    {%- endif -%}
    {%- set chains = {'redshift': ['redshift', 'postgres', 'default']} -%}
    {%- for prefix in chains.get(engine, [engine, 'default']) -%}
        {%- set found = aegis.get(prefix ~ '__' ~ name) -%}
        {%- if found is not none -%}
            {{ return(found) }}
        {%- endif -%}
    {%- endfor -%}
    {%- do exceptions.raise_compiler_error("Aegis: no implementation of " ~ name ~ " for engine " ~ engine) -%}
{% endmacro %}
