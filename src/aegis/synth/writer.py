"""Byte-reproducible gzip NDJSON output: no timestamp and no file name in the gzip header.

Compression runs on a background thread: zlib releases the GIL, so on a second core it overlaps with
generation instead of adding to it. The bytes do not depend on the thread: chunks are compressed in the
order they were written.
"""

from __future__ import annotations

import gzip
import os
import queue
import threading
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

# zlib level 6: the usual size/speed balance; level 9 (gzip's default) costs twice the time for ~1% size.
COMPRESS_LEVEL = 6
# Chunks (one patient each, ~30 KB) waiting for the compressor: bounds memory if compression falls behind.
QUEUE_CHUNKS = 64


class EventWriter:
    """Writes lines to `<path>.partial` and renames it into place on success (no half file left behind)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._partial = path.with_name(path.name + ".partial")
        self._raw: BinaryIO | None = None
        self._gzip: gzip.GzipFile | None = None
        self._chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=QUEUE_CHUNKS)
        self._failure: BaseException | None = None
        self._compressor = threading.Thread(target=self._compress, name="synth-gzip", daemon=True)

    def __enter__(self) -> EventWriter:
        self._raw = open(self._partial, "wb")  # closed in __exit__
        self._gzip = gzip.GzipFile(
            filename="", mode="wb", fileobj=self._raw, compresslevel=COMPRESS_LEVEL, mtime=0
        )
        self._compressor.start()
        return self

    def _compress(self) -> None:
        assert self._gzip is not None
        while (chunk := self._chunks.get()) is not None:
            if self._failure is None:  # after a failure, keep draining so the producer never blocks
                try:
                    self._gzip.write(chunk)
                except BaseException as error:  # re-raised in the caller's thread by __exit__
                    self._failure = error

    def write(self, lines: list[bytes]) -> None:
        if lines:
            self._chunks.put(b"\n".join(lines) + b"\n")

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        assert self._gzip is not None and self._raw is not None
        self._chunks.put(None)
        self._compressor.join()
        self._gzip.close()
        self._raw.close()
        if kind is None and self._failure is None:
            os.replace(self._partial, self.path)
            return
        self._partial.unlink(missing_ok=True)
        if self._failure is not None and kind is None:
            raise OSError(f"writing {self.path.name} failed") from self._failure
