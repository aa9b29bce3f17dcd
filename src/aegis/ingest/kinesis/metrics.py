"""Per-batch counts as one structured JSON log line: CloudWatch Embedded Metric Format (EMF).

In Lambda, a log line with an `_aws` block becomes CloudWatch metrics with no API call (and no extra
latency); anywhere else it is still a plain JSON line. Only counts, durations, reason codes and the
stream/shard names go in: never an id or a value from a record.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import orjson

log = logging.getLogger("aegis.ingest.metrics")

NAMESPACE = "Aegis/Ingest"
_COUNT_METRICS = (
    "records_in",
    "items_in",
    "landed",
    "quarantined",
    "records_retried",
    "items_retried",
    "dlq_messages",
    "parts_written",
)


class UnbalancedBatchError(RuntimeError):
    """items in != landed + quarantined + retried: an item was lost or counted twice (a bug, never data)."""


@dataclass
class BatchMetrics:
    """What one handler invocation did. `retried` means reported in batchItemFailures (Kinesis redelivers)."""

    stream: str = ""
    shard_id: str = ""
    records_in: int = 0
    items_in: int = 0
    landed: int = 0
    quarantined: int = 0
    records_retried: int = 0
    items_retried: int = 0
    dlq_messages: int = 0
    parts_written: int = 0
    quarantined_by_reason: Counter[str] = field(default_factory=Counter)
    retried_by_cause: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    oldest_record_age_seconds: float | None = None

    def check_balanced(self) -> None:
        if self.items_in != self.landed + self.quarantined + self.items_retried:
            raise UnbalancedBatchError(
                f"items_in={self.items_in} != landed={self.landed} + quarantined={self.quarantined} "
                f"+ retried={self.items_retried}"
            )

    def as_dict(self) -> dict[str, Any]:
        return {
            "stream": self.stream,
            "shard_id": self.shard_id,
            **{name: getattr(self, name) for name in _COUNT_METRICS},
            "quarantined_by_reason": dict(sorted(self.quarantined_by_reason.items())),
            "retried_by_cause": dict(sorted(self.retried_by_cause.items())),
            "latency_ms": round(self.seconds * 1000, 3),
            "oldest_record_age_ms": (
                None
                if self.oldest_record_age_seconds is None
                else round(self.oldest_record_age_seconds * 1000)
            ),
        }

    def emf_document(self, now: float | None = None) -> dict[str, Any]:
        """The log line: counts at the top level plus the EMF block that declares which are metrics."""
        metrics = [{"Name": name, "Unit": "Count"} for name in _COUNT_METRICS]
        metrics += [{"Name": "latency_ms", "Unit": "Milliseconds"}]
        if self.oldest_record_age_seconds is not None:
            metrics += [{"Name": "oldest_record_age_ms", "Unit": "Milliseconds"}]
        document = self.as_dict()
        if document["oldest_record_age_ms"] is None:
            del document["oldest_record_age_ms"]
        return {
            "_aws": {
                "Timestamp": int((time.time() if now is None else now) * 1000),
                "CloudWatchMetrics": [
                    {"Namespace": NAMESPACE, "Dimensions": [["stream"]], "Metrics": metrics}
                ],
            },
            "event": "aegis.ingest.batch",
            **document,
        }


def emit(metrics: BatchMetrics) -> str:
    """Log the batch as one JSON line (returned too, for callers that print it)."""
    line = orjson.dumps(metrics.emf_document()).decode()
    log.info(line)
    return line
