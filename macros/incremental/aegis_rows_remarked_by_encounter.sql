{#- Select of the keys of an incremental fact's stored rows whose 42 CFR Part 2 mark disagrees with their
    encounter's current one (`part2_encounters`: the keys of the Part 2 encounters of fct_encounters). The
    mark is taken from another row: when an old encounter becomes Part 2 (a corrected reason code), stops
    being one, or is deleted, the rows recorded in it must be derived again although they did not change.
    A row marked by its own code in an encounter that is not Part 2 is derived again each run too (the
    stored table does not keep which of the two marked it): few rows, and derived to the same values. -#}
{% macro aegis_rows_remarked_by_encounter(unique_key, part2_encounters) %}
    select stored.{{ unique_key }}
    from {{ this }} as stored
    left join {{ part2_encounters }}
        on stored.encounter_id = {{ part2_encounters }}.encounter_id
    where
        (not stored.is_part2_sensitive and {{ part2_encounters }}.encounter_id is not null)
        or (stored.is_part2_sensitive and {{ part2_encounters }}.encounter_id is null)
{%- endmacro %}
