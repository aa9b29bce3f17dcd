"""`aegis ingest produce`: raw producer records -> a Kinesis stream with `put_records`.

- At most 500 records and 5 MiB a call (the PutRecords limits); a record over 1 MiB cannot be sent and
  is reported, not dropped silently.
- Partition key = the patient id, so one patient's records go to one shard, in order.
- Records the stream refuses (throttling, internal failure) are retried with exponential backoff and full
  jitter, chunk by chunk: a retried record goes after the rest of its own chunk but before any later chunk.
  Exact order does not matter for correctness: staging resolves versions by (versionId, lastUpdated).
- What still fails after the last attempt is reported by line number and error code (never the data).
"""

from __future__ import annotations

import hashlib
import logging
import random
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson

from aegis.ingest.kinesis.transient import TRANSIENT_ERRORS, describe

log = logging.getLogger("aegis.ingest.producer")

MAX_RECORDS_PER_CALL = 500
MAX_BYTES_PER_CALL = 5 * 1024 * 1024
MAX_RECORD_BYTES = 1024 * 1024
_PATIENT_REFERENCE = re.compile(rb'"reference"\s*:\s*"Patient/([A-Za-z0-9\-.]{1,64})"')
_REFERENCE_FIELDS = ("subject", "patient", "beneficiary")


def _patient_of(resource: Any) -> str | None:
    if not isinstance(resource, dict):
        return None
    if resource.get("resourceType") == "Bundle":
        entries = resource.get("entry")
        first = entries[0] if isinstance(entries, list) and entries else None
        return _patient_of(first.get("resource") if isinstance(first, dict) else None)
    if resource.get("resourceType") == "Patient" and isinstance(resource.get("id"), str):
        return str(resource["id"])
    for name in _REFERENCE_FIELDS:
        holder = resource.get(name)
        reference = holder.get("reference") if isinstance(holder, dict) else None
        if isinstance(reference, str) and reference.startswith("Patient/"):
            return reference.removeprefix("Patient/")
    return None


def partition_key(raw: bytes, previous: str | None = None) -> str:
    """The patient id of a raw record. A broken record (the generator's defects, truncated JSON) keeps the
    patient's shard through a text search or, failing that, the previous record's key (records of one
    patient are contiguous); the last resort is a digest of the bytes (spread evenly, stable)."""
    try:
        patient = _patient_of(orjson.loads(raw))
    except orjson.JSONDecodeError:
        patient = None
    if patient is None:
        match = _PATIENT_REFERENCE.search(raw)
        patient = match.group(1).decode() if match else previous
    return (patient or hashlib.sha256(raw).hexdigest())[:256]


@dataclass(frozen=True)
class FailedRecord:
    line: int
    error_code: str


@dataclass
class ProduceReport:
    """Counts of one produce run; failures by line number and error code only."""

    records: int = 0
    sent: int = 0
    calls: int = 0
    retried: int = 0
    failed: list[FailedRecord] = field(default_factory=list)
    shards: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "sent": self.sent,
            "calls": self.calls,
            "retried": self.retried,
            "failed": len(self.failed),
            "failed_by_code": dict(Counter(f.error_code for f in self.failed)),
            "records_by_shard": dict(sorted(self.shards.items())),
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter")."""

    base_seconds: float = 0.1
    max_seconds: float = 5.0
    max_attempts: int = 8

    def delay(self, attempt: int, rng: random.Random) -> float:
        return rng.uniform(0.0, min(self.max_seconds, self.base_seconds * 2**attempt))


@dataclass(frozen=True)
class _Pending:
    line: int
    data: bytes
    key: str


def _chunks(records: Iterable[tuple[int, bytes]], report: ProduceReport) -> Iterator[list[_Pending]]:
    chunk: list[_Pending] = []
    size = 0
    previous: str | None = None
    for line, data in records:
        report.records += 1
        key = partition_key(data, previous)
        previous = key
        entry_size = len(data) + len(key.encode())
        if entry_size > MAX_RECORD_BYTES:
            report.failed.append(FailedRecord(line, "RecordTooLarge"))
            continue
        if chunk and (len(chunk) == MAX_RECORDS_PER_CALL or size + entry_size > MAX_BYTES_PER_CALL):
            yield chunk
            chunk, size = [], 0
        chunk.append(_Pending(line, data, key))
        size += entry_size
    if chunk:
        yield chunk


class Producer:
    def __init__(
        self,
        kinesis: Any,
        stream: str,
        *,
        backoff: Backoff | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.kinesis = kinesis
        self.stream = stream
        self.backoff = backoff or Backoff()
        self.sleep = sleep
        self.rng = rng or random.Random()

    def send(
        self, records: Iterable[tuple[int, bytes]], on_progress: Callable[[int], None] | None = None
    ) -> ProduceReport:
        """Send `(line number, bytes)` records; never raises for a refused record (see the report)."""
        started = time.perf_counter()
        report = ProduceReport()
        for chunk in _chunks(records, report):
            self._send_chunk(chunk, report)
            if on_progress is not None:
                on_progress(len(chunk))
        report.seconds = time.perf_counter() - started
        log.info("produce finished %s", orjson.dumps(report.as_dict()).decode())
        return report

    def _send_chunk(self, chunk: list[_Pending], report: ProduceReport) -> None:
        pending = chunk
        last_codes: dict[int, str] = {}
        for attempt in range(self.backoff.max_attempts):
            if attempt:
                report.retried += len(pending)
                self.sleep(self.backoff.delay(attempt, self.rng))
            pending = self._put(pending, report, last_codes)
            if not pending:
                return
        report.failed += [FailedRecord(p.line, last_codes.get(p.line, "Unknown")) for p in pending]

    def _put(self, pending: list[_Pending], report: ProduceReport, codes: dict[int, str]) -> list[_Pending]:
        """One PutRecords call; returns the records to send again."""
        report.calls += 1
        try:
            response = self.kinesis.put_records(
                StreamName=self.stream,
                Records=[{"Data": p.data, "PartitionKey": p.key} for p in pending],
            )
        except TRANSIENT_ERRORS as error:
            code = describe(error)
            codes.update((p.line, code) for p in pending)
            return pending
        again: list[_Pending] = []
        for item, result in zip(pending, response["Records"], strict=True):
            if result.get("ErrorCode"):
                codes[item.line] = str(result["ErrorCode"])
                again.append(item)
            else:
                report.sent += 1
                report.shards[str(result["ShardId"])] += 1
        return again
