"""`aegis ingest replay-dlq`: re-drive quarantined items once what was wrong is fixed.

The scenario is real: a sender's records are quarantined by a validator that was wrong about them (here
a model that did not know a code its required binding allows: the test removes `female` from the
expanded value set), the validator is fixed, and re-driving lands them. Items that are still invalid stay
quarantined and their messages go back to the queue.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import orjson
from stream_stack import Stack

from aegis.fhir import conformance
from aegis.ingest import examples
from aegis.ingest.kinesis.dlq import replay_dead_letters
from aegis.ingest.kinesis.records import lambda_event

ARN_PREFIX = "arn:aws:kinesis:us-east-1:123456789012:stream/"


def _event(stack: Stack, records: list[bytes]) -> dict[str, Any]:
    rows = [{"Data": d, "PartitionKey": "p", "SequenceNumber": str(500 + i)} for i, d in enumerate(records)]
    return lambda_event(ARN_PREFIX + stack.stream, "shardId-000000000001", rows)


def _female(resource: dict[str, Any]) -> bytes:
    resource["gender"] = "female"
    return orjson.dumps(resource)


@contextmanager
def _validator_without_female() -> Iterator[None]:
    """The validator as it was before the fix: its gender value set lacked `female`."""
    url = "http://hl7.org/fhir/ValueSet/administrative-gender"
    value_sets = conformance.model()["value_sets"]
    original = value_sets[url]
    value_sets[url] = [code for code in original if code != "female"]
    conformance._TABLES.clear()
    conformance._value_set.cache_clear()
    try:
        yield
    finally:
        value_sets[url] = original
        conformance._TABLES.clear()
        conformance._value_set.cache_clear()


def test_replay_lands_what_now_passes_and_keeps_what_still_fails(stack: Stack) -> None:
    missing_status = examples.encounter()
    del missing_status["status"]
    contact = examples.patient()
    contact["id"] = "pat-0002"
    records = [
        _female(examples.patient()),
        _female(contact),
        orjson.dumps(missing_status),
        orjson.dumps(examples.coverage()),
    ]
    handler = stack.handler()
    with _validator_without_female():
        assert handler.handle(_event(stack, records)) == {"batchItemFailures": []}
        assert handler.last_metrics.quarantined_by_reason == {"invalid_value": 2, "missing_required": 1}
        still_wrong = replay_dead_letters(
            stack.sqs, stack.dlq_url, stack.quarantine_store(), stack.landing_store()
        )
    assert still_wrong.replayed == 0 and dict(still_wrong.still_invalid) == {
        "invalid_value": 2,
        "missing_required": 1,
    }

    later = datetime.now(UTC)
    dry = replay_dead_letters(
        stack.sqs, stack.dlq_url, stack.quarantine_store(), stack.landing_store(), dry_run=True, now=later
    )
    assert dry.replayed == 2 and dry.parts_written == 0
    assert len(stack.landed_envelopes()) == 1, "a dry run writes nothing"

    report = replay_dead_letters(
        stack.sqs,
        stack.dlq_url,
        stack.quarantine_store(),
        stack.landing_store(),
        reason="invalid_value",
        now=later,
    )
    assert (report.messages, report.replayed, report.landed_items) == (3, 2, 2)
    assert report.skipped_other_reason == 1
    landed = {e["resource_id"]: e for e in stack.landed_envelopes()}
    assert set(landed) == {examples.COVERAGE_ID, examples.PATIENT_ID, "pat-0002"}
    assert landed[examples.PATIENT_ID]["event_id"] == f"{stack.stream}:shardId-000000000001:500", (
        "original event id"
    )
    assert landed[examples.PATIENT_ID]["source"] == f"kinesis:{stack.stream}/shardId-000000000001:500"
    # The re-driven items left quarantine and the queue; the still-invalid one is still in both.
    assert [key.split("/")[0] for key in stack.quarantine_documents()] == ["missing_required"]
    [body] = stack.messages(stack.dlq_url)
    assert orjson.loads(body)["reason"] == "missing_required"


def test_replay_ignores_messages_that_are_not_quarantine_pointers(stack: Stack) -> None:
    stack.sqs.send_message(QueueUrl=stack.dlq_url, MessageBody='{"KinesisBatchInfo": {}}')
    report = replay_dead_letters(stack.sqs, stack.dlq_url, stack.quarantine_store(), stack.landing_store())
    assert (report.messages, report.not_a_pointer, report.replayed) == (1, 1, 0)
    assert len(stack.messages(stack.dlq_url)) == 1, "released back, not deleted"
