"""The dead-letter queue: pointers to quarantined items out, re-drive after a fix back in.

A DLQ message is `Quarantined.pointer(key)`: event id, reason, quarantine key, error codes and field
paths. Never the payload, never a value from it: the payload stays in the encrypted quarantine store.
`replay_dead_letters` (behind `aegis ingest replay-dlq`) reads each pointer's quarantine object, judges
the payload again with the current validator and lands what now passes; what still fails stays in the
queue and in quarantine.
"""

from __future__ import annotations

import base64
import gzip
import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

import orjson

from aegis.ingest.kinesis.transient import TRANSIENT_ERRORS, describe
from aegis.ingest.landing import BufferLimits, LandingWriter, S3Store, Store
from aegis.ingest.records import Landed, process_record

log = logging.getLogger("aegis.ingest.dlq")

SQS_BATCH = 10  # SendMessageBatch / DeleteMessageBatch take at most 10 entries
# A fuzzed record can have thousands of errors; a message must stay far below SQS's 256 KiB.
MAX_ERRORS_IN_MESSAGE = 100
MESSAGE_KIND = "aegis.quarantined.v1"


class DeadLetterSink(Protocol):
    def send(self, pointers: Sequence[Mapping[str, Any]]) -> set[str]:
        """Send pointers; return the event ids of those that could not be sent (to retry the record)."""
        ...


def message_body(pointer: Mapping[str, Any]) -> str:
    errors = list(pointer["errors"])
    body = {
        "kind": MESSAGE_KIND,
        "event_id": pointer["event_id"],
        "reason": pointer["reason"],
        "quarantine_key": pointer["quarantine_key"],
        "errors": errors[:MAX_ERRORS_IN_MESSAGE],
    }
    if len(errors) > MAX_ERRORS_IN_MESSAGE:
        body["errors_truncated"] = len(errors) - MAX_ERRORS_IN_MESSAGE
    return orjson.dumps(body).decode()


class SqsDeadLetters:
    """An SQS queue (standard, SSE-KMS). The reason is also a message attribute, for filtering."""

    def __init__(self, client: Any, queue_url: str) -> None:
        self.client = client
        self.queue_url = queue_url

    def send(self, pointers: Sequence[Mapping[str, Any]]) -> set[str]:
        failed: set[str] = set()
        for start in range(0, len(pointers), SQS_BATCH):
            chunk = pointers[start : start + SQS_BATCH]
            entries = [
                {
                    "Id": f"m{index}",
                    "MessageBody": message_body(pointer),
                    "MessageAttributes": {"reason": {"DataType": "String", "StringValue": pointer["reason"]}},
                }
                for index, pointer in enumerate(chunk)
            ]
            try:
                response = self.client.send_message_batch(QueueUrl=self.queue_url, Entries=entries)
            except TRANSIENT_ERRORS as error:
                log.warning("dlq send failed for %d messages: %s", len(chunk), describe(error))
                failed.update(str(pointer["event_id"]) for pointer in chunk)
                continue
            for failure in response.get("Failed", []):
                failed.add(str(chunk[int(failure["Id"][1:])]["event_id"]))
        return failed


# --- re-drive ------------------------------------------------------------------------------------


@dataclass
class ReplayReport:
    """Counts of one re-drive (no id, no value)."""

    messages: int = 0
    replayed: int = 0
    landed_items: int = 0
    still_invalid: Counter[str] = field(default_factory=Counter)
    skipped_other_reason: int = 0
    missing_quarantine_object: int = 0
    not_a_pointer: int = 0
    parts_written: int = 0
    dry_run: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "messages": self.messages,
            "replayed": self.replayed,
            "landed_items": self.landed_items,
            "still_invalid": dict(sorted(self.still_invalid.items())),
            "skipped_other_reason": self.skipped_other_reason,
            "missing_quarantine_object": self.missing_quarantine_object,
            "not_a_pointer": self.not_a_pointer,
            "parts_written": self.parts_written,
            "dry_run": self.dry_run,
        }


def _payload(document: Mapping[str, Any]) -> bytes:
    payload = str(document["payload"])
    if document.get("payload_encoding") == "base64":
        return base64.b64decode(payload)
    return payload.encode("utf-8", errors="surrogateescape")


def _pointer(body: str) -> dict[str, Any] | None:
    try:
        message = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(message, dict) or message.get("kind") != MESSAGE_KIND:
        return None
    return message


@dataclass
class _Message:
    receipt_handle: str
    pointer: dict[str, Any] | None


