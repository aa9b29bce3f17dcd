{#- Execute rendered statements in order on the current connection, skipping those whose skip_if
    query says they are already in effect. Any failure raises: a failed apply fails the run. -#}
{% macro aegis_run_statements(statements) %}
    {%- for item in statements -%}
        {%- set already_done = item.skip_if and (run_query(item.skip_if).rows | length > 0) -%}
        {%- if not already_done -%}
            {%- call statement('aegis_governance', fetch_result=false, auto_begin=true) -%}
                {{ item.sql }}
            {%- endcall -%}
        {%- endif -%}
    {%- endfor -%}
{% endmacro %}
