"""One small observed pipeline for the observability tests, built once per session.

The session's synthetic landing is copied and changed the way real trouble looks: every Patient delivery
arrives three hours late (the 2-hour freshness SLO of the fhir source is breached), and one patient
carries PHI-shaped canary values, its gender an SSN-shaped string that fails the accepted_values test.
Then real dbt on DuckDB: `run -s +dim_patient`, `test -s stg_fhir__patients` (fails on the canary),
`source freshness -s source:fhir.patient`, with `aegis observe record` after each, alerts going to
a webhook receiver on 127.0.0.1 and to SNS on a moto server (delivered to an SQS queue to be read back).
"""

from __future__ import annotations

import gzip
import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto.server import ThreadedMotoServer

from aegis.governance.dbt_cli import DbtResult, run_dbt
from aegis.governance.sample_project import isolated_dbt_env
from aegis.observe.record import RecordSummary, record
from aegis.paths import Paths

# PHI-shaped values that must never leave the warehouse (none is a real person's).
CANARY = {
    "family": "Zzyzxcanary",
    "given": "Quillonette",
    "ssn": "987-65-4329",
    "mrn": "CANARYMRN0042",
    "phone": "555-013-7741",
    "gender": "987-65-4320",  # fails accepted_values on stg_fhir__patients.gender
}
LATE = timedelta(hours=3)


class _Receiver(http.server.BaseHTTPRequestHandler):
    bodies: list[bytes]

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        type(self).bodies.append(self.rfile.read(length))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, format: str, *args: object) -> None:
        return


@dataclass
class Observed:
    work: Path
    env: dict[str, str]
    paths: Paths
    webhook_bodies: list[bytes]
    sns_messages: list[str]
    records: list[RecordSummary] = field(default_factory=list)
    dbt: list[DbtResult] = field(default_factory=list)
    read_sns: Any = None
    variables: dict[str, str] = field(default_factory=dict)
    canary: dict[str, str] = field(default_factory=lambda: dict(CANARY))


def _late_and_canary(landing: Path) -> None:
    for part in sorted((landing / "fhir" / "resource_type=Patient").glob("*/part-*.ndjson.gz")):
        lines = gzip.decompress(part.read_bytes()).decode("utf-8").splitlines()
        out = []
        for index, line in enumerate(lines):
            if not line.strip():
                continue
            envelope = json.loads(line)
            received = datetime.fromisoformat(envelope["received_at"].replace("Z", "+00:00"))
            envelope["received_at"] = (received - LATE).isoformat()
            if index == 0 and out == []:
                resource = envelope["resource"]
                resource["name"] = [{"family": CANARY["family"], "given": [CANARY["given"]]}]
                resource["identifier"] = [
                    {"system": "http://hl7.org/fhir/sid/us-ssn", "value": CANARY["ssn"]},
                    {"system": "urn:aegis:mrn", "value": CANARY["mrn"]},
                ]
                resource["telecom"] = [{"system": "phone", "value": CANARY["phone"]}]
                resource["gender"] = CANARY["gender"]
            out.append(json.dumps(envelope))
        part.write_bytes(gzip.compress(("\n".join(out) + "\n").encode("utf-8")))


@pytest.fixture(scope="session")
def observed(synthetic_landing: Path, session_dir: Path) -> Iterator[Observed]:
    work = session_dir / "observe"
    landing = work / "data" / "landing"
    shutil.copytree(synthetic_landing, landing)
    _late_and_canary(landing)
    env = isolated_dbt_env(work, AEGIS_LANDING_DIR=str(landing), AEGIS_REPORTS_DIR=str(work / "reports"))
    (work / "data").mkdir(exist_ok=True)

    _Receiver.bodies = []
    receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    moto.start()
    host, port = moto.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    aws = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    sns = boto3.client("sns", endpoint_url=endpoint, region_name="us-east-1", **_keys(aws))
    sqs = boto3.client("sqs", endpoint_url=endpoint, region_name="us-east-1", **_keys(aws))
    topic = sns.create_topic(Name="aegis-alerts")["TopicArn"]
    queue = sqs.create_queue(QueueName="aegis-alerts-inbox")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    sns.subscribe(
        TopicArn=topic, Protocol="sqs", Endpoint=queue_arn, Attributes={"RawMessageDelivery": "true"}
    )

    observed = Observed(work, env, Paths.from_env(), _Receiver.bodies, [])

    def read_sns() -> list[str]:
        while True:
            got = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10, WaitTimeSeconds=0)
            messages = got.get("Messages") or []
            if not messages:
                return observed.sns_messages
            for message in messages:
                observed.sns_messages.append(message["Body"])
                sqs.delete_message(QueueUrl=queue, ReceiptHandle=message["ReceiptHandle"])

    observed.read_sns = read_sns
    alert_env = {
        **aws,
        "AEGIS_ALERT_WEBHOOK_URL": f"http://127.0.0.1:{receiver.server_address[1]}/hooks/aegis",
        "AEGIS_ALERT_SNS_TOPIC_ARN": topic,
        "AEGIS_SNS_ENDPOINT_URL": endpoint,
        "AEGIS_REPORT_URL": "https://reports.example.invalid/observability",
    }
    observed.variables = {**env, **alert_env}
    # Only while the pipeline runs and inside each test that asks for `observed_env`: a session fixture
    # must not leave these variables set for the other areas' tests.
    with pytest.MonkeyPatch.context() as patch:
        for name, value in observed.variables.items():
            patch.setenv(name, value)
        observed.paths = Paths.from_env()
        for args in (
            ["run", "-s", "+dim_patient"],
            ["test", "-s", "stg_fhir__patients"],
            ["source", "freshness", "-s", "source:fhir.patient"],
        ):
            result = run_dbt(args, env=env)
            observed.dbt.append(result)
            if args[0] == "run":  # kept for the PostgreSQL test, which records the same three invocations
                run_folder = work / "artifacts-of-run"
                run_folder.mkdir()
                for name in ("manifest.json", "run_results.json"):
                    shutil.copyfile(work / "target" / name, run_folder / name)
            observed.records.append(record("dev"))
    yield observed
    receiver.shutdown()
    receiver.server_close()
    moto.stop()


def _keys(aws: dict[str, str]) -> dict[str, str]:
    return {
        "aws_access_key_id": aws["AWS_ACCESS_KEY_ID"],
        "aws_secret_access_key": aws["AWS_SECRET_ACCESS_KEY"],
    }


@pytest.fixture
def observed_env(observed: Observed, monkeypatch: pytest.MonkeyPatch) -> Observed:
    """The observed pipeline with its variables set for this test only."""
    for name, value in observed.variables.items():
        monkeypatch.setenv(name, value)
    return observed
