-- One row per procedure (latest FHIR version), coded in HCPCS Level II or SNOMED CT, with the 42 CFR Part 2 mark of
-- staging (substance-use services) or of its encounter, so the row policy hides those rows from other tiers.
-- Incremental (docs/incremental.md): the rows received since the table's watermark, and those whose
-- encounter's Part 2 mark changed.
{{ config(**aegis.aegis_incremental_fact(
    'procedure_id', 'stg_fhir__procedures', distribute_by='patient_id', sort_by=['performed_date'],
)) }}
with

staged_procedures as {{ aegis.aegis_cte_not_materialized() }} (
    select * from {{ ref('stg_fhir__procedures') }}
),

encounters as (
    select * from {{ ref('fct_encounters') }}
),

-- A row recorded in a Part 2 encounter discloses Part 2 treatment even when its own code does not (a drug
-- screen, a counselling procedure, a prescription written there).
part2_encounters as (
    select encounter_id from encounters
    where is_part2_sensitive
),

{% if is_incremental() %}
-- the stored rows whose encounter's Part 2 mark changed: derived again
    remarked_procedures as (
        {{ aegis.aegis_rows_remarked_by_encounter('procedure_id', 'part2_encounters') }}
    ),
{% endif %}

procedures as (
    {{ aegis.aegis_rows_to_derive('staged_procedures', 'procedure_id', 'remarked_procedures') }}
),

final as (
    select
        cast(procedures.procedure_id as varchar) as procedure_id,
        cast(procedures.patient_id as varchar) as patient_id,
        cast(procedures.encounter_id as varchar) as encounter_id,
        cast(procedures.performer_npi as varchar) as performer_npi,
        cast(procedures.hcpcs_code as varchar) as hcpcs_code,
        cast(procedures.snomed_code as varchar) as snomed_code,
        cast(procedures.status as varchar) as status,
        cast({{ to_utc_timestamp('procedures.performed_at') }} as date) as performed_date,
        {{ to_utc_timestamp('procedures.performed_at') }} as performed_at,
        (
            coalesce(procedures.is_part2_sensitive, false)
            or part2_encounters.encounter_id is not null
        ) as is_part2_sensitive,
        -- the watermark of the incremental runs
        {{ to_utc_timestamp('procedures.received_at') }} as received_at
    from procedures
    left join part2_encounters
        on procedures.encounter_id = part2_encounters.encounter_id
)

select * from final
{{ aegis.aegis_physical_order() }}
