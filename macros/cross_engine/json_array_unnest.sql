{#- A FROM-clause fragment that joins one row per element of the JSON array at `path` inside
    `json_column`, under `alias`. Write it right after the relation holding the column:
        from headers {{ aegis.json_array_unnest('headers.resource', ['item'], 'items') }}
    then read each element with aegis.json_array_element(alias) and its 0-based position with
    aegis.json_array_index(alias). Rows whose array is absent or empty produce no element rows. -#}
{% macro json_array_unnest(json_column, path, alias) -%}
    {{ return(adapter.dispatch('json_array_unnest', 'aegis')(json_column, path, alias)) }}
{%- endmacro %}

{#- DuckDB: json_each yields (key, value, ...) per array element; key is the position. -#}
{% macro default__json_array_unnest(json_column, path, alias) -%}
    cross join lateral json_each({{ json_column }}, {{ aegis.json_path(path) }}) as {{ alias }}
{%- endmacro %}

{% macro snowflake__json_array_unnest(json_column, path, alias) -%}
    cross join lateral flatten(input => get_path({{ json_column }}, {{ aegis.json_path(path) }})) as {{ alias }}
{%- endmacro %}

{% macro postgres__json_array_unnest(json_column, path, alias) -%}
    cross join lateral jsonb_array_elements({{ json_column }} #> {{ aegis.json_path(path) }})
        with ordinality as {{ alias }} (value, ordinality)
{%- endmacro %}

{#- Redshift PartiQL unnesting: a comma join on the SUPER array, position through AT. -#}
{% macro redshift__json_array_unnest(json_column, path, alias) -%}
    , {{ json_column }}{{ aegis.json_path(path) }} as {{ alias }} at {{ alias }}_index
{%- endmacro %}
