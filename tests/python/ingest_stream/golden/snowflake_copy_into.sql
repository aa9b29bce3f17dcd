create schema if not exists raw_fhir;

create file format if not exists raw_fhir.aegis_ndjson_gz type = json compression = gzip;

create stage if not exists raw_fhir.aegis_landing
    url = 's3://aegis-landing-prod-123456789012/fhir/'
    storage_integration = aegis_landing_s3
    file_format = raw_fhir.aegis_ndjson_gz;

create table if not exists raw_fhir.patient (
    event_id varchar,
    resource_type varchar,
    resource_id varchar,
    version_id varchar,
    last_updated timestamp_tz,
    received_at timestamp_tz,
    source varchar,
    source_position varchar,
    deleted boolean,
    resource variant
);

copy into raw_fhir.patient (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from (
    select
        $1:event_id::varchar,
        $1:resource_type::varchar,
        $1:resource_id::varchar,
        $1:version_id::varchar,
        $1:last_updated::timestamp_tz,
        $1:received_at::timestamp_tz,
        $1:source::varchar,
        $1:source_position::varchar,
        $1:deleted::boolean,
        $1:resource
    from @raw_fhir.aegis_landing/resource_type=Patient/
)
pattern = '.*ingest_date=[0-9]{4}-[0-9]{2}-[0-9]{2}/part-.*[.]ndjson[.]gz'
on_error = abort_statement;

create table if not exists raw_fhir.coverage (
    event_id varchar,
    resource_type varchar,
    resource_id varchar,
    version_id varchar,
    last_updated timestamp_tz,
    received_at timestamp_tz,
    source varchar,
    source_position varchar,
    deleted boolean,
    resource variant
);

copy into raw_fhir.coverage (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from (
    select
        $1:event_id::varchar,
        $1:resource_type::varchar,
        $1:resource_id::varchar,
        $1:version_id::varchar,
        $1:last_updated::timestamp_tz,
        $1:received_at::timestamp_tz,
        $1:source::varchar,
        $1:source_position::varchar,
        $1:deleted::boolean,
        $1:resource
    from @raw_fhir.aegis_landing/resource_type=Coverage/
)
pattern = '.*ingest_date=[0-9]{4}-[0-9]{2}-[0-9]{2}/part-.*[.]ndjson[.]gz'
on_error = abort_statement;

create table if not exists raw_fhir.encounter (
    event_id varchar,
    resource_type varchar,
    resource_id varchar,
    version_id varchar,
    last_updated timestamp_tz,
    received_at timestamp_tz,
    source varchar,
    source_position varchar,
    deleted boolean,
    resource variant
);

copy into raw_fhir.encounter (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from (
    select
        $1:event_id::varchar,
        $1:resource_type::varchar,
        $1:resource_id::varchar,
        $1:version_id::varchar,
        $1:last_updated::timestamp_tz,
        $1:received_at::timestamp_tz,
        $1:source::varchar,
        $1:source_position::varchar,
        $1:deleted::boolean,
        $1:resource
    from @raw_fhir.aegis_landing/resource_type=Encounter/
)
pattern = '.*ingest_date=[0-9]{4}-[0-9]{2}-[0-9]{2}/part-.*[.]ndjson[.]gz'
on_error = abort_statement;

create table if not exists raw_fhir.condition (
    event_id varchar,
    resource_type varchar,
    resource_id varchar,
    version_id varchar,
    last_updated timestamp_tz,
    received_at timestamp_tz,
    source varchar,
    source_position varchar,
    deleted boolean,
    resource variant
);

copy into raw_fhir.condition (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from (
    select
        $1:event_id::varchar,
        $1:resource_type::varchar,
        $1:resource_id::varchar,
        $1:version_id::varchar,
        $1:last_updated::timestamp_tz,
        $1:received_at::timestamp_tz,
        $1:source::varchar,
        $1:source_position::varchar,
        $1:deleted::boolean,
        $1:resource
    from @raw_fhir.aegis_landing/resource_type=Condition/
)
pattern = '.*ingest_date=[0-9]{4}-[0-9]{2}-[0-9]{2}/part-.*[.]ndjson[.]gz'
on_error = abort_statement;

create table if not exists raw_fhir.observation (
    event_id varchar,
    resource_type varchar,
    resource_id varchar,
    version_id varchar,
    last_updated timestamp_tz,
    received_at timestamp_tz,
    source varchar,
    source_position varchar,
    deleted boolean,
    resource variant
);

copy into raw_fhir.observation (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from (
    select
        $1:event_id::varchar,
        $1:resource_type::varchar,
        $1:resource_id::varchar,
        $1:version_id::varchar,
        $1:last_updated::timestamp_tz,
        $1:received_at::timestamp_tz,
        $1:source::varchar,
        $1:source_position::varchar,
        $1:deleted::boolean,
        $1:resource
    from @raw_fhir.aegis_landing/resource_type=Observation/
)
pattern = '.*ingest_date=[0-9]{4}-[0-9]{2}-[0-9]{2}/part-.*[.]ndjson[.]gz'
on_error = abort_statement;

create table if not exists raw_fhir.procedure (
    event_id varchar,
    resource_type varchar,
    resource_id varchar,
    version_id varchar,
    last_updated timestamp_tz,
    received_at timestamp_tz,
    source varchar,
    source_position varchar,
    deleted boolean,
    resource variant
);

copy into raw_fhir.procedure (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from (
    select
        $1:event_id::varchar,
        $1:resource_type::varchar,
        $1:resource_id::varchar,
        $1:version_id::varchar,
        $1:last_updated::timestamp_tz,
        $1:received_at::timestamp_tz,
        $1:source::varchar,
        $1:source_position::varchar,
        $1:deleted::boolean,
        $1:resource
    from @raw_fhir.aegis_landing/resource_type=Procedure/
)
pattern = '.*ingest_date=[0-9]{4}-[0-9]{2}-[0-9]{2}/part-.*[.]ndjson[.]gz'
on_error = abort_statement;

create table if not exists raw_fhir.medication_request (
    event_id varchar,
    resource_type varchar,
    resource_id varchar,
    version_id varchar,
    last_updated timestamp_tz,
    received_at timestamp_tz,
    source varchar,
    source_position varchar,
    deleted boolean,
    resource variant
);

copy into raw_fhir.medication_request (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from (
    select
        $1:event_id::varchar,
        $1:resource_type::varchar,
        $1:resource_id::varchar,
        $1:version_id::varchar,
        $1:last_updated::timestamp_tz,
        $1:received_at::timestamp_tz,
        $1:source::varchar,
        $1:source_position::varchar,
        $1:deleted::boolean,
        $1:resource
    from @raw_fhir.aegis_landing/resource_type=MedicationRequest/
)
pattern = '.*ingest_date=[0-9]{4}-[0-9]{2}-[0-9]{2}/part-.*[.]ndjson[.]gz'
on_error = abort_statement;

create table if not exists raw_fhir.claim (
    event_id varchar,
    resource_type varchar,
    resource_id varchar,
    version_id varchar,
    last_updated timestamp_tz,
    received_at timestamp_tz,
    source varchar,
    source_position varchar,
    deleted boolean,
    resource variant
);

copy into raw_fhir.claim (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from (
    select
        $1:event_id::varchar,
        $1:resource_type::varchar,
        $1:resource_id::varchar,
        $1:version_id::varchar,
        $1:last_updated::timestamp_tz,
        $1:received_at::timestamp_tz,
        $1:source::varchar,
        $1:source_position::varchar,
        $1:deleted::boolean,
        $1:resource
    from @raw_fhir.aegis_landing/resource_type=Claim/
)
pattern = '.*ingest_date=[0-9]{4}-[0-9]{2}-[0-9]{2}/part-.*[.]ndjson[.]gz'
on_error = abort_statement;

create table if not exists raw_fhir.explanation_of_benefit (
    event_id varchar,
    resource_type varchar,
    resource_id varchar,
    version_id varchar,
    last_updated timestamp_tz,
    received_at timestamp_tz,
    source varchar,
    source_position varchar,
    deleted boolean,
    resource variant
);

copy into raw_fhir.explanation_of_benefit (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from (
    select
        $1:event_id::varchar,
        $1:resource_type::varchar,
        $1:resource_id::varchar,
        $1:version_id::varchar,
        $1:last_updated::timestamp_tz,
        $1:received_at::timestamp_tz,
        $1:source::varchar,
        $1:source_position::varchar,
        $1:deleted::boolean,
        $1:resource
    from @raw_fhir.aegis_landing/resource_type=ExplanationOfBenefit/
)
pattern = '.*ingest_date=[0-9]{4}-[0-9]{2}-[0-9]{2}/part-.*[.]ndjson[.]gz'
on_error = abort_statement;

create table if not exists raw_fhir.immunization (
    event_id varchar,
    resource_type varchar,
    resource_id varchar,
    version_id varchar,
    last_updated timestamp_tz,
    received_at timestamp_tz,
    source varchar,
    source_position varchar,
    deleted boolean,
    resource variant
);

copy into raw_fhir.immunization (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from (
    select
        $1:event_id::varchar,
        $1:resource_type::varchar,
        $1:resource_id::varchar,
        $1:version_id::varchar,
        $1:last_updated::timestamp_tz,
        $1:received_at::timestamp_tz,
        $1:source::varchar,
        $1:source_position::varchar,
        $1:deleted::boolean,
        $1:resource
    from @raw_fhir.aegis_landing/resource_type=Immunization/
)
pattern = '.*ingest_date=[0-9]{4}-[0-9]{2}-[0-9]{2}/part-.*[.]ndjson[.]gz'
on_error = abort_statement;
