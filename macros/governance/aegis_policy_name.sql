{#- Name of the shared masking policy for a category, a type and a tier -> strategy mapping: plain
    (aegis_mask_<category>_<type>) for the matrix default, with a short digest of the mapping when a
    column overrides it, so equal bodies share one policy and different bodies never collide. -#}
{% macro aegis_policy_name(category, type_name, strategies) %}
    {%- set defaults = {} -%}
    {%- for tier in strategies.keys() -%}
        {%- do defaults.update({tier: aegis.aegis_strategy_for(tier, category, {})}) -%}
    {%- endfor -%}
    {%- set slug = type_name | lower | replace(' ', '_') | replace('(', '_') | replace(')', '') | replace(',', '_') -%}
    {%- set name = 'aegis_mask_' ~ category ~ '_' ~ slug -%}
    {%- if strategies != defaults -%}
        {%- set name = name ~ '_' ~ local_md5(tojson(strategies, sort_keys=true))[:8] -%}
    {%- endif -%}
    {{ return(name) }}
{% endmacro %}
