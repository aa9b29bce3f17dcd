"""The FHIR subset validator (aegis.ingest.validate) against hand-written resources."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aegis.ingest import examples
from aegis.ingest.errors import REASONS, ValidationError, primary_reason
from aegis.ingest.validate import RESOURCE_TYPES, validate_resource

NOW = datetime(2026, 1, 31, 12, 0, tzinfo=UTC)
DROP = object()  # a case's value that removes the element instead of setting it
FACTORIES: dict[str, Callable[[], dict[str, Any]]] = {
    "Patient": examples.patient,
    "Coverage": examples.coverage,
    "Encounter": examples.encounter,
    "Condition": examples.condition,
    "Observation": examples.observation,
    "Procedure": examples.procedure,
    "MedicationRequest": examples.medication_request,
    "Claim": examples.claim,
    "ExplanationOfBenefit": examples.explanation_of_benefit,
}
_STEP = re.compile(r"\.?([A-Za-z]+)|\[([0-9]+)\]")


def _mutated(path: str, value: object) -> dict[str, Any]:
    """A valid example of the path's resource type with the element at `path` set to `value` (or removed)."""
    resource_type, _, rest = path.partition(".")
    resource = FACTORIES[resource_type]()
    steps: list[str | int] = [name or int(index) for name, index in _STEP.findall(rest)]
    target: Any = resource
    for step in steps[:-1]:
        target = target[step]
    if value is DROP:
        del target[steps[-1]]
    else:
        target[steps[-1]] = value
    return resource


@pytest.mark.parametrize("resource", examples.all_resources(), ids=lambda r: r["resourceType"])
def test_hand_written_examples_are_valid(resource: dict[str, Any]) -> None:
    assert validate_resource(resource, now=NOW) == []


def test_examples_cover_every_resource_type() -> None:
    assert {r["resourceType"] for r in examples.all_resources()} == RESOURCE_TYPES


