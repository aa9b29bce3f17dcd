"""One raw producer record (bytes) -> outcomes: `Landed(envelope)` or `Quarantined(...)`.

Decode (orjson) -> unbundle -> validate -> wrap in the landing envelope (docs/landing-contract.md).
Every item of a record gets exactly one outcome: a resource is one item, a Bundle is one item per entry
(or one item when the Bundle itself is unusable). Nothing here raises on bad input.

- collection Bundle: entries are judged one by one (`<event_id>#<entry index>`).
- transaction Bundle: all or nothing; when one entry is invalid, every entry is quarantined, the valid
  ones under `transaction_rolled_back`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson

from aegis.ingest.errors import (
    INVALID_CODE,
    INVALID_TYPE,
    MALFORMED_JSON,
    MISSING_REQUIRED,
    TRANSACTION_ROLLED_BACK,
    ValidationError,
    primary_reason,
)
from aegis.ingest.validate import BUNDLE_TYPES, resource_type_errors, validate_resource

ENVELOPE_FIELDS = (
    "event_id",
    "resource_type",
    "resource_id",
    "version_id",
    "last_updated",
    "received_at",
    "source",
    "resource",
)


@dataclass(frozen=True, slots=True)
class Landed:
    """A valid resource wrapped in its landing envelope (keys: ENVELOPE_FIELDS, in that order)."""

    envelope: dict[str, Any]

    @property
    def resource_type(self) -> str:
        return str(self.envelope["resource_type"])

    @property
    def event_id(self) -> str:
        return str(self.envelope["event_id"])


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


@dataclass(frozen=True, slots=True)
class _Delivery:
    event_id: str
    source: str
    received_at: datetime
    received_at_text: str

    def quarantine(self, errors: list[ValidationError], payload: bytes, suffix: str = "") -> Quarantined:
        return Quarantined(
            event_id=self.event_id + suffix,
            reason=primary_reason(errors),
            errors=tuple(errors),
            payload_bytes=payload,
            received_at=self.received_at_text,
            source=self.source,
        )

    def land(self, resource: dict[str, Any], suffix: str = "") -> Landed:
        meta = resource["meta"]
        return Landed(
            {
                "event_id": self.event_id + suffix,
                "resource_type": resource["resourceType"],
                "resource_id": resource["id"],
                "version_id": meta["versionId"],
                "last_updated": meta["lastUpdated"],
                "received_at": self.received_at_text,
                "source": self.source,
                "resource": resource,
            }
        )


def process_record(
    raw: bytes, *, event_id: str, source: str, received_at: datetime | None = None
) -> list[Outcome]:
    """Judge one raw record. `event_id` must be unique per delivered record; entries get `#<index>`."""
    moment = received_at or datetime.now(UTC)
    delivery = _Delivery(event_id, source, moment, format_instant(moment))
    try:
        document = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return [delivery.quarantine([ValidationError(MALFORMED_JSON, "Resource")], raw)]
    if isinstance(document, dict) and document.get("resourceType") == "Bundle":
        return _unbundle(document, raw, delivery)
    errors = validate_resource(document, now=moment)
    if errors:
        return [delivery.quarantine(errors, raw)]
    return [delivery.land(document)]


def _bundle_errors(bundle: dict[str, Any]) -> list[ValidationError]:
    bundle_type = bundle.get("type")
    entries = bundle.get("entry")
    errors = resource_type_errors(bundle_type, "Bundle.type")
    if not errors and bundle_type not in BUNDLE_TYPES:
        errors.append(ValidationError(INVALID_CODE, "Bundle.type"))
    if entries is None or entries == []:
        errors.append(ValidationError(MISSING_REQUIRED, "Bundle.entry"))
    elif not isinstance(entries, list):
        errors.append(ValidationError(INVALID_TYPE, "Bundle.entry"))
    return errors


def _entry_errors(entry: object, index: int, now: datetime) -> list[ValidationError]:
    path = f"Bundle.entry[{index}]"
    if not isinstance(entry, dict):
        return [ValidationError(MISSING_REQUIRED if entry is None else INVALID_TYPE, path)]
    resource = entry.get("resource")
    if resource is None:
        return [ValidationError(MISSING_REQUIRED, f"{path}.resource")]
    # A nested Bundle is not one of the profile's resource types: unsupported_resource_type.
    return validate_resource(resource, now=now)


def _entry_payload(entry: object) -> bytes:
    resource = entry.get("resource", entry) if isinstance(entry, dict) else entry
    return orjson.dumps(resource)


def _unbundle(bundle: dict[str, Any], raw: bytes, delivery: _Delivery) -> list[Outcome]:
    bundle_errors = _bundle_errors(bundle)
    if bundle_errors:
        return [delivery.quarantine(bundle_errors, raw)]
    entries: list[Any] = bundle["entry"]
    judged = [_entry_errors(entry, index, delivery.received_at) for index, entry in enumerate(entries)]
    rolled_back = bundle["type"] == "transaction" and any(judged)
    outcomes: list[Outcome] = []
    for index, (entry, errors) in enumerate(zip(entries, judged, strict=True)):
        suffix = f"#{index}"
        if errors:
            outcomes.append(delivery.quarantine(errors, _entry_payload(entry), suffix))
        elif rolled_back:
            rollback = [ValidationError(TRANSACTION_ROLLED_BACK, f"Bundle.entry[{index}]")]
            outcomes.append(delivery.quarantine(rollback, _entry_payload(entry), suffix))
        else:
            outcomes.append(delivery.land(entry["resource"], suffix))
    return outcomes
