{#- Generic test: the aggregate publishes no small cell (a count of 1 to aegis_small_cell_max, default
    10) and no group holds exactly one suppressed (NULL) cell, which its group total would reveal
    (complementary suppression). group_by: SQL expressions of the group whose total a reader can know.
    Fails with the number of published small cells plus groups with a lone suppressed cell. -#}
{% test small_cells_suppressed(model, column_name, group_by) %}
    with

    cells as (
        select
            {%- for expression in group_by %}
            {{ expression }} as group_key_{{ loop.index }},
            {%- endfor %}
            {{ column_name }} as cell
        from {{ model }}
    ),

    published_small_cells as (
        select count(*) as failures
        from cells
        where cell between 1 and {{ var('aegis_small_cell_max', 10) }}
    ),

    groups as (
        select sum(case when cell is null then 1 else 0 end) as suppressed_cells
        from cells
        group by {% for expression in group_by %}group_key_{{ loop.index }}{{ ', ' if not loop.last }}{% endfor %}
    ),

    lone_suppressed_cells as (
        select count(*) as failures
        from groups
        where suppressed_cells = 1
    ),

    final as (
        select failures from published_small_cells
        union all
        select failures from lone_suppressed_cells
    )

    select failures from final where failures > 0
{% endtest %}
