{#- pseudonym: HMAC-SHA-256 (RFC 2104) of the value's UTF-8 bytes under the warehouse's pseudonym key,
    as 64 lowercase hex digits; deterministic within a warehouse, so joins still work. The key is read
    where it is stored, at query time (aegis_pseudonym_key_setup): it never appears in the SQL. Strings
    only (other types become NULL: a hash cannot keep their type). Never used for the deidentified
    tier (validation refuses it). -#}
{% macro aegis_mask_pseudonym(expr, column, ctx) %}
    {{ return(adapter.dispatch('aegis_mask_pseudonym', 'aegis')(expr, column, ctx)) }}
{% endmacro %}

{#- DuckDB: no HMAC function, so RFC 2104 from sha256 over blobs; the pads come from the key file. -#}
{% macro default__aegis_mask_pseudonym(expr, column, ctx) %}
    {%- if column.family == 'text' -%}
        {%- set key = "read_csv('" ~ aegis.aegis_duckdb_key_file() ~ "', header = true, columns = {'inner_pad': 'varchar', 'outer_pad': 'varchar'})" -%}
        {{ return("sha256(unhex((select outer_pad from " ~ key ~ ")) || unhex(sha256(unhex((select inner_pad from " ~ key ~ ")) || encode(" ~ expr ~ "))))") }}
    {%- endif -%}
    {{ return('cast(null as ' ~ column.data_type ~ ')') }}
{% endmacro %}

{#- PostgreSQL: pgcrypto's hmac() is not in every build (not in the embedded PostgreSQL 18), so RFC
    2104 from the core sha256(bytea); the pads come from the owner-only key table. -#}
{% macro postgres__aegis_mask_pseudonym(expr, column, ctx) %}
    {%- if column.family == 'text' -%}
        {%- set key_table = ctx.governance_schema ~ '.aegis_pseudonym_key' -%}
        {{ return("encode(sha256((select outer_pad from " ~ key_table ~ ") || sha256((select inner_pad from " ~ key_table ~ ") || convert_to(" ~ expr ~ ", 'UTF8'))), 'hex')") }}
    {%- endif -%}
    {{ return('cast(null as ' ~ column.data_type ~ ')') }}
{% endmacro %}

{% macro snowflake__aegis_mask_pseudonym(expr, column, ctx) %}
    {%- if column.family == 'text' -%}
        {%- set schema = aegis.aegis_schema_sql(ctx.governance_schema, ctx) -%}
        {{ return(schema ~ ".aegis_hmac_sha256((select key from " ~ schema ~ ".aegis_pseudonym_key), " ~ expr ~ ")") }}
    {%- endif -%}
    {{ return('cast(null as ' ~ column.data_type ~ ')') }}
{% endmacro %}

{% macro redshift__aegis_mask_pseudonym(expr, column, ctx) %}
    {%- if column.family == 'text' -%}
        {{ return(ctx.governance_schema ~ ".f_aegis_pseudonym(" ~ expr ~ ")") }}
    {%- endif -%}
    {{ return('cast(null as ' ~ column.data_type ~ ')') }}
{% endmacro %}