# (element to change, value, expected code[, expected error path when it is not the element's own path])
CASES: list[tuple[Any, ...]] = [
    ("Patient.resourceType", DROP, "missing_required", "resourceType"),
    ("Patient.resourceType", 7, "invalid_type", "resourceType"),
    ("Patient.resourceType", "Medication", "unsupported_resource_type", "resourceType"),
    ("Condition.id", DROP, "missing_required"),
    ("Condition.id", "a b", "invalid_code"),
    ("Condition.meta", DROP, "missing_required"),
    ("Condition.meta.versionId", "v1", "invalid_code"),
    ("Condition.meta.versionId", 1, "invalid_type"),
    ("Condition.meta.lastUpdated", "2025-03-02T10:15:00", "invalid_date"),
    ("Condition.meta.lastUpdated", "2025-03-02", "invalid_date"),
    ("Condition.meta.lastUpdated", "2026-02-01T00:00:00Z", "invalid_date"),
    ("Patient.name", DROP, "missing_required"),
    ("Patient.name", [], "missing_required"),
    ("Patient.name", {"family": "x"}, "invalid_type"),
    ("Patient.name[0].family", 3, "invalid_type"),
    ("Patient.name[0].given", [["x"]], "invalid_type", "Patient.name[0].given[0]"),
    ("Patient.gender", "F", "invalid_code"),
    ("Patient.birthDate", "1958-02-30", "invalid_date"),
    ("Patient.birthDate", "1958-02-03T00:00:00Z", "invalid_date"),
    ("Patient.birthDate", "2026-02-02", "invalid_date"),
    ("Patient.deceasedDateTime", "1950-01-01T00:00:00Z", "invalid_date"),
    ("Patient.identifier[0].system", "urn:other", "invalid_code"),
    ("Patient.identifier[1].value", "987654329", "invalid_code"),
    ("Patient.address[0].postalCode", "6270", "invalid_code"),
    ("Patient.telecom[0].system", "email", "invalid_code"),
    ("Patient.maritalStatus.coding[0].code", "X", "invalid_code"),
    ("Patient.communication[0].language.coding[0].code", "English", "invalid_code"),
    ("Coverage.type.coding[0].code", "HMO", "invalid_code"),
    ("Coverage.period.end", "2023-12-31", "invalid_date"),
    ("Coverage.beneficiary.reference", "Person/1", "invalid_code"),
    ("Encounter.subject", DROP, "missing_required"),
    ("Encounter.class.code", "HH", "invalid_code"),
    ("Encounter.serviceProvider.identifier.value", "1234567890", "invalid_code"),
    ("Encounter.period.end", "2025-01-01T00:00:00Z", "invalid_date"),
    ("Encounter.reasonCode[0].coding[0].code", "I5.9", "invalid_code"),
    ("Encounter.hospitalization.dischargeDisposition.coding[0].code", "1", "invalid_code"),
    ("Condition.code.coding[0].code", "E119", "invalid_code"),
    ("Condition.code.coding[0].system", "http://snomed.info/sct", "invalid_code"),
    ("Condition.code", {"text": "x"}, "missing_required", "Condition.code.coding"),
    ("Condition.clinicalStatus.coding[0].code", "cured", "invalid_code"),
    ("Condition.encounter.reference", "Patient/x", "invalid_code"),
    ("Condition.abatementDateTime", "2018-01-01", "invalid_date"),
    ("Observation.code.coding[0].code", "4548-3", "invalid_code"),
    ("Observation.category[0].coding[0].code", "imaging", "invalid_code"),
    ("Observation.valueQuantity.value", "7.4", "invalid_type"),
    ("Observation.valueQuantity.value", True, "invalid_type"),
    ("Observation.effectiveDateTime", "yesterday", "invalid_date"),
    ("Procedure.code.coding[0].code", "99213", "invalid_code"),
    ("Procedure.performer[0].actor.identifier.value", "123", "invalid_code"),
    ("MedicationRequest.medicationCodeableConcept.coding[0].code", "RX1", "invalid_code"),
    ("MedicationRequest.medicationCodeableConcept.coding[0].display", DROP, "missing_required"),
    ("MedicationRequest.intent", "wish", "invalid_code"),
    ("Claim.use", "preauthorization", "invalid_code"),
    ("Claim.billablePeriod.end", DROP, "missing_required"),
    ("Claim.insurance[0].coverage.reference", "cov-0001", "invalid_code"),
    ("Claim.item[1].servicedDate", "2025-13-01", "invalid_date"),
    ("Claim.item[1].sequence", "2", "invalid_type"),
    ("Claim.item[0].revenue.coding[0].code", "450", "invalid_code"),
    ("Claim.item[0].net", DROP, "missing_required"),
    ("Claim.item[1]", "line", "invalid_type"),
    ("Claim.diagnosis[0].diagnosisCodeableConcept.coding[0].code", "E11.9.1", "invalid_code"),
    ("ExplanationOfBenefit.outcome", "done", "invalid_code"),
    ("ExplanationOfBenefit.claim", DROP, "missing_required"),
    ("ExplanationOfBenefit.item[0].adjudication[1].category.coding[0].code", "benefit", "invalid_code"),
    ("ExplanationOfBenefit.item[0].adjudication[2]", DROP, "missing_required"),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}={c[1]!r}" if c[1] is not DROP else c[0] for c in CASES])
def test_each_rule_reports_its_code_and_path(case: tuple[Any, ...]) -> None:
    path, value, code, *error_path = case
    resource = _mutated(path, value)
    assert validate_resource(resource, now=NOW) == [
        ValidationError(code, error_path[0] if error_path else path)
    ]


def test_validator_reaches_every_resource_level_reason() -> None:
    reached = {c[2] for c in CASES}
    # malformed_json and transaction_rolled_back belong to records (decoding, bundles): see test_ingest_records.
    assert reached == set(REASONS) - {"malformed_json", "transaction_rolled_back"}


