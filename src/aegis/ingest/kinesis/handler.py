"""The Kinesis batch handler: records -> landing / quarantine / DLQ, and the partial-batch response.

For each batch (one Lambda invocation, or one `get_records` page of `aegis ingest consume`):

1. every record is judged by `aegis.ingest` (decode, unbundle, validate); valid items go to the buffered
   `LandingWriter`, invalid ones to the quarantine store, and their pointers to the dead-letter sink;
2. the landing buffers are flushed (always at the end of a batch: a buffer is memory only);
3. a record is reported in `batchItemFailures` only when one of its writes failed for a transient reason
   (S3, SQS, a timeout) or the invocation ran out of time before reaching it. An invalid record is never
   retried: it is quarantined and committed.

Kinesis redelivers from the lowest reported sequence number, so records after it are delivered again:
they land twice at most, with the same event id, and staging keeps one row per version. Quarantine keys
are deterministic (reason/date/event id), so a redelivered invalid record overwrites its own file.
"""

from __future__ import annotations

import gzip
import logging
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson

from aegis.ingest.kinesis.dlq import DeadLetterSink, SqsDeadLetters
from aegis.ingest.kinesis.metrics import BatchMetrics, emit
from aegis.ingest.kinesis.records import StreamRecord, from_lambda_event
from aegis.ingest.kinesis.transient import TRANSIENT_ERRORS, describe
from aegis.ingest.landing import BufferLimits, LandingWriter, QuarantineWriter, S3Store, Store
from aegis.ingest.pipeline import Ingestor
from aegis.ingest.records import Outcome, Quarantined

log = logging.getLogger("aegis.ingest.handler")

# Stop taking new records when less than this is left of the invocation: the rest are retried, not lost.
DEFAULT_TIME_MARGIN_MS = 10_000

BatchResponse = dict[str, list[dict[str, str]]]


class _GuardedStore:
    """A store that records transient write failures instead of raising, so one failed part or
    quarantine file marks only its own records for retry and the rest of the batch is committed."""

    def __init__(self, inner: Store) -> None:
        self.inner = inner
        self.written: list[str] = []
        self.failed_keys: dict[str, str] = {}  # key -> cause
        self.failed_data: list[tuple[bytes, str]] = []

    def put(self, key: str, data: bytes, *, sensitive: bool) -> None:
        try:
            self.inner.put(key, data, sensitive=sensitive)
        except TRANSIENT_ERRORS as error:
            cause = describe(error)
            self.failed_keys[key] = cause
            self.failed_data.append((data, cause))
        else:
            self.written.append(key)

    def failed_part_event_ids(self) -> dict[str, str]:
        """Item event id -> cause, for every envelope of a landing part that could not be written.

        Read back from the part's own bytes: only on the failure path, so the happy path pays nothing.
        """
        failed: dict[str, str] = {}
        for data, cause in self.failed_data:
            for line in gzip.decompress(data).splitlines():
                failed[str(orjson.loads(line)["event_id"])] = cause
        return failed


@dataclass
class _Batch:
    """Bookkeeping of one invocation: which items belong to which record, what failed and why."""

    records: list[StreamRecord]
    items_of_record: list[list[str]] = field(default_factory=list)
    pointers: list[dict[str, Any]] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)  # quarantined item event id -> reason
    failed_items: dict[str, str] = field(default_factory=dict)  # item event id -> cause
    unprocessed_from: int | None = None


RemainingMillis = Callable[[], int]


