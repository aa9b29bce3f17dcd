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
        "identifier{mrn}": "mrn",
        "identifier{ssn}": "ssn",
        "telecom{email}": "email",
        "extension": "quasi",
        "name": "name",
        "birthDate": "birth_date",
        "deceasedDateTime": "death_date",
        "address[0].line": "street_address",
        "address[0].city": "city",
        "address[0].district": "county",
        "address[0].postalCode": "zip",
        "address[0].state": "none",
        "address": "street_address",
        "address.line": "street_address",
        "address.city": "city",
        "address.district": "county",
        "address.postalCode": "zip",
        "address.state": "none",
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
        "onsetPeriod": "event_date",
        "recordedDate": "event_date",
        "abatementDateTime": "event_date",
        "abatementPeriod": "event_date",
    },
    "Observation": {
        "effectiveDateTime": "event_date",
        "effectiveInstant": "event_date",
        "effectivePeriod": "event_date",
    },
    "Procedure": {"performedDateTime": "event_date", "performedPeriod": "event_date"},
    "MedicationRequest": {"authoredOn": "event_date"},
    "Immunization": {
        "occurrenceDateTime": "event_date",
        "occurrenceString": "event_date",
        "recorded": "event_date",
    },
    "Claim": {
        "billablePeriod": "event_date",
        "created": "event_date",
        "item": "none",
        "item[].servicedDate": "event_date",
        "item[].servicedPeriod": "event_date",
    },
    "ExplanationOfBenefit": {
        "billablePeriod": "event_date",
        "created": "event_date",
        "item[].servicedDate": "event_date",
        "item[].servicedPeriod": "event_date",
    },
}
# A constant or literal inside a FHIRPath expression that decides which identifier or contact it picks.
_REFINEMENTS = {"%mrn_system": "{mrn}", "%ssn_system": "{ssn}", "'email'": "{email}"}
_DROPPED_FUNCTIONS = (
    "where",
    "first",
    "last",
    "exists",
    "empty",
    "getReferenceKey",
    "getResourceKey",
    "join",
)


def _segments(expression: str) -> list[str]:
    """`a.where(b.c = 1).d` -> [`a`, `where(b.c = 1)`, `d`]: dots inside parentheses do not split."""
    segments: list[str] = []
    current: list[str] = []
    depth = 0
    for char in expression:
        if char == "." and depth == 0:
            segments.append("".join(current))
            current = []
            continue
        depth += (char == "(") - (char == ")")
        current.append(char)
    segments.append("".join(current))
    return [segment.strip() for segment in segments if segment.strip()]


def fhirpath_element_path(expression: str) -> str:
    """The element path a FHIRPath expression of a ViewDefinition reads, in the form PHI_PATHS lists:
    `deceased.ofType(dateTime)` -> `deceasedDateTime`, `identifier.where(system = %ssn_system).value` ->
    `identifier{ssn}.value`, `item[].serviced.ofType(Period).start` -> `item[].servicedPeriod.start`."""
    elements: list[str] = []
    for segment in _segments(expression):
        name, _, argument = segment.partition("(")
        argument = argument.removesuffix(")")
        if name == "ofType" and elements and elements[-1] != "contained":
            elements[-1] += argument[:1].upper() + argument[1:]
        elif name == "ofType" or name in _DROPPED_FUNCTIONS:
            if name == "where" and elements:
                elements[-1] += "".join(mark for token, mark in _REFINEMENTS.items() if token in argument)
        elif name == "extension":
            elements.append("extension")
        else:
            elements.append(segment)
    return ".".join(elements)


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
    return path == prefix or path.startswith((f"{prefix}.", f"{prefix}[", f"{prefix}{{"))


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
