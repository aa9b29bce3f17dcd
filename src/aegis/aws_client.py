"""boto3 clients that give up in seconds: bounded connect and read timeouts, few retries.

botocore's defaults (60 s connect, 60 s read, legacy retries) let a command wait minutes on an endpoint that
does not answer; every Aegis command that talks to AWS builds its client here.
"""

from __future__ import annotations

from typing import Any

CONNECT_TIMEOUT_SECONDS = 5
READ_TIMEOUT_SECONDS = 20
MAX_ATTEMPTS = 3  # the first call and two retries ("standard" mode: exponential backoff with jitter)
PROBE_READ_TIMEOUT_SECONDS = 8


def client_config(read_timeout: int = READ_TIMEOUT_SECONDS, attempts: int = MAX_ATTEMPTS) -> Any:
    from botocore.config import Config

    return Config(
        connect_timeout=CONNECT_TIMEOUT_SECONDS,
        read_timeout=read_timeout,
        retries={"total_max_attempts": attempts, "mode": "standard"},
    )


def bounded_client(
    service: str,
    endpoint_url: str | None,
    region: str,
    *,
    read_timeout: int = READ_TIMEOUT_SECONDS,
    attempts: int = MAX_ATTEMPTS,
) -> Any:
    import boto3

    config = client_config(read_timeout, attempts)
    return boto3.client(service, endpoint_url=endpoint_url, region_name=region, config=config)


def probe_stream(stream: str, endpoint_url: str | None, region: str) -> None:
    """One quick call (about 20 s at worst) so that a stream nobody answers for fails before any sending.

    Raises botocore's errors: NoCredentialsError, EndpointConnectionError, ReadTimeoutError, ClientError
    (ResourceNotFoundException for a stream that does not exist).
    """
    client = bounded_client(
        "kinesis", endpoint_url, region, read_timeout=PROBE_READ_TIMEOUT_SECONDS, attempts=2
    )
    client.describe_stream_summary(StreamName=stream)
