{#- Make concurrent post-hooks apply governance one at a time. On PostgreSQL two threads granting on
    the same schema or role update the same catalog row, and the second fails with "tuple
    concurrently updated" (seen with `dbt snapshot --threads 2`); a transaction-scoped advisory lock,
    taken before the first governance statement and released when the model's transaction commits,
    serialises them. Engines without the problem (or without advisory locks) do nothing. -#}
{% macro aegis_serialize_governance() %}
    {{ return(adapter.dispatch('aegis_serialize_governance', 'aegis')()) }}
{% endmacro %}

{% macro default__aegis_serialize_governance() %}
{% endmacro %}

{% macro postgres__aegis_serialize_governance() %}
    {%- call statement('aegis_governance_lock', fetch_result=false, auto_begin=true) -%}
        select pg_advisory_xact_lock(hashtext('aegis_governance'))
    {%- endcall -%}
{% endmacro %}

{% macro redshift__aegis_serialize_governance() %}
{% endmacro %}
