"""Validation and landing of FHIR R4 records: the code shared by the local loader and the Kinesis handler.

Layers, lowest first (a module only imports the ones above it):

- `codes`: code-system format rules (ICD-10-CM, LOINC, HCPCS Level II, revenue code, RxNorm, NPI).
- `errors`: reason codes and `ValidationError(code, path)`.
- `validate`: the FHIR subset of docs/fhir-conformance.md, as plain dict checks.
- `records`: one raw record (bytes) -> `Landed` / `Quarantined` outcomes (decode, unbundle, validate, envelope).
- `landing`: stores (local folder, S3) and the buffered landing / quarantine writers.
- `pipeline`: an `Ingestor` that ties records to writers and keeps the in = landed + quarantined counts.
- `loader`: the local batch loader behind `aegis ingest land`.
"""
