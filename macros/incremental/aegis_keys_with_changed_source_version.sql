{#- Select of the distinct `unique_key`s of an incremental model's stored rows that took a value from a row
    of `current` which has changed since: the version they stored (`stored_version`, a column of
    {{ this }}) differs, null-safe, from that row's (`current_version`, SQL over `current`). The rows are
    matched on stored.<join_column> = <current>.<current_join_column>. With join_type 'left' a row whose
    source row is gone (current version null) or newly there (stored version null) is found too. Those keys
    are derived again although their own received_at is old (a claim line whose coverage changed). -#}
{% macro aegis_keys_with_changed_source_version(
    unique_key, current, join_column, current_join_column, stored_version, current_version, join_type='left'
) %}
    select distinct stored.{{ unique_key }}
    from {{ this }} as stored
    {{ join_type }} join {{ current }}
        on stored.{{ join_column }} = {{ current }}.{{ current_join_column }}
    where {{ aegis.aegis_values_differ('stored.' ~ stored_version, current_version) }}
{%- endmacro %}
