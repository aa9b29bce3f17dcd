{#- The pseudonym secret as a SQL string literal. Applying reads env AEGIS_PSEUDONYM_KEY and fails if
    it is unset; plans print a placeholder so that the key never reaches a log or a review. DuckDB
    alone falls back to a fixed development key: it has no access control at all (anyone who can
    open the file reads the base tables) and holds only synthetic data, so a secret would protect
    nothing there, while a missing key would stop every local build. -#}
{% macro aegis_pseudonym_key(ctx) %}
    {%- if not ctx.reveal_secrets -%}
        {{ return("'<AEGIS_PSEUDONYM_KEY>'") }}
    {%- endif -%}
    {%- set key = env_var('AEGIS_PSEUDONYM_KEY', '') -%}
    {%- if not key and ctx.engine == 'duckdb' -%}
        {%- set key = 'aegis-local-duckdb-development-key' -%}
    {%- endif -%}
    {%- if key | length < 16 -%}
        {%- do exceptions.raise_compiler_error("Aegis: env AEGIS_PSEUDONYM_KEY must hold a secret of 16+ characters to apply pseudonym masking") -%}
    {%- endif -%}
    {{ return("'" ~ key | replace("'", "''") ~ "'") }}
{% endmacro %}
