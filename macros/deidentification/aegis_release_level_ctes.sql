{#- CTE `release_levels` (patient_id, research_id, release_level): each released patient of the
    de-identified facts, with their research id and the release level of their rows
    (int_patients_assigned_fact_release_levels). Follows aegis_research_id_ctes with 'patient'.
    Only patients the de-identified dimension releases (it withholds a population too small to be
    k-anonymous): a fact of a withheld patient would be a record of someone the release left out. The levels
    are computed for those patients only, so this join is both the release and the level.
    Joined once per patient (1,000,000 rows at 1,000,000 patients) and materialised, so that the fact rows
    join it once by FHIR patient id: per fact row, the crosswalk and the levels were two joins of every row
    (fct_conditions_deidentified's select 2.8-3.0 s, 1.9-2.0 s now). -#}
{% macro aegis_release_level_ctes() -%}
fact_release_levels as (
    select * from {{ ref('int_patients_assigned_fact_release_levels') }}
),

release_levels as {{ aegis.aegis_cte_materialized() }} (
    select
        patient_research_ids.source_id as patient_id,
        patient_research_ids.research_id,
        fact_release_levels.release_level
    from patient_research_ids
    inner join fact_release_levels
        on cast(patient_research_ids.research_id as varchar) = fact_release_levels.research_person_id
)
{%- endmacro %}
