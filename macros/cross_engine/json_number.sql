{#- The numeric value at `path` inside a JSON column, cast to `data_type` (default: double precision, a 64-bit float on every engine). -#}
{% macro json_number(json_column, path, data_type=none) -%}
    {{ return(adapter.dispatch('json_number', 'aegis')(json_column, path, data_type or 'double precision')) }}
{%- endmacro %}

{% macro default__json_number(json_column, path, data_type) -%}
    cast({{ aegis.json_text(json_column, path) }} as {{ data_type }})
{%- endmacro %}

{% macro snowflake__json_number(json_column, path, data_type) -%}
    cast(get_path({{ json_column }}, {{ aegis.json_path(path) }}) as {{ data_type }})
{%- endmacro %}

{#- A SUPER number casts straight to a numeric type; going through varchar would give null. -#}
{% macro redshift__json_number(json_column, path, data_type) -%}
    cast({{ json_column }}{{ aegis.json_path(path) }} as {{ data_type }})
{%- endmacro %}
