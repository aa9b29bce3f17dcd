{#- The statements that build `relation` with the physical design in `model_config` (the adapter configs
    aegis_physical_design set), or [] when it declares none. Dispatched: each engine renders the clauses the
    way its adapter's table materialization does. -#}
{% macro aegis_physical_design_ddl(model_config, relation) %}
    {{ return(adapter.dispatch('aegis_physical_design_ddl', 'aegis')(model_config, relation)) }}
{% endmacro %}
