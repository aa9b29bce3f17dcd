-- One row per prescription (latest FHIR MedicationRequest version) coded in RxNorm, with the 42 CFR
-- Part 2 mark of staging (medication for addiction treatment) or of the encounter it was written in.
-- Incremental (docs/incremental.md): the rows received since the table's watermark, and those whose
-- encounter's Part 2 mark changed.
{{ config(**aegis.aegis_incremental_fact(
    'medication_request_id', 'stg_fhir__medication_requests', distribute_by='patient_id', sort_by=['authored_date'],
)) }}
with

staged_medication_requests as {{ aegis.aegis_cte_not_materialized() }} (
    select * from {{ ref('stg_fhir__medication_requests') }}
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
    remarked_medication_requests as (
        {{ aegis.aegis_rows_remarked_by_encounter('medication_request_id', 'part2_encounters') }}
    ),
{% endif %}

medication_requests as (
    {{ aegis.aegis_rows_to_derive('staged_medication_requests', 'medication_request_id', 'remarked_medication_requests') }}
),

final as (
    select
        cast(medication_requests.medication_request_id as varchar) as medication_request_id,
        cast(medication_requests.patient_id as varchar) as patient_id,
        cast(medication_requests.encounter_id as varchar) as encounter_id,
        cast(medication_requests.prescriber_npi as varchar) as prescriber_npi,
        cast(medication_requests.rxnorm_code as varchar) as rxnorm_code,
        cast(medication_requests.medication_name as varchar) as medication_name,
        cast(medication_requests.status as varchar) as status,
        cast(medication_requests.intent as varchar) as intent,
        cast({{ to_utc_timestamp('medication_requests.authored_at') }} as date) as authored_date,
        {{ to_utc_timestamp('medication_requests.authored_at') }} as authored_at,
        (
            coalesce(medication_requests.is_part2_sensitive, false)
            or part2_encounters.encounter_id is not null
        ) as is_part2_sensitive,
        -- the watermark of the incremental runs
        {{ to_utc_timestamp('medication_requests.received_at') }} as received_at
    from medication_requests
    left join part2_encounters
        on medication_requests.encounter_id = part2_encounters.encounter_id
)

select * from final
{{ aegis.aegis_physical_order() }}
