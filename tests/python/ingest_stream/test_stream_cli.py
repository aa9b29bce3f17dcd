"""`aegis ingest produce | consume | replay-dlq` against the moto stack, and `consume` into local folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from stream_helpers import synthetic_events
from stream_stack import Stack
from typer.testing import CliRunner

from aegis.cli import app
from aegis.synth import SynthOptions


def _json_block(output: str) -> dict[str, object]:
    start = output.index("{")
    parsed: dict[str, object] = json.loads(output[start : output.index("\n}", start) + 2])
    return parsed


@pytest.fixture
def cli_env(stack: Stack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}.items():
        monkeypatch.setenv(name, value)
    return {
        "AEGIS_AWS_ENDPOINT_URL": stack.endpoint,
        "AEGIS_STREAM_NAME": stack.stream,
        "AEGIS_DATA_DIR": str(tmp_path / "data"),
        "AWS_DEFAULT_REGION": "us-east-1",
    }


def test_produce_consume_and_replay_from_the_command_line(
    stack: Stack, tmp_path: Path, cli_env: dict[str, str]
) -> None:
    events = synthetic_events(tmp_path / "synth", SynthOptions(patients=8, seed=5, defect_rate=0.1))
    runner = CliRunner()
    produced = runner.invoke(
        app, ["ingest", "produce", "--events", str(tmp_path / "synth" / "events.ndjson.gz")], env=cli_env
    )
    assert produced.exit_code == 0, produced.output
    assert _json_block(produced.output)["sent"] == events.expected["records"]

    s3_options = [
        "--bucket",
        stack.landing_bucket,
        "--quarantine-bucket",
        stack.quarantine_bucket,
        "--kms-key-id",
        stack.key_id,
        "--dlq-url",
        stack.dlq_url,
    ]
    consumed = runner.invoke(app, ["ingest", "consume", *s3_options, "--batch-size", "50"], env=cli_env)
    assert consumed.exit_code == 0, consumed.output
    assert _json_block(consumed.output)["records"] == events.expected["records"]
    assert len(stack.landed_envelopes()) == events.expected["expected_landed_items"]
    assert (tmp_path / "data" / "kinesis-checkpoints.json").is_file()

    again = runner.invoke(app, ["ingest", "consume", *s3_options], env=cli_env)
    assert _json_block(again.output)["records"] == 0, "the checkpoints say everything was read"

    replayed = runner.invoke(app, ["ingest", "replay-dlq", *s3_options, "--dry-run"], env=cli_env)
    assert replayed.exit_code == 0, replayed.output
    report = _json_block(replayed.output)
    assert report["messages"] == events.expected["expected_quarantined_items"]
    assert report["replayed"] == 0, "the generator's defects stay invalid"


def test_consume_defaults_to_the_local_landing_folders(
    stack: Stack, tmp_path: Path, cli_env: dict[str, str]
) -> None:
    events = synthetic_events(tmp_path / "synth", SynthOptions(patients=5, seed=9, defect_rate=0.1))
    runner = CliRunner()
    events_path = str(tmp_path / "synth" / "events.ndjson.gz")
    assert runner.invoke(app, ["ingest", "produce", "--events", events_path], env=cli_env).exit_code == 0
    consumed = runner.invoke(app, ["ingest", "consume"], env=cli_env)
    assert consumed.exit_code == 0, consumed.output
    landing, quarantine = tmp_path / "data" / "landing", tmp_path / "data" / "quarantine"
    assert len(list(landing.glob("fhir/resource_type=*/ingest_date=*/part-*.ndjson.gz"))) > 0
    assert len(list(quarantine.glob("*/*/*.json.gz"))) == events.expected["expected_quarantined_items"]