class KinesisBatchHandler:
    """Handles one batch at a time; reusable across invocations (a warm Lambda container)."""

    def __init__(
        self,
        landing_store: Store,
        quarantine_store: Store,
        dead_letters: DeadLetterSink | None = None,
        *,
        limits: BufferLimits | None = None,
        time_margin_ms: int = DEFAULT_TIME_MARGIN_MS,
    ) -> None:
        self.landing_store = landing_store
        self.quarantine_store = quarantine_store
        self.dead_letters = dead_letters
        self.limits = limits or BufferLimits()
        self.time_margin_ms = time_margin_ms
        self.last_metrics = BatchMetrics()

    def __call__(self, event: Mapping[str, Any], context: Any = None) -> BatchResponse:
        return self.handle(event, context)

    def handle(self, event: Mapping[str, Any], context: Any = None) -> BatchResponse:
        started = time.perf_counter()
        batch = _Batch(from_lambda_event(event))
        landing = _GuardedStore(self.landing_store)
        quarantine = _GuardedStore(self.quarantine_store)
        writer = LandingWriter(landing, self.limits)
        ingestor = Ingestor(writer, QuarantineWriter(quarantine), on_quarantined=self._collector(batch))
        self._judge_records(batch, ingestor, _remaining_millis(context))
        ingestor.finish()
        batch.failed_items.update(landing.failed_part_event_ids())
        for pointer in batch.pointers:
            cause = quarantine.failed_keys.get(pointer["quarantine_key"])
            if cause is not None:
                batch.failed_items[pointer["event_id"]] = cause
        dlq_sent = self._send_dead_letters(batch)
        metrics = self._metrics(batch, ingestor, landing, dlq_sent, time.perf_counter() - started)
        self.last_metrics = metrics
        emit(metrics)
        return {"batchItemFailures": [{"itemIdentifier": seq} for seq in self._failed_sequences(batch)]}

    @staticmethod
    def _collector(batch: _Batch) -> Callable[[Quarantined, str], None]:
        def collect(item: Quarantined, key: str) -> None:
            batch.pointers.append(item.pointer(key))
            batch.reasons[item.event_id] = item.reason

        return collect

    def _judge_records(self, batch: _Batch, ingestor: Ingestor, remaining: RemainingMillis | None) -> None:
        for index, record in enumerate(batch.records):
            if remaining is not None and remaining() < self.time_margin_ms:
                batch.unprocessed_from = index
                return
            outcomes: list[Outcome] = ingestor.ingest(
                record.data, event_id=record.event_id, source=record.source, position=record.sequence_number
            )
            batch.items_of_record.append([_item_event_id(outcome) for outcome in outcomes])

    def _send_dead_letters(self, batch: _Batch) -> int:
        """Send the pointers whose quarantine file was written; a failed send retries its record."""
        ready = [p for p in batch.pointers if p["event_id"] not in batch.failed_items]
        if self.dead_letters is None or not ready:
            return 0
        unsent = self.dead_letters.send(ready)
        for event_id in unsent:
            batch.failed_items[event_id] = "sqs_send_failed"
        return len(ready) - len(unsent)

    @staticmethod
    def _failed_record_indexes(batch: _Batch) -> list[int]:
        failed = [
            index
            for index, items in enumerate(batch.items_of_record)
            if any(item in batch.failed_items for item in items)
        ]
        if batch.unprocessed_from is not None:
            failed += range(batch.unprocessed_from, len(batch.records))
        return failed

    def _failed_sequences(self, batch: _Batch) -> list[str]:
        return [batch.records[index].sequence_number for index in self._failed_record_indexes(batch)]

    def _metrics(
        self, batch: _Batch, ingestor: Ingestor, landing: _GuardedStore, dlq_sent: int, seconds: float
    ) -> BatchMetrics:
        failed_indexes = set(self._failed_record_indexes(batch))
        # A record the invocation had no time for is one item in and one item retried (never unbundled).
        unprocessed = len(batch.records) - len(batch.items_of_record)
        metrics = BatchMetrics(
            stream=batch.records[0].stream if batch.records else "",
            shard_id=batch.records[0].shard_id if batch.records else "",
            records_in=len(batch.records),
            items_in=ingestor.counts.items_in + unprocessed,
            records_retried=len(failed_indexes),
            items_retried=unprocessed,
            dlq_messages=dlq_sent,
            parts_written=len(landing.written),
            seconds=seconds,
        )
        for index, items in enumerate(batch.items_of_record):
            if index in failed_indexes:
                metrics.items_retried += len(items)
                continue
            for item in items:
                reason = batch.reasons.get(item)
                if reason is None:
                    metrics.landed += 1
                else:
                    metrics.quarantined += 1
                    metrics.quarantined_by_reason[reason] += 1
        metrics.retried_by_cause.update(batch.failed_items.values())
        if unprocessed:
            metrics.retried_by_cause["timeout"] += unprocessed
        arrivals = [record.arrived_at for record in batch.records if record.arrived_at is not None]
        if arrivals:
            metrics.oldest_record_age_seconds = max(0.0, time.time() - min(arrivals))
        metrics.check_balanced()
        return metrics


def _item_event_id(outcome: Outcome) -> str:
    return outcome.event_id


def _remaining_millis(context: Any) -> RemainingMillis | None:
    method = getattr(context, "get_remaining_time_in_millis", None)
    return method if callable(method) else None


# --- AWS Lambda entry point ------------------------------------------------------------------------


def handler_from_environment(environ: Mapping[str, str] | None = None) -> KinesisBatchHandler:
    """Build the handler from the Lambda's environment (infra/template.yaml sets these variables).

    AEGIS_LANDING_BUCKET, AEGIS_QUARANTINE_BUCKET (default: the landing bucket), AEGIS_QUARANTINE_PREFIX
    (default `quarantine/`), AEGIS_KMS_KEY_ID, AEGIS_DLQ_URL (optional), AEGIS_AWS_ENDPOINT_URL (moto),
    AEGIS_BUFFER_MAX_BYTES / AEGIS_BUFFER_MAX_SECONDS (Firehose-like hints).
    """
    import boto3

    env = os.environ if environ is None else environ
    endpoint = env.get("AEGIS_AWS_ENDPOINT_URL") or None
    s3 = boto3.client("s3", endpoint_url=endpoint)
    landing_bucket = env["AEGIS_LANDING_BUCKET"]
    key_id = env["AEGIS_KMS_KEY_ID"]
    quarantine = S3Store(
        s3,
        env.get("AEGIS_QUARANTINE_BUCKET") or landing_bucket,
        key_id,
        prefix=env.get("AEGIS_QUARANTINE_PREFIX", "quarantine/"),
    )
    dlq_url = env.get("AEGIS_DLQ_URL")
    dead_letters = SqsDeadLetters(boto3.client("sqs", endpoint_url=endpoint), dlq_url) if dlq_url else None
    limits = BufferLimits(
        max_bytes=int(env.get("AEGIS_BUFFER_MAX_BYTES", BufferLimits.max_bytes)),
        max_age_seconds=float(env.get("AEGIS_BUFFER_MAX_SECONDS", BufferLimits.max_age_seconds)),
    )
    return KinesisBatchHandler(S3Store(s3, landing_bucket, key_id), quarantine, dead_letters, limits=limits)


_HANDLER: KinesisBatchHandler | None = None


def lambda_handler(event: Mapping[str, Any], context: Any) -> BatchResponse:
    """`Handler: aegis.ingest.kinesis.handler.lambda_handler`; clients are reused by warm containers."""
    global _HANDLER
    if _HANDLER is None:
        _HANDLER = handler_from_environment()
    return _HANDLER.handle(event, context)
