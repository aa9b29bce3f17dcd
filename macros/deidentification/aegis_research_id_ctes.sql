{#- Import CTEs `<entity_type>_research_ids` (source_id, research_id), one per entity type, each a filtered
    scan of the research-id crosswalk. One CTE of the whole crosswalk joined once per entity type was read
    several times, and DuckDB materialises such a CTE whole: 7.6 M rows, 1.3 GB at 1,000,000 patients,
    which doubled the time of fct_conditions_deidentified (3.7 s, 1.5 s with these). -#}
{% macro aegis_research_id_ctes(entity_types) -%}
    {%- for entity_type in entity_types %}
{{ entity_type }}_research_ids as (
    select source_id, research_id from {{ ref('int_records_assigned_research_ids') }}
    where entity_type = '{{ entity_type }}'
){{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
