{% snapshot snp_fhir__patients %}
    {{
        config(
            unique_key='patient_id',
            strategy='timestamp',
            updated_at='last_updated_at',
            hard_deletes='ignore',
        )
    }}
    -- Patient demographics as they change: the staging columns without the delivery envelope, with
    -- last_updated_at as a naive UTC timestamp (snapshot times are naive on every engine; see to_utc_timestamp).
    with

    patients as (
        select * from {{ ref('stg_fhir__patients') }}
    ),

    final as (
        select
            patient_id,
            mrn,
            ssn,
            family_name,
            given_name,
            gender,
            street_address,
            city,
            county,
            state,
            zip_code,
            phone,
            email,
            marital_status_code,
            language_code,
            birth_date,
            deceased_at,
            version_id,
            {{ to_utc_timestamp('last_updated_at') }} as last_updated_at
        from patients
    )

    select * from final
{% endsnapshot %}
