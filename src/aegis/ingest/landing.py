"""Where outcomes are written: stores (local folder, S3) and the landing / quarantine writers.

Keys are relative to a store's root and use `/` on every store:

- landing store: `fhir/resource_type=<Type>/ingest_date=<YYYY-MM-DD>/part-<written>-<uuid4>.ndjson.gz`
  (gzip NDJSON, one envelope a line; `<written>` is the UTC instant the part was written,
  `YYYYMMDDTHHMMSSffffffZ`, see `part_key`) and `_loads/<sha256>.json` (load manifests of the local loader);
- quarantine store: `<reason>/<YYYY-MM-DD>/<event_id as a file name>.json.gz`. On S3 the quarantine store
  is the landing bucket with prefix `quarantine/` (or a bucket of its own); locally it is
  `Paths.quarantine_dir`.

`sensitive=True` marks PHI (every landed or quarantined byte): S3 encrypts it with the KMS key
(SSE-KMS), a local store makes the file readable by its owner only.
"""

from __future__ import annotations

import base64
import gzip
import os
import re
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import orjson

from aegis.ingest.records import Landed, Quarantined

LANDING_PREFIX = "fhir"
LOADS_PREFIX = "_loads"
# Gzip level 6 is zlib's default: most of level 9's ratio at a fraction of its time.
_GZIP_LEVEL = 6
_UNSAFE_NAME_CHARS = re.compile(r"[^A-Za-z0-9._-]")
# The written instant in a part's name: fixed width, so names sort as the instants do.
PART_STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"


class Store(Protocol):
    """Somewhere keys can be written: the only thing the writers need."""

    def put(self, key: str, data: bytes, *, sensitive: bool) -> None: ...


class ReadableStore(Store, Protocol):
    """A store that can also read a key back (load manifests need it)."""

    def get(self, key: str) -> bytes | None: ...


def safe_file_name(event_id: str) -> str:
    """An event id as one path segment: Kinesis ids hold `:`, bundle entries `#`, file names `/`."""
    name = _UNSAFE_NAME_CHARS.sub("_", event_id)
    # A leading dot would make `.` / `..` or a hidden file.
    return "_" + name if name.startswith(".") else name


def part_key(resource_type: str, ingest_date: str, written_at: datetime) -> str:
    """The key of a landing part written at `written_at`.

    Every envelope in a part was received before the part was written, so the instant in the name bounds
    the file's received_at from above: DuckDB staging skips, by name alone, the files written before the
    last load (macros/cross_engine/fhir_received_since_last_load.sql). The uuid keeps names unique
    between writers."""
    stamp = written_at.astimezone(UTC).strftime(PART_STAMP_FORMAT)
    return (
        f"{LANDING_PREFIX}/resource_type={resource_type}/ingest_date={ingest_date}/"
        f"part-{stamp}-{uuid.uuid4()}.ndjson.gz"
    )


def gzip_bytes(data: bytes) -> bytes:
    """Gzip with a fixed header (mtime 0, no file name): equal content gives equal bytes."""
    return gzip.compress(data, compresslevel=_GZIP_LEVEL, mtime=0)


