"""Which exceptions are transient: the record is retried (batchItemFailures), never quarantined.

A storage or queue call that failed (an S3 or SQS error, a connection reset, a timeout) says nothing about
the record, so Kinesis must deliver it again. Anything else raised by the handler is a bug: the invocation
fails as a whole and the event source mapping retries, then bisects, the batch.
"""

from __future__ import annotations

from botocore.exceptions import BotoCoreError, ClientError

TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (ClientError, BotoCoreError, OSError, TimeoutError)


def describe(error: BaseException) -> str:
    """A cause for logs and metrics: the AWS error code or the exception class, never its message
    (a message may quote a key, and keys hold event ids, not PHI, but we keep log lines uniform)."""
    if isinstance(error, ClientError):
        return str(error.response.get("Error", {}).get("Code", "ClientError"))
    return type(error).__name__
