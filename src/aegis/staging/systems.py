"""The identifier and code systems staging reads, declared once (docs/sql-on-fhir.md, "Systems").

ViewDefinitions name them as constants (`%mrn_system`, `%icd10cm`, ...); `aegis views staging` refuses a
view whose constant of the same name has another value, so the views cannot drift from this table.
"""

from __future__ import annotations

from aegis.ingest import codes

# Identifiers. An MRN is recognised by its system (ours) or, from any sender, by its v2-0203 type `MR`.
IDENTIFIER_SYSTEMS: dict[str, str] = {
    "mrn_system": "urn:aegis:mrn",
    "ssn_system": "http://hl7.org/fhir/sid/us-ssn",
    "npi_system": codes.NPI_SYSTEM,
    "identifier_type_system": "http://terminology.hl7.org/CodeSystem/v2-0203",
}
CODE_SYSTEMS: dict[str, str] = {
    "icd10cm": codes.ICD10CM_SYSTEM,
    "snomed": "http://snomed.info/sct",
    "loinc": codes.LOINC_SYSTEM,
    "rxnorm": codes.RXNORM_SYSTEM,
    "hcpcs": codes.HCPCS_SYSTEM,
    "cpt": "http://www.ama-assn.org/go/cpt",
    "ndc": "http://hl7.org/fhir/sid/ndc",
    "revenue": codes.REVENUE_CODE_SYSTEM,
    "cvx": "http://hl7.org/fhir/sid/cvx",
}
EXTENSIONS: dict[str, str] = {
    "us_core_race": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race",
    "us_core_ethnicity": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity",
    "us_core_birthsex": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex",
}
DECLARED: dict[str, str] = {**IDENTIFIER_SYSTEMS, **CODE_SYSTEMS, **EXTENSIONS}
