"""A fresh AWS stack on the moto server for one test (KMS key, landing and quarantine buckets, SQS DLQ and
on-failure queue, a two-shard KMS Kinesis stream), with clients and readers for what the handler wrote."""

from __future__ import annotations

import gzip
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import orjson

from aegis.ingest.kinesis.consumer import CheckpointFile, Consumer, SqsFailureDestination
from aegis.ingest.kinesis.dlq import SqsDeadLetters
from aegis.ingest.kinesis.handler import KinesisBatchHandler
from aegis.ingest.landing import S3Store

REGION = "us-east-1"


@dataclass
class Stack:
    """One test's AWS resources on the moto server, and clients for them."""

    endpoint: str
    s3: Any
    sqs: Any
    kinesis: Any
    key_id: str
    landing_bucket: str
    quarantine_bucket: str
    dlq_url: str
    failure_url: str
    stream: str

    def landing_store(self) -> S3Store:
        return S3Store(self.s3, self.landing_bucket, self.key_id)

    def quarantine_store(self) -> S3Store:
        return S3Store(self.s3, self.quarantine_bucket, self.key_id, prefix="quarantine/")

    def handler(self, s3: Any = None, sqs: Any = None) -> KinesisBatchHandler:
        """The production handler on this stack; `s3` / `sqs` replace the clients (fault injection)."""
        s3_client = s3 or self.s3
        return KinesisBatchHandler(
            S3Store(s3_client, self.landing_bucket, self.key_id),
            S3Store(s3_client, self.quarantine_bucket, self.key_id, prefix="quarantine/"),
            SqsDeadLetters(sqs or self.sqs, self.dlq_url),
        )

    def consumer(self, handler: Any, checkpoints: Path, **options: Any) -> Consumer:
        return Consumer(
            self.kinesis,
            self.stream,
            handler,
            CheckpointFile(checkpoints),
            on_failure=SqsFailureDestination(self.sqs, self.failure_url),
            sleep=lambda _seconds: None,
            **options,
        )

    def keys(self, bucket: str, prefix: str = "") -> list[str]:
        keys: list[str] = []
        for page in self.s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
            keys += [item["Key"] for item in page.get("Contents", [])]
        return sorted(keys)

    def landed_envelopes(self) -> list[dict[str, Any]]:
        envelopes: list[dict[str, Any]] = []
        for key in self.keys(self.landing_bucket, "fhir/"):
            body = self.s3.get_object(Bucket=self.landing_bucket, Key=key)["Body"].read()
            envelopes += [orjson.loads(line) for line in gzip.decompress(body).splitlines()]
        return envelopes

    def quarantine_documents(self) -> dict[str, dict[str, Any]]:
        documents: dict[str, dict[str, Any]] = {}
        for key in self.keys(self.quarantine_bucket, "quarantine/"):
            body = self.s3.get_object(Bucket=self.quarantine_bucket, Key=key)["Body"].read()
            documents[key.removeprefix("quarantine/")] = orjson.loads(gzip.decompress(body))
        return documents

    def messages(self, queue_url: str) -> list[str]:
        """Every body in the queue (received once, then left to reappear after the timeout)."""
        bodies: list[str] = []
        while True:
            batch = self.sqs.receive_message(
                QueueUrl=queue_url, MaxNumberOfMessages=10, VisibilityTimeout=600, WaitTimeSeconds=0
            ).get("Messages", [])
            if not batch:
                return bodies
            bodies += [message["Body"] for message in batch]

    def download_landing(self, root: Path) -> Path:
        """The landed S3 objects as a local landing folder (what dbt on DuckDB reads)."""
        for key in self.keys(self.landing_bucket, "fhir/"):
            path = root.joinpath(*key.split("/"))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(self.s3.get_object(Bucket=self.landing_bucket, Key=key)["Body"].read())
        return root


def build_stack(endpoint: str) -> Stack:
    """Fresh, uniquely named resources on the moto server (tests never share a bucket, queue or stream)."""

    def client(service: str) -> Any:
        return boto3.client(
            service,
            endpoint_url=endpoint,
            region_name=REGION,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )

    suffix = uuid.uuid4().hex[:10]
    s3, sqs, kinesis, kms = client("s3"), client("sqs"), client("kinesis"), client("kms")
    key_id = kms.create_key(Description="aegis test")["KeyMetadata"]["KeyId"]
    landing, quarantine = f"aegis-landing-{suffix}", f"aegis-quarantine-{suffix}"
    for bucket in (landing, quarantine):
        s3.create_bucket(Bucket=bucket)
    attributes = {"KmsMasterKeyId": key_id}
    dlq_url = sqs.create_queue(QueueName=f"aegis-dlq-{suffix}", Attributes=attributes)["QueueUrl"]
    failure_url = sqs.create_queue(QueueName=f"aegis-failures-{suffix}", Attributes=attributes)["QueueUrl"]
    stream = f"aegis-fhir-{suffix}"
    kinesis.create_stream(StreamName=stream, ShardCount=2)
    kinesis.start_stream_encryption(StreamName=stream, EncryptionType="KMS", KeyId=key_id)
    return Stack(endpoint, s3, sqs, kinesis, key_id, landing, quarantine, dlq_url, failure_url, stream)
