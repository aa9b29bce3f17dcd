"""The local batch loader: an events file (NDJSON, gzip or not) -> landing + quarantine stores.

One line is one raw producer record, exactly what a producer would put on Kinesis. Its event id is a
uuid5 of `file:<absolute path>:<line number>`, so landing the same file twice gives the same ids (the
warehouse dedupes by resource id and version anyway: delivery is at-least-once).

`land_events` adds the run guard of `aegis ingest land`: a file whose sha256 already has a load manifest
(`_loads/<sha256>.json` in the landing store) is not landed again unless `force=True`.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, BinaryIO, cast

import orjson

from aegis.ingest.landing import (
    LOADS_PREFIX,
    BufferLimits,
    LandingWriter,
    QuarantineWriter,
    ReadableStore,
    Store,
)
from aegis.ingest.pipeline import Ingestor
from aegis.ingest.records import format_instant

log = logging.getLogger("aegis.ingest.loader")

_GZIP_MAGIC = b"\x1f\x8b"
_PROGRESS_EVERY = 2048


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


@contextmanager
def _open_lines(path: Path) -> Iterator[tuple[IO[bytes], BinaryIO]]:
    """(line reader, raw file): the raw file's position drives the progress bar."""
    with path.open("rb") as raw:
        gzipped = raw.read(2) == _GZIP_MAGIC
        raw.seek(0)
        if gzipped:
            with gzip.GzipFile(fileobj=raw, mode="rb") as lines:
                yield cast(IO[bytes], lines), raw
        else:
            yield raw, raw


def _records(lines: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    for number, line in enumerate(lines, start=1):
        # The line ending is framing, not part of the record; a record never holds a raw newline.
        yield number, line.rstrip(b"\r\n")


def _should_show_progress(progress: bool | None) -> bool:
    return sys.stderr.isatty() if progress is None else progress


def land_file(
    events_path: Path,
    landing_store: Store,
    quarantine_store: Store,
    *,
    limits: BufferLimits | None = None,
    progress: bool | None = None,
    sha256: str | None = None,
) -> LoadReport:
    """Land every record of `events_path`; raises `UnbalancedCountsError` if in != landed + quarantined."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    path = events_path.resolve()
    started = datetime.now(UTC)
    clock = time.perf_counter()
    landing = LandingWriter(landing_store, limits)
    ingestor = Ingestor(landing, QuarantineWriter(quarantine_store))
    source_prefix = f"file:{path}:"
    event_id = LineEventIds(path)
    with (
        _open_lines(path) as (lines, raw),
        Progress(
            TextColumn("landing"),
            BarColumn(),
            TextColumn("{task.fields[records]:,} records"),
            TimeRemainingColumn(),
            disable=not _should_show_progress(progress),
            transient=True,
        ) as bar,
    ):
        task = bar.add_task("land", total=path.stat().st_size, records=0)
        for number, record in _records(lines):
            ingestor.ingest(record, event_id=event_id(number), source=f"{source_prefix}{number}")
            if number % _PROGRESS_EVERY == 0:
                bar.update(task, completed=raw.tell(), records=number)
    counts = ingestor.finish()
    report = LoadReport(
        events_path=str(path),
        events_sha256=sha256 or file_sha256(path),
        parts_written=len(landing.parts_written),
        started_at=format_instant(started),
        finished_at=format_instant(datetime.now(UTC)),
        seconds=round(time.perf_counter() - clock, 3),
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
) -> LoadReport:
    """`land_file` once per file content: refuses (AlreadyLandedError) a file landed before, unless `force`.

    Writes the report to `_loads/<sha256>.json` in the landing store (read by the demo summary).
    """
    sha256 = file_sha256(events_path)
    previous = previous_load(landing_store, sha256)
    if previous is not None and not force:
        raise AlreadyLandedError(previous)
    report = land_file(
        events_path, landing_store, quarantine_store, limits=limits, progress=progress, sha256=sha256
    )
    report.forced = previous is not None
    report.manifest_key = manifest_key(sha256)
    landing_store.put(report.manifest_key, report.to_json(), sensitive=False)
    return report
