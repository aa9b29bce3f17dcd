{#- The daily run's test bound, a UTC timestamp (the start of the previous run), or '' for none: var
    aegis_tests_received_since, else environment variable AEGIS_TESTS_RECEIVED_SINCE (what the Airflow DAG
    sets: a changed var makes dbt parse the whole project again, an environment variable read only when
    tests compile does not). Empty means none: Airflow renders a first run's missing previous start as ''. -#}
{% macro aegis_tests_received_since() %}
    {{ return(var('aegis_tests_received_since', none) or env_var('AEGIS_TESTS_RECEIVED_SINCE', '')) }}
{% endmacro %}

{#- True when the daily run's test bound applies at all: executing, a bound set (aegis_tests_received_since)
    and var aegis_full_tests not true. -#}
{% macro aegis_tests_bound_is_set() %}
    {{ return(execute and aegis.aegis_tests_received_since() != '' and not var('aegis_full_tests', false)) }}
{% endmacro %}
