"""The local batch loader: input files -> landing + quarantine stores, one load report per file.

Inputs are NDJSON (one raw producer record a line, exactly what a producer would put on Kinesis; FHIR
Bulk Data `$export` files) or JSON documents (a Synthea patient Bundle, a single resource): see
aegis.ingest.reading. A record's event id is a uuid5 of `file:<absolute path>:<line number>`, so landing
the same file twice gives the same ids (the warehouse dedupes by resource id and version anyway).

Large NDJSON files are judged by worker processes (one per core): the main process reads and
decompresses, workers decode, validate and write their own part files. Every item still gets exactly one
outcome and the report adds the workers' counts up (in = landed + quarantined, checked).

`land_events` adds the run guard of `aegis ingest land`: a file whose sha256 already has a load manifest
(`_loads/<sha256>.json` in the landing store) is not landed again unless `force=True`.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import pickle
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from aegis.ingest import bundle_stream
from aegis.ingest.bundles import entry_outcomes, shell_errors
from aegis.ingest.errors import RECORD_TOO_LARGE, TRUNCATED_INPUT, ValidationError
from aegis.ingest.landing import (
    LOADS_PREFIX,
    BufferLimits,
    LandingWriter,
    QuarantineWriter,
    ReadableStore,
    Store,
)
from aegis.ingest.pipeline import IngestCounts, Ingestor
from aegis.ingest.reading import MAX_RECORD_BYTES, LargeDocument, Oversized, Reader, Record, Tail
from aegis.ingest.records import Delivery, Quarantined, format_instant

log = logging.getLogger("aegis.ingest.loader")

_PROGRESS_EVERY = 2048
# Work is handed to the workers in batches: big enough to amortise the hand-over, small enough that the
# queue (2 batches a worker) bounds memory.
_BATCH_RECORDS = 1000
_BATCH_BYTES = 8 << 20
# Below this size a file is judged in the main process: starting workers would cost more than it saves.
PARALLEL_MIN_BYTES = 4 << 20


@dataclass
class LoadReport:
    """Counts of one load (no value from any record): the output of `aegis ingest land`."""

    events_path: str
    events_sha256: str
    records_in: int
    items_in: int
    landed: int
    quarantined: int
    quarantined_by_reason: dict[str, int]
    landed_by_type: dict[str, int]
    parts_written: int
    started_at: str
    finished_at: str
    seconds: float
    forced: bool = False
    manifest_key: str = field(default="")
    deleted: int = 0
    findings_by_code: dict[str, int] = field(default_factory=dict)
    blank_lines: int = 0
    workers: int = 1
    # None, or where and why the input ended early ("line 12 (byte 4096): EOFError: ...").
    stopped_early: str | None = None

    def to_json(self) -> bytes:
        return orjson.dumps(asdict(self), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)

    @classmethod
    def from_json(cls, data: bytes) -> LoadReport:
        # Fields a newer or older writer added are ignored rather than making the manifest unreadable.
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in orjson.loads(data).items() if k in known})


class AlreadyLandedError(Exception):
    """The events file has a load manifest: it was landed before (`force` lands it again)."""

    def __init__(self, previous: LoadReport) -> None:
        super().__init__(
            f"events file sha256={previous.events_sha256} already landed at {previous.finished_at}"
        )
        self.previous = previous


class LineEventIds:
    """Event ids of one file's lines: uuid5(URL namespace, `file:<path>:<line>`), as uuid.uuid5 computes it,
    without hashing the shared prefix again for every line (uuid.uuid5 was a tenth of the load time).
    """

    def __init__(self, events_path: Path) -> None:
        self._prefix = hashlib.sha1(uuid.NAMESPACE_URL.bytes + f"file:{events_path}:".encode())

    def __call__(self, line_number: int) -> str:
        digest = self._prefix.copy()
        digest.update(str(line_number).encode())
        raw = bytearray(digest.digest()[:16])
        raw[6] = (raw[6] & 0x0F) | 0x50  # version 5
        raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
        text = raw.hex()
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def event_id_for_line(events_path: Path, line_number: int) -> str:
    return LineEventIds(events_path)(line_number)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def manifest_key(sha256: str) -> str:
    return f"{LOADS_PREFIX}/{sha256}.json"


def _should_show_progress(progress: bool | None) -> bool:
    return sys.stderr.isatty() if progress is None else progress


# --- judging records -----------------------------------------------------------------------------


class _FileJudge:
    """Judges the records of one file (in the main process or in a worker) and keeps the counts."""

    def __init__(
        self, path: Path, landing_store: Store, quarantine_store: Store, limits: BufferLimits | None
    ):
        self.path = path
        self.ids = LineEventIds(path)
        self.source_prefix = f"file:{path}:"
        self.landing = LandingWriter(landing_store, limits)
        self.ingestor = Ingestor(self.landing, QuarantineWriter(quarantine_store))
        # Where a streamed document stopped early (a truncated or broken large Bundle), if it did.
        self.streamed_stop: str | None = None

    def judge(self, line: int, data: bytes) -> None:
        self.ingestor.ingest(
            data, event_id=self.ids(line), source=f"{self.source_prefix}{line}", position=line
        )

    def quarantine_unread(self, item: Tail | Oversized) -> None:
        """A record that cannot be decoded as a whole: kept in quarantine under its reason."""
        if isinstance(item, Tail):
            error, payload = ValidationError(TRUNCATED_INPUT, "Resource"), item.data
        else:
            error, payload = ValidationError(RECORD_TOO_LARGE, "Resource"), item.head
        moment = format_instant(datetime.now(UTC))
        self.ingestor.count_quarantined(
            Quarantined(
                self.ids(item.line), error.code, (error,), payload, moment, f"{self.source_prefix}{item.line}"
            )
        )

    def land_large_document(self, item: LargeDocument, reader: Reader) -> str | None:
        """A document too large to decode at once: a Bundle is streamed entry by entry (two passes); any
        other document is read whole up to MAX_RECORD_BYTES. Returns where reading stopped, if it did."""
        targets, shell, stopped = bundle_stream.first_pass(reader.open_decompressed)
        if shell.get("resourceType") != "Bundle":
            if item.size > MAX_RECORD_BYTES or stopped is not None:
                with reader.open_decompressed() as handle:
                    head = handle.read(1 << 20)
                self.quarantine_unread(Oversized(1, 0, head, item.size))
            else:
                with reader.open_decompressed() as handle:
                    self.judge(1, handle.read())
            return stopped
        moment = datetime.now(UTC)
        delivery = Delivery(self.ids(1), f"{self.source_prefix}1", moment, format_instant(moment), "1")
        self.ingestor.counts.records_in += 1
        errors = shell_errors(shell)
        if errors:
            with reader.open_decompressed() as handle:
                self.ingestor.route(delivery.quarantine(errors, handle.read(1 << 20)))
            return stopped
        bundle, entries = bundle_stream.read_entries(reader.open_decompressed)
        for outcome in entry_outcomes(entries, delivery, targets, canonical=False):
            self.ingestor.route(outcome)
        return bundle.stopped

    def finish(self) -> tuple[IngestCounts, int]:
        return self.ingestor.finish(), len(self.landing.parts_written)


def _worker(
    path: Path,
    stores: bytes,
    limits: BufferLimits | None,
    tasks: multiprocessing.Queue[list[tuple[int, bytes]] | None],
    results: multiprocessing.Queue[tuple[dict[str, Any], int]],
) -> None:
    landing_store, quarantine_store = pickle.loads(stores)
    judge = _FileJudge(path, landing_store, quarantine_store, limits)
    while (batch := tasks.get()) is not None:
        for line, data in batch:
            judge.judge(line, data)
    counts, parts = judge.finish()
    results.put((counts.as_dict(), parts))


class _Workers:
    """Worker processes that judge batches of records; `close()` returns their counts."""

    def __init__(self, count: int, path: Path, stores: bytes, limits: BufferLimits | None) -> None:
        context = multiprocessing.get_context("spawn")
        self.tasks: multiprocessing.Queue[list[tuple[int, bytes]] | None] = context.Queue(maxsize=2 * count)
        self.results: multiprocessing.Queue[tuple[dict[str, Any], int]] = context.Queue()
        self.processes = [
            context.Process(
                target=_worker, args=(path, stores, limits, self.tasks, self.results), daemon=True
            )
            for _ in range(count)
        ]
        for process in self.processes:
            process.start()

    def submit(self, batch: list[tuple[int, bytes]]) -> None:
        self.tasks.put(batch)

    def close(self) -> list[tuple[dict[str, Any], int]]:
        for _ in self.processes:
            self.tasks.put(None)
        outcomes = [self.results.get() for _ in self.processes]
        for process in self.processes:
            process.join()
            if process.exitcode != 0:
                raise RuntimeError(f"a landing worker exited with code {process.exitcode}")
        return outcomes


def _batches(reader: Reader, judge: _FileJudge) -> Iterator[list[tuple[int, bytes]]]:
    """Group decodable records into batches; truncated and oversized ones are quarantined on the spot,
    and a large document is streamed by the main judge."""
    batch: list[tuple[int, bytes]] = []
    size = 0
    for item in reader:
        if isinstance(item, LargeDocument):
            judge.streamed_stop = judge.land_large_document(item, reader)
            continue
        if not isinstance(item, Record):
            judge.quarantine_unread(item)
            continue
        batch.append((item.line, item.data))
        size += len(item.data)
        if len(batch) >= _BATCH_RECORDS or size >= _BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _worker_count(path: Path, reader: Reader, stores: tuple[Store, Store], workers: int | None) -> int:
    wanted = workers if workers is not None else (os.cpu_count() or 1)
    if wanted <= 1 or reader.is_document or path.stat().st_size < PARALLEL_MIN_BYTES:
        return 1
    try:
        pickle.dumps(stores)
    except (pickle.PicklingError, TypeError, AttributeError):
        return 1  # a store that cannot travel to another process (an S3 client): judge in this one
    return wanted


def land_file(
    events_path: Path,
    landing_store: Store,
    quarantine_store: Store,
    *,
    limits: BufferLimits | None = None,
    progress: bool | None = None,
    sha256: str | None = None,
    workers: int | None = None,
) -> LoadReport:
    """Land every record of `events_path`; raises `UnbalancedCountsError` if in != landed + quarantined.

    An input that ends early (a truncated gzip) still gets its report: what was read is counted, the
    unfinished tail is quarantined as `truncated_input`, and `stopped_early` says where.
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    path = events_path.resolve()
    started = datetime.now(UTC)
    clock = time.perf_counter()
    reader = Reader(path)
    main = _FileJudge(path, landing_store, quarantine_store, limits)
    worker_count = _worker_count(path, reader, (landing_store, quarantine_store), workers)
    pool = (
        _Workers(worker_count, path, pickle.dumps((landing_store, quarantine_store)), limits)
        if worker_count > 1
        else None
    )
    with Progress(
        TextColumn(f"landing {path.name}"),
        BarColumn(),
        TextColumn("{task.fields[records]:,} records"),
        TimeRemainingColumn(),
        disable=not _should_show_progress(progress),
        transient=True,
    ) as bar:
        task = bar.add_task("land", total=path.stat().st_size, records=0)
        done = 0
        for batch in _batches(reader, main):
            if pool is not None:
                pool.submit(batch)
            else:
                for line, data in batch:
                    main.judge(line, data)
            done += len(batch)
            if done % _PROGRESS_EVERY < len(batch):
                bar.update(task, completed=reader.compressed_offset, records=done)
    counts, parts = main.finish()
    if pool is not None:
        for worker_counts, worker_parts in pool.close():
            counts.add(worker_counts)
            parts += worker_parts
        counts.check_balanced()
    stopped = None
    cause = main.streamed_stop or reader.stopped
    if cause is not None:
        stopped = f"after {counts.records_in} records, {counts.items_in} items: {cause}"
    report = LoadReport(
        events_path=str(path),
        events_sha256=sha256 or file_sha256(path),
        parts_written=parts,
        started_at=format_instant(started),
        finished_at=format_instant(datetime.now(UTC)),
        seconds=round(time.perf_counter() - clock, 3),
        blank_lines=reader.blank_lines,
        workers=worker_count,
        stopped_early=stopped,
        **counts.as_dict(),
    )
    log.info("load finished %s", asdict(report))
    return report


def previous_load(landing_store: ReadableStore, sha256: str) -> LoadReport | None:
    data = landing_store.get(manifest_key(sha256))
    return LoadReport.from_json(data) if data is not None else None


def land_events(
    events_path: Path,
    landing_store: ReadableStore,
    quarantine_store: Store,
    *,
    force: bool = False,
    limits: BufferLimits | None = None,
    progress: bool | None = None,
    workers: int | None = None,
) -> LoadReport:
    """`land_file` once per file content: refuses (AlreadyLandedError) a file landed before, unless `force`.

    Writes the report to `_loads/<sha256>.json` in the landing store (read by the demo summary).
    """
    sha256 = file_sha256(events_path)
    previous = previous_load(landing_store, sha256)
    if previous is not None and not force:
        raise AlreadyLandedError(previous)
    report = land_file(
        events_path,
        landing_store,
        quarantine_store,
        limits=limits,
        progress=progress,
        sha256=sha256,
        workers=workers,
    )
    report.forced = previous is not None
    report.manifest_key = manifest_key(sha256)
    landing_store.put(report.manifest_key, report.to_json(), sensitive=False)
    return report
