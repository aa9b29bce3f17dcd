"""One raw producer record (bytes) -> outcomes: `Landed` envelopes or `Quarantined` items.

Decode -> (unbundle) -> check FHIR R4 conformance -> envelope (docs/landing-contract.md). Every item of a
record gets exactly one outcome: a resource is one item, a Bundle is one item per entry (or one item when
the Bundle itself is unusable). Nothing here raises on bad input.

Fidelity: a bare resource lands as the record's own bytes (line breaks between tokens become spaces);
a Bundle entry is written back from a decoding that kept every number as received (aegis.ingest.jsonio).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import orjson

from aegis.ingest import bundles
from aegis.ingest.errors import ValidationError, primary_reason
from aegis.ingest.jsonio import decode
from aegis.ingest.validate import validate_resource

ENVELOPE_FIELDS = (
    "event_id",
    "resource_type",
    "resource_id",
    "version_id",
    "last_updated",
    "received_at",
    "source",
    "source_position",
    "deleted",
    "findings",
    "original_references",
    "resource",
)
# Kinesis sequence numbers have up to 56 digits; file line numbers far fewer. Padding makes the text sort
# like the number, so `source_position` orders deliveries within a source (docs/landing-contract.md).
_POSITION_WIDTH = 60
_ENTRY_WIDTH = 7
_DIGITS = re.compile(r"[0-9]+")


@dataclass(frozen=True, slots=True)
class Landed:
    """An item to land: its envelope as one JSON line (keys ENVELOPE_FIELDS, in that order)."""

    event_id: str
    resource_type: str
    received_at: str
    line: bytes
    deleted: bool = False
    finding_codes: tuple[str, ...] = ()

    @property
    def envelope(self) -> dict[str, Any]:
        """The envelope decoded (decimals as `Decimal`): for tests and tools, not the hot path."""
        decoded: dict[str, Any] = json.loads(self.line, parse_float=Decimal)
        return decoded


@dataclass(frozen=True, slots=True)
class Quarantined:
    """An item that cannot land: the payload as received plus what is wrong with it (codes and paths)."""

    event_id: str
    reason: str
    errors: tuple[ValidationError, ...]
    payload_bytes: bytes
    received_at: str
    source: str

    def pointer(self, key: str) -> dict[str, Any]:
        """What may travel outside the encrypted quarantine (a DLQ message, a log): no payload, no values."""
        return {
            "event_id": self.event_id,
            "reason": self.reason,
            "quarantine_key": key,
            "errors": [error.as_dict() for error in self.errors],
        }


Outcome = Landed | Quarantined


def format_instant(moment: datetime) -> str:
    """UTC ISO 8601 with microseconds and `Z`: the received_at format of the envelope."""
    # isoformat is several times faster than strftime; a UTC moment always ends in "+00:00".
    return moment.astimezone(UTC).isoformat(timespec="microseconds")[:-6] + "Z"


# --- envelopes -----------------------------------------------------------------------------------


def source_position(position: str | int, entry: int | None) -> str:
    """`<record position, zero-padded>.<entry index, zero-padded>`: sorts as the numbers do."""
    text = str(position)
    if not _DIGITS.fullmatch(text):
        text = "0"
    return f"{text.rjust(_POSITION_WIDTH, '0')}.{(entry if entry is not None else 0):0{_ENTRY_WIDTH}d}"


@dataclass(frozen=True, slots=True)
class Delivery:
    """Where and when one raw record arrived: what every item of it shares."""

    event_id: str
    source: str
    received_at: datetime
    received_at_text: str
    position: str

    def item_event_id(self, entry: int | None) -> str:
        return self.event_id if entry is None else f"{self.event_id}#{entry}"

    def quarantine(
        self, errors: list[ValidationError], payload: bytes, entry: int | None = None
    ) -> Quarantined:
        return Quarantined(
            event_id=self.item_event_id(entry),
            reason=primary_reason(errors),
            errors=tuple(errors),
            payload_bytes=payload,
            received_at=self.received_at_text,
            source=self.source,
        )

    def land(
        self,
        item: bundles.Item,
        resource_bytes: bytes | None,
        findings: list[ValidationError],
    ) -> Landed:
        """The envelope line; `resource_bytes` is the resource's JSON (None for a deletion)."""
        event_id = self.item_event_id(item.entry)
        head = orjson.dumps(
            {
                "event_id": event_id,
                "resource_type": item.resource_type,
                "resource_id": item.resource_id,
                "version_id": item.version_id,
                "last_updated": item.last_updated,
                "received_at": self.received_at_text,
                "source": self.source,
                "source_position": source_position(self.position, item.entry),
                "deleted": resource_bytes is None,
                "findings": [finding.as_dict() for finding in findings],
                "original_references": item.original_references,
            }
        )
        line = (
            head[:-1] + b',"resource":' + (resource_bytes if resource_bytes is not None else b"null") + b"}"
        )
        return Landed(
            event_id,
            item.resource_type,
            self.received_at_text,
            line,
            resource_bytes is None,
            tuple(finding.code for finding in findings),
        )


def _one_line(raw: bytes) -> bytes:
    """A JSON text on one line: outside strings, CR and LF are whitespace, and inside a string JSON
    forbids them raw, so replacing them with spaces changes no value."""
    if b"\n" in raw or b"\r" in raw:
        return raw.replace(b"\r", b" ").replace(b"\n", b" ")
    return raw


def process_record(
    raw: bytes,
    *,
    event_id: str,
    source: str,
    received_at: datetime | None = None,
    position: str | int = 0,
) -> list[Outcome]:
    """Judge one raw record. `event_id` must be unique per delivered record; Bundle entries get `#<index>`.

    `position` orders records of one source (a file's line number, a Kinesis sequence number): with
    `received_at` it decides which delivery of a resource is the latest when `meta` is absent.
    """
    moment = received_at or datetime.now(UTC)
    delivery = Delivery(event_id, source, moment, format_instant(moment), str(position))
    decoded = decode(raw)
    if isinstance(decoded, ValidationError):
        return [delivery.quarantine([decoded], raw)]
    document = decoded.document
    if type(document) is dict and document.get("resourceType") == "Bundle":
        return bundles.unbundle(document, decoded, delivery)
    errors, findings = validate_resource(document, now=moment)
    item = None if errors else bundles.bare_item(document)
    if errors or item is None:
        return [delivery.quarantine(errors or [bundles.missing_id_error()], raw)]
    return [delivery.land(item, _one_line(decoded.text), findings)]
