{#- Text naming an equivalence class: the given columns' values joined with '|', NULL written as '~'
    (NULLs are one value in a class, as in GROUP BY), prefixed by `prefix` so that keys built from
    different column lists never collide. -#}
{% macro aegis_class_key(columns, prefix) -%}
    '{{ prefix }}'
    {%- for column in columns %} || '|' || coalesce(cast({{ column }} as varchar), '~'){% endfor %}
{%- endmacro %}
