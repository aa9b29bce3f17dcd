"""Which FHIR paths carry PHI, per docs/fhir-conformance.md: the root of lineage for staging columns.

Staging extracts columns from the raw `resource` JSON. The audit cannot know what a JSON path holds from the
container column alone, so the profile's PHI paths are listed here (longest prefix wins); a path of a known
resource type that is not listed is not PHI (codes, statuses, references to random resource ids).
"""

from __future__ import annotations

PHI_PATHS: dict[str, dict[str, str]] = {
    "Patient": {
        "identifier[0]": "mrn",
        "identifier[1]": "ssn",
        "identifier": "other_id",
        "name": "name",
        "birthDate": "birth_date",
        "deceasedDateTime": "death_date",
        "address[0].line": "street_address",
        "address[0].city": "city",
        "address[0].district": "county",
        "address[0].postalCode": "zip",
        "address[0].state": "none",
        "address": "street_address",
        "telecom[0]": "phone",
        "telecom[1]": "email",
        "telecom": "phone",
        "gender": "quasi",
        "maritalStatus": "quasi",
        "communication": "quasi",
    },
    "Coverage": {"subscriberId": "health_plan_id", "period": "event_date"},
    "Encounter": {"period": "event_date"},
    "Condition": {
        "onsetDateTime": "event_date",
        "recordedDate": "event_date",
        "abatementDateTime": "event_date",
    },
    "Observation": {"effectiveDateTime": "event_date"},
    "Procedure": {"performedDateTime": "event_date"},
    "MedicationRequest": {"authoredOn": "event_date"},
    "Claim": {
        "billablePeriod": "event_date",
        "created": "event_date",
        "item": "none",
        "item[].servicedDate": "event_date",
    },
    "ExplanationOfBenefit": {
        "billablePeriod": "event_date",
        "created": "event_date",
        "item[].servicedDate": "event_date",
    },
}


def _normalize(path: str) -> str:
    """`item[3].servicedDate` and `item[*].servicedDate` -> `item[].servicedDate` for repeated elements."""
    out: list[str] = []
    depth = 0
    for char in path:
        if char == "[":
            depth += 1
            out.append(char)
        elif char == "]":
            depth -= 1
            out.append(char)
        elif depth == 0:
            out.append(char)
    return "".join(out)


def _is_prefix(prefix: str, path: str) -> bool:
    return path == prefix or path.startswith((f"{prefix}.", f"{prefix}["))


def fhir_path_category(resource_type: str | None, path: str) -> str | None:
    """The category of a JSON path in a resource type; None when the resource type is not profiled."""
    paths = PHI_PATHS.get(resource_type or "")
    if paths is None:
        return None
    path = path.removeprefix("resource.")
    generic = _normalize(path)
    best: tuple[int, str] | None = None
    for prefix, category in paths.items():
        candidate = generic if "[]" in prefix else path
        if _is_prefix(prefix, candidate) and (best is None or len(prefix) > best[0]):
            best = (len(prefix), category)
    return best[1] if best else "none"
