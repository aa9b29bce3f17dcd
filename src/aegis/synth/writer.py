"""Byte-reproducible gzip NDJSON output: no timestamp and no file name in the gzip header."""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

# zlib level 6: the usual size/speed balance; level 9 (gzip's default) costs twice the time for ~1% size.
COMPRESS_LEVEL = 6


class EventWriter:
    """Writes lines to `<path>.partial` and renames it into place on success (no half file left behind)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._partial = path.with_name(path.name + ".partial")
        self._raw: BinaryIO | None = None
        self._gzip: gzip.GzipFile | None = None

    def __enter__(self) -> EventWriter:
        self._raw = open(self._partial, "wb")  # closed in __exit__
        self._gzip = gzip.GzipFile(filename="", mode="wb", fileobj=self._raw, compresslevel=COMPRESS_LEVEL, mtime=0)
        return self

    def write(self, lines: list[bytes]) -> None:
        assert self._gzip is not None, "use EventWriter as a context manager"
        if lines:
            self._gzip.write(b"\n".join(lines) + b"\n")

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None,
    ) -> None:
        assert self._gzip is not None and self._raw is not None
        self._gzip.close()
        self._raw.close()
        if kind is None:
            os.replace(self._partial, self.path)
        else:
            self._partial.unlink(missing_ok=True)
