{#- For models: the pseudonym of an identifier, computed once when the model is built, for a column
    classified `phi: keyed_pseudonym` with `pseudonym_of: <identifier>` (the phi_limited tier view then
    reads it as the identifier instead of hashing every row at every read). The same value as the
    tier's per-row pseudonym of that identifier (same key, same truncated HMAC: aegis_keyed_pseudonym), so it joins with other models'
    pseudonyms; incremental models compute it for the rows they add. Rotating the key changes every
    pseudonym: rebuild such models with --full-refresh (docs/governance.md). -#}
{% macro aegis_pseudonym(expr) %}
    {#- fakesnow cannot create the Snowflake HMAC function (aegis_fakesnow_skip) and enforces nothing -#}
    {%- if aegis.aegis_fakesnow_skip() -%}
        {{ return('cast(null as varchar)') }}
    {%- endif -%}
    {#- cast: PostgreSQL's hex digest is text, the contract's column varchar, and an incremental run
        compares the two types (on_schema_change) and fails on the difference -#}
    {{ return('cast(' ~ aegis.aegis_keyed_pseudonym(expr, aegis.aegis_render_context(target.type)) ~ ' as varchar)') }}
{% endmacro %}
