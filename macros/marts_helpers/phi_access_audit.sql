{#-
    "Who touched PHI": a query over the engine's own access log, joined to the columns this project
    classifies as PHI (config.meta.phi != none, read from the graph at compile time). One row per
    (user, relation, PHI column or category, day) in the last `lookback_days` days. Used by
    analyses/who_touched_phi.sql; the access logs differ per engine, hence the dispatch.
-#}
{% macro phi_access_audit(lookback_days=30) -%}
    {{ return(adapter.dispatch('phi_access_audit', 'aegis')(lookback_days)) }}
{%- endmacro %}
