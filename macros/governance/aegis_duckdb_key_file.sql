{#- DuckDB: where the pseudonym key of the current warehouse lives. A CSV file (inner_pad, outer_pad:
    the HMAC-SHA-256 pads, hex) in env AEGIS_SECRETS_DIR (default ~/.aegis/secrets, outside the
    repository), named after the md5 of the warehouse path as configured; the aegis DuckDB plugin
    (aegis.governance.duckdb_plugin) writes it with mode 0600 from 32 random bytes before dbt connects.
    Views name the file, never the key. -#}
{% macro aegis_duckdb_key_file() %}
    {%- set warehouse = target.path if target.type == 'duckdb' else '<warehouse>' -%}
    {%- set folder = env_var('AEGIS_SECRETS_DIR', '~/.aegis/secrets') | replace("'", "''") -%}
    {{ return(folder.rstrip('/') ~ '/duckdb-' ~ local_md5(warehouse) ~ '.pseudonym-key.csv') }}
{% endmacro %}
