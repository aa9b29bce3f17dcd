"""`aegis ingest consume`: poll a Kinesis stream and run the same handler as the Lambda, without Lambda.

It reproduces the event source mapping's semantics, so that the local path behaves like production:

- one batch = one `get_records` page of one shard (at most `batch_size` records), in the Lambda event shape;
- after the handler, the shard's checkpoint moves to the record before the lowest sequence number in
  `batchItemFailures` (or to the end of the batch when nothing failed), and reading resumes after it:
  the failed record and everything after it are delivered again;
- a batch that makes no progress is retried `max_retry_attempts` times with backoff; then its first record
  (the poison) is skipped and described (shard, sequence number, no data) to the on-failure destination, so
  one bad record never blocks its shard (`MaximumRetryAttempts` + `DestinationConfig.OnFailure`).

Checkpoints are a small JSON file `{stream: {shard id: last committed sequence number}}`, written
atomically after each batch.
"""

from __future__ import annotations

import logging
import os
import random
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import orjson

from aegis.ingest.kinesis.handler import BatchResponse
from aegis.ingest.kinesis.producer import Backoff
from aegis.ingest.kinesis.records import lambda_event

log = logging.getLogger("aegis.ingest.consumer")


class CheckpointFile:
    """Last committed sequence number per (stream, shard), in one small JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._data: dict[str, dict[str, str]] = orjson.loads(path.read_bytes()) if path.is_file() else {}

    def get(self, stream: str, shard_id: str) -> str | None:
        return self._data.get(stream, {}).get(shard_id)

    def set(self, stream: str, shard_id: str, sequence_number: str) -> None:
        self._data.setdefault(stream, {})[shard_id] = sequence_number
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-checkpoints-")
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(orjson.dumps(self._data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
        os.replace(temporary, self.path)


class FailureDestination(Protocol):
    def skipped(self, info: Mapping[str, Any]) -> None:
        """A record was given up after its retries: `info` is Lambda's KinesisBatchInfo (no data)."""
        ...


class SqsFailureDestination:
    """The on-failure destination as Lambda writes it: a message with `KinesisBatchInfo`, no record data."""

    def __init__(self, client: Any, queue_url: str) -> None:
        self.client = client
        self.queue_url = queue_url

    def skipped(self, info: Mapping[str, Any]) -> None:
        body = {
            "requestContext": {"condition": "RetryAttemptsExhausted", "approximateInvokeCount": None},
            "timestamp": datetime.now(UTC).isoformat(),
            "KinesisBatchInfo": dict(info),
        }
        self.client.send_message(QueueUrl=self.queue_url, MessageBody=orjson.dumps(body).decode())


Handler = Callable[[Mapping[str, Any], Any], BatchResponse]


@dataclass
class ConsumeReport:
    batches: int = 0
    records: int = 0
    redelivered: int = 0
    skipped: int = 0
    shards: int = 0
    seconds: float = 0.0
    skipped_sequences: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "shards": self.shards,
            "batches": self.batches,
            "records": self.records,
            "redelivered": self.redelivered,
            "skipped_after_retries": self.skipped,
            "seconds": round(self.seconds, 3),
        }


@dataclass
class Consumer:
    kinesis: Any
    stream: str
    handler: Handler
    checkpoints: CheckpointFile
    batch_size: int = 500
    max_retry_attempts: int = 3
    on_failure: FailureDestination | None = None
    backoff: Backoff = field(default_factory=lambda: Backoff(base_seconds=0.05, max_seconds=2.0))
    sleep: Callable[[float], None] = time.sleep
    rng: random.Random = field(default_factory=random.Random)

    def run(self, max_batches: int | None = None) -> ConsumeReport:
        """Read every shard until it is caught up (or `max_batches` batches in all)."""
        started = time.perf_counter()
        report = ConsumeReport()
        description = self.kinesis.describe_stream_summary(StreamName=self.stream)["StreamDescriptionSummary"]
        arn = str(description["StreamARN"])
        shards = self.kinesis.list_shards(StreamName=self.stream)["Shards"]
        report.shards = len(shards)
        for shard in shards:
            self._drain(arn, str(shard["ShardId"]), report, max_batches)
        report.seconds = time.perf_counter() - started
        log.info("consume finished %s", orjson.dumps(report.as_dict()).decode())
        return report

    def _records_after(self, shard_id: str) -> list[dict[str, Any]]:
        position = self.checkpoints.get(self.stream, shard_id)
        where: dict[str, str] = (
            {"ShardIteratorType": "AFTER_SEQUENCE_NUMBER", "StartingSequenceNumber": position}
            if position
            else {"ShardIteratorType": "TRIM_HORIZON"}
        )
        iterator = self.kinesis.get_shard_iterator(StreamName=self.stream, ShardId=shard_id, **where)
        response = self.kinesis.get_records(ShardIterator=iterator["ShardIterator"], Limit=self.batch_size)
        records: list[dict[str, Any]] = response["Records"]
        return records

    def _drain(self, arn: str, shard_id: str, report: ConsumeReport, max_batches: int | None) -> None:
        failing: str | None = None  # the lowest failed sequence number of the last batch
        attempts = 0  # deliveries of `failing` so far
        while max_batches is None or report.batches < max_batches:
            records = self._records_after(shard_id)
            if not records:
                return
            report.batches += 1
            report.records += len(records)
            response = self.handler(lambda_event(arn, shard_id, records), None)
            failed = {item["itemIdentifier"] for item in response["batchItemFailures"]}
            first_failed = next((i for i, r in enumerate(records) if r["SequenceNumber"] in failed), None)
            if first_failed is None:
                self.checkpoints.set(self.stream, shard_id, records[-1]["SequenceNumber"])
                failing, attempts = None, 0
                continue
            sequence = records[first_failed]["SequenceNumber"]
            failing, attempts = sequence, (attempts + 1 if sequence == failing else 1)
            report.redelivered += len(records) - first_failed
            if first_failed > 0:
                self.checkpoints.set(self.stream, shard_id, records[first_failed - 1]["SequenceNumber"])
            if attempts > self.max_retry_attempts:
                self._skip(arn, shard_id, records[first_failed], report)
                failing, attempts = None, 0
            elif first_failed == 0:
                self.sleep(self.backoff.delay(attempts, self.rng))

    def _skip(self, arn: str, shard_id: str, record: Mapping[str, Any], report: ConsumeReport) -> None:
        sequence = str(record["SequenceNumber"])
        arrived = record.get("ApproximateArrivalTimestamp")
        info = {
            "shardId": shard_id,
            "startSequenceNumber": sequence,
            "endSequenceNumber": sequence,
            "approximateArrivalOfFirstRecord": arrived.isoformat() if isinstance(arrived, datetime) else None,
            "approximateArrivalOfLastRecord": arrived.isoformat() if isinstance(arrived, datetime) else None,
            "batchSize": 1,
            "streamArn": arn,
        }
        log.warning(
            "record skipped after %d attempts: %s", self.max_retry_attempts, orjson.dumps(info).decode()
        )
        if self.on_failure is not None:
            self.on_failure.skipped(info)
        self.checkpoints.set(self.stream, shard_id, sequence)
        report.skipped += 1
        report.skipped_sequences.append(sequence)
