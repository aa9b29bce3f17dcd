{#- skip_if for Snowflake statements that fakesnow (the local Snowflake stand-in, account 'fakesnow',
    which enforces no governance) cannot parse: 'select 1' there, so apply skips them; none on a real
    account and in rendered plans. -#}
{% macro aegis_fakesnow_skip() %}
    {{ return('select 1' if target.type == 'snowflake' and target.account == 'fakesnow' else none) }}
{% endmacro %}
