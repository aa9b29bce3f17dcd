"""The truth about a generated file, counted while it is written (no PHI: counts only).

Counting as we go keeps memory flat: every valid resource is generated once with all its versions, so
distinct ids and distinct (id, versionId) pairs are simple counters, not sets.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from aegis.synth.options import SynthOptions


@dataclass
class Tally:
    records: int = 0
    items: int = 0
    landed_items: int = 0
    quarantined_items: int = 0
    quarantined_by_reason: Counter[str] = field(default_factory=Counter)
    latest_resources: Counter[str] = field(default_factory=Counter)
    distinct_versions: Counter[str] = field(default_factory=Counter)
    eob_items: int = 0
    duplicate_records: int = 0
    updated_resources: int = 0
    out_of_order_resources: int = 0
    bundles: Counter[str] = field(default_factory=Counter)
    bundled_items: int = 0
    cohorts: Counter[str] = field(default_factory=Counter)
    deleted_resources: Counter[str] = field(default_factory=Counter)

    def valid_record(self, items: int = 1) -> None:
        self.records += 1
        self.items += items
        self.landed_items += items

    def defective_record(self, reason: str) -> None:
        self.records += 1
        self.items += 1
        self.quarantined_items += 1
        self.quarantined_by_reason[reason] += 1

    def deletion(self, resource_type: str) -> None:
        """A resource delivered earlier is deleted: it no longer counts among the latest resources."""
        self.latest_resources[resource_type] -= 1
        self.deleted_resources[resource_type] += 1

    def resource(self, resource_type: str, versions: int) -> None:
        self.latest_resources[resource_type] += 1
        self.distinct_versions[resource_type] += versions

    def expected(self, options: SynthOptions) -> dict[str, Any]:
        return {
            "seed": options.seed,
            "options": asdict(options),
            "records": self.records,
            "items": self.items,
            "expected_landed_items": self.landed_items,
            "expected_quarantined_items": self.quarantined_items,
            "quarantined_by_reason": dict(sorted(self.quarantined_by_reason.items())),
            "latest_resources": dict(sorted(self.latest_resources.items())),
            "distinct_versions": dict(sorted(self.distinct_versions.items())),
            "eob_items": self.eob_items,
            "duplicate_records": self.duplicate_records,
            "updated_resources": self.updated_resources,
            "out_of_order_resources": self.out_of_order_resources,
            "bundles": dict(sorted(self.bundles.items())),
            "bundled_items": self.bundled_items,
            "cohorts": dict(sorted(self.cohorts.items())),
            "deleted_resources": dict(sorted(self.deleted_resources.items())),
        }
