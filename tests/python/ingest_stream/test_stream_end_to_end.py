"""Produce -> Kinesis (moto) -> consume through the Lambda handler -> S3 landing / quarantine / SQS DLQ.

The generator's expected.json is the truth: every item lands or is quarantined, exactly, every defect
under its reason, no DLQ message carries a payload value, and after `dbt build` on DuckDB duplicates
collapse to one staging row per resource and the latest version wins.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import orjson
import pytest
from stream_helpers import (
    MESSAGE_KEYS,
    RecordingHandler,
    payload_values,
    synthetic_events,
)
from stream_stack import build_stack

from aegis.ingest.kinesis.producer import Producer

STAGING_MODELS = {
    "Patient": ("stg_fhir__patients", "patient_id"),
    "Coverage": ("stg_fhir__coverages", "coverage_id"),
    "Encounter": ("stg_fhir__encounters", "encounter_id"),
    "Condition": ("stg_fhir__conditions", "condition_id"),
    "Observation": ("stg_fhir__observations", "observation_id"),
    "Procedure": ("stg_fhir__procedures", "procedure_id"),
    "MedicationRequest": ("stg_fhir__medication_requests", "medication_request_id"),
    "Claim": ("stg_fhir__claims", "claim_id"),
    "ExplanationOfBenefit": ("stg_fhir__explanation_of_benefits", "explanation_of_benefit_id"),
}


@pytest.fixture(scope="module")
def streamed(tmp_path_factory: pytest.TempPathFactory, moto_endpoint: str) -> dict[str, Any]:
    """One full run, shared by the assertions below (a stream run is the expensive part)."""
    stack = build_stack(moto_endpoint)
    tmp = tmp_path_factory.mktemp("stream")
    events = synthetic_events(tmp / "synth")
    produced = Producer(stack.kinesis, stack.stream).send(enumerate(events.lines, start=1))
    handler = RecordingHandler(stack.handler())
    consumed = stack.consumer(handler, tmp / "checkpoints.json", batch_size=100).run()
    return {"stack": stack, "events": events, "produced": produced, "consumed": consumed, "handler": handler}


def test_every_record_is_produced_and_consumed_once(streamed: dict[str, Any]) -> None:
    events, produced, consumed = streamed["events"], streamed["produced"], streamed["consumed"]
    assert produced.sent == len(events.lines) == events.expected["records"]
    assert produced.failed == []
    assert len(produced.shards) == 2, "partition keys spread patients over both shards"
    assert consumed.records == len(events.lines)
    assert consumed.redelivered == consumed.skipped == 0


def test_in_equals_landed_plus_quarantined_exactly(streamed: dict[str, Any]) -> None:
    stack, expected, handler = streamed["stack"], streamed["events"].expected, streamed["handler"]
    assert handler.total("records_in") == expected["records"]
    assert handler.total("items_in") == expected["items"]
    assert handler.total("landed") == expected["expected_landed_items"]
    assert handler.total("quarantined") == expected["expected_quarantined_items"]
    assert handler.total("records_retried") == 0
    envelopes = stack.landed_envelopes()
    assert len(envelopes) == expected["expected_landed_items"]
    assert len({e["event_id"] for e in envelopes}) == len(envelopes)
    assert len(stack.quarantine_documents()) == expected["expected_quarantined_items"]


def test_every_defect_is_quarantined_under_its_reason(streamed: dict[str, Any]) -> None:
    stack, expected, handler = streamed["stack"], streamed["events"].expected, streamed["handler"]
    assert set(expected["quarantined_by_reason"]) >= {
        "malformed_json",
        "duplicate_key",
        "unknown_resource_type",
        "unknown_element",
        "missing_required",
        "invalid_type",
        "invalid_value",
    }, "the fixture must exercise every defect reason"
    assert dict(handler.quarantined_by_reason()) == expected["quarantined_by_reason"]
    documents = stack.quarantine_documents()
    by_folder = Counter(key.split("/")[0] for key in documents)
    assert dict(by_folder) == expected["quarantined_by_reason"]
    for key, document in documents.items():
        assert key.split("/")[0] == document["reason"]
        assert document["source"].startswith(f"kinesis:{stack.stream}/shardId-")


def test_landing_objects_follow_the_contract_and_are_kms_encrypted(streamed: dict[str, Any]) -> None:
    stack = streamed["stack"]
    for bucket, prefix in ((stack.landing_bucket, "fhir/"), (stack.quarantine_bucket, "quarantine/")):
        for key in stack.keys(bucket, prefix):
            head = stack.s3.head_object(Bucket=bucket, Key=key)
            assert head["ServerSideEncryption"] == "aws:kms"
    for envelope in stack.landed_envelopes():
        stream, shard, sequence = envelope["event_id"].split("#")[0].split(":")
        assert stream == stack.stream and shard.startswith("shardId-") and sequence.isdigit()
        assert envelope["source"] == f"kinesis:{stream}/{shard}:{sequence}"


def test_dlq_messages_point_at_quarantine_and_hold_no_payload_value(streamed: dict[str, Any]) -> None:
    stack, expected = streamed["stack"], streamed["events"].expected
    bodies = stack.messages(stack.dlq_url)
    assert len(bodies) == expected["expected_quarantined_items"]
    documents = stack.quarantine_documents()
    leaked: set[str] = set()
    for body in bodies:
        message = orjson.loads(body)
        assert set(message) <= MESSAGE_KEYS
        assert all(set(error) == {"code", "path"} for error in message["errors"])
        document = documents[message["quarantine_key"]]
        assert message["event_id"] == document["event_id"]
        assert message["reason"] == document["reason"]
        leaked |= {value for value in payload_values(document) if value in body}
    assert leaked == set()
    assert stack.messages(stack.failure_url) == []


@pytest.mark.slow
def test_duplicates_collapse_and_the_latest_version_wins_after_dbt_build(
    streamed: dict[str, Any], run_dbt: Any, tmp_path: Path
) -> None:
    stack, expected = streamed["stack"], streamed["events"].expected
    landing = stack.download_landing(tmp_path / "landing")
    result = run_dbt(
        "build",
        "--select",
        "+path:models/staging/fhir",  # with the seeds the Part 2 mark reads
        "--warn-error",
        # One thread: the machine is shared, and governance post-hooks once raced on DuckDB schemas.
        "--threads",
        "1",
        env={"AEGIS_LANDING_DIR": str(landing), "AEGIS_DATA_DIR": str(tmp_path / "data")},
    )
    assert result.returncode == 0, result.stdout[-4000:]
    # Envelopes without meta (as Bulk Data sends them) are version 1; deleted resources leave staging.
    newest: dict[tuple[str, str], int] = {}
    deleted: set[tuple[str, str]] = set()
    for envelope in stack.landed_envelopes():
        key = (envelope["resource_type"], envelope["resource_id"])
        if envelope["deleted"]:
            deleted.add(key)
            continue
        newest[key] = max(newest.get(key, 0), int(envelope["version_id"] or 1))
    with duckdb.connect(str(tmp_path / "aegis.duckdb"), read_only=True) as warehouse:
        for resource_type, (model, id_column) in STAGING_MODELS.items():
            rows = warehouse.execute(f"select {id_column}, version_id from main_staging.{model}").fetchall()
            assert len(rows) == expected["latest_resources"][resource_type], model
            assert len({row[0] for row in rows}) == len(rows), f"{model}: one row per resource"
            for resource_id, version in rows:
                assert (resource_type, resource_id) not in deleted, f"{model}: a deleted resource is gone"
                assert int(version or 1) == newest[(resource_type, resource_id)], (
                    f"{model}: latest version wins"
                )
