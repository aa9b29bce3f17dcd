"""`aegis ingest replay-dlq`: re-drive quarantined items once what was wrong is fixed.

The scenario is real: a producer whose clock runs ahead sends `meta.lastUpdated` in the future, so the
records are quarantined `invalid_date`; once that time has passed, re-driving lands them. Items that are
still invalid stay quarantined and their messages go back to the queue.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from stream_stack import Stack

from aegis.ingest import examples
from aegis.ingest.kinesis.dlq import replay_dead_letters
from aegis.ingest.kinesis.records import lambda_event

ARN_PREFIX = "arn:aws:kinesis:us-east-1:123456789012:stream/"


def _event(stack: Stack, records: list[bytes]) -> dict[str, Any]:
    rows = [{"Data": d, "PartitionKey": "p", "SequenceNumber": str(500 + i)} for i, d in enumerate(records)]
    return lambda_event(ARN_PREFIX + stack.stream, "shardId-000000000001", rows)


def _skewed(resource: dict[str, Any], ahead: timedelta) -> bytes:
    resource["meta"]["lastUpdated"] = (datetime.now(UTC) + ahead).isoformat(timespec="seconds")
    return orjson.dumps(resource)


def test_replay_lands_what_now_passes_and_keeps_what_still_fails(stack: Stack) -> None:
    missing_status = examples.encounter()
    del missing_status["status"]
    records = [
        _skewed(examples.patient(), timedelta(minutes=30)),
        _skewed(examples.claim(), timedelta(minutes=30)),
        orjson.dumps(missing_status),
        orjson.dumps(examples.coverage()),
    ]
    handler = stack.handler()
    assert handler.handle(_event(stack, records)) == {"batchItemFailures": []}
    assert handler.last_metrics.quarantined_by_reason == {"invalid_date": 2, "missing_required": 1}

    too_early = replay_dead_letters(stack.sqs, stack.dlq_url, stack.quarantine_store(), stack.landing_store())
    assert too_early.replayed == 0 and dict(too_early.still_invalid) == {
        "invalid_date": 2,
        "missing_required": 1,
    }

    later = datetime.now(UTC) + timedelta(hours=1)
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
        reason="invalid_date",
        now=later,
    )
    assert (report.messages, report.replayed, report.landed_items) == (3, 2, 2)
    assert report.skipped_other_reason == 1
    landed = {e["resource_type"]: e for e in stack.landed_envelopes()}
    assert set(landed) == {"Coverage", "Patient", "Claim"}
    assert landed["Patient"]["event_id"] == f"{stack.stream}:shardId-000000000001:500", "original event id"
    assert landed["Patient"]["source"] == f"kinesis:{stack.stream}/shardId-000000000001:500"
    # The re-driven items left quarantine and the queue; the still-invalid one is still in both.
    assert [key.split("/")[0] for key in stack.quarantine_documents()] == ["missing_required"]
    [body] = stack.messages(stack.dlq_url)
    assert orjson.loads(body)["reason"] == "missing_required"


def test_replay_ignores_messages_that_are_not_quarantine_pointers(stack: Stack) -> None:
    stack.sqs.send_message(QueueUrl=stack.dlq_url, MessageBody='{"KinesisBatchInfo": {}}')
    report = replay_dead_letters(stack.sqs, stack.dlq_url, stack.quarantine_store(), stack.landing_store())
    assert (report.messages, report.not_a_pointer, report.replayed) == (1, 1, 0)
    assert len(stack.messages(stack.dlq_url)) == 1, "released back, not deleted"
