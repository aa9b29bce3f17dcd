{#- Render one plan entry for ctx.engine: {'setup': [...], 'apply': [...]} of aegis_statement dicts.
    setup holds shared objects (roles, schemas, policies; deduplicated across a plan), apply the
    statements for this relation, protection first and grants last. -#}
{% macro aegis_render_entry(entry, ctx) %}
    {{ return(aegis.aegis_engine_macro(ctx.engine, 'aegis_render_entry')(entry, ctx)) }}
{% endmacro %}

{% macro default__aegis_render_entry(entry, ctx) %}
    {%- do exceptions.raise_compiler_error("Aegis governance has no renderer for engine " ~ ctx.engine) -%}
{% endmacro %}