class _Queue:
    """Receives every message once: each stays invisible for the run, then is deleted or released."""

    def __init__(self, client: Any, queue_url: str, visibility_timeout: int) -> None:
        self.client = client
        self.queue_url = queue_url
        self.visibility_timeout = visibility_timeout

    def receive_all(self, limit: int) -> list[_Message]:
        messages: list[_Message] = []
        while len(messages) < limit:
            response = self.client.receive_message(
                QueueUrl=self.queue_url,
                MaxNumberOfMessages=min(SQS_BATCH, limit - len(messages)),
                VisibilityTimeout=self.visibility_timeout,
                WaitTimeSeconds=0,
            )
            batch = response.get("Messages", [])
            if not batch:
                break
            messages += [_Message(m["ReceiptHandle"], _pointer(m["Body"])) for m in batch]
        return messages

    def delete(self, messages: Sequence[_Message]) -> None:
        for start in range(0, len(messages), SQS_BATCH):
            chunk = messages[start : start + SQS_BATCH]
            entries = [{"Id": f"d{i}", "ReceiptHandle": m.receipt_handle} for i, m in enumerate(chunk)]
            self.client.delete_message_batch(QueueUrl=self.queue_url, Entries=entries)

    def release(self, messages: Sequence[_Message]) -> None:
        for start in range(0, len(messages), SQS_BATCH):
            chunk = messages[start : start + SQS_BATCH]
            entries = [
                {"Id": f"r{i}", "ReceiptHandle": m.receipt_handle, "VisibilityTimeout": 0}
                for i, m in enumerate(chunk)
            ]
            self.client.change_message_visibility_batch(QueueUrl=self.queue_url, Entries=entries)


def _replay_one(
    pointer: Mapping[str, Any], quarantine: S3Store, now: datetime, report: ReplayReport
) -> list[Landed] | None:
    """The landed envelopes of one pointer's payload, or None when it cannot (yet) be re-driven."""
    stored = quarantine.get(str(pointer["quarantine_key"]))
    if stored is None:
        report.missing_quarantine_object += 1
        return None
    document = orjson.loads(gzip.decompress(stored))
    outcomes = process_record(
        _payload(document),
        event_id=str(document["event_id"]),
        source=str(document["source"]),
        received_at=now,
    )
    still_bad = [outcome for outcome in outcomes if not isinstance(outcome, Landed)]
    if still_bad:
        report.still_invalid[still_bad[0].reason] += 1
        return None
    return [outcome for outcome in outcomes if isinstance(outcome, Landed)]


def replay_dead_letters(
    sqs: Any,
    queue_url: str,
    quarantine: S3Store,
    landing_store: Store,
    *,
    reason: str | None = None,
    dry_run: bool = False,
    max_messages: int = 10_000,
    visibility_timeout: int = 300,
    now: datetime | None = None,
) -> ReplayReport:
    """Re-drive quarantined items whose payload now passes validation (after a validator or data fix).

    A re-driven item lands with its original event id and source (so staging dedupes it like any
    delivery), then its message and quarantine object are deleted (a versioned bucket keeps the old
    version). Items still invalid, of another reason, or in dry-run mode are released back to the queue.
    """
    moment = now or datetime.now(UTC)
    report = ReplayReport(dry_run=dry_run)
    queue = _Queue(sqs, queue_url, visibility_timeout)
    messages = queue.receive_all(max_messages)
    report.messages = len(messages)
    landing = LandingWriter(landing_store, BufferLimits())
    done: list[_Message] = []
    for message in messages:
        pointer = message.pointer
        if pointer is None:
            report.not_a_pointer += 1
            continue
        if reason is not None and pointer["reason"] != reason:
            report.skipped_other_reason += 1
            continue
        landed = _replay_one(pointer, quarantine, moment, report)
        if landed is None:
            continue
        report.replayed += 1
        report.landed_items += len(landed)
        if not dry_run:
            for item in landed:
                landing.add(item)
            done.append(message)
    # Land first, then forget: a crash in between re-drives again (at least once; staging dedupes).
    landing.flush()
    report.parts_written = len(landing.parts_written)
    for message in done:
        assert message.pointer is not None
        quarantine.client.delete_object(
            Bucket=quarantine.bucket, Key=quarantine.prefix + str(message.pointer["quarantine_key"])
        )
    queue.delete(done)
    finished = {id(message) for message in done}
    queue.release([message for message in messages if id(message) not in finished])
    log.info("dlq replay %s", orjson.dumps(report.as_dict()).decode())
    return report
