"""Defective records: each one fails validation for exactly one reason code of docs/fhir-subset.md.

A defect is an EXTRA record, made from a copy of a valid resource with a fresh id (it never shadows a valid
resource), broken in one place. The reason is returned for expected.json; nothing here logs a value.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import orjson

from aegis.synth.ids import new_id
from aegis.synth.options import Resource

MALFORMED_JSON = "malformed_json"
UNSUPPORTED_RESOURCE_TYPE = "unsupported_resource_type"
MISSING_REQUIRED = "missing_required"
INVALID_TYPE = "invalid_type"
INVALID_CODE = "invalid_code"
INVALID_DATE = "invalid_date"
REASONS = (
    MALFORMED_JSON,
    UNSUPPORTED_RESOURCE_TYPE,
    MISSING_REQUIRED,
    INVALID_TYPE,
    INVALID_CODE,
    INVALID_DATE,
)

UNSUPPORTED_TYPES = ("DiagnosticReport", "Immunization", "AllergyIntolerance", "Practitioner")
FUTURE_INSTANT = "2099-03-01T09:30:00+00:00"
FUTURE_DATE = "2099-03-01"
UNPARSEABLE_DATE = "2025-02-30"
UNPARSEABLE_INSTANT = "2025-13-05T10:00:00+00:00"

Mutation = Callable[[random.Random, Resource], None]

# Required top-level elements whose absence is `missing_required` (never id, type or the patient reference,
# so a loader can still route the record to its patient's partition).
REQUIRED_ELEMENTS = {
    "Patient": ("birthDate", "gender", "name", "identifier"),
    "Coverage": ("status", "subscriberId", "payor", "type"),
    "Encounter": ("status", "class", "serviceProvider", "period"),
    "Condition": ("code", "recordedDate", "clinicalStatus"),
    "Observation": ("status", "code", "effectiveDateTime", "category"),
    "Procedure": ("status", "code", "performedDateTime"),
    "MedicationRequest": ("status", "intent", "authoredOn", "medicationCodeableConcept"),
    "Claim": ("created", "provider", "diagnosis", "billablePeriod"),
    "ExplanationOfBenefit": ("outcome", "claim", "created", "insurance"),
}


def _break_check_digit(value: str) -> str:
    """Another last digit: exactly one check digit passes Luhn / mod-10, so any other one fails."""
    return value[:-1] + str((int(value[-1]) + 5) % 10)


def _set(path: tuple[Any, ...], value: Any) -> Mutation:
    def mutate(rng: random.Random, resource: Resource) -> None:
        target: Any = resource
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value(target[path[-1]]) if callable(value) else value

    return mutate


def _first(items: list[Any]) -> Any:
    return items[0]


def _number(text: str) -> int:
    return int("".join(char for char in text if char.isdigit())[:8] or 0)


def _earlier_end(period: dict[str, str]) -> dict[str, str]:
    """A period whose end is a year before its start."""
    start = period["start"]
    return {"start": start, "end": f"{int(start[:4]) - 1}{start[4:]}"}


def _bad_icd(code: str) -> str:
    return "9" + code[1:]  # an ICD-10-CM code starts with a letter


def _bad_hcpcs(code: str) -> str:
    return "W" + code[1:]  # HCPCS Level II starts with A-V


NPI_VALUE = ("identifier", "value")
INVALID_TYPES: dict[str, tuple[Mutation, ...]] = {
    "Patient": (_set(("name",), _first), _set(("birthDate",), _number)),
    "Coverage": (_set(("payor",), _first), _set(("subscriberId",), _number)),
    "Encounter": (_set(("reasonCode",), _first), _set(("period", "start"), _number)),
    "Condition": (_set(("code", "coding"), _first), _set(("recordedDate",), _number)),
    "Observation": (_set(("valueQuantity", "value"), str), _set(("category",), _first)),
    "Procedure": (_set(("performer",), _first), _set(("performedDateTime",), _number)),
    "MedicationRequest": (
        _set(("medicationCodeableConcept", "coding"), _first),
        _set(("authoredOn",), _number),
    ),
    "Claim": (_set(("item",), _first), _set(("insurance",), _first)),
    "ExplanationOfBenefit": (_set(("item",), _first), _set(("insurance",), _first)),
}
INVALID_CODES: dict[str, tuple[Mutation, ...]] = {
    "Patient": (_set(("gender",), "M"), _set(("maritalStatus", "coding", 0, "code"), "X")),
    "Coverage": (_set(("type", "coding", 0, "code"), "GOLD"), _set(("status",), "current")),
    "Encounter": (
        _set(("class", "code"), "OUTPT"),
        _set(("serviceProvider", *NPI_VALUE), _break_check_digit),
    ),
    "Condition": (
        _set(("code", "coding", 0, "code"), _bad_icd),
        _set(("clinicalStatus", "coding", 0, "code"), "cured"),
    ),
    "Observation": (_set(("code", "coding", 0, "code"), _break_check_digit), _set(("status",), "done")),
    "Procedure": (
        _set(("code", "coding", 0, "code"), _bad_hcpcs),
        _set(("performer", 0, "actor", *NPI_VALUE), _break_check_digit),
    ),
    "MedicationRequest": (
        _set(("medicationCodeableConcept", "coding", 0, "code"), lambda code: f"RX{code}"),
        _set(("intent",), "suggestion"),
    ),
    "Claim": (
        _set(("provider", *NPI_VALUE), _break_check_digit),
        _set(("type", "coding", 0, "code"), "oral"),
    ),
    "ExplanationOfBenefit": (_set(("outcome",), "paid"), _set(("provider", *NPI_VALUE), _break_check_digit)),
}
INVALID_DATES: dict[str, tuple[Mutation, ...]] = {
    "Patient": (_set(("birthDate",), UNPARSEABLE_DATE), _set(("birthDate",), FUTURE_DATE)),
    "Coverage": (_set(("period",), _earlier_end), _set(("period", "start"), UNPARSEABLE_DATE)),
    "Encounter": (_set(("period",), _earlier_end), _set(("period", "start"), UNPARSEABLE_INSTANT)),
    "Condition": (_set(("recordedDate",), UNPARSEABLE_DATE), _set(("recordedDate",), FUTURE_DATE)),
    "Observation": (
        _set(("effectiveDateTime",), FUTURE_INSTANT),
        _set(("effectiveDateTime",), UNPARSEABLE_INSTANT),
    ),
    "Procedure": (
        _set(("performedDateTime",), UNPARSEABLE_INSTANT),
        _set(("performedDateTime",), FUTURE_INSTANT),
    ),
    "MedicationRequest": (
        _set(("authoredOn",), UNPARSEABLE_INSTANT),
        _set(("meta", "lastUpdated"), FUTURE_INSTANT),
    ),
    "Claim": (_set(("billablePeriod",), _earlier_end), _set(("created",), FUTURE_INSTANT)),
    "ExplanationOfBenefit": (
        _set(("billablePeriod",), _earlier_end),
        _set(("item", 0, "servicedDate"), UNPARSEABLE_DATE),
    ),
}


def _fresh_copy(rng: random.Random, template: Resource) -> Resource:
    copy: Resource = orjson.loads(orjson.dumps(template))
    copy["id"] = new_id(rng)
    copy["meta"] = {**copy["meta"], "versionId": "1"}
    return copy


def defective_record(rng: random.Random, template: Resource) -> tuple[bytes, str]:
    """One broken record built from `template` (a valid resource), and the reason a validator must give."""
    reason = rng.choice(REASONS)
    resource = _fresh_copy(rng, template)
    kind = resource["resourceType"]
    if reason == MALFORMED_JSON:
        text = orjson.dumps(resource)
        return text[: rng.randrange(len(text) // 2, len(text) - 1)], reason  # an object never closed
    if reason == UNSUPPORTED_RESOURCE_TYPE:
        resource["resourceType"] = rng.choice(UNSUPPORTED_TYPES)
    elif reason == MISSING_REQUIRED:
        del resource[rng.choice(REQUIRED_ELEMENTS[kind])]
    else:
        table = {INVALID_TYPE: INVALID_TYPES, INVALID_CODE: INVALID_CODES, INVALID_DATE: INVALID_DATES}[
            reason
        ]
        rng.choice(table[kind])(rng, resource)
    return orjson.dumps(resource), reason
