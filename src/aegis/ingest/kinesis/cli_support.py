"""What `aegis ingest produce | consume | replay-dlq` do, behind the thin typer commands in aegis.cli.

Stores: S3 when a bucket is given (SSE-KMS with `--kms-key-id`), else the local landing and quarantine
folders of `Paths` (the local default runs the very same handler). Output is counts only.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from aegis.ingest.kinesis.consumer import CheckpointFile, Consumer, SqsFailureDestination
from aegis.ingest.kinesis.dlq import SqsDeadLetters, replay_dead_letters
from aegis.ingest.kinesis.handler import KinesisBatchHandler
from aegis.ingest.kinesis.producer import Producer
from aegis.ingest.landing import LocalStore, S3Store, Store
from aegis.paths import Paths


@dataclass(frozen=True)
class AwsOptions:
    endpoint_url: str | None
    region: str

    def client(self, service: str) -> Any:
        import boto3

        return boto3.client(service, endpoint_url=self.endpoint_url, region_name=self.region)


@dataclass(frozen=True)
class StoreOptions:
    bucket: str | None
    quarantine_bucket: str | None
    quarantine_prefix: str
    kms_key_id: str | None

    def stores(self, aws: AwsOptions) -> tuple[Store, Store]:
        if not self.bucket:
            paths = Paths.from_env()
            return LocalStore(paths.landing_dir), LocalStore(paths.quarantine_dir)
        return self.landing_s3(aws), self.quarantine_s3(aws)

    def _key(self) -> str:
        if not self.kms_key_id:
            raise ValueError("--kms-key-id (or AEGIS_KMS_KEY_ID) is required with --bucket: PHI is SSE-KMS")
        return self.kms_key_id

    def landing_s3(self, aws: AwsOptions) -> S3Store:
        return S3Store(aws.client("s3"), self._require_bucket(), self._key())

    def quarantine_s3(self, aws: AwsOptions) -> S3Store:
        bucket = self.quarantine_bucket or self._require_bucket()
        return S3Store(aws.client("s3"), bucket, self._key(), prefix=self.quarantine_prefix)

    def _require_bucket(self) -> str:
        if not self.bucket:
            raise ValueError("--bucket (or AEGIS_LANDING_BUCKET) is required")
        return self.bucket


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as handle:
        for number, line in enumerate(handle, start=1):
            yield number, line.rstrip(b"\r\n")


def _count_lines(path: Path) -> int:
    return sum(1 for _ in _lines(path))


def produce(stream: str, events: Path | None, aws: AwsOptions, console: Console) -> int:
    path = events or Paths.from_env().synth_dir / "events.ndjson.gz"
    if not path.is_file():
        console.print(f"[red]no events file at {path}[/red] (run `aegis synth` first, or pass --events)")
        return 2
    producer = Producer(aws.client("kinesis"), stream)
    with Progress(
        TextColumn("producing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("produce", total=_count_lines(path))
        report = producer.send(_lines(path), on_progress=lambda n: bar.advance(task, n))
    console.print_json(orjson.dumps(report.as_dict()).decode())
    for failed in report.failed[:20]:
        console.print(f"[red]not sent[/red]: line {failed.line} ({failed.error_code})")
    return 1 if report.failed else 0


def consume(
    stream: str,
    stores: StoreOptions,
    aws: AwsOptions,
    *,
    dlq_url: str | None,
    failure_url: str | None,
    checkpoints: Path | None,
    batch_size: int,
    max_retry_attempts: int,
    max_batches: int | None,
    console: Console,
) -> int:
    landing, quarantine = stores.stores(aws)
    dead_letters = SqsDeadLetters(aws.client("sqs"), dlq_url) if dlq_url else None
    handler = KinesisBatchHandler(landing, quarantine, dead_letters)
    consumer = Consumer(
        aws.client("kinesis"),
        stream,
        handler,
        CheckpointFile(checkpoints or Paths.from_env().data_dir / "kinesis-checkpoints.json"),
        batch_size=batch_size,
        max_retry_attempts=max_retry_attempts,
        on_failure=SqsFailureDestination(aws.client("sqs"), failure_url) if failure_url else None,
    )
    report = consumer.run(max_batches=max_batches)
    console.print_json(orjson.dumps(report.as_dict()).decode())
    return 0


def replay(
    dlq_url: str,
    stores: StoreOptions,
    aws: AwsOptions,
    *,
    reason: str | None,
    dry_run: bool,
    console: Console,
) -> int:
    report = replay_dead_letters(
        aws.client("sqs"),
        dlq_url,
        stores.quarantine_s3(aws),
        stores.landing_s3(aws),
        reason=reason,
        dry_run=dry_run,
    )
    console.print_json(orjson.dumps(report.as_dict()).decode())
    return 0
