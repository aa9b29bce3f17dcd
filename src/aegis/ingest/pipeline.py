"""The ingestion step shared by every entry point (local loader, Kinesis handler).

`Ingestor.ingest(raw, event_id=..., source=...)` judges one raw record, sends landed envelopes to the
buffered `LandingWriter` and quarantined items to the `QuarantineWriter`, and counts both, so that
in = landed + quarantined can be checked per batch and per run.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aegis.ingest.landing import LandingWriter, QuarantineWriter
from aegis.ingest.records import Landed, Outcome, Quarantined, process_record

log = logging.getLogger("aegis.ingest")


class UnbalancedCountsError(RuntimeError):
    """items in != landed + quarantined: an item was lost or counted twice (a bug, never bad data)."""


@dataclass
class IngestCounts:
    records_in: int = 0
    items_in: int = 0
    landed: int = 0
    quarantined: int = 0
    deleted: int = 0
    landed_by_type: Counter[str] = field(default_factory=Counter)
    quarantined_by_reason: Counter[str] = field(default_factory=Counter)
    findings_by_code: Counter[str] = field(default_factory=Counter)

    def check_balanced(self) -> None:
        if self.items_in != self.landed + self.quarantined:
            raise UnbalancedCountsError(
                f"items_in={self.items_in} != landed={self.landed} + quarantined={self.quarantined}"
            )

    def as_dict(self) -> dict[str, Any]:
        return {
            "records_in": self.records_in,
            "items_in": self.items_in,
            "landed": self.landed,
            "quarantined": self.quarantined,
            "deleted": self.deleted,
            "quarantined_by_reason": dict(sorted(self.quarantined_by_reason.items())),
            "landed_by_type": dict(sorted(self.landed_by_type.items())),
            "findings_by_code": dict(sorted(self.findings_by_code.items())),
        }

    def add(self, other: dict[str, Any]) -> None:
        """Add the counts of another batch (`as_dict()` form: what a worker process sends back)."""
        for name in ("records_in", "items_in", "landed", "quarantined", "deleted"):
            setattr(self, name, getattr(self, name) + other[name])
        self.landed_by_type.update(other["landed_by_type"])
        self.quarantined_by_reason.update(other["quarantined_by_reason"])
        self.findings_by_code.update(other["findings_by_code"])


QuarantineListener = Callable[[Quarantined, str], None]


class Ingestor:
    """Routes outcomes to the writers and keeps the counts. Call `finish()` at the end of a batch."""

    def __init__(
        self,
        landing: LandingWriter,
        quarantine: QuarantineWriter,
        on_quarantined: QuarantineListener | None = None,
    ) -> None:
        self.landing = landing
        self.quarantine = quarantine
        self.on_quarantined = on_quarantined
        self.counts = IngestCounts()

    def ingest(
        self,
        raw: bytes,
        *,
        event_id: str,
        source: str,
        received_at: datetime | None = None,
        position: str | int = 0,
    ) -> list[Outcome]:
        outcomes = process_record(
            raw, event_id=event_id, source=source, received_at=received_at, position=position
        )
        self.counts.records_in += 1
        for outcome in outcomes:
            self.route(outcome)
        return outcomes

    def route(self, outcome: Outcome) -> None:
        """Send one item's outcome to its writer and count it (`ingest` does this for every item)."""
        if not isinstance(outcome, Landed):
            self._quarantine(outcome)
            return
        counts = self.counts
        self.landing.add(outcome)
        counts.items_in += 1
        counts.landed += 1
        counts.landed_by_type[outcome.resource_type] += 1
        counts.deleted += outcome.deleted
        for code in outcome.finding_codes:
            counts.findings_by_code[code] += 1

    def count_quarantined(self, item: Quarantined) -> None:
        """Quarantine an item that never became a record (a truncated tail, an oversized line)."""
        self.counts.records_in += 1
        self._quarantine(item)

    def _quarantine(self, item: Quarantined) -> None:
        key = self.quarantine.write(item)
        self.counts.items_in += 1
        self.counts.quarantined += 1
        self.counts.quarantined_by_reason[item.reason] += 1
        # Codes and paths only: a value of the payload must never reach a log.
        log.debug("quarantined %s", item.pointer(key))
        if self.on_quarantined is not None:
            self.on_quarantined(item, key)

    def finish(self) -> IngestCounts:
        """Flush the landing buffers, check in = landed + quarantined, log the counts."""
        self.landing.flush()
        self.counts.check_balanced()
        log.info("ingest batch finished %s", self.counts.as_dict())
        return self.counts
