{#- The text value at `path` inside a JSON column (null when absent); `path` is a list such as
    ['name', 0, 'given', 0]. Strings come back without JSON quotes on every engine. -#}
{% macro json_text(json_column, path) -%}
    {{ return(adapter.dispatch('json_text', 'aegis')(json_column, path)) }}
{%- endmacro %}

{% macro default__json_text(json_column, path) -%}
    json_extract_string({{ json_column }}, {{ aegis.json_path(path) }})
{%- endmacro %}

{% macro snowflake__json_text(json_column, path) -%}
    cast(get_path({{ json_column }}, {{ aegis.json_path(path) }}) as {{ dbt.type_string() }})
{%- endmacro %}

{% macro postgres__json_text(json_column, path) -%}
    ({{ json_column }} #>> {{ aegis.json_path(path) }})
{%- endmacro %}

{#- SUPER navigation; a SUPER string scalar casts to varchar without its quotes. -#}
{% macro redshift__json_text(json_column, path) -%}
    cast({{ json_column }}{{ aegis.json_path(path) }} as varchar(65535))
{%- endmacro %}
