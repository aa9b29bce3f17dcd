"""Fault injection on the moto stack: transient S3 / SQS failures and timeouts are retried (only the
records they touch), invalid records never are, and a poison record does not block its shard."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path
from typing import Any

import orjson
from faults import FlakyS3, FlakySqs, ThrottlingKinesis
from stream_helpers import RecordingHandler, synthetic_events
from stream_stack import Stack

from aegis.ingest import examples
from aegis.ingest.kinesis.producer import Backoff, Producer
from aegis.ingest.kinesis.records import lambda_event

ARN_PREFIX = "arn:aws:kinesis:us-east-1:123456789012:stream/"


def _event(stack: Stack, records: list[bytes], first: int = 1000) -> dict[str, Any]:
    rows = [
        {"Data": data, "PartitionKey": "p", "SequenceNumber": str(first + index)}
        for index, data in enumerate(records)
    ]
    shard = "shardId-000000000000"
    return lambda_event(ARN_PREFIX + stack.stream, shard, rows)


def _observation(number: int) -> bytes:
    observation = examples.observation()
    observation["id"] = f"obs-{number}"
    return orjson.dumps(observation)


def _bad_patient() -> bytes:
    patient = examples.patient()
    patient["gender"] = "robot"
    return orjson.dumps(patient)


def _failed(response: dict[str, Any]) -> list[str]:
    return [item["itemIdentifier"] for item in response["batchItemFailures"]]


def test_an_s3_failure_retries_only_the_records_of_the_failed_part(stack: Stack) -> None:
    records = [
        orjson.dumps(examples.patient()),
        _observation(1),
        orjson.dumps(examples.claim()),
        _observation(2),
    ]
    flaky = FlakyS3(stack.s3, lambda key: "resource_type=Observation" in key)
    handler = stack.handler(s3=flaky)
    response = handler.handle(_event(stack, records))
    assert _failed(response) == ["1001", "1003"]
    assert handler.last_metrics.landed == 2 and handler.last_metrics.items_retried == 2
    assert handler.last_metrics.retried_by_cause == Counter({"SlowDown": 2})
    assert sorted(e["resource_type"] for e in stack.landed_envelopes()) == ["Claim", "Patient"]
    # Kinesis redelivers from the lowest failed sequence number: 1001, 1002 (again) and 1003.
    assert _failed(handler.handle(_event(stack, records[1:], first=1001))) == []
    deliveries = Counter(e["event_id"].rsplit(":", 1)[1] for e in stack.landed_envelopes())
    # Nothing lost; only the committed record after the failure (1002) landed twice, with one event id,
    # which staging collapses (one row per resource version).
    assert deliveries == Counter({"1000": 1, "1001": 1, "1002": 2, "1003": 1})


def test_a_quarantine_write_failure_retries_the_record_and_sends_no_message_for_it(stack: Stack) -> None:
    records = [_bad_patient(), orjson.dumps(examples.patient()), b"{not json"]
    flaky = FlakyS3(stack.s3, lambda key: key.startswith("quarantine/invalid_value/"))
    handler = stack.handler(s3=flaky)
    assert _failed(handler.handle(_event(stack, records))) == ["1000"]
    bodies = [orjson.loads(body) for body in stack.messages(stack.dlq_url)]
    assert [body["reason"] for body in bodies] == ["malformed_json"]
    assert _failed(handler.handle(_event(stack, records))) == []
    reasons = sorted(key.split("/")[0] for key in stack.quarantine_documents())
    assert reasons == ["invalid_value", "malformed_json"], "a redelivered item overwrites its own file"


def test_an_sqs_failure_retries_only_the_records_whose_message_was_refused(stack: Stack) -> None:
    records = [_bad_patient(), orjson.dumps(examples.claim()), b"\xff\xfe", _bad_patient()]
    handler = stack.handler(sqs=FlakySqs(stack.sqs, fail_entries=1))
    assert _failed(handler.handle(_event(stack, records))) == ["1000"]
    assert handler.last_metrics.retried_by_cause == Counter({"sqs_send_failed": 1})
    assert handler.last_metrics.dlq_messages == 2
    handler = stack.handler(sqs=FlakySqs(stack.sqs, raise_calls=1))
    assert _failed(handler.handle(_event(stack, records))) == ["1000", "1002", "1003"]
    assert _failed(handler.handle(_event(stack, records))) == []


class _Deadline:
    """A Lambda context whose remaining time drops by `step` ms per question."""

    def __init__(self, start: int, step: int) -> None:
        self.left = start
        self.step = step

    def get_remaining_time_in_millis(self) -> int:
        self.left -= self.step
        return self.left


def test_records_the_invocation_has_no_time_for_are_retried_not_lost(stack: Stack) -> None:
    records = [_observation(n) for n in range(6)]
    handler = stack.handler()
    response = handler.handle(_event(stack, records), _Deadline(start=14_000, step=1_000))
    # 13 s, 12 s, 11 s, 10 s left: four records; below the 10 s margin the rest wait for the retry.
    assert _failed(response) == ["1004", "1005"]
    assert handler.last_metrics.retried_by_cause == Counter({"timeout": 2})
    assert handler.last_metrics.landed == 4
    handler.last_metrics.check_balanced()


def test_an_invalid_poison_record_is_quarantined_and_never_blocks_the_batch(stack: Stack) -> None:
    poison = [
        b"[" * 5000 + b"]" * 5000,
        b"\x00" * 1024,
        '{"resourceType": "\ud800"}'.encode("utf-8", "surrogatepass"),
        b'"just a string"',
        b"{}",
    ]
    records = [_observation(1), *poison, _observation(2)]
    handler = stack.handler()
    assert _failed(handler.handle(_event(stack, records))) == []
    assert handler.last_metrics.landed == 2
    assert handler.last_metrics.quarantined == len(poison)


def test_a_record_that_always_fails_is_skipped_after_its_retries_and_reported(
    stack: Stack, tmp_path: Path
) -> None:
    """`MaximumRetryAttempts` + on-failure destination: the shard moves on, the skip is on record."""
    doomed = examples.patient()
    doomed["id"] = "doomed-1"
    records = [_observation(1), orjson.dumps(doomed), _observation(2), _observation(3)]
    for data in records:
        stack.kinesis.put_record(StreamName=stack.stream, Data=data, PartitionKey="one-shard")
    flaky = FlakyS3(stack.s3, lambda key: "resource_type=Patient" in key, times=None)
    consumer = stack.consumer(
        RecordingHandler(stack.handler(s3=flaky)), tmp_path / "cp.json", max_retry_attempts=2
    )
    report = consumer.run()
    assert report.skipped == 1
    landed = Counter(e["resource_id"] for e in stack.landed_envelopes())
    assert set(landed) == {"obs-1", "obs-2", "obs-3"}
    # obs-1 was committed before the doomed record; the ones after it are redelivered by each of the
    # three attempts (Kinesis semantics: reading resumes at the lowest failure) and once after the skip:
    # one landing per delivery, one row in staging.
    assert landed["obs-1"] == 1 and landed["obs-2"] == landed["obs-3"] == 4
    [body] = stack.messages(stack.failure_url)
    info = orjson.loads(body)["KinesisBatchInfo"]
    assert info["startSequenceNumber"] == report.skipped_sequences[0]
    assert "doomed" not in body and "Data" not in body
    assert flaky.failures == 3, "the first attempt and two retries"


def test_the_producer_retries_throttled_records_with_jittered_backoff(stack: Stack, tmp_path: Path) -> None:
    events = synthetic_events(tmp_path / "synth")
    kinesis = ThrottlingKinesis(stack.kinesis, lambda data, call: call <= 2 and hash(data) % 4 == 0)
    delays: list[float] = []
    producer = Producer(
        kinesis,
        stack.stream,
        sleep=delays.append,
        rng=random.Random(1),
        backoff=Backoff(base_seconds=0.1, max_seconds=1.0),
    )
    report = producer.send(enumerate(events.lines[:600], start=1))
    assert report.sent == 600 and report.failed == [] and report.retried > 0
    assert delays and all(0.0 <= delay <= 1.0 for delay in delays)
    assert len(set(delays)) == len(delays), "jitter: no two waits alike"


def test_the_producer_reports_records_it_could_not_send(stack: Stack) -> None:
    lines = [_observation(n) for n in range(10)]
    kinesis = ThrottlingKinesis(stack.kinesis, lambda data, _call: data == lines[3])
    producer = Producer(kinesis, stack.stream, sleep=lambda _s: None, backoff=Backoff(max_attempts=3))
    report = producer.send(enumerate(lines, start=1))
    assert report.sent == 9
    assert [(f.line, f.error_code) for f in report.failed] == [(4, "ProvisionedThroughputExceededException")]
    assert kinesis.calls == 3
