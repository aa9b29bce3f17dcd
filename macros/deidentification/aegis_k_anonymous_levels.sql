{#- CTEs (comma-separated, no leading `with`) that give each row of `source_cte` the suppression level
    that makes it k-anonymous over the quasi-identifiers of `levels` (a list of column lists, most
    identifying first), ending in CTE `levels_assigned` (<id_column>, suppression_level). Level n
    suppresses the columns of levels[0..n-1]: rows whose level-n combination is shared by k or more of the
    rows not yet placed are placed at level n; the rows left after the last level have every
    quasi-identifier suppressed, and when fewer than k are left the smallest class already placed joins
    them. Every combination published with aegis_suppressed_column is then shared by at least k rows
    (a real NULL equal to a suppressed one only merges classes, which keeps them at k or more). -#}
{% macro aegis_k_anonymous_levels(source_cte, id_column, levels, k) -%}
    {%- set quasi_identifiers = [] -%}
    {%- for level in levels %}{% do quasi_identifiers.extend(level) %}{% endfor -%}
    {%- set last = levels | length -%}
    {%- for n in range(last + 1) -%}
        {%- set suppressed = [] -%}
        {%- for level in levels[:n] %}{% do suppressed.extend(level) %}{% endfor -%}
        {%- set kept = quasi_identifiers | reject('in', suppressed) | list %}
candidates_at_level_{{ n }} as (
    select
        {{ id_column }},
        {{ n }} as suppression_level,
        count(*) over ({{ 'partition by ' ~ kept | join(', ') if kept }}) as class_size,
        {{ aegis.aegis_class_key(kept, n) }} as class_key
    from {{ source_cte }}
    {%- if n > 0 %}
    where not exists (
        select 1
        from placed_before_level_{{ n }} as placed
        where placed.{{ id_column }} = {{ source_cte }}.{{ id_column }}
    )
    {%- endif %}
),

placed_before_level_{{ n + 1 }} as (
    {%- if n > 0 %}
    select * from placed_before_level_{{ n }}
    union all
    {%- endif %}
    select
        {{ id_column }},
        suppression_level,
        class_key
    from candidates_at_level_{{ n }}
    {%- if n < last %}
    where class_size >= {{ k }}
    {%- endif %}
),
    {% endfor %}
left_over as (
    select count(*) as rows_left
    from placed_before_level_{{ last + 1 }}
    where suppression_level = {{ last }}
),

smallest_placed_class as (
    select class_key
    from placed_before_level_{{ last + 1 }}
    where suppression_level < {{ last }}
    group by class_key
    order by count(*) asc, class_key asc
    limit 1
),

levels_assigned as (
    select
        placed.{{ id_column }},
        case
            when left_over.rows_left between 1 and {{ k - 1 }} and smallest_placed_class.class_key is not null
                then {{ last }}
            else placed.suppression_level
        end as suppression_level
    from placed_before_level_{{ last + 1 }} as placed
    cross join left_over
    left join smallest_placed_class
        on placed.class_key = smallest_placed_class.class_key
)
{%- endmacro %}
