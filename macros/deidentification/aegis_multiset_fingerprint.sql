{#- Aggregate: a text that is equal for two groups when their multisets of `expression` values are equal,
    and different otherwise but with a chance of about 2^-120 or less for two given groups (the row count
    and two exact sums, no wrap-around, of independent hashes of each value: 2 x 64 bits, 2 x 60 on
    Redshift). A fact signature compares patients by it. Before, the signature was the sorted text of
    every value (string_agg ... order by): per-group sorts and class keys as long as a patient's history,
    15 x slower at 1,000,000 patients than at 100,000, and beyond Redshift's 65,535-byte LISTAGG for a
    patient with a long history. The hashes only compare groups within one build; they are never
    published. Callers pass text that is never NULL. -#}
{% macro aegis_multiset_fingerprint(expression) %}
    {{- return(adapter.dispatch('aegis_multiset_fingerprint', 'aegis')(expression)) -}}
{% endmacro %}

{#- PostgreSQL: hashtextextended (64-bit, seeded); sum(bigint) is numeric. -#}
{% macro default__aegis_multiset_fingerprint(expression) -%}
    cast(count(*) as varchar) || ':' || cast(sum(hashtextextended({{ expression }}, 0)) as varchar) || ':'
    || cast(sum(hashtextextended({{ expression }}, 1)) as varchar)
{%- endmacro %}

{#- DuckDB: hash() is a 64-bit unsigned integer; sum() of it a 128-bit integer. -#}
{% macro duckdb__aegis_multiset_fingerprint(expression) -%}
    cast(count(*) as varchar) || ':' || cast(sum(hash({{ expression }})) as varchar) || ':'
    || cast(sum(hash({{ expression }} || '#')) as varchar)
{%- endmacro %}

{#- Snowflake: HASH() is a signed 64-bit number; sum() of it NUMBER(38, 0). -#}
{% macro snowflake__aegis_multiset_fingerprint(expression) -%}
    cast(count(*) as varchar) || ':' || cast(sum(hash({{ expression }})) as varchar) || ':'
    || cast(sum(hash({{ expression }} || '#')) as varchar)
{%- endmacro %}

{#- Redshift: two 60-bit slices of MD5 (FNV_HASH's seed only continues the same state), summed as
    DECIMAL(38, 0), which cannot overflow. -#}
{% macro redshift__aegis_multiset_fingerprint(expression) -%}
    cast(count(*) as varchar) || ':'
    || cast(sum(cast(strtol(substring(md5({{ expression }}), 1, 15), 16) as decimal(38, 0))) as varchar) || ':'
    || cast(sum(cast(strtol(substring(md5({{ expression }}), 16, 15), 16) as decimal(38, 0))) as varchar)
{%- endmacro %}
