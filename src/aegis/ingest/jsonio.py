"""JSON in and out without changing a value: the decoding and writing every ingestion path shares.

`decode` takes the fast path when the record is canonical (orjson writes the same bytes back: compact,
no decimal trailing zeros, no integer beyond 64 bits, no duplicate key), which is what producers that
serialise with orjson or similar send. Otherwise it decodes again with the standard library, keeping
decimals as `Decimal` (their digits: `110.50` stays `110.50`) and big integers exact, and refusing
duplicate keys (FHIR JSON forbids them; keeping either value would be a silent choice). `dump_exact`
writes such values back as received.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import orjson

from aegis.ingest.errors import DUPLICATE_KEY, MALFORMED_JSON, NESTING_TOO_DEEP, ValidationError

_BOM = b"\xef\xbb\xbf"
# Integers beyond 64 bits cannot go through orjson: they stay exact as Decimal (written back as digits).
_INT64 = 2**63


class _DuplicateKeyError(ValueError):
    pass


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _DuplicateKeyError
    return result


def _exact_integer(text: str) -> int | Decimal:
    number = int(text)
    return number if -_INT64 <= number < _INT64 else Decimal(text)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _number_fragment(value: Any) -> orjson.Fragment:
    if isinstance(value, Decimal):
        return orjson.Fragment(str(value).encode())
    raise TypeError


def dump_exact(value: Any) -> bytes:
    """JSON bytes of a decoded value, with `Decimal` numbers written as received."""
    return orjson.dumps(value, default=_number_fragment)


@dataclass(frozen=True, slots=True)
class Decoded:
    document: Any
    # The record's bytes (without a byte order mark).
    text: bytes
    # True when `text` is exactly what orjson writes back for `document` (compact, no decimal trailing
    # zeros, no big integers, no duplicate keys): then re-serialising any part of it is exact too.
    canonical: bool


def decode(raw: bytes) -> Decoded | ValidationError:
    """The record as JSON, or why it is not (malformed_json, duplicate_key, nesting_too_deep)."""
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    try:
        document = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        # orjson refuses JSON nested deeper than 1024 levels: valid JSON, beyond what we decode.
        code = NESTING_TOO_DEEP if "depth limit" in str(error) else MALFORMED_JSON
        return ValidationError(code, "Resource")
    try:
        canonical = orjson.dumps(document)
    except TypeError:  # deeper than orjson writes: the exact path below decides
        canonical = b""
    if canonical == raw:
        return Decoded(document, raw, True)
    # Not canonical: pretty-printed, a decimal with trailing zeros, a big integer, or a duplicate key.
    try:
        exact = json.loads(
            raw,
            object_pairs_hook=_object_without_duplicates,
            parse_float=Decimal,
            parse_int=_exact_integer,
            parse_constant=_refuse_constant,
        )
    except _DuplicateKeyError:
        return ValidationError(DUPLICATE_KEY, "Resource")
    except RecursionError:
        return ValidationError(NESTING_TOO_DEEP, "Resource")
    except ValueError:
        return ValidationError(MALFORMED_JSON, "Resource")
    return Decoded(exact, raw, False)
