"""FHIR R4 conformance (aegis.fhir.conformance) against the rules of the specification itself."""

from __future__ import annotations

from typing import Any

import pytest

from aegis.fhir.conformance import check_resource, model, resource_types
from aegis.ingest.errors import ValidationError


def _patient(**elements: Any) -> dict[str, Any]:
    return {"resourceType": "Patient", "id": "p1", **elements}


def _codes(resource: dict[str, Any]) -> set[tuple[str, str]]:
    return {(error.code, error.path) for error in check_resource(resource)}


def test_the_model_is_the_official_r4_one() -> None:
    assert model()["fhirVersion"] == "4.0.1"
    assert model()["source"]["package"] == "hl7.fhir.r4.examples@4.0.1"
    # Every concrete resource type of R4 (the abstract Resource and DomainResource are not types to send).
    assert len(resource_types()) > 140
    assert {"Patient", "Immunization", "Bundle", "Parameters", "Binary"} <= resource_types()
    assert "DomainResource" not in resource_types() and "Resource" not in resource_types()


@pytest.mark.parametrize("birth_date", ["1970", "1970-03", "1970-03-30", "0001-01-01"])
def test_dates_of_every_precision_conform(birth_date: str) -> None:
    assert check_resource(_patient(birthDate=birth_date)) == []


@pytest.mark.parametrize("birth_date", ["1970-3-1", "1970-02-30", "70-03-30", "1970-03-30T10:00:00Z", ""])
def test_dates_outside_the_grammar_or_the_calendar_do_not(birth_date: str) -> None:
    assert _codes(_patient(birthDate=birth_date)) == {("invalid_value", "Patient.birthDate")}


@pytest.mark.parametrize(
    "moment",
    [
        "2015-02-07T13:28:17.239+02:00",
        "2015-02-07T13:28:17.123456789012Z",  # any number of fractional digits
        "2016-12-31T23:59:60Z",  # a leap second
        "2015-02-07T13:28:17-05:00",
    ],
)
def test_instants_with_any_fraction_and_leap_seconds_conform(moment: str) -> None:
    observation = {
        "resourceType": "Observation",
        "id": "o1",
        "status": "final",
        "code": {"text": "x"},
        "issued": moment,
        "effectiveDateTime": moment,
    }
    assert check_resource(observation) == []


def test_an_instant_needs_a_time_and_a_zone() -> None:
    observation = {
        "resourceType": "Observation",
        "status": "final",
        "code": {"text": "x"},
        "issued": "2015-02-07",
    }
    assert _codes(observation) == {("invalid_value", "Observation.issued")}


def test_unknown_elements_and_wrong_shapes_are_named() -> None:
    resource = _patient(birthdate="1970", name={"family": "X"}, active="yes", gender=["male"])
    assert _codes(resource) == {
        ("unknown_element", "Patient.birthdate"),
        ("invalid_type", "Patient.name"),
        ("invalid_type", "Patient.active"),
        ("invalid_type", "Patient.gender"),
    }


def test_required_elements_and_choice_types() -> None:
    observation = {"resourceType": "Observation", "valueString": "a", "valueBoolean": True}
    assert _codes(observation) == {
        ("missing_required", "Observation.status"),
        ("missing_required", "Observation.code"),
        ("multiple_choice", "Observation.valueBoolean"),
    }
    medication_request = {
        "resourceType": "MedicationRequest",
        "status": "active",
        "intent": "order",
        "subject": {"reference": "Patient/p1"},
        "medicationReference": {"reference": "#med"},
        "contained": [{"resourceType": "Medication", "id": "med", "code": {"text": "aspirin"}}],
    }
    assert check_resource(medication_request) == []
    del medication_request["medicationReference"]
    assert _codes(medication_request) == {("missing_required", "MedicationRequest.medicationCodeableConcept")}


def test_a_primitive_may_be_given_by_its_extension_alone() -> None:
    absent = {
        "extension": [
            {"url": "http://hl7.org/fhir/StructureDefinition/data-absent-reason", "valueCode": "unknown"}
        ]
    }
    assert check_resource(_patient(_birthDate=absent)) == []
    observation = {"resourceType": "Observation", "_status": absent, "code": {"text": "x"}}
    assert check_resource(observation) == []
    assert _codes(_patient(_birthDate={"valueCode": "x"})) == {
        ("unknown_element", "Patient._birthDate.valueCode")
    }


def test_contained_resources_are_checked_as_resources() -> None:
    resource = _patient(contained=[{"resourceType": "Organization", "id": "o", "active": "true"}])
    assert _codes(resource) == {("invalid_type", "Patient.contained[0](Organization).active")}
    assert _codes(_patient(contained=[{"resourceType": "Nope"}])) == {
        ("unknown_resource_type", "Patient.contained[0].resourceType")
    }


@pytest.mark.parametrize(
    "reference",
    [
        "Patient/123",
        "Patient/123/_history/2",
        "https://fhir.example.org/r4/Patient/123",
        "#contained",
        "urn:uuid:6a1b3c9e-8f3d-4c55-9d7e-0e3f5b2a1c40",
        "Patient?identifier=http://hospital.example.org|123",
    ],
)
def test_well_formed_references(reference: str) -> None:
    assert check_resource(_patient(managingOrganization={"reference": reference})) == []


@pytest.mark.parametrize("reference", ["patient 123", "Patient/", "123"])
def test_malformed_references(reference: str) -> None:
    assert _codes(_patient(managingOrganization={"reference": reference})) == {
        ("invalid_value", "Patient.managingOrganization.reference")
    }


def test_empty_values_and_integer_ranges() -> None:
    assert _codes(_patient(name=[], address=[{}], gender="")) == {
        ("invalid_value", "Patient.name"),
        ("invalid_value", "Patient.address[0]"),
        ("invalid_value", "Patient.gender"),
    }
    assert _codes(_patient(multipleBirthInteger=2**31)) == {("invalid_value", "Patient.multipleBirthInteger")}
    assert _codes(_patient(multipleBirthInteger=1.5)) == {("invalid_type", "Patient.multipleBirthInteger")}


def test_a_no_break_space_is_text_not_whitespace() -> None:
    # The spec's regexes are XML Schema regexes: only space, tab, CR and LF are whitespace there.
    assert check_resource(_patient(name=[{"text": "Ana\u00a0Lima"}])) == []


def test_period_invariant_per_1() -> None:
    encounter = {"resourceType": "Encounter", "status": "finished", "class": {"code": "AMB"}}
    assert (
        check_resource({**encounter, "period": {"start": "2025-02-02", "end": "2025-02-02T10:00:00Z"}}) == []
    )
    assert _codes({**encounter, "period": {"start": "2025-02-02T10:00:00Z", "end": "2025-02-01"}}) == {
        ("invariant_failed", "Encounter.period.end")
    }


@pytest.mark.parametrize("value", [None, [], "Patient", 3, True])
def test_anything_but_an_object_is_not_a_resource(value: Any) -> None:
    assert check_resource(value) == [ValidationError("not_a_resource", "Resource")]
