{#- Execute rendered statements in order on the current connection, skipping those already in
    effect (skip_if returns a row, or same_body finds the body unchanged). Any failure raises: a
    failed apply fails the run. -#}
{% macro aegis_run_statements(statements) %}
    {%- for item in statements -%}
        {%- set already_done = item.skip_if and (run_query(item.skip_if).rows | length > 0) -%}
        {%- if not already_done and item.same_body -%}
            {%- set described = run_query(item.same_body.describe) -%}
            {%- set bodies = described.columns['body'].values() if 'body' in described.column_names else [] -%}
            {%- set already_done = bodies | length > 0 and (bodies[0] | trim) == (item.same_body.body | trim) -%}
        {%- endif -%}
        {%- if not already_done -%}
            {%- call statement('aegis_governance', fetch_result=false, auto_begin=true) -%}
                {{ item.sql }}
            {%- endcall -%}
        {%- endif -%}
    {%- endfor -%}
{% endmacro %}
