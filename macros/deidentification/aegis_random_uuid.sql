{#- A random version-4 UUID as text, new on every row. Used to mint research ids that are NOT derived
    from any identifier (45 CFR 164.514(c)): no hash, no seed, nothing to recompute them from. -#}
{% macro aegis_random_uuid() %}
    {{- return(adapter.dispatch('aegis_random_uuid', 'aegis')()) -}}
{% endmacro %}

{% macro default__aegis_random_uuid() -%}
    cast(gen_random_uuid() as varchar)
{%- endmacro %}

{% macro snowflake__aegis_random_uuid() -%}
    uuid_string()
{%- endmacro %}

{#- Redshift has no UUID function: 128 bits from two independent random() draws, hashed only to
    format them; still random, never derived from the record. -#}
{% macro redshift__aegis_random_uuid() -%}
    md5(cast(random() as varchar) || cast(random() as varchar) || cast(random() as varchar))
{%- endmacro %}
