"""Reading the inputs real teams have, record by record, without trusting them.

- NDJSON (`.ndjson`, `.jsonl`, `.ndjson.gz`, anything not named `.json`): one record a line. Lines end
  with LF, CRLF or a lone CR; blank lines are not records. A FHIR Bulk Data `$export` file is this.
- A JSON document (`.json`, `.json.gz`): the whole file is one record (a Synthea patient Bundle, an
  official example, a single resource). A UTF-8 byte order mark at the start is dropped.

Gzip is recognised by its magic bytes, not its name. Reading stops cleanly at a truncated or corrupt
gzip stream: what was read is yielded, the unfinished tail is yielded as a `Tail`, and `stopped` says
where (line and byte of the decompressed stream) and why, for one clear line in the load report.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
CHUNK_BYTES = 1 << 20
# A record longer than this is not decoded: no FHIR producer sends one (Kinesis takes 1 MiB, Bulk Data
# lines are single resources), and decoding it would cost about ten times its size in memory.
MAX_RECORD_BYTES = 64 << 20
# A JSON document larger than this is not decoded at once: a Bundle is streamed entry by entry
# (aegis.ingest.bundle_stream); any other document up to MAX_RECORD_BYTES is read whole.
STREAM_DOCUMENT_BYTES = 16 << 20
DOCUMENT_SUFFIXES = (".json", ".json.gz")
INPUT_SUFFIXES = (".json", ".json.gz", ".ndjson", ".ndjson.gz", ".jsonl", ".jsonl.gz")


@dataclass(frozen=True, slots=True)
class Record:
    """One record: its 1-based line (1 for a document), its byte offset, and its bytes."""

    line: int
    offset: int
    data: bytes


@dataclass(frozen=True, slots=True)
class Tail:
    """The unfinished last record of an input that ended early (kept, quarantined as truncated_input)."""

    line: int
    offset: int
    data: bytes


@dataclass(frozen=True, slots=True)
class LargeDocument:
    """A JSON document over STREAM_DOCUMENT_BYTES: the loader streams it instead of reading it whole."""

    size: int


@dataclass(frozen=True, slots=True)
class Oversized:
    """A record over MAX_RECORD_BYTES: its head is kept, the rest is skipped (quarantined as record_too_large)."""

    line: int
    offset: int
    head: bytes
    size: int


class Reader:
    """Iterate one input's records; after iteration, `stopped` is None or says where and why it ended early."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stopped: str | None = None
        self.blank_lines = 0
        self.is_document = path.name.lower().endswith(DOCUMENT_SUFFIXES)
        self.compressed_offset = 0

    def __iter__(self) -> Iterator[Record | Tail | Oversized | LargeDocument]:
        with self.path.open("rb") as raw:
            gzipped = raw.read(2) == GZIP_MAGIC
            raw.seek(0)
            chunks = self._gunzipped(raw) if gzipped else self._plain(raw)
            yield from self._document(chunks) if self.is_document else self._lines(chunks)

    def open_decompressed(self) -> BinaryIO:
        """The input as a binary stream, decompressed when it is gzip (for a streamed document)."""
        with self.path.open("rb") as probe:
            gzipped = probe.read(2) == GZIP_MAGIC
        return gzip.open(self.path, "rb") if gzipped else self.path.open("rb")  # type: ignore[return-value]

    def _plain(self, raw: BinaryIO) -> Iterator[bytes]:
        while chunk := raw.read(CHUNK_BYTES):
            self.compressed_offset = raw.tell()
            yield chunk

    def _gunzipped(self, raw: BinaryIO) -> Iterator[bytes]:
        """Decompress with zlib directly, so that everything before a cut or a corrupt block is kept
        (GzipFile raises without returning the data it had decompressed in that read)."""
        decompressor = zlib.decompressobj(wbits=31)
        member_open = False
        while compressed := raw.read(CHUNK_BYTES):
            self.compressed_offset = raw.tell()
            while compressed:
                member_open = True
                try:
                    data = decompressor.decompress(compressed)
                except zlib.error as error:
                    self.stopped = f"corrupt gzip data near compressed byte {self.compressed_offset}: {error}"
                    return
                if data:
                    yield data
                if not decompressor.eof:
                    break
                # A member ended; what follows is another member (`gzip -c a >> b` makes one stream).
                member_open = False
                compressed = decompressor.unused_data
                decompressor = zlib.decompressobj(wbits=31)
        if member_open:
            self.stopped = f"the gzip stream ends early at compressed byte {self.compressed_offset}"

    def _document(self, chunks: Iterator[bytes]) -> Iterator[Record | Tail | Oversized | LargeDocument]:
        parts: list[bytes] = []
        size = 0
        for chunk in chunks:
            if size < STREAM_DOCUMENT_BYTES:
                parts.append(chunk)
            size += len(chunk)
        data = b"".join(parts)
        if size > STREAM_DOCUMENT_BYTES:
            yield LargeDocument(size)
        elif self.stopped is not None:
            yield Tail(1, 0, data)
        elif data.strip():
            yield Record(1, 0, data)
        else:
            self.blank_lines += 1

    def _lines(self, chunks: Iterator[bytes]) -> Iterator[Record | Tail | Oversized | LargeDocument]:
        pending = b""
        line = 0
        offset = 0  # of `pending` in the decompressed stream
        oversized: Oversized | None = None
        for chunk in chunks:
            data = pending + chunk if pending else chunk
            # A CR at the very end may be the first half of a CRLF: keep it for the next chunk.
            hold = 1 if data.endswith(b"\r") else 0
            pieces = data[: len(data) - hold].splitlines(keepends=True)
            last = pieces.pop() if pieces and not pieces[-1].endswith((b"\n", b"\r")) else b""
            for piece in pieces:
                line += 1
                if oversized is not None:
                    yield Oversized(
                        oversized.line, oversized.offset, oversized.head, oversized.size + len(piece)
                    )
                    oversized = None
                else:
                    yield from self._line(line, offset, piece)
                offset += len(piece)
            pending = last + (data[-1:] if hold else b"")
            if len(pending) > MAX_RECORD_BYTES:
                # Keep the head, count the rest, and never hold more than the limit in memory.
                if oversized is None:
                    oversized = Oversized(line + 1, offset, pending[: 1 << 20], 0)
                oversized = Oversized(
                    oversized.line, oversized.offset, oversized.head, oversized.size + len(pending)
                )
                offset += len(pending)
                pending = b""
        if oversized is not None:
            yield Oversized(oversized.line, oversized.offset, oversized.head, oversized.size + len(pending))
            return
        if pending.strip():
            line += 1
            if self.stopped is not None:
                yield Tail(line, offset, pending)
            else:
                yield from self._line(line, offset, pending)

    def _line(self, line: int, offset: int, piece: bytes) -> Iterator[Record]:
        record = piece.rstrip(b"\r\n")
        if line == 1 and record.startswith(b"\xef\xbb\xbf"):
            record = record[3:]
        if record.strip():
            yield Record(line, offset, record)
        else:
            self.blank_lines += 1


def expand_inputs(specs: list[str]) -> list[Path]:
    """Files, folders (their inputs, recursively, sorted) and globs -> input files, each once, in order."""
    found: list[Path] = []
    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(INPUT_SUFFIXES)
            )
        elif path.is_file():
            found.append(path)
        else:
            anchor = Path(path.anchor) if path.is_absolute() else Path()
            pattern = str(path.relative_to(anchor)) if path.is_absolute() else spec
            found += sorted(p for p in anchor.glob(pattern) if p.is_file())
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path.resolve(), None)
    return list(unique)
