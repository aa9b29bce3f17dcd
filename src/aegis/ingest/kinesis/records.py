"""Kinesis records as the handler sees them: the Lambda event shape, and the ids the landing contract wants.

A Lambda event source mapping delivers `{"Records": [{"kinesis": {"data": <base64>, "sequenceNumber": ...,
"partitionKey": ..., "approximateArrivalTimestamp": ...}, "eventID": "<shard id>:<sequence number>",
"eventSourceARN": "arn:aws:kinesis:<region>:<account>:stream/<name>", ...}]}`. `aegis ingest consume` builds
the same shape from `get_records`, so both paths run exactly the same handler code.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class StreamRecord:
    """One Kinesis record: where it sits in the stream and its bytes."""

    stream: str
    shard_id: str
    sequence_number: str
    partition_key: str
    data: bytes
    arrived_at: float | None = None

    @property
    def event_id(self) -> str:
        """Landing contract: `<stream>:<shard id>:<sequence number>` (unique per delivered record)."""
        return f"{self.stream}:{self.shard_id}:{self.sequence_number}"

    @property
    def source(self) -> str:
        """Landing contract: `kinesis:<stream>/<shard id>:<sequence number>`."""
        return f"kinesis:{self.stream}/{self.shard_id}:{self.sequence_number}"


def _decode_data(data: str) -> bytes:
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        # Not base64 (a hand-made event): judge the text itself; it will be quarantined, not crash the batch.
        return data.encode("utf-8", errors="surrogateescape")


def stream_name(arn: str) -> str:
    """`arn:aws:kinesis:us-east-1:123456789012:stream/aegis-fhir` -> `aegis-fhir`."""
    return arn.rsplit("/", 1)[-1]


def from_lambda_event(event: Mapping[str, Any]) -> list[StreamRecord]:
    """The records of a Lambda Kinesis event, in delivery order."""
    records: list[StreamRecord] = []
    for entry in event.get("Records", []):
        kinesis = entry["kinesis"]
        sequence = str(kinesis["sequenceNumber"])
        shard_id = str(entry.get("eventID", "")).split(":", 1)[0] or "shardId-unknown"
        arrived = kinesis.get("approximateArrivalTimestamp")
        records.append(
            StreamRecord(
                stream=stream_name(str(entry.get("eventSourceARN", "stream/unknown"))),
                shard_id=shard_id,
                sequence_number=sequence,
                partition_key=str(kinesis.get("partitionKey", "")),
                data=_decode_data(str(kinesis["data"])),
                arrived_at=float(arrived) if arrived is not None else None,
            )
        )
    return records


def _epoch_seconds(value: Any) -> float | None:
    if isinstance(value, datetime):
        return value.timestamp()
    return float(value) if isinstance(value, int | float) else None


def lambda_event(stream_arn: str, shard_id: str, records: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The Lambda event for `get_records` output (boto3 shape: `Data` bytes, `SequenceNumber`, ...)."""
    region = stream_arn.split(":")[3] if stream_arn.count(":") >= 5 else "us-east-1"
    return {
        "Records": [
            {
                "kinesis": {
                    "kinesisSchemaVersion": "1.0",
                    "partitionKey": record["PartitionKey"],
                    "sequenceNumber": record["SequenceNumber"],
                    "data": base64.b64encode(record["Data"]).decode("ascii"),
                    "approximateArrivalTimestamp": _epoch_seconds(record.get("ApproximateArrivalTimestamp")),
                },
                "eventSource": "aws:kinesis",
                "eventVersion": "1.0",
                "eventID": f"{shard_id}:{record['SequenceNumber']}",
                "eventName": "aws:kinesis:record",
                "awsRegion": region,
                "eventSourceARN": stream_arn,
            }
            for record in records
        ]
    }
