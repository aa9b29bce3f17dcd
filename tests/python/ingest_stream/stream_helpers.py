"""Shared by the streaming tests: synthetic events, the sum of per-batch metrics, the PHI-free checks."""

from __future__ import annotations

import gzip
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from aegis.ingest.kinesis.handler import BatchResponse, KinesisBatchHandler
from aegis.ingest.kinesis.metrics import BatchMetrics
from aegis.synth import SynthOptions, generate

# Every defect reason in a few dozen patients; many versions and bundles so that dedupe has work to do.
STREAM_OPTIONS = SynthOptions(
    patients=30,
    seed=23,
    defect_rate=0.08,
    duplicate_rate=0.1,
    out_of_order_rate=0.2,
    update_rate=0.2,
    bundle_rate=0.3,
)
# What a DLQ message may hold: pointer keys, and inside `errors` only codes and paths.
MESSAGE_KEYS = {"kind", "event_id", "reason", "quarantine_key", "errors", "errors_truncated"}


@dataclass
class Events:
    lines: list[bytes]
    expected: dict[str, Any]


def synthetic_events(out: Path, options: SynthOptions = STREAM_OPTIONS) -> Events:
    summary = generate(options, out, progress=False)
    lines = gzip.decompress(summary.events_path.read_bytes()).splitlines()
    return Events(lines, orjson.loads(summary.expected_path.read_bytes()))


class RecordingHandler:
    """The real handler, keeping every batch's metrics and response (the test reads them back)."""

    def __init__(self, handler: KinesisBatchHandler) -> None:
        self.handler = handler
        self.metrics: list[BatchMetrics] = []
        self.responses: list[BatchResponse] = []

    def __call__(self, event: Any, context: Any = None) -> BatchResponse:
        response = self.handler.handle(event, context)
        self.metrics.append(self.handler.last_metrics)
        self.responses.append(response)
        return response

    def total(self, name: str) -> int:
        return sum(int(getattr(metrics, name)) for metrics in self.metrics)

    def quarantined_by_reason(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for metrics in self.metrics:
            total.update(metrics.quarantined_by_reason)
        return total


def string_values(value: Any) -> set[str]:
    """Every string leaf of a JSON value (the candidates for a leaked payload value)."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(string_values(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(string_values(v) for v in value)) if value else set()
    return set()


def payload_values(document: dict[str, Any]) -> set[str]:
    """Identifying-looking values of a quarantined payload: strings of 5+ characters that are not a
    resource type name (a path like `Patient.gender` legitimately names the type)."""
    try:
        payload = orjson.loads(document["payload"])
    except orjson.JSONDecodeError:
        return set()
    return {v for v in string_values(payload) if len(v) >= 5 and not v.isalpha()}
