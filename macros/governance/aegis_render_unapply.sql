{#- Render the removal of what aegis_render_entry applies, for ctx.engine:
    {'relation': [...] (per relation, run first), 'shared': [...] (roles, schemas, policies, run last)}. -#}
{% macro aegis_render_unapply(entry, ctx) %}
    {{ return(aegis.aegis_engine_macro(ctx.engine, 'aegis_render_unapply')(entry, ctx)) }}
{% endmacro %}

{% macro default__aegis_render_unapply(entry, ctx) %}
    {%- do exceptions.raise_compiler_error("Aegis governance has no unapply renderer for engine " ~ ctx.engine) -%}
{% endmacro %}
