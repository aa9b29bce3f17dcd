{#- The statements that create the pseudonym key store of ctx.engine, if it does not exist yet. The key
    is generated inside the warehouse from its own random source and never leaves it: no statement,
    log or artifact carries it, only the policy owner (the dbt role) can read it, and masking
    expressions read it at query time. DuckDB has no store in the database: the aegis DuckDB plugin
    keeps a random per-warehouse key file outside the repository (aegis_duckdb_key_file). -#}
{% macro aegis_pseudonym_key_setup(ctx) %}
    {{ return(aegis.aegis_engine_macro(ctx.engine, 'aegis_pseudonym_key_setup')(ctx)) }}
{% endmacro %}

{% macro default__aegis_pseudonym_key_setup(ctx) %}
    {{ return([]) }}
{% endmacro %}

{#- PostgreSQL: a one-row table in the governance schema, readable by its owner only (no grant to any
    role, schema usage revoked from public). It holds the HMAC-SHA-256 pads of a 64-byte key drawn from
    gen_random_uuid() (pg_strong_random; 488 random bits): inner_pad = K xor 0x36.., outer_pad =
    K xor 0x5c.. (RFC 2104, with the key-block precomputation of its section 4). Tier views read it as
    their owner, so it never appears in pg_views. A key table of the earlier `key text` shape is
    replaced (its views are rebuilt by the same run). -#}
{% macro postgres__aegis_pseudonym_key_setup(ctx) %}
    {%- set schema = ctx.governance_schema -%}
    {%- set key_table = schema ~ '.aegis_pseudonym_key' -%}
    {%- set pads = [] -%}
    {%- for name, byte in [('inner_pad', 54), ('outer_pad', 92)] -%}
        {%- do pads.append("decode(string_agg(lpad(to_hex(get_byte(random_key.k, i) # " ~ byte ~ "), 2, '0'), '' order by i), 'hex') as " ~ name) -%}
    {%- endfor -%}
    {%- set uuids = ["gen_random_uuid()::text"] * 4 -%}
    {{ return([
        aegis.aegis_statement('create schema if not exists ' ~ schema),
        aegis.aegis_statement('revoke all on schema ' ~ schema ~ ' from public'),
        aegis.aegis_statement('drop table ' ~ key_table ~ ' cascade',
            skip_if="select 1 where not exists (select 1 from information_schema.columns where table_schema = '" ~ schema ~ "' and table_name = 'aegis_pseudonym_key' and column_name = 'key')"),
        aegis.aegis_statement('create table if not exists ' ~ key_table ~ ' (
    single_row boolean primary key default true check (single_row),
    inner_pad bytea not null check (length(inner_pad) = 64),
    outer_pad bytea not null check (length(outer_pad) = 64)
)'),
        aegis.aegis_statement('revoke all on ' ~ key_table ~ ' from public'),
        aegis.aegis_statement('insert into ' ~ key_table ~ ' (inner_pad, outer_pad)
select inner_pad, outer_pad from (
    select
        ' ~ pads | join(',\n        ') ~ '
    from (select decode(replace(' ~ uuids | join(' || ') ~ ", '-', ''), 'hex') as k) as random_key
    cross join generate_series(0, 63) as i
) as pads
where not exists (select 1 from " ~ key_table ~ ')'),
    ]) }}
{% endmacro %}

{#- Snowflake: a one-row table in the governance schema, owned by the policy owner and granted to no
    tier role, holding a 32-byte key drawn from uuid_string() (version 4, 244 random bits); and a
    secure Python function computing HMAC-SHA-256 with Python's hmac module (Snowflake SQL has no HMAC
    and SHA2 hashes text, not bytes). Masking policy bodies pass the key from the table, read with
    the policy owner's rights. -#}
{% macro snowflake__aegis_pseudonym_key_setup(ctx) %}
    {%- set schema = aegis.aegis_schema_sql(ctx.governance_schema, ctx) -%}
    {%- set key_table = schema ~ '.aegis_pseudonym_key' -%}
    {{ return([
        aegis.aegis_statement('create schema if not exists ' ~ schema),
        aegis.aegis_statement('create table if not exists ' ~ key_table ~ ' (key binary not null)'),
        aegis.aegis_statement('insert into ' ~ key_table ~ " (key)
select to_binary(replace(uuid_string() || uuid_string(), '-', ''), 'HEX')
where not exists (select 1 from " ~ key_table ~ ')'),
        aegis.aegis_statement('create secure function if not exists ' ~ schema ~ ".aegis_hmac_sha256(key binary, val varchar)
returns varchar
language python
runtime_version = '3.11'
handler = 'hmac_sha256'
as $$
import hashlib
import hmac


def hmac_sha256(key, val):
    if key is None or val is None:
        return None
    return hmac.new(key, val.encode('utf-8'), hashlib.sha256).hexdigest()
$$", skip_if=aegis.aegis_fakesnow_skip()),
    ]) }}
{% endmacro %}

{#- Redshift: masking expressions cannot read a table, and SQL UDFs cannot either, so the key stays
    outside the cluster: in AWS Secrets Manager, read by a Lambda function (vars
    aegis_redshift_pseudonym_lambda, aegis_redshift_lambda_iam_role) that computes HMAC-SHA-256 with
    Python's hmac module (src/aegis/governance/redshift_pseudonym_lambda.py). -#}
{% macro redshift__aegis_pseudonym_key_setup(ctx) %}
    {{ return([
        aegis.aegis_statement('create external function ' ~ ctx.governance_schema ~ ".f_aegis_pseudonym(varchar)
returns varchar
stable
lambda '" ~ var('aegis_redshift_pseudonym_lambda', 'aegis-pseudonym') ~ "'
iam_role " ~ var('aegis_redshift_lambda_iam_role', 'default'),
            skip_if="select 1 from pg_catalog.pg_proc where proname = 'f_aegis_pseudonym'"),
    ]) }}
{% endmacro %}
