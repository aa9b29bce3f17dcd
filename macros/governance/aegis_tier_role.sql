{#- The warehouse role of a tier: vars.aegis_tier_roles[tier], else aegis_<tier>. -#}
{% macro aegis_tier_role(tier) %}
    {{ return((var('aegis_tier_roles', {}) or {}).get(tier, 'aegis_' ~ tier)) }}
{% endmacro %}
