"""The generator's knobs (`SynthOptions`), what a run reports back (`SynthSummary`), and the fixed calendar.

The calendar is fixed, not read from the clock: the same seed must give the same bytes on any day.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

# A FHIR resource as the generator builds it (a JSON object). Typed loosely on purpose: FHIR is nested JSON.
Resource = dict[str, Any]

DAY = 86_400
HOUR = 3_600
# Clinical activity happens in this window (epoch seconds, UTC, end exclusive).
WINDOW_START = 1_704_067_200  # 2024-01-01T00:00:00+00:00
WINDOW_END = 1_767_225_600  # 2026-01-01T00:00:00+00:00
# Nothing the generator writes is dated after this (meta.lastUpdated included): the feed was cut on this day.
LAST_UPDATED_MAX = 1_769_817_600  # 2026-01-31T00:00:00+00:00
# Ages (Safe Harbor's "over 89") are counted on the last day of the window.
AGE_REFERENCE_DAY = (WINDOW_END - DAY) // DAY


@dataclass(frozen=True)
class SynthOptions:
    """What to generate. Rates are probabilities in [0, 1); see docs/synthetic-data.md for what each counts."""

    patients: int = 1000
    seed: int = 42
    defect_rate: float = 0.01
    duplicate_rate: float = 0.02
    out_of_order_rate: float = 0.01
    update_rate: float = 0.05
    bundle_rate: float = 0.05

    def __post_init__(self) -> None:
        if self.patients < 1:
            raise ValueError("patients must be at least 1")
        rates = {
            "defect_rate": self.defect_rate,
            "duplicate_rate": self.duplicate_rate,
            "out_of_order_rate": self.out_of_order_rate,
            "update_rate": self.update_rate,
            "bundle_rate": self.bundle_rate,
        }
        for name, rate in rates.items():
            if not 0.0 <= rate < 1.0:
                raise ValueError(f"{name} must be in [0, 1), got {rate}")
        if self.update_rate + self.out_of_order_rate >= 1.0:
            raise ValueError("update_rate + out_of_order_rate must stay below 1")


@dataclass(frozen=True)
class SynthSummary:
    """Where the files went and the headline counts (the full truth is in expected.json)."""

    events_path: Path
    expected_path: Path
    patients: int
    records: int
    items: int
    expected_landed_items: int
    expected_quarantined_items: int
    seconds: float
