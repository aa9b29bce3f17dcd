{#- SQL of ctx.engine computing HMAC-SHA-256 (RFC 2104) of the text `expr` under the warehouse's
    pseudonym key, as 64 lowercase hex digits (aegis_keyed_pseudonym keeps the first 32). The key is read where it is stored, when the SQL runs
    (aegis_pseudonym_key_setup): the SQL names the store, never the key. -#}
{% macro aegis_hmac_sha256(expr, ctx) %}
    {{ return(aegis.aegis_engine_macro(ctx.engine, 'aegis_hmac_sha256')(expr, ctx)) }}
{% endmacro %}

{#- DuckDB: no HMAC function, so RFC 2104 from sha256 over blobs; the pads come from the key file. -#}
{% macro default__aegis_hmac_sha256(expr, ctx) %}
    {%- set key = "read_csv('" ~ aegis.aegis_duckdb_key_file() ~ "', header = true, columns = {'inner_pad': 'varchar', 'outer_pad': 'varchar'})" -%}
    {{ return("sha256(unhex((select outer_pad from " ~ key ~ ")) || unhex(sha256(unhex((select inner_pad from " ~ key ~ ")) || encode(" ~ expr ~ "))))") }}
{% endmacro %}

{#- PostgreSQL: pgcrypto's hmac() is not in every build (not in the embedded PostgreSQL 18), so RFC
    2104 from the core sha256(bytea); the pads come from the owner-only key table. -#}
{% macro postgres__aegis_hmac_sha256(expr, ctx) %}
    {%- set key_table = ctx.governance_schema ~ '.aegis_pseudonym_key' -%}
    {{ return("encode(sha256((select outer_pad from " ~ key_table ~ ") || sha256((select inner_pad from " ~ key_table ~ ") || convert_to(" ~ expr ~ ", 'UTF8'))), 'hex')") }}
{% endmacro %}

{#- Snowflake: the secure Python function over the owner-only key table. -#}
{% macro snowflake__aegis_hmac_sha256(expr, ctx) %}
    {%- set schema = aegis.aegis_schema_sql(ctx.governance_schema, ctx) -%}
    {{ return(schema ~ ".aegis_hmac_sha256((select key from " ~ schema ~ ".aegis_pseudonym_key), " ~ expr ~ ")") }}
{% endmacro %}

{#- Redshift: the Lambda external function that reads the key from AWS Secrets Manager. -#}
{% macro redshift__aegis_hmac_sha256(expr, ctx) %}
    {{ return(ctx.governance_schema ~ ".f_aegis_pseudonym(" ~ expr ~ ")") }}
{% endmacro %}
