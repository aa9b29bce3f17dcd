{#- The pseudonym of the text `expr` on ctx.engine: the first 128 bits of its HMAC-SHA-256, as 32 lowercase
    hex digits (RFC 2104 section 5 and NIST SP 800-107 allow the truncation). 128 bits keep collisions
    negligible for any population, and half the HMAC's width halves what joins and count(distinct) on
    pseudonyms sort (docs/performance.md, PostgreSQL's masked join). The same on every engine, and the same as aegis.governance.pseudonym_key.pseudonym. -#}
{% macro aegis_keyed_pseudonym(expr, ctx) %}
    {{ return('left(' ~ aegis.aegis_hmac_sha256(expr, ctx) ~ ', 32)') }}
{% endmacro %}
