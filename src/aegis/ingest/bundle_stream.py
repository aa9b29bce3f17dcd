"""Bundles too large to decode at once (a Bulk export as one Bundle, 100,000 entries), entry by entry.

The file is read twice with ijson's event parser, never held whole:
1. every entry is built, only to note its `urn:uuid:` fullUrl -> `<Type>/<id>` (what references resolve to);
2. every entry is built again and judged exactly as an in-memory Bundle's entry is (aegis.ingest.bundles).

Memory is one entry plus the fullUrl map. The builder keeps decimals as `Decimal` and big integers exact
(as aegis.ingest.jsonio does) and refuses duplicate keys, per entry: a duplicate quarantines that entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any

import ijson

from aegis.ingest.errors import DUPLICATE_KEY, ValidationError

_INT64 = 2**63


class _Duplicate:
    """Marks a built value that held a duplicate key."""


@dataclass
class StreamedBundle:
    """The Bundle without its entries (`shell`), and how reading ended."""

    shell: dict[str, Any]
    stopped: str | None = None


def _number(value: Any) -> Any:
    if type(value) is int and not -_INT64 <= value < _INT64:
        return Decimal(value)
    return value


def _build(events: Iterator[tuple[str, Any]], first: tuple[str, Any]) -> tuple[Any, bool]:
    """One JSON value from its first event on: (value, had a duplicate key)."""
    event, value = first
    if event == "start_map":
        result: dict[str, Any] = {}
        duplicate = False
        for event, value in events:
            if event == "end_map":
                return result, duplicate
            key = value
            item, inner = _build(events, next(events))
            duplicate = duplicate or inner or key in result
            result[key] = item
        raise ijson.IncompleteJSONError("object never closed")
    if event == "start_array":
        items: list[Any] = []
        duplicate = False
        for event, value in events:
            if event == "end_array":
                return items, duplicate
            item, inner = _build(events, (event, value))
            duplicate = duplicate or inner
            items.append(item)
        raise ijson.IncompleteJSONError("array never closed")
    if event == "number":
        return _number(value), False
    return value, False


def _entries(handle: IO[bytes], bundle: StreamedBundle) -> Iterator[tuple[Any, bool]]:
    """(entry, had a duplicate key) for each entry; fills `bundle.shell` with the other top-level keys."""
    events = iter(ijson.basic_parse(handle, use_float=False))
    if next(events, ("", None))[0] != "start_map":
        raise ijson.JSONError("not an object")
    for event, key in events:
        if event == "end_map":
            return
        if key != "entry":
            value, duplicate = _build(events, next(events))
            if duplicate or key in bundle.shell:
                raise _DuplicateInShell
            bundle.shell[key] = value
            continue
        start = next(events)
        if start[0] != "start_array":
            bundle.shell["entry"], _ = _build(events, start)  # judged (and refused) as the shell's problem
            continue
        for event_value in events:
            if event_value[0] == "end_array":
                break
            yield _build(events, event_value)


class _DuplicateInShell(ValueError):
    pass


def read_entries(
    opener: Callable[[], IO[bytes]],
) -> tuple[StreamedBundle, Iterator[tuple[Any, list[ValidationError]]]]:
    """(the Bundle, its entries as (entry, decoding errors)); the iterator records where reading stopped."""
    bundle = StreamedBundle({})

    def entries() -> Iterator[tuple[Any, list[ValidationError]]]:
        with opener() as handle:
            try:
                for entry, duplicate in _entries(handle, bundle):
                    yield entry, [ValidationError(DUPLICATE_KEY, "Resource")] if duplicate else []
            except _DuplicateInShell:
                bundle.stopped = "the Bundle itself holds a duplicate key"
                bundle.shell["__duplicate__"] = True
            except (
                ijson.JSONError,
                ijson.IncompleteJSONError,
                EOFError,
                OSError,
                ValueError,
                RecursionError,
            ) as error:
                bundle.stopped = f"{type(error).__name__}: {error}"

    return bundle, entries()


def first_pass(opener: Callable[[], IO[bytes]]) -> tuple[dict[str, str], dict[str, Any], str | None]:
    """(`urn:uuid:` fullUrl -> `<Type>/<id>` for every entry with a resource, the Bundle without its
    entries, where reading stopped or None): what judging an entry needs before the first one is judged."""
    from aegis.ingest.bundles import local_targets as targets_of

    targets: dict[str, str] = {}
    bundle, entries = read_entries(opener)
    batch: list[Any] = []
    for entry, _errors in entries:
        batch.append(entry)
        if len(batch) >= 1000:
            targets.update(targets_of(batch))
            batch.clear()
    targets.update(targets_of(batch))
    return targets, bundle.shell, bundle.stopped
