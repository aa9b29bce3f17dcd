"""Profile expectations as data-quality findings: what US Core and our marts would like, not what FHIR R4
requires. A conformant resource always lands; its findings travel with it in the envelope (`findings`) and
dbt tests of severity warn count them (docs/fhir-conformance.md lists every rule).

| finding | resource | rule |
|---|---|---|
| `no_patient_identifier` | Patient | no `identifier` at all (US Core: must support, 1..*) |
| `must_support_missing` | Patient | no `name`, `gender` or `birthDate` (US Core must support) |
| `no_preferred_code_system` | Condition, Observation, Procedure, MedicationRequest | no coding of a system the marts read (below) |
| `no_npi` | Practitioner, Organization | no identifier of system NPI (US Core) |
| `date_in_future` | any | `meta.lastUpdated` after the time the record was received (plus clock skew) |
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from aegis.ingest import codes
from aegis.ingest.errors import (
    DATE_IN_FUTURE,
    MUST_SUPPORT_MISSING,
    NO_NPI,
    NO_PATIENT_IDENTIFIER,
    NO_PREFERRED_CODE_SYSTEM,
    ValidationError,
)

SNOMED_SYSTEM = "http://snomed.info/sct"
CPT_SYSTEM = "http://www.ama-assn.org/go/cpt"
ICD10PCS_SYSTEM = "http://www.cms.gov/Medicare/Coding/ICD10"
NDC_SYSTEM = "http://hl7.org/fhir/sid/ndc"
CLOCK_SKEW = timedelta(minutes=5)

# The element holding the code, and the systems the marts recognise in it.
PREFERRED_CODE_SYSTEMS: dict[str, tuple[str, frozenset[str]]] = {
    "Condition": ("code", frozenset({codes.ICD10CM_SYSTEM, SNOMED_SYSTEM})),
    "Observation": ("code", frozenset({codes.LOINC_SYSTEM})),
    "Procedure": ("code", frozenset({codes.HCPCS_SYSTEM, CPT_SYSTEM, SNOMED_SYSTEM, ICD10PCS_SYSTEM})),
    "MedicationRequest": ("medicationCodeableConcept", frozenset({codes.RXNORM_SYSTEM, NDC_SYSTEM})),
}
_NPI_HOLDERS = frozenset({"Practitioner", "Organization"})


def _systems(concept: object) -> Iterable[object]:
    if type(concept) is not dict:
        return ()
    codings = concept.get("coding")
    return (
        (coding.get("system") for coding in codings if type(coding) is dict) if type(codings) is list else ()
    )


def _has_npi(resource: dict[str, Any]) -> bool:
    identifiers = resource.get("identifier")
    return type(identifiers) is list and any(
        type(identifier) is dict and identifier.get("system") == codes.NPI_SYSTEM
        for identifier in identifiers
    )


def _in_future(text: object, latest: datetime) -> bool:
    if type(text) is not str or "T" not in text:
        return False
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return moment.tzinfo is not None and moment > latest


def profile_findings(resource: dict[str, Any], now: datetime | None = None) -> list[ValidationError]:
    """The findings of one conformant resource (paths only, no values)."""
    resource_type = resource["resourceType"]
    findings: list[ValidationError] = []
    if resource_type == "Patient":
        if "identifier" not in resource:
            findings.append(ValidationError(NO_PATIENT_IDENTIFIER, "Patient.identifier"))
        for element in ("name", "gender", "birthDate"):
            if element not in resource and f"_{element}" not in resource:
                findings.append(ValidationError(MUST_SUPPORT_MISSING, f"Patient.{element}"))
    preferred = PREFERRED_CODE_SYSTEMS.get(resource_type)
    if preferred is not None:
        element, systems = preferred
        if element in resource and not any(system in systems for system in _systems(resource[element])):
            findings.append(ValidationError(NO_PREFERRED_CODE_SYSTEM, f"{resource_type}.{element}"))
    if resource_type in _NPI_HOLDERS and not _has_npi(resource):
        findings.append(ValidationError(NO_NPI, f"{resource_type}.identifier"))
    meta = resource.get("meta")
    latest = (now or datetime.now(UTC)) + CLOCK_SKEW
    if type(meta) is dict and _in_future(meta.get("lastUpdated"), latest):
        findings.append(ValidationError(DATE_IN_FUTURE, f"{resource_type}.meta.lastUpdated"))
    return findings
