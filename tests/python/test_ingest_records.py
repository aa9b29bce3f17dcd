"""One raw record -> outcomes (aegis.ingest.records): decoding, envelopes, bundles, fuzzing."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from aegis.ingest import examples
from aegis.ingest.errors import REASONS, ValidationError
from aegis.ingest.records import ENVELOPE_FIELDS, Landed, Quarantined, process_record

RECEIVED = datetime(2026, 1, 31, 12, 0, 0, 250000, tzinfo=UTC)


def _process(document: Any, event_id: str = "stream-a:shard-0001:495") -> list[Landed | Quarantined]:
    # The standard library serialises what orjson refuses (integers beyond 64 bits): producers may too.
    raw = document if isinstance(document, bytes) else json.dumps(document).encode()
    return process_record(
        raw, event_id=event_id, source="kinesis:stream-a/shard-0001:495", received_at=RECEIVED
    )


def test_a_valid_resource_lands_in_the_contract_envelope() -> None:
    resource = examples.encounter()
    [outcome] = _process(resource)
    assert isinstance(outcome, Landed)
    assert tuple(outcome.envelope) == ENVELOPE_FIELDS
    assert outcome.envelope == {
        "event_id": "stream-a:shard-0001:495",
        "resource_type": "Encounter",
        "resource_id": examples.ENCOUNTER_ID,
        "version_id": "1",
        "last_updated": examples.LAST_UPDATED,
        "received_at": "2026-01-31T12:00:00.250000Z",
        "source": "kinesis:stream-a/shard-0001:495",
        "resource": resource,
    }


def test_malformed_json_keeps_the_raw_bytes() -> None:
    raw = b'{"resourceType": "Patient", "id": '
    [outcome] = _process(raw)
    assert isinstance(outcome, Quarantined)
    assert (outcome.reason, outcome.errors) == (
        "malformed_json",
        (ValidationError("malformed_json", "Resource"),),
    )
    assert outcome.payload_bytes == raw


def test_an_invalid_resource_is_quarantined_with_its_payload_and_primary_reason() -> None:
    resource = examples.observation()
    resource["code"]["coding"][0]["code"] = "4548-3"
    del resource["subject"]
    raw = orjson.dumps(resource)
    [outcome] = _process(raw)
    assert isinstance(outcome, Quarantined)
    assert outcome.reason == "missing_required"
    assert set(outcome.errors) == {
        ValidationError("missing_required", "Observation.subject"),
        ValidationError("invalid_code", "Observation.code.coding[0].code"),
    }
    assert outcome.payload_bytes == raw


def test_collection_bundle_lands_the_valid_entries_and_quarantines_the_rest() -> None:
    bad = examples.condition()
    bad["code"]["coding"][0]["code"] = "not-icd"
    bundle = examples.bundle("collection", [examples.encounter(), bad, examples.observation()])
    outcomes = _process(bundle, event_id="evt")
    assert [o.event_id for o in outcomes] == ["evt#0", "evt#1", "evt#2"]
    assert [type(o) for o in outcomes] == [Landed, Quarantined, Landed]
    quarantined = outcomes[1]
    assert isinstance(quarantined, Quarantined)
    assert quarantined.reason == "invalid_code"
    assert orjson.loads(quarantined.payload_bytes) == bad


def test_transaction_bundle_is_all_or_nothing() -> None:
    bad = examples.observation()
    bad["effectiveDateTime"] = "2099-01-01T00:00:00Z"
    bundle = examples.bundle("transaction", [examples.encounter(), examples.condition(), bad])
    outcomes = _process(bundle, event_id="evt")
    assert all(isinstance(o, Quarantined) for o in outcomes)
    assert [(o.event_id, o.reason) for o in outcomes if isinstance(o, Quarantined)] == [
        ("evt#0", "transaction_rolled_back"),
        ("evt#1", "transaction_rolled_back"),
        ("evt#2", "invalid_date"),
    ]
    assert outcomes[0].errors == (ValidationError("transaction_rolled_back", "Bundle.entry[0]"),)  # type: ignore[union-attr]


def test_valid_transaction_lands_every_entry() -> None:
    resources = [examples.encounter(), examples.condition(), examples.observation()]
    outcomes = _process(examples.bundle("transaction", resources), event_id="evt")
    assert [o.envelope["resource"] for o in outcomes if isinstance(o, Landed)] == resources


def test_bundle_level_problems_quarantine_the_whole_record_once() -> None:
    cases = {
        "searchset": ("invalid_code", "Bundle.type"),
        None: ("missing_required", "Bundle.type"),
    }
    for bundle_type, expected in cases.items():
        bundle = examples.bundle("collection", [examples.condition()])
        bundle["type"] = bundle_type
        [outcome] = _process(bundle, event_id="evt")
        assert isinstance(outcome, Quarantined)
        assert (outcome.event_id, outcome.errors) == ("evt", (ValidationError(*expected),))
    for entries, code in (
        ([], "missing_required"),
        ({"resource": {}}, "invalid_type"),
        (False, "invalid_type"),
    ):
        bundle = {"resourceType": "Bundle", "type": "collection", "entry": entries}
        [outcome] = _process(bundle)
        assert isinstance(outcome, Quarantined)
        assert outcome.errors == (ValidationError(code, "Bundle.entry"),)


def test_broken_entries_get_their_own_outcome() -> None:
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"fullUrl": "urn:x"}, "text", {"resource": examples.bundle("collection", [])}],
    }
    outcomes = _process(bundle, event_id="evt")
    assert [(o.reason, o.errors[0].path) for o in outcomes if isinstance(o, Quarantined)] == [
        ("missing_required", "Bundle.entry[0].resource"),
        ("invalid_type", "Bundle.entry[1]"),
        ("unsupported_resource_type", "resourceType"),
    ]


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_raise_and_always_get_an_outcome(raw: bytes) -> None:
    outcomes = process_record(raw, event_id="fuzz", source="test", received_at=RECEIVED)
    assert outcomes
    assert all(isinstance(o, Landed) or o.reason in REASONS for o in outcomes)


json_trees = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["resourceType", "type", "entry", "resource", "id", "meta", "item", "x"])
            | st.text(max_size=4),
            children,
            max_size=4,
        )
    ),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(json_trees, st.sampled_from([None, "Bundle", "Patient", "Claim"]))
def test_nested_json_never_raises_and_every_item_has_a_reason(tree: Any, resource_type: str | None) -> None:
    if resource_type is not None and isinstance(tree, dict):
        tree["resourceType"] = resource_type
    outcomes = _process(tree)
    assert outcomes
    for outcome in outcomes:
        assert isinstance(outcome, Landed) or outcome.reason in REASONS


def test_deeply_nested_json_is_malformed_not_a_crash() -> None:
    raw = b"[" * 5000 + b"]" * 5000
    [outcome] = _process(raw)
    assert isinstance(outcome, Quarantined)
    assert outcome.reason == "malformed_json"
