"""Property-based fuzzing of what the handler may receive: arbitrary bytes, deep nesting, huge strings,
wrong JSON types in valid resources, Unicode edge cases. Never a crash, never a retry (bad data is not
transient), always a reason from the contract, and no value of the payload in a DLQ message or log line.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aegis.ingest import examples
from aegis.ingest.errors import REASONS
from aegis.ingest.kinesis.handler import KinesisBatchHandler
from aegis.ingest.kinesis.records import lambda_event

ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/fuzz"
BUILDERS = [
    examples.patient,
    examples.encounter,
    examples.condition,
    examples.observation,
    examples.procedure,
    examples.medication_request,
    examples.coverage,
    examples.claim,
    examples.explanation_of_benefit,
]


class MemoryStore:
    def __init__(self) -> None:
        self.objects: dict[str, bytes] = {}

    def put(self, key: str, data: bytes, *, sensitive: bool) -> None:
        self.objects[key] = data


class MemoryDeadLetters:
    def __init__(self) -> None:
        self.sent: list[Mapping[str, Any]] = []

    def send(self, pointers: Sequence[Mapping[str, Any]]) -> set[str]:
        self.sent += pointers
        return set()


def _run(records: list[bytes]) -> tuple[KinesisBatchHandler, MemoryDeadLetters, dict[str, Any]]:
    dead_letters = MemoryDeadLetters()
    handler = KinesisBatchHandler(MemoryStore(), MemoryStore(), dead_letters)
    rows = [{"Data": data, "PartitionKey": "k", "SequenceNumber": str(n)} for n, data in enumerate(records)]
    response = handler.handle(lambda_event(ARN, "shardId-000000000000", rows))
    return handler, dead_letters, response


def _check(records: list[bytes], secret: str | None = None) -> None:
    handler, dead_letters, response = _run(records)
    metrics = handler.last_metrics
    assert response == {"batchItemFailures": []}
    assert metrics.records_in == len(records)
    assert metrics.items_in == metrics.landed + metrics.quarantined
    for pointer in dead_letters.sent:
        assert pointer["reason"] in REASONS
        assert pointer["errors"] and all(error["code"] in REASONS for error in pointer["errors"])
    if secret is not None:
        assert secret not in orjson.dumps(dead_letters.sent).decode()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.lists(st.binary(max_size=300), min_size=1, max_size=8))
def test_arbitrary_bytes_never_crash(records: list[bytes]) -> None:
    _check(records)


@FUZZ
@given(st.integers(min_value=0, max_value=8), st.sampled_from(BUILDERS), st.data())
def test_wrong_types_anywhere_in_a_valid_resource(depth: int, build: Any, data: st.DataObject) -> None:
    resource = build()
    node: Any = resource
    for _ in range(depth):
        keys = (
            list(node) if isinstance(node, dict) else list(range(len(node))) if isinstance(node, list) else []
        )
        if not keys:
            break
        key = data.draw(st.sampled_from(keys))
        if not isinstance(node[key], dict | list) or data.draw(st.booleans()):
            node[key] = data.draw(json_values)
            break
        node = node[key]
    _check([json.dumps(resource).encode()])  # json: a producer may send integers orjson cannot write


@FUZZ
@given(st.integers(min_value=1, max_value=3000), st.sampled_from(["[", '{"a":']))
def test_deep_nesting(depth: int, opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    _check([(opener * depth + "1" + closer * depth).encode()])


@FUZZ
@given(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=50), st.sampled_from(BUILDERS))
def test_unicode_edge_cases_in_values_never_leak(text: str, build: Any) -> None:
    resource = build()
    marker = f"§{text}§"
    resource["id"] = marker  # an invalid id: quarantined, and the id must not travel
    _check([orjson.dumps(resource)], secret=marker)


@pytest.mark.parametrize("size", [1 << 16, 1 << 20])
def test_huge_strings_are_quarantined_without_echoing_them(
    size: int, caplog: pytest.LogCaptureFixture
) -> None:
    huge = "Ω" + "x" * size
    patient = examples.patient()
    patient["gender"] = huge
    with caplog.at_level(logging.DEBUG):
        _check([orjson.dumps(patient), huge.encode()], secret=huge[:64])
    assert huge[:64] not in caplog.text


@pytest.mark.parametrize(
    "raw",
    [
        b"\xed\xa0\x80",  # a lone surrogate in UTF-8 form
        "\ufeff{}".encode(),  # a byte-order mark
        '{"resourceType":"Patient\u0000"}'.encode(),
        '{"resourceType":"Pat\u202eient"}'.encode(),  # right-to-left override
        b'{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Bundle"}}]}',
        b'{"resourceType":"Bundle","type":"transaction","entry":' + b"[" * 2000 + b"]" * 2000 + b"}",
        b"1e999999",
        b"-0",
        b"",
    ],
)
def test_unicode_and_json_edge_cases_have_a_reason(raw: bytes) -> None:
    _check([raw])


def test_a_poison_record_never_fails_its_batch_and_its_neighbours_land() -> None:
    """Records that once crashed the loader (300 levels of valid JSON, duplicate keys, a big integer where
    orjson gives up, junk) are quarantined and dead-lettered; the valid records around them land."""
    poison = [
        b'{"resourceType":"Patient","id":"a","extension":' + b"[" * 300 + b"]" * 300 + b"}",
        b'{"resourceType":"Patient","id":"a","gender":"male","gender":"female"}',
        b"\x00\xff" * 100,
        b'{"resourceType":"Observation","id":"o","status":"final","code":{"text":"x"},"valueInteger":'
        + str(2**70).encode()
        + b"}",
    ]
    neighbours = [orjson.dumps(build()) for build in BUILDERS[:3]]
    records = [neighbours[0], *poison[:2], neighbours[1], *poison[2:], neighbours[2]]
    handler, dead_letters, response = _run(records)
    assert response == {"batchItemFailures": []}
    metrics = handler.last_metrics
    assert (metrics.records_in, metrics.landed, metrics.quarantined) == (7, 3, 4)
    assert sorted(pointer["reason"] for pointer in dead_letters.sent) == [
        "duplicate_key",
        "invalid_type",
        "invalid_value",
        "malformed_json",
    ]
