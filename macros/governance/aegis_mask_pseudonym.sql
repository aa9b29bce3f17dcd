{#- pseudonym: hex SHA-256 of secret || '|' || value, the same on every engine so that joins across
    engines agree. Strings only (other types become NULL: a hash cannot keep their type). Never used
    for the deidentified tier (validation refuses it). -#}
{% macro aegis_mask_pseudonym(expr, column, ctx) %}
    {{ return(adapter.dispatch('aegis_mask_pseudonym', 'aegis')(expr, column, ctx)) }}
{% endmacro %}

{% macro default__aegis_mask_pseudonym(expr, column, ctx) %}
    {%- if column.family == 'text' -%}
        {{ return("sha256(" ~ aegis.aegis_pseudonym_key(ctx) ~ " || '|' || " ~ expr ~ ")") }}
    {%- endif -%}
    {{ return('cast(null as ' ~ column.data_type ~ ')') }}
{% endmacro %}

{#- PostgreSQL reads the key from a table only the owner can read, so that it never appears in a
    view definition (pg_views is readable by every role). -#}
{% macro postgres__aegis_mask_pseudonym(expr, column, ctx) %}
    {%- if column.family == 'text' -%}
        {%- set key = "(select key from " ~ ctx.governance_schema ~ ".aegis_pseudonym_key)" -%}
        {{ return("encode(sha256(convert_to(" ~ key ~ " || '|' || " ~ expr ~ ", 'UTF8')), 'hex')") }}
    {%- endif -%}
    {{ return('cast(null as ' ~ column.data_type ~ ')') }}
{% endmacro %}

{% macro snowflake__aegis_mask_pseudonym(expr, column, ctx) %}
    {%- if column.family == 'text' -%}
        {{ return("sha2(" ~ aegis.aegis_pseudonym_key(ctx) ~ " || '|' || " ~ expr ~ ", 256)") }}
    {%- endif -%}
    {{ return('cast(null as ' ~ column.data_type ~ ')') }}
{% endmacro %}

{% macro redshift__aegis_mask_pseudonym(expr, column, ctx) %}
    {{ return(aegis.snowflake__aegis_mask_pseudonym(expr, column, ctx)) }}
{% endmacro %}
