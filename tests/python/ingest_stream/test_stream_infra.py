"""infra/template.yaml: cfn-lint clean, deploys into moto's CloudFormation, and the handler built from the
deployed function's own environment lands records from the deployed stream into the deployed buckets.

moto's CloudFormation does not implement AWS::S3::BucketPolicy and AWS::CloudWatch::Alarm (it skips them
with a warning), and of an AWS::S3::Bucket it applies the encryption only (not versioning, not the public
access block), nor a Kinesis stream's encryption: those are checked by cfn-lint and by reading the template here.
"""

from __future__ import annotations

import io
import subprocess
import sys
import uuid
import warnings
import zipfile
from pathlib import Path
from typing import Any

import boto3
import orjson
import pytest
import yaml

from aegis.ingest import examples
from aegis.ingest.kinesis.consumer import CheckpointFile, Consumer
from aegis.ingest.kinesis.handler import handler_from_environment
from aegis.paths import project_root

TEMPLATE = project_root() / "infra" / "template.yaml"


class _CfnLoader(yaml.SafeLoader):
    """YAML with CloudFormation's short tags (!Ref, !GetAtt, !Sub ...) read as plain values."""


_CfnLoader.add_multi_constructor(
    "!",
    lambda loader, suffix, node: (
        loader.construct_scalar(node)
        if isinstance(node, yaml.ScalarNode)
        else loader.construct_sequence(node)
        if isinstance(node, yaml.SequenceNode)
        else loader.construct_mapping(node)
    ),
)


def _resources() -> dict[str, Any]:
    template: dict[str, Any] = yaml.load(TEMPLATE.read_text(), Loader=_CfnLoader)
    return dict(template["Resources"])


def test_cfn_lint_passes() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "cfn-lint"), str(TEMPLATE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_template_declares_what_moto_cannot_deploy() -> None:
    resources = _resources()
    policies = [r for r in resources.values() if r["Type"] == "AWS::S3::BucketPolicy"]
    assert len(policies) == 2
    for policy in policies:
        [statement] = policy["Properties"]["PolicyDocument"]["Statement"]
        assert statement["Effect"] == "Deny" and statement["Condition"] == {
            "Bool": {"aws:SecureTransport": "false"}
        }
    for name in ("LandingBucket", "QuarantineBucket"):
        bucket = resources[name]["Properties"]
        assert bucket["VersioningConfiguration"] == {"Status": "Enabled"}
        assert all(bucket["PublicAccessBlockConfiguration"].values())
    assert resources["FhirStream"]["Properties"]["StreamEncryption"]["EncryptionType"] == "KMS"
    mapping = resources["IngestEventSourceMapping"]["Properties"]
    assert mapping["BisectBatchOnFunctionError"] is True
    assert mapping["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert {"MaximumRetryAttempts", "MaximumRecordAgeInSeconds", "DestinationConfig"} <= set(mapping)
    alarms = {
        r["Properties"]["MetricName"] for r in resources.values() if r["Type"] == "AWS::CloudWatch::Alarm"
    }
    assert alarms == {"ApproximateNumberOfMessagesVisible", "IteratorAge"}
    role = resources["IngestFunctionRole"]["Properties"]["Policies"]
    wildcard = [s for p in role for s in p["PolicyDocument"]["Statement"] if s["Resource"] == "*"]
    assert [s["Action"] for s in wildcard] == ["kinesis:ListStreams"], "least privilege: one list action only"


@pytest.fixture
def deployed(moto_endpoint: str) -> dict[str, Any]:
    def client(service: str) -> Any:
        return boto3.client(
            service,
            endpoint_url=moto_endpoint,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )

    s3, cfn = client("s3"), client("cloudformation")
    suffix = uuid.uuid4().hex[:8]  # tests share the moto server: names of their own
    s3.create_bucket(Bucket=f"aegis-code-{suffix}")
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("aegis/__init__.py", "")
    s3.put_object(Bucket=f"aegis-code-{suffix}", Key="aegis-ingest.zip", Body=package.getvalue())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "not supported by moto": the two types above
        cfn.create_stack(
            StackName=f"aegis-ingest-{suffix}",
            TemplateBody=TEMPLATE.read_text(),
            Capabilities=["CAPABILITY_IAM"],
            Parameters=[
                {"ParameterKey": "CodeBucket", "ParameterValue": f"aegis-code-{suffix}"},
                {"ParameterKey": "Environment", "ParameterValue": suffix},
            ],
        )
        stack = cfn.describe_stacks(StackName=f"aegis-ingest-{suffix}")["Stacks"][0]
    outputs = {o["OutputKey"]: o["OutputValue"] for o in stack["Outputs"]}
    return {"client": client, "status": stack["StackStatus"], "outputs": outputs, "endpoint": moto_endpoint}


def test_the_stack_deploys_into_moto_with_encryption_everywhere(deployed: dict[str, Any]) -> None:
    client, outputs = deployed["client"], deployed["outputs"]
    assert deployed["status"] == "CREATE_COMPLETE"
    s3, kinesis, sqs, lam = client("s3"), client("kinesis"), client("sqs"), client("lambda")
    for bucket in (outputs["LandingBucketName"], outputs["QuarantineBucketName"]):
        [rule] = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"]
        assert rule["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "aws:kms"
    assert kinesis.describe_stream_summary(StreamName=outputs["StreamName"])["StreamDescriptionSummary"]
    for url in (outputs["DeadLetterQueueUrl"], outputs["FailureQueueUrl"]):
        assert sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["KmsMasterKeyId"])["Attributes"]
    [mapping] = lam.list_event_source_mappings(FunctionName=outputs["IngestFunctionName"])[
        "EventSourceMappings"
    ]
    assert mapping["EventSourceArn"] == outputs["StreamArn"]
    assert mapping["BatchSize"] == 500


def test_the_handler_runs_on_the_deployed_wiring(
    deployed: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The function's environment, as deployed, is enough to build the handler: names line up."""
    client, outputs = deployed["client"], deployed["outputs"]
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    environment = client("lambda").get_function_configuration(FunctionName=outputs["IngestFunctionName"])[
        "Environment"
    ]["Variables"]
    handler = handler_from_environment({**environment, "AEGIS_AWS_ENDPOINT_URL": deployed["endpoint"]})
    kinesis = client("kinesis")
    bad = examples.patient()
    bad["gender"] = "robot"
    for resource in (examples.patient(), bad):
        kinesis.put_record(
            StreamName=outputs["StreamName"], Data=orjson.dumps(resource), PartitionKey="pat-0001"
        )
    Consumer(kinesis, outputs["StreamName"], handler, CheckpointFile(tmp_path / "cp.json")).run()
    s3 = client("s3")
    landed = s3.list_objects_v2(Bucket=outputs["LandingBucketName"], Prefix="fhir/")["Contents"]
    quarantined = s3.list_objects_v2(Bucket=outputs["QuarantineBucketName"], Prefix="quarantine/")["Contents"]
    assert len(landed) == 1 and quarantined[0]["Key"].startswith("quarantine/invalid_value/")
    message = client("sqs").receive_message(QueueUrl=outputs["DeadLetterQueueUrl"])["Messages"][0]
    assert orjson.loads(message["Body"])["reason"] == "invalid_value"
