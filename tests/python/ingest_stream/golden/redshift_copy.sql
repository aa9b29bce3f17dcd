create schema if not exists raw_fhir;

create table if not exists raw_fhir.patient (
    event_id varchar(256),
    resource_type varchar(64),
    resource_id varchar(64),
    version_id varchar(32),
    last_updated timestamptz,
    received_at timestamptz,
    source varchar(1024),
    source_position varchar(72),
    deleted boolean,
    resource super
);

copy raw_fhir.patient (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from 's3://aegis-landing-prod-123456789012/fhir/resource_type=Patient/ingest_date=2026-01-31/'
iam_role 'arn:aws:iam::123456789012:role/aegis-redshift-load'
format as json 'auto'
gzip
timeformat 'auto'
region 'us-east-1';

create table if not exists raw_fhir.coverage (
    event_id varchar(256),
    resource_type varchar(64),
    resource_id varchar(64),
    version_id varchar(32),
    last_updated timestamptz,
    received_at timestamptz,
    source varchar(1024),
    source_position varchar(72),
    deleted boolean,
    resource super
);

copy raw_fhir.coverage (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from 's3://aegis-landing-prod-123456789012/fhir/resource_type=Coverage/ingest_date=2026-01-31/'
iam_role 'arn:aws:iam::123456789012:role/aegis-redshift-load'
format as json 'auto'
gzip
timeformat 'auto'
region 'us-east-1';

create table if not exists raw_fhir.encounter (
    event_id varchar(256),
    resource_type varchar(64),
    resource_id varchar(64),
    version_id varchar(32),
    last_updated timestamptz,
    received_at timestamptz,
    source varchar(1024),
    source_position varchar(72),
    deleted boolean,
    resource super
);

copy raw_fhir.encounter (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from 's3://aegis-landing-prod-123456789012/fhir/resource_type=Encounter/ingest_date=2026-01-31/'
iam_role 'arn:aws:iam::123456789012:role/aegis-redshift-load'
format as json 'auto'
gzip
timeformat 'auto'
region 'us-east-1';

create table if not exists raw_fhir.condition (
    event_id varchar(256),
    resource_type varchar(64),
    resource_id varchar(64),
    version_id varchar(32),
    last_updated timestamptz,
    received_at timestamptz,
    source varchar(1024),
    source_position varchar(72),
    deleted boolean,
    resource super
);

copy raw_fhir.condition (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from 's3://aegis-landing-prod-123456789012/fhir/resource_type=Condition/ingest_date=2026-01-31/'
iam_role 'arn:aws:iam::123456789012:role/aegis-redshift-load'
format as json 'auto'
gzip
timeformat 'auto'
region 'us-east-1';

create table if not exists raw_fhir.observation (
    event_id varchar(256),
    resource_type varchar(64),
    resource_id varchar(64),
    version_id varchar(32),
    last_updated timestamptz,
    received_at timestamptz,
    source varchar(1024),
    source_position varchar(72),
    deleted boolean,
    resource super
);

copy raw_fhir.observation (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from 's3://aegis-landing-prod-123456789012/fhir/resource_type=Observation/ingest_date=2026-01-31/'
iam_role 'arn:aws:iam::123456789012:role/aegis-redshift-load'
format as json 'auto'
gzip
timeformat 'auto'
region 'us-east-1';

create table if not exists raw_fhir.procedure (
    event_id varchar(256),
    resource_type varchar(64),
    resource_id varchar(64),
    version_id varchar(32),
    last_updated timestamptz,
    received_at timestamptz,
    source varchar(1024),
    source_position varchar(72),
    deleted boolean,
    resource super
);

copy raw_fhir.procedure (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from 's3://aegis-landing-prod-123456789012/fhir/resource_type=Procedure/ingest_date=2026-01-31/'
iam_role 'arn:aws:iam::123456789012:role/aegis-redshift-load'
format as json 'auto'
gzip
timeformat 'auto'
region 'us-east-1';

create table if not exists raw_fhir.medication_request (
    event_id varchar(256),
    resource_type varchar(64),
    resource_id varchar(64),
    version_id varchar(32),
    last_updated timestamptz,
    received_at timestamptz,
    source varchar(1024),
    source_position varchar(72),
    deleted boolean,
    resource super
);

copy raw_fhir.medication_request (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from 's3://aegis-landing-prod-123456789012/fhir/resource_type=MedicationRequest/ingest_date=2026-01-31/'
iam_role 'arn:aws:iam::123456789012:role/aegis-redshift-load'
format as json 'auto'
gzip
timeformat 'auto'
region 'us-east-1';

create table if not exists raw_fhir.claim (
    event_id varchar(256),
    resource_type varchar(64),
    resource_id varchar(64),
    version_id varchar(32),
    last_updated timestamptz,
    received_at timestamptz,
    source varchar(1024),
    source_position varchar(72),
    deleted boolean,
    resource super
);

copy raw_fhir.claim (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from 's3://aegis-landing-prod-123456789012/fhir/resource_type=Claim/ingest_date=2026-01-31/'
iam_role 'arn:aws:iam::123456789012:role/aegis-redshift-load'
format as json 'auto'
gzip
timeformat 'auto'
region 'us-east-1';

create table if not exists raw_fhir.explanation_of_benefit (
    event_id varchar(256),
    resource_type varchar(64),
    resource_id varchar(64),
    version_id varchar(32),
    last_updated timestamptz,
    received_at timestamptz,
    source varchar(1024),
    source_position varchar(72),
    deleted boolean,
    resource super
);

copy raw_fhir.explanation_of_benefit (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from 's3://aegis-landing-prod-123456789012/fhir/resource_type=ExplanationOfBenefit/ingest_date=2026-01-31/'
iam_role 'arn:aws:iam::123456789012:role/aegis-redshift-load'
format as json 'auto'
gzip
timeformat 'auto'
region 'us-east-1';

create table if not exists raw_fhir.immunization (
    event_id varchar(256),
    resource_type varchar(64),
    resource_id varchar(64),
    version_id varchar(32),
    last_updated timestamptz,
    received_at timestamptz,
    source varchar(1024),
    source_position varchar(72),
    deleted boolean,
    resource super
);

copy raw_fhir.immunization (event_id, resource_type, resource_id, version_id, last_updated, received_at, source, source_position, deleted, resource)
from 's3://aegis-landing-prod-123456789012/fhir/resource_type=Immunization/ingest_date=2026-01-31/'
iam_role 'arn:aws:iam::123456789012:role/aegis-redshift-load'
format as json 'auto'
gzip
timeformat 'auto'
region 'us-east-1';
