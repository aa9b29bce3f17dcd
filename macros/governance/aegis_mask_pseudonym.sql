{#- pseudonym: HMAC-SHA-256 (RFC 2104) of the value's UTF-8 bytes under the warehouse's pseudonym key,
    truncated to 32 lowercase hex digits (aegis_keyed_pseudonym); deterministic within a warehouse, so joins still work. Strings only
    (other types become NULL: a hash cannot keep their type). Never used for the deidentified tier
    (validation refuses it). -#}
{% macro aegis_mask_pseudonym(expr, column, ctx) %}
    {{ return(adapter.dispatch('aegis_mask_pseudonym', 'aegis')(expr, column, ctx)) }}
{% endmacro %}

{#- Tier views (DuckDB, PostgreSQL): the pseudonym computed once at build time when the model has one
    (column.pseudonym_column, from aegis_pseudonym): a keyed hash per row at every read cost up to 80 x
    the base table's read (docs/governance.md, "Pseudonyms stored at build time"); else the hash per row. -#}
{% macro default__aegis_mask_pseudonym(expr, column, ctx) %}
    {%- if column.family != 'text' -%}
        {{ return('cast(null as ' ~ column.data_type ~ ')') }}
    {%- endif -%}
    {{ return(column.pseudonym_column or aegis.aegis_keyed_pseudonym(expr, ctx)) }}
{% endmacro %}

{#- Snowflake and Redshift: a masking policy body sees only the column it masks, so it hashes per row. -#}
{% macro snowflake__aegis_mask_pseudonym(expr, column, ctx) %}
    {{ return(aegis.aegis_keyed_pseudonym(expr, ctx) if column.family == 'text' else 'cast(null as ' ~ column.data_type ~ ')') }}
{% endmacro %}

{% macro redshift__aegis_mask_pseudonym(expr, column, ctx) %}
    {{ return(aegis.snowflake__aegis_mask_pseudonym(expr, column, ctx)) }}
{% endmacro %}
