-- One row per observation (latest FHIR version): labs and vital signs with their LOINC code and value, and
-- the 42 CFR Part 2 mark of the encounter it was recorded in.
-- Incremental (docs/incremental.md): the rows received since the table's watermark, and those whose
-- encounter's Part 2 mark changed.
{{ config(**aegis.aegis_incremental_fact(
    'observation_id', 'stg_fhir__observations', distribute_by='patient_id', sort_by=['effective_date'],
)) }}
with

staged_observations as {{ aegis.aegis_cte_not_materialized() }} (
    select * from {{ ref('stg_fhir__observations') }}
),

encounters as (
    select * from {{ ref('fct_encounters') }}
),

-- Observations carry no Part 2 code of their own, but one recorded in a Part 2 encounter (a drug screen)
-- discloses Part 2 treatment.
part2_encounters as (
    select encounter_id from encounters
    where is_part2_sensitive
),

{% if is_incremental() %}
-- the stored rows whose encounter's Part 2 mark changed: derived again
    remarked_observations as (
        {{ aegis.aegis_rows_remarked_by_encounter('observation_id', 'part2_encounters') }}
    ),
{% endif %}

observations as (
    {{ aegis.aegis_rows_to_derive('staged_observations', 'observation_id', 'remarked_observations') }}
),

final as (
    select
        cast(observations.observation_id as varchar) as observation_id,
        cast(observations.patient_id as varchar) as patient_id,
        cast(observations.encounter_id as varchar) as encounter_id,
        cast(observations.loinc_code as varchar) as loinc_code,
        cast(observations.category as varchar) as category,
        cast(observations.status as varchar) as status,
        cast(observations.value_unit as varchar) as value_unit,
        cast(observations.value_numeric as numeric(18, 4)) as value_numeric,
        cast({{ to_utc_timestamp('observations.effective_at') }} as date) as effective_date,
        {{ to_utc_timestamp('observations.effective_at') }} as effective_at,
        part2_encounters.encounter_id is not null as is_part2_sensitive,
        -- the watermark of the incremental runs
        {{ to_utc_timestamp('observations.received_at') }} as received_at
    from observations
    left join part2_encounters
        on observations.encounter_id = part2_encounters.encounter_id
)

select * from final
{{ aegis.aegis_physical_order() }}