class LocalStore:
    """A folder. Writes are atomic (temporary file + rename), so a reader never sees half a file."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        parts = key.split("/")
        if key.startswith("/") or any(part in ("", ".", "..") for part in parts):
            raise ValueError("store keys are relative paths without empty, '.' or '..' segments")
        return self.root.joinpath(*parts)

    def put(self, key: str, data: bytes, *, sensitive: bool) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
            # mkstemp creates 0600; widen only what is not PHI.
            os.chmod(temporary, 0o600 if sensitive else 0o644)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def get(self, key: str) -> bytes | None:
        path = self._path(key)
        return path.read_bytes() if path.is_file() else None


class S3Store:
    """An S3 bucket (or a prefix of one). PHI is written with SSE-KMS under `kms_key_id`."""

    def __init__(self, client: Any, bucket: str, kms_key_id: str, prefix: str = "") -> None:
        if prefix and not prefix.endswith("/"):
            prefix += "/"
        self.client = client
        self.bucket = bucket
        self.kms_key_id = kms_key_id
        self.prefix = prefix

    def put(self, key: str, data: bytes, *, sensitive: bool) -> None:
        encryption: dict[str, str] = (
            {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": self.kms_key_id}
            if sensitive
            else {"ServerSideEncryption": "AES256"}
        )
        self.client.put_object(Bucket=self.bucket, Key=self.prefix + key, Body=data, **encryption)

    def get(self, key: str) -> bytes | None:
        try:
            response = self.client.get_object(Bucket=self.bucket, Key=self.prefix + key)
        except self.client.exceptions.NoSuchKey:
            return None
        body: bytes = response["Body"].read()
        return body


@dataclass(frozen=True)
class BufferLimits:
    """When a buffer becomes a part file, like Firehose buffering hints (whichever limit comes first).

    Defaults are Firehose's: 5 MiB (uncompressed) or 300 s.
    """

    max_bytes: int = 5 * 1024 * 1024
    max_age_seconds: float = 300.0


@dataclass
class _Buffer:
    opened_at: float
    lines: list[bytes] = field(default_factory=list)
    size: int = 0


class LandingWriter:
    """Buffers envelopes per (resource type, ingest date) and writes each buffer as one gzip NDJSON part.

    Call `flush()` before the process ends (a Lambda invocation included): a buffer is memory only.
    """

    def __init__(
        self, store: Store, limits: BufferLimits | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.store = store
        self.limits = limits or BufferLimits()
        self.clock = clock
        self.parts_written: list[str] = []
        self._buffers: dict[tuple[str, str], _Buffer] = {}
        self._next_deadline = float("inf")

    def add(self, landed: Landed) -> None:
        partition = (landed.resource_type, landed.received_at[:10])
        now = self.clock()
        buffer = self._buffers.get(partition)
        if buffer is None:
            buffer = self._buffers[partition] = _Buffer(opened_at=now)
            self._next_deadline = min(self._next_deadline, now + self.limits.max_age_seconds)
        line = landed.line + b"\n"
        buffer.lines.append(line)
        buffer.size += len(line)
        if buffer.size >= self.limits.max_bytes:
            self._write(partition)
        if now >= self._next_deadline:
            self.flush_due(now)

    def flush_due(self, now: float | None = None) -> None:
        """Write the buffers that have reached their age limit."""
        moment = self.clock() if now is None else now
        expired = [p for p, b in self._buffers.items() if moment - b.opened_at >= self.limits.max_age_seconds]
        for partition in expired:
            self._write(partition)
        self._reset_deadline()

    def flush(self) -> None:
        """Write every buffer."""
        for partition in list(self._buffers):
            self._write(partition)
        self._reset_deadline()

    def _reset_deadline(self) -> None:
        openings = [buffer.opened_at for buffer in self._buffers.values()]
        self._next_deadline = min(openings) + self.limits.max_age_seconds if openings else float("inf")

    def _write(self, partition: tuple[str, str]) -> None:
        buffer = self._buffers.pop(partition)
        resource_type, ingest_date = partition
        data = gzip_bytes(b"".join(buffer.lines))
        # Stamped after compressing, just before the put: the name's instant trails the file's appearance
        # by the put alone (a local rename: milliseconds), which the staging lookback covers.
        key = part_key(resource_type, ingest_date, datetime.now(UTC))
        self.store.put(key, data, sensitive=True)
        self.parts_written.append(key)


def quarantine_key(item: Quarantined) -> str:
    return f"{item.reason}/{item.received_at[:10]}/{safe_file_name(item.event_id)}.json.gz"


def quarantine_document(item: Quarantined) -> bytes:
    """The quarantine file: the payload as received plus the error codes and paths."""
    try:
        payload, encoding = item.payload_bytes.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        payload, encoding = base64.b64encode(item.payload_bytes).decode("ascii"), "base64"
    document = {
        "event_id": item.event_id,
        "reason": item.reason,
        "errors": [error.as_dict() for error in item.errors],
        "received_at": item.received_at,
        "source": item.source,
        "payload_encoding": encoding,
        "payload": payload,
    }
    return orjson.dumps(document)


class QuarantineWriter:
    """Writes each quarantined item at once (one small encrypted file each): bad records are rare."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def write(self, item: Quarantined) -> str:
        key = quarantine_key(item)
        self.store.put(key, gzip_bytes(quarantine_document(item)), sensitive=True)
        return key