def test_errors_never_carry_values() -> None:
    resource = examples.patient()
    resource["gender"] = examples.FAMILY_NAME
    resource["birthDate"] = examples.SSN
    resource["identifier"][1]["value"] = examples.STREET
    errors = validate_resource(resource, now=NOW)
    assert {e.code for e in errors} == {"invalid_code", "invalid_date"}
    rendered = repr(errors) + str([e.as_dict() for e in errors])
    assert not [marker for marker in examples.PHI_MARKERS if marker in rendered]


def test_several_errors_are_all_reported_and_ranked() -> None:
    resource = examples.encounter()
    resource["status"] = "done"
    del resource["subject"]
    resource["period"]["start"] = "2025-02-31T00:00:00Z"
    errors = validate_resource(resource, now=NOW)
    assert sorted(errors) == sorted(
        [
            ValidationError("invalid_code", "Encounter.status"),
            ValidationError("missing_required", "Encounter.subject"),
            ValidationError("invalid_date", "Encounter.period.start"),
        ]
    )
    assert primary_reason(errors) == "missing_required"


@pytest.mark.parametrize(
    "value",
    [
        "2025-02-02",
        "2025-02-02T09:00:00Z",
        "2025-02-02T09:00:00.123+01:00",
        "2025-02-02T09:00:00.123456789-05:00",
    ],
)
def test_date_time_forms_the_profile_accepts(value: str) -> None:
    resource = examples.observation()
    resource["effectiveDateTime"] = value
    assert validate_resource(resource, now=NOW) == []


@pytest.mark.parametrize(
    "value",
    [
        "2025-02-02T09:00:00",
        "2025-02-02T09:00Z",
        "2025-02-02 09:00:00Z",
        "2025-2-2",
        "20250202",
        "2025-02-02T25:00:00Z",
    ],
)
def test_date_time_forms_the_profile_rejects(value: str) -> None:
    resource = examples.observation()
    resource["effectiveDateTime"] = value
    assert validate_resource(resource, now=NOW) == [
        ValidationError("invalid_date", "Observation.effectiveDateTime")
    ]


def test_future_means_after_the_receive_time_with_a_small_clock_skew() -> None:
    resource = examples.observation()
    resource["effectiveDateTime"] = (NOW + timedelta(minutes=2)).isoformat()
    assert validate_resource(resource, now=NOW) == []
    resource["effectiveDateTime"] = (NOW + timedelta(hours=1)).isoformat()
    assert validate_resource(resource, now=NOW) != []
    # A date that has begun in the easternmost time zone (UTC+14) is not in the future yet.
    resource["effectiveDateTime"] = "2026-02-01"
    assert validate_resource(resource, now=NOW) == []
    resource["effectiveDateTime"] = "2026-02-02"
    assert validate_resource(resource, now=NOW) != []


def test_period_mixing_date_and_date_time_compares_days() -> None:
    resource = examples.coverage()
    resource["period"] = {"start": "2025-01-05T23:00:00-05:00", "end": "2025-01-05"}
    assert validate_resource(resource, now=NOW) == []


def test_non_object_resources_are_invalid_type() -> None:
    for value in ([], "Patient", 3, None, True):
        assert validate_resource(value, now=NOW) == [ValidationError("invalid_type", "Resource")]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=30,
)
field_names = st.sampled_from(
    [
        "id",
        "meta",
        "name",
        "item",
        "period",
        "code",
        "subject",
        "status",
        "identifier",
        "billablePeriod",
        "adjudication",
        "coding",
        "birthDate",
        "valueQuantity",
        "telecom",
        "address",
        "category",
        "entry",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    resource_type=st.sampled_from(sorted(RESOURCE_TYPES)),
    index=st.integers(min_value=0, max_value=8),
    overrides=st.dictionaries(field_names, json_values, max_size=4),
)
def test_fuzzed_resources_never_raise_and_always_name_a_known_reason(
    resource_type: str, index: int, overrides: dict[str, Any]
) -> None:
    resource = examples.all_resources()[index]
    resource.update(overrides)
    resource["resourceType"] = resource_type
    for error in validate_resource(resource, now=NOW):
        assert error.code in REASONS
        assert error.path.startswith(resource_type)
