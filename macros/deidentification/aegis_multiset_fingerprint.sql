{#- Aggregate: a text that is equal for two groups when their multisets of `expression` values are equal,
    and different otherwise but with a chance of about 2^-120 or less for two given groups (the row count
    and two exact sums, no wrap-around, of independent hashes of each value: 2 x 64 bits, 2 x 60 on
    Redshift). A fact signature compares patients by it. Before, the signature was the sorted text of
    every value (string_agg ... order by): per-group sorts and class keys as long as a patient's history,
    15 x slower at 1,000,000 patients than at 100,000, and beyond Redshift's 65,535-byte LISTAGG for a
    patient with a long history. The hashes only compare groups within one build; they are never
    published. Callers pass text that is never NULL. Only the hash differs by engine (aegis_value_hash). -#}
{% macro aegis_multiset_fingerprint(expression) -%}
    cast(count(*) as varchar)
    || ':' || cast(sum({{ aegis.aegis_value_hash(expression, 0) }}) as varchar)
    || ':' || cast(sum({{ aegis.aegis_value_hash(expression, 1) }}) as varchar)
{%- endmacro %}

{#- A number hashing a text value, one of independent hashes chosen by `seed` (0 or 1), whose sum over
    any group is exact (no wrap-around). -#}
{% macro aegis_value_hash(expression, seed) %}
    {{- return(adapter.dispatch('aegis_value_hash', 'aegis')(expression, seed)) -}}
{% endmacro %}

{#- DuckDB and Snowflake: hash() is 64 bits (DuckDB unsigned, summed as a 128-bit integer; Snowflake
    signed, summed as NUMBER(38, 0)); a suffix makes the second hash. -#}
{% macro default__aegis_value_hash(expression, seed) -%}
    hash({{ expression }}{{ " || '#'" if seed else '' }})
{%- endmacro %}

{#- PostgreSQL: hashtextextended is 64 bits and seeded; sum(bigint) is numeric. -#}
{% macro postgres__aegis_value_hash(expression, seed) -%}
    hashtextextended({{ expression }}, {{ seed }})
{%- endmacro %}

{#- Redshift: a 60-bit slice of MD5 per seed (FNV_HASH's seed only continues the same state), as
    DECIMAL(38, 0) so that its sum cannot overflow. -#}
{% macro redshift__aegis_value_hash(expression, seed) -%}
    cast(strtol(substring(md5({{ expression }}), {{ 1 + 15 * seed }}, 15), 16) as decimal(38, 0))
{%- endmacro %}
