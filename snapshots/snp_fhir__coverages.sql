{% snapshot snp_fhir__coverages %}
    {{
        config(
            unique_key='coverage_id',
            strategy='timestamp',
            updated_at='last_updated_at',
            hard_deletes='ignore',
        )
    }}
    -- Coverage terms as they change: the staging columns without the delivery envelope, with last_updated_at
    -- as a naive UTC timestamp (snapshot times are naive on every engine; see to_utc_timestamp).
    with

    coverages as (
        select * from {{ ref('stg_fhir__coverages') }}
    ),

    final as (
        select
            coverage_id,
            patient_id,
            subscriber_id,
            payer_name,
            plan_type,
            status,
            coverage_start_date,
            coverage_end_date,
            version_id,
            {{ to_utc_timestamp('last_updated_at') }} as last_updated_at
        from coverages
    )

    select * from final
{% endsnapshot %}
