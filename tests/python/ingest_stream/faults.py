"""Fault injection around real clients: the call reaches moto unless a rule says it fails, and then it
fails the way AWS fails (a botocore ClientError, a per-entry failure), so the code under test cannot tell."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from botocore.exceptions import ClientError


def client_error(code: str, operation: str) -> ClientError:
    return ClientError({"Error": {"Code": code, "Message": "injected by the test"}}, operation)


class FlakyS3:
    """put_object fails (SlowDown) for keys that `fail_when` picks, at most `times` times (None: always)."""

    def __init__(self, client: Any, fail_when: Callable[[str], bool], times: int | None = 1) -> None:
        self.client = client
        self.fail_when = fail_when
        self.remaining = times
        self.failures = 0

    def put_object(self, **kwargs: Any) -> Any:
        if self.fail_when(kwargs["Key"]) and (self.remaining is None or self.remaining > 0):
            if self.remaining is not None:
                self.remaining -= 1
            self.failures += 1
            raise client_error("SlowDown", "PutObject")
        return self.client.put_object(**kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.client, name)


class FlakySqs:
    """send_message_batch: the first `fail_entries` entries of the next call are reported Failed
    (as SQS does), or the whole call raises when `raise_calls` > 0."""

    def __init__(self, client: Any, *, fail_entries: int = 0, raise_calls: int = 0) -> None:
        self.client = client
        self.fail_entries = fail_entries
        self.raise_calls = raise_calls

    def send_message_batch(self, *, QueueUrl: str, Entries: list[dict[str, Any]]) -> Any:
        if self.raise_calls > 0:
            self.raise_calls -= 1
            raise client_error("ServiceUnavailable", "SendMessageBatch")
        refused, self.fail_entries = Entries[: self.fail_entries], max(0, self.fail_entries - len(Entries))
        accepted = Entries[len(refused) :]
        response = self.client.send_message_batch(QueueUrl=QueueUrl, Entries=accepted) if accepted else {}
        failed = [{"Id": e["Id"], "SenderFault": False, "Code": "InternalError"} for e in refused]
        return {"Successful": response.get("Successful", []), "Failed": failed}

    def __getattr__(self, name: str) -> Any:
        return getattr(self.client, name)


class ThrottlingKinesis:
    """put_records: records whose line `refuse(line, attempt)` picks are not sent and come back with
    ProvisionedThroughputExceededException, as Kinesis answers when a shard is over its limit."""

    def __init__(self, client: Any, refuse: Callable[[bytes, int], bool]) -> None:
        self.client = client
        self.refuse = refuse
        self.calls = 0

    def put_records(self, *, StreamName: str, Records: list[dict[str, Any]]) -> Any:
        self.calls += 1
        refused = [self.refuse(record["Data"], self.calls) for record in Records]
        sent = [record for record, no in zip(Records, refused, strict=True) if not no]
        answers = iter(
            self.client.put_records(StreamName=StreamName, Records=sent)["Records"] if sent else []
        )
        results = [
            {"ErrorCode": "ProvisionedThroughputExceededException", "ErrorMessage": "Rate exceeded"}
            if no
            else next(answers)
            for no in refused
        ]
        return {"FailedRecordCount": sum(refused), "Records": results}

    def __getattr__(self, name: str) -> Any:
        return getattr(self.client, name)
