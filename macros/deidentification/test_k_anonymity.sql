{#- Generic test k_anonymity: every combination of the model's quasi-identifiers (NULL counts as one
    value, as a suppressed column does) is shared by at least k rows (var aegis_k_anonymity_min, default
    11, the CMS small-cell threshold). quasi_identifier_levels: the model's config.meta list of lists (the
    test flattens it). Fails with the number of rows in classes smaller than k. -#}
{% test k_anonymity(model, quasi_identifier_levels, k=none) %}
    {%- set quasi_identifiers = [] -%}
    {%- for level in quasi_identifier_levels %}{% do quasi_identifiers.extend(level) %}{% endfor -%}
    with

    classes as (
        select count(*) as class_size
        from {{ model }}
        group by {{ quasi_identifiers | join(', ') }}
    ),

    final as (
        select coalesce(sum(class_size), 0) as rows_in_small_classes
        from classes
        where class_size < {{ k or var('aegis_k_anonymity_min', 11) }}
    )

    select rows_in_small_classes from final where rows_in_small_classes > 0
{% endtest %}
