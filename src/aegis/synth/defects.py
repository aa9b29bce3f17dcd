"""Defective records: each one fails FHIR R4 conformance for exactly one reason (docs/fhir-conformance.md).

A defect is an EXTRA record, made from a copy of a valid resource with a fresh id (it never shadows a valid
resource), broken in one place. The reason is returned for expected.json; nothing here logs a value.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import orjson

from aegis.fhir.conformance import model
from aegis.synth.ids import new_id
from aegis.synth.options import Resource

MALFORMED_JSON = "malformed_json"
DUPLICATE_KEY = "duplicate_key"
UNKNOWN_RESOURCE_TYPE = "unknown_resource_type"
UNKNOWN_ELEMENT = "unknown_element"
MISSING_REQUIRED = "missing_required"
INVALID_TYPE = "invalid_type"
INVALID_VALUE = "invalid_value"
MULTIPLE_CHOICE = "multiple_choice"
INVARIANT_FAILED = "invariant_failed"
REASONS = (
    MALFORMED_JSON,
    DUPLICATE_KEY,
    UNKNOWN_RESOURCE_TYPE,
    UNKNOWN_ELEMENT,
    MISSING_REQUIRED,
    INVALID_TYPE,
    INVALID_VALUE,
    MULTIPLE_CHOICE,
    INVARIANT_FAILED,
)

# Resource types of other FHIR versions that senders still emit (DSTU2, STU3): not R4 resource types.
NOT_R4_TYPES = ("MedicationOrder", "DiagnosticOrder", "ReferralRequest", "ProcedureRequest")
UNPARSEABLE_DATE = "2025-02-30"
UNPARSEABLE_INSTANT = "2025-13-05T10:00:00+00:00"

Mutation = Callable[[random.Random, Resource], None]

# Elements that R4 requires (min 1) on each type, removed for `missing_required`.
REQUIRED_ELEMENTS = {
    "Patient": (),
    "Coverage": ("status", "payor", "beneficiary"),
    "Encounter": ("status", "class"),
    "Condition": ("subject",),
    "Observation": ("status", "code"),
    "Procedure": ("status", "subject"),
    "MedicationRequest": ("status", "intent", "subject"),
    "Claim": ("created", "provider", "priority", "insurance"),
    "ExplanationOfBenefit": ("outcome", "created", "insurer", "insurance"),
}
# Element names from other FHIR versions or typos, unknown to R4 on that type.
UNKNOWN_ELEMENTS = {
    "Patient": "birthdate",
    "Coverage": "plan",
    "Encounter": "reason",
    "Condition": "assertedDate",
    "Observation": "effectiveDate",
    "Procedure": "performedDate",
    "MedicationRequest": "medication",
    "Claim": "claimType",
    "ExplanationOfBenefit": "paymentAmount",
}


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
INVALID_VALUES: dict[str, tuple[Mutation, ...]] = {
    "Patient": (_set(("birthDate",), UNPARSEABLE_DATE), _set(("gender",), " male")),
    "Coverage": (_set(("period", "start"), UNPARSEABLE_DATE), _set(("status",), "")),
    "Encounter": (_set(("period", "start"), UNPARSEABLE_INSTANT), _set(("status",), "in progress ")),
    "Condition": (_set(("recordedDate",), UNPARSEABLE_DATE), _set(("recordedDate",), "2025-1-5")),
    "Observation": (_set(("effectiveDateTime",), UNPARSEABLE_INSTANT), _set(("status",), "")),
    "Procedure": (_set(("performedDateTime",), UNPARSEABLE_INSTANT), _set(("status",), "")),
    "MedicationRequest": (_set(("authoredOn",), UNPARSEABLE_INSTANT), _set(("intent",), "")),
    "Claim": (_set(("item", 0, "sequence"), 0), _set(("created",), UNPARSEABLE_INSTANT)),
    "ExplanationOfBenefit": (
        _set(("item", 0, "servicedDate"), UNPARSEABLE_DATE),
        _set(("item", 0, "sequence"), 0),
    ),
}
# A second variant of a choice element beside the one present (R4 allows one).
MULTIPLE_CHOICES: dict[str, tuple[str, Any]] = {
    "Patient": ("deceasedBoolean", False),
    "Coverage": ("period", None),
    "Encounter": ("period", None),
    "Condition": ("onsetString", "in childhood"),
    "Observation": ("effectivePeriod", {"start": "2020-01-01"}),
    "Procedure": ("performedString", "last spring"),
    "MedicationRequest": ("medicationReference", {"reference": "Medication/m1"}),
    "Claim": ("billablePeriod", None),
    "ExplanationOfBenefit": ("billablePeriod", None),
}
# Periods (invariant per-1: start before end).
PERIODS = {
    "Coverage": "period",
    "Encounter": "period",
    "Claim": "billablePeriod",
    "ExplanationOfBenefit": "billablePeriod",
}


def _fresh_copy(rng: random.Random, template: Resource) -> Resource:
    copy: Resource = orjson.loads(orjson.dumps(template))
    copy["id"] = new_id(rng)
    copy["meta"] = {**copy["meta"], "versionId": "1"}
    return copy


def _chosen_variant(kind: str, name: str, resource: Resource) -> bool:
    """Whether another variant of `name`'s choice element (per the R4 model) is already present."""
    elements = model()["types"][kind]["elements"]
    group = elements[name][3]
    return any(key != name and spec[3] == group and key in resource for key, spec in elements.items())


def _applicable(reason: str, resource: Resource) -> bool:
    """Whether `reason` can be made from this resource (only a present choice or period can clash)."""
    kind = resource["resourceType"]
    if reason == MISSING_REQUIRED:
        return bool(REQUIRED_ELEMENTS[kind])
    if reason == MULTIPLE_CHOICE:
        name, value = MULTIPLE_CHOICES[kind]
        return value is not None and _chosen_variant(kind, name, resource)
    if reason == INVARIANT_FAILED:
        return kind in PERIODS and "end" in resource.get(PERIODS[kind], {})
    return True


def defective_record(rng: random.Random, template: Resource) -> tuple[bytes, str]:
    """One broken record built from `template` (a valid resource), and the reason a validator must give."""
    resource = _fresh_copy(rng, template)
    reason = rng.choice([reason for reason in REASONS if _applicable(reason, resource)])
    kind = resource["resourceType"]
    if reason == MALFORMED_JSON:
        text = orjson.dumps(resource)
        return text[: rng.randrange(len(text) // 2, len(text) - 1)], reason  # an object never closed
    if reason == DUPLICATE_KEY:
        # The same key twice: JSON parsers silently keep one value; FHIR JSON forbids it.
        return b'{"id":"' + new_id(rng).encode() + b'",' + orjson.dumps(resource)[1:], reason
    if reason == UNKNOWN_RESOURCE_TYPE:
        resource["resourceType"] = rng.choice(NOT_R4_TYPES)
    elif reason == UNKNOWN_ELEMENT:
        resource[UNKNOWN_ELEMENTS[kind]] = "2020-01-01"
    elif reason == MISSING_REQUIRED:
        del resource[rng.choice(REQUIRED_ELEMENTS[kind])]
    elif reason == MULTIPLE_CHOICE:
        name, value = MULTIPLE_CHOICES[kind]
        resource[name] = value
    elif reason == INVARIANT_FAILED:
        resource[PERIODS[kind]] = _earlier_end(resource[PERIODS[kind]])
    else:
        table = {INVALID_TYPE: INVALID_TYPES, INVALID_VALUE: INVALID_VALUES}[reason]
        rng.choice(table[kind])(rng, resource)
    return orjson.dumps(resource), reason
