"""One raw record -> outcomes (aegis.ingest.records): envelopes, fidelity, Bundles of every type, deletions,
and inputs that must never crash anything."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from aegis.ingest import examples
from aegis.ingest.errors import REASONS, ValidationError
from aegis.ingest.records import ENVELOPE_FIELDS, Landed, Quarantined, process_record

RECEIVED = datetime(2026, 1, 31, 12, 0, 0, 250000, tzinfo=UTC)
PATIENT_UUID = "urn:uuid:6a1b3c9e-8f3d-4c55-9d7e-0e3f5b2a1c40"


def _process(document: Any, event_id: str = "stream-a:shard-0001:495", position: int = 495) -> list[Any]:
    raw = document if isinstance(document, bytes) else orjson.dumps(document)
    return process_record(
        raw,
        event_id=event_id,
        source="kinesis:stream-a/shard-0001:495",
        received_at=RECEIVED,
        position=position,
    )


def _landed(outcomes: list[Any]) -> list[Landed]:
    assert all(isinstance(outcome, Landed) for outcome in outcomes), [
        getattr(o, "errors", None) for o in outcomes
    ]
    return outcomes


def test_a_valid_resource_lands_in_the_contract_envelope() -> None:
    resource = examples.encounter()
    [outcome] = _landed(_process(resource))
    assert tuple(outcome.envelope) == ENVELOPE_FIELDS
    assert outcome.envelope == {
        "event_id": "stream-a:shard-0001:495",
        "resource_type": "Encounter",
        "resource_id": examples.ENCOUNTER_ID,
        "version_id": "1",
        "last_updated": examples.LAST_UPDATED,
        "received_at": "2026-01-31T12:00:00.250000Z",
        "source": "kinesis:stream-a/shard-0001:495",
        "source_position": "495".rjust(60, "0") + ".0000000",
        "deleted": False,
        "findings": [],
        "original_references": [],
        "resource": json.loads(orjson.dumps(resource), parse_float=Decimal),
    }


def test_a_compact_record_lands_byte_for_byte() -> None:
    raw = orjson.dumps(examples.observation())
    [outcome] = _landed(_process(raw))
    assert outcome.line.endswith(b',"resource":' + raw + b"}")


def test_without_meta_the_resource_lands_with_null_versions_and_a_sortable_position() -> None:
    resource = examples.condition()
    del resource["meta"]
    [first] = _landed(_process(resource, position=9))
    [second] = _landed(_process(resource, position=10))
    assert (first.envelope["version_id"], first.envelope["last_updated"]) == (None, None)
    assert first.envelope["source_position"] < second.envelope["source_position"]


def test_decimals_keep_their_digits_and_big_integers_stay_exact() -> None:
    resource = examples.observation()
    # A pretty-printed record (an official example is) with a decimal whose trailing zero matters and an
    # integer beyond 64 bits: both land exactly as sent.
    text = json.dumps(resource, indent=2).replace('"value": 7.4', '"value": 110.50')
    text = text.replace(
        '"resourceType": "Observation"',
        '"resourceType": "Observation", "extension": [{"url": '
        '"http://example.org/big", "valueDecimal": 1180591620717411303424}]',
    )
    assert "110.50" in text
    [outcome] = _landed(_process(text.encode()))
    assert b"110.50" in outcome.line
    assert b"1180591620717411303424" in outcome.line
    assert b"\n" not in outcome.line


def test_bundle_entries_keep_decimal_digits_too() -> None:
    observation = examples.observation()
    bundle_text = json.dumps(examples.bundle("collection", [observation])).replace(
        '"value": 7.4', '"value": 7.40'
    )
    [outcome] = _landed(_process(bundle_text.encode()))
    assert b'"value":7.40' in outcome.line


def test_duplicate_keys_are_quarantined_never_silently_resolved() -> None:
    raw = b'{"resourceType":"Patient","id":"a","gender":"male","gender":"female"}'
    [outcome] = _process(raw)
    assert isinstance(outcome, Quarantined)
    assert outcome.errors == (ValidationError("duplicate_key", "Resource"),)
    assert outcome.payload_bytes == raw


def test_malformed_json_keeps_the_raw_bytes() -> None:
    raw = b'{"resourceType": "Patient", "id": '
    [outcome] = _process(raw)
    assert isinstance(outcome, Quarantined)
    assert outcome.errors == (ValidationError("malformed_json", "Resource"),)
    assert outcome.payload_bytes == raw


def test_a_byte_order_mark_is_not_part_of_the_record() -> None:
    [outcome] = _landed(_process(b"\xef\xbb\xbf" + orjson.dumps(examples.patient())))
    assert outcome.envelope["resource_id"] == examples.PATIENT_ID


def test_a_non_conformant_resource_is_quarantined_with_every_error_and_its_payload() -> None:
    resource = examples.observation()
    del resource["status"]
    resource["effectivePeriod"] = {"start": "2025-02-01"}
    resource["valueQuantity"]["value"] = "7.2"
    raw = orjson.dumps(resource)
    [outcome] = _process(raw)
    assert isinstance(outcome, Quarantined)
    assert outcome.reason == "missing_required"
    assert set(outcome.errors) == {
        ValidationError("missing_required", "Observation.status"),
        ValidationError("multiple_choice", "Observation.effectivePeriod"),
        ValidationError("invalid_type", "Observation.valueQuantity.value"),
    }
    assert outcome.payload_bytes == raw


def test_any_r4_resource_type_lands_and_an_unknown_one_is_quarantined() -> None:
    immunization = {
        "resourceType": "Immunization",
        "id": "imm-1",
        "status": "completed",
        "vaccineCode": {"coding": [{"system": "http://hl7.org/fhir/sid/cvx", "code": "140"}]},
        "patient": {"reference": f"Patient/{examples.PATIENT_ID}"},
        "occurrenceDateTime": "2024-10-01",
    }
    [landed] = _landed(_process(immunization))
    assert landed.resource_type == "Immunization"
    [refused] = _process({**immunization, "resourceType": "MedicationOrder"})
    assert isinstance(refused, Quarantined) and refused.reason == "unknown_resource_type"


def test_every_bundle_type_is_judged_entry_by_entry() -> None:
    bad = examples.condition()
    bad["subject"] = "Patient/1"  # a string where a Reference object belongs
    for bundle_type in ("collection", "transaction", "batch", "searchset", "history", "message", "document"):
        bundle = examples.bundle(bundle_type, [examples.encounter(), bad, examples.observation()])
        outcomes = _process(bundle, event_id="evt")
        assert [o.event_id for o in outcomes] == ["evt#0", "evt#1", "evt#2"]
        assert [type(o) for o in outcomes] == [Landed, Quarantined, Landed], bundle_type
        assert outcomes[1].errors == (ValidationError("invalid_type", "Bundle.entry[1].Condition.subject"),)


def test_transaction_urn_uuid_references_resolve_and_the_original_is_kept() -> None:
    patient = examples.patient()
    del patient["id"]  # a POST in a transaction: the id comes from the fullUrl
    condition = examples.condition()
    condition["subject"] = {"reference": PATIENT_UUID}
    bundle = {
        "resourceType": "Bundle",
        "type": "transaction",
        "entry": [
            {"fullUrl": PATIENT_UUID, "resource": patient, "request": {"method": "POST", "url": "Patient"}},
            {
                "fullUrl": "urn:uuid:0b5e5e3e-0000-4000-8000-000000000001",
                "resource": condition,
                "request": {"method": "POST", "url": "Condition"},
            },
        ],
    }
    landed_patient, landed_condition = _landed(_process(bundle))
    patient_id = PATIENT_UUID.removeprefix("urn:uuid:")
    assert landed_patient.envelope["resource_id"] == patient_id
    envelope = landed_condition.envelope
    assert envelope["resource"]["subject"] == {"reference": f"Patient/{patient_id}"}
    assert envelope["original_references"] == [
        {"path": "Condition.subject.reference", "reference": PATIENT_UUID}
    ]


def test_absolute_conditional_and_history_references_are_kept_as_sent() -> None:
    observation = examples.observation()
    references = [
        "https://fhir.example.org/r4/Patient/123/_history/2",
        "Patient?identifier=urn:oid:1.2.36|12345",
        "Patient/123/_history/4",
    ]
    for reference in references:
        observation["subject"] = {"reference": reference}
        [outcome] = _landed(_process(observation))
        assert outcome.envelope["resource"]["subject"]["reference"] == reference


def test_delete_entries_and_history_tombstones_become_deletions() -> None:
    bundle = {
        "resourceType": "Bundle",
        "type": "history",
        "entry": [
            {"request": {"method": "DELETE", "url": "Patient/p1"}, "response": {"status": "204"}},
            {
                "fullUrl": "https://fhir.example.org/r4/Condition/c9",
                "request": {"method": "DELETE", "url": "Condition/c9"},
                "response": {"status": "410 Gone", "etag": 'W/"3"', "lastModified": "2025-03-01T10:00:00Z"},
            },
            {"request": {"method": "DELETE", "url": "Patient?identifier=http://x|1"}},
        ],
    }
    first, second, conditional = _process(bundle)
    assert isinstance(first, Landed) and first.deleted
    assert (first.envelope["resource_type"], first.envelope["resource_id"], first.envelope["resource"]) == (
        "Patient",
        "p1",
        None,
    )
    assert isinstance(second, Landed)
    assert (second.envelope["version_id"], second.envelope["last_updated"]) == ("3", "2025-03-01T10:00:00Z")
    assert isinstance(conditional, Quarantined) and conditional.reason == "unresolvable_delete"


def test_entries_without_a_resource_are_not_resources() -> None:
    bundle = {
        "resourceType": "Bundle",
        "type": "batch",
        "entry": [{"request": {"method": "GET", "url": "Patient"}}],
    }
    [outcome] = _process(bundle)
    assert isinstance(outcome, Quarantined) and outcome.reason == "not_a_resource"


def test_bundle_level_problems_quarantine_the_whole_record_once() -> None:
    for broken in ({"type": 7}, {"entry": {"resource": {}}}, {"type": "collection", "oops": 1}):
        raw = orjson.dumps({"resourceType": "Bundle", "type": "collection", **broken})
        [outcome] = _process(raw)
        assert isinstance(outcome, Quarantined)
        assert outcome.payload_bytes == raw


def test_deep_nesting_never_crashes() -> None:
    for depth in (300, 2000):
        raw = b'{"resourceType":"Patient","id":"a","extension":' + b"[" * depth + b"]" * depth + b"}"
        [outcome] = _process(raw)
        assert isinstance(outcome, Quarantined)
        assert outcome.reason in ("invalid_type", "nesting_too_deep", "invalid_value")
    nested = {"url": "http://example.org/x", "valueString": "leaf"}
    for _ in range(150):
        nested = {"url": "http://example.org/x", "extension": [nested]}
    [outcome] = _process(json.dumps({"resourceType": "Patient", "id": "a", "extension": [nested]}).encode())
    assert isinstance(outcome, Quarantined) and outcome.reason == "nesting_too_deep"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise_and_always_get_an_outcome(raw: bytes) -> None:
    outcomes = _process(raw)
    assert outcomes
    for outcome in outcomes:
        if isinstance(outcome, Quarantined):
            assert outcome.reason in REASONS


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_json, st.sampled_from(["Patient", "Observation", "Bundle", "Claim", "Nope"]))
def test_any_json_value_under_a_resource_type_never_raises(value: Any, resource_type: str) -> None:
    document = {"resourceType": resource_type, "id": "x", "entry": value, "code": value, "name": value}
    outcomes = _process(json.dumps(document).encode())
    for outcome in outcomes:
        if isinstance(outcome, Quarantined):
            assert outcome.reason in REASONS
            assert all(error.code in REASONS for error in outcome.errors)
