{#- Redshift masking priority of a tier: higher for tiers listed first (more privileged), so a user
    holding two tier roles gets the more privileged result. -#}
{% macro aegis_tier_priority(tier) %}
    {%- set tiers = var('aegis_tiers') -%}
    {{ return((tiers | length - tiers.index(tier)) * 10) }}
{% endmacro %}
