"""Stores and writers (aegis.ingest.landing): local folder, S3 on a real moto server, DuckDB readability."""

from __future__ import annotations

import base64
import gzip
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import boto3
import duckdb
import orjson
import pytest
from moto.server import ThreadedMotoServer

from aegis.ingest import examples
from aegis.ingest.landing import (
    BufferLimits,
    LandingWriter,
    LocalStore,
    QuarantineWriter,
    S3Store,
    safe_file_name,
)
from aegis.ingest.pipeline import Ingestor
from aegis.ingest.records import ENVELOPE_FIELDS, Landed, Quarantined, process_record

RECEIVED = datetime(2026, 1, 31, 12, 0, tzinfo=UTC)


class FakeClock:
    """Monotonic seconds the test moves by hand: buffer age limits without sleeping."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _landed(resource: dict[str, Any], event_id: str = "evt") -> Landed:
    [outcome] = process_record(orjson.dumps(resource), event_id=event_id, source="test", received_at=RECEIVED)
    assert isinstance(outcome, Landed)
    return outcome


def _quarantined(raw: bytes, event_id: str) -> Quarantined:
    [outcome] = process_record(raw, event_id=event_id, source="test", received_at=RECEIVED)
    assert isinstance(outcome, Quarantined)
    return outcome


def _parts(root: Path) -> list[Path]:
    return sorted(root.glob("fhir/resource_type=*/ingest_date=*/part-*.ndjson.gz"))


def test_local_store_writes_atomically_and_restricts_phi(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)
    store.put("a/b/phi.bin", b"secret", sensitive=True)
    store.put("a/b/report.json", b"{}", sensitive=False)
    assert store.get("a/b/phi.bin") == b"secret"
    assert store.get("a/missing") is None
    assert stat.S_IMODE((tmp_path / "a/b/phi.bin").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "a/b/report.json").stat().st_mode) == 0o644
    assert sorted(p.name for p in (tmp_path / "a/b").iterdir()) == ["phi.bin", "report.json"]  # no temp left
    for bad_key in ("../escape", "/abs", "a//b", "a/./b"):
        with pytest.raises(ValueError):
            store.put(bad_key, b"x", sensitive=False)


def test_safe_file_name_removes_separators() -> None:
    assert safe_file_name("stream:shardId-000:4959#2") == "stream_shardId-000_4959_2"
    assert safe_file_name("../../etc/passwd") == "_.._.._etc_passwd"
    assert "/" not in safe_file_name("a/b") and ":" not in safe_file_name("a:b")


def test_landing_writer_partitions_by_type_and_ingest_date(tmp_path: Path) -> None:
    writer = LandingWriter(LocalStore(tmp_path))
    for index, resource in enumerate(examples.all_resources()):
        writer.add(_landed(resource, f"evt-{index}"))
    assert _parts(tmp_path) == []  # still buffered
    writer.flush()
    parts = _parts(tmp_path)
    assert len(parts) == 9
    assert {p.parent.parent.name for p in parts} == {
        f"resource_type={r['resourceType']}" for r in examples.all_resources()
    }
    assert {p.parent.name for p in parts} == {"ingest_date=2026-01-31"}
    assert sorted(writer.parts_written) == sorted(str(p.relative_to(tmp_path)) for p in parts)


def test_landing_writer_flushes_on_size(tmp_path: Path) -> None:
    line_size = len(_landed(examples.observation()).line) + 1
    # Three lines fill the buffer: ten lines make three full parts while adding, and one more on flush.
    writer = LandingWriter(LocalStore(tmp_path), BufferLimits(max_bytes=3 * line_size, max_age_seconds=3600))
    for index in range(10):
        writer.add(_landed(examples.observation(), f"evt-{index}"))
    assert len(_parts(tmp_path)) == 3
    writer.flush()
    parts = [gzip.decompress(part.read_bytes()).splitlines() for part in _parts(tmp_path)]
    assert sorted(len(lines) for lines in parts) == [1, 3, 3, 3]
    event_ids = sorted(orjson.loads(line)["event_id"] for lines in parts for line in lines)
    assert event_ids == sorted(f"evt-{i}" for i in range(10))


def test_landing_writer_flushes_on_age(tmp_path: Path) -> None:
    clock = FakeClock()
    writer = LandingWriter(LocalStore(tmp_path), BufferLimits(max_bytes=10**9, max_age_seconds=60), clock)
    writer.add(_landed(examples.patient(), "evt-1"))
    clock.now = 30
    writer.add(_landed(examples.encounter(), "evt-2"))
    assert _parts(tmp_path) == []
    clock.now = 61  # the Patient buffer is 61 s old, the Encounter one 31 s
    writer.add(_landed(examples.encounter(), "evt-3"))
    assert [p.parent.parent.name for p in _parts(tmp_path)] == ["resource_type=Patient"]
    clock.now = 95
    writer.flush_due()
    assert len(_parts(tmp_path)) == 2


def test_landed_parts_are_readable_by_duckdb_with_the_envelope_columns(tmp_path: Path) -> None:
    writer = LandingWriter(LocalStore(tmp_path))
    for index, resource in enumerate(examples.all_resources()):
        writer.add(_landed(resource, f"evt-{index}"))
    writer.flush()
    glob = str(tmp_path / "fhir" / "*" / "*" / "*.ndjson.gz")
    relation = duckdb.sql(
        f"select * from read_json('{glob}', format='newline_delimited', hive_partitioning=false)"
    )
    assert tuple(relation.columns) == ENVELOPE_FIELDS
    # With Hive partitioning (DuckDB's default for such paths) the partition columns come along; the
    # partition resource_type is the envelope's, so the two can never disagree.
    hive = duckdb.sql(
        f"select * from read_json('{glob}', format='newline_delimited', hive_partitioning=true)"
    )
    assert tuple(hive.columns) == (*ENVELOPE_FIELDS, "ingest_date")
    rows = duckdb.sql(
        f"""
        select resource_type, resource_id, version_id, resource.id as id_in_resource
        from read_json('{glob}', format='newline_delimited', hive_partitioning=false)
        order by resource_type
        """
    ).fetchall()
    assert len(rows) == 9
    assert all(
        resource_id == id_in_resource and version_id == "1"
        for _, resource_id, version_id, id_in_resource in rows
    )
    received = duckdb.sql(
        f"select distinct received_at from read_json('{glob}', format='newline_delimited', hive_partitioning=false)"
    ).fetchall()
    assert received == [(RECEIVED,)]  # a TIMESTAMPTZ: the Z suffix is read as UTC


def test_quarantine_writer_keeps_payload_and_codes_only(tmp_path: Path) -> None:
    resource = examples.patient()
    resource["gender"] = " female"
    item = _quarantined(orjson.dumps(resource), "stream:shard-1:42")
    key = QuarantineWriter(LocalStore(tmp_path)).write(item)
    assert key == "invalid_value/2026-01-31/stream_shard-1_42.json.gz"
    document = orjson.loads(gzip.decompress((tmp_path / key).read_bytes()))
    assert document["errors"] == [{"code": "invalid_value", "path": "Patient.gender"}]
    assert document["payload_encoding"] == "utf-8"
    assert orjson.loads(document["payload"]) == resource
    pointer = orjson.dumps(item.pointer(key)).decode()
    assert not [marker for marker in examples.PHI_MARKERS if marker in pointer]


def test_quarantine_writer_keeps_undecodable_bytes_as_base64(tmp_path: Path) -> None:
    raw = b"\xff\xfe{not json"
    key = QuarantineWriter(LocalStore(tmp_path)).write(_quarantined(raw, "evt"))
    document = orjson.loads(gzip.decompress((tmp_path / key).read_bytes()))
    assert (document["reason"], document["payload_encoding"]) == ("malformed_json", "base64")
    assert base64.b64decode(document["payload"]) == raw


@pytest.fixture(scope="module")
def moto_endpoint() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def aws(moto_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    s3 = boto3.client("s3", endpoint_url=moto_endpoint, region_name="us-east-1")
    kms = boto3.client("kms", endpoint_url=moto_endpoint, region_name="us-east-1")
    key_id = kms.create_key(Description="aegis landing")["KeyMetadata"]["KeyId"]
    bucket = f"aegis-landing-{key_id[:8]}"
    s3.create_bucket(Bucket=bucket)
    return {"s3": s3, "bucket": bucket, "key_id": key_id}


def test_s3_store_encrypts_phi_with_the_kms_key(aws: dict[str, Any]) -> None:
    s3, bucket = aws["s3"], aws["bucket"]
    store = S3Store(s3, bucket, aws["key_id"])
    store.put("fhir/x.ndjson.gz", b"phi", sensitive=True)
    store.put("_loads/report.json", b"{}", sensitive=False)
    phi = s3.head_object(Bucket=bucket, Key="fhir/x.ndjson.gz")
    assert phi["ServerSideEncryption"] == "aws:kms"
    assert phi["SSEKMSKeyId"].endswith(aws["key_id"])
    assert s3.head_object(Bucket=bucket, Key="_loads/report.json")["ServerSideEncryption"] == "AES256"
    assert store.get("fhir/x.ndjson.gz") == b"phi"
    assert store.get("fhir/missing") is None


def test_writers_on_s3_use_the_contract_layout(aws: dict[str, Any]) -> None:
    s3, bucket = aws["s3"], aws["bucket"]
    landing = LandingWriter(S3Store(s3, bucket, aws["key_id"]))
    quarantine = QuarantineWriter(S3Store(s3, bucket, aws["key_id"], prefix="quarantine"))
    landing.add(_landed(examples.claim(), "evt-1"))
    landing.flush()
    quarantine.write(_quarantined(b"{oops", "stream:shard:7"))
    keys = sorted(o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"])
    assert keys[0].startswith("fhir/resource_type=Claim/ingest_date=2026-01-31/part-")
    assert keys[0].endswith(".ndjson.gz")
    assert keys[1] == "quarantine/malformed_json/2026-01-31/stream_shard_7.json.gz"
    for key in keys:
        assert s3.head_object(Bucket=bucket, Key=key)["ServerSideEncryption"] == "aws:kms"
    body = s3.get_object(Bucket=bucket, Key=keys[0])["Body"].read()
    [line] = gzip.decompress(body).splitlines()
    assert orjson.loads(line)["resource"] == examples.claim()


def test_ingestor_on_s3_lands_quarantines_and_hands_out_value_free_pointers(aws: dict[str, Any]) -> None:
    """The Kinesis handler's path: event ids `<stream>:<shard>:<sequence>`, S3 stores, DLQ pointers."""
    s3, bucket, key_id = aws["s3"], aws["bucket"], aws["key_id"]
    pointers: list[dict[str, Any]] = []
    ingestor = Ingestor(
        LandingWriter(S3Store(s3, bucket, key_id)),
        QuarantineWriter(S3Store(s3, bucket, key_id, prefix="quarantine")),
        on_quarantined=lambda item, key: pointers.append(item.pointer(key)),
    )
    bad_patient = examples.patient()
    bad_patient["birthDate"] = "not a date"
    records = [orjson.dumps(examples.patient()), orjson.dumps(bad_patient), b"\x00garbage"]
    for sequence, raw in enumerate(records):
        ingestor.ingest(raw, event_id=f"aegis-fhir:shardId-000000000000:{sequence}", source="kinesis:test")
    counts = ingestor.finish()
    assert (counts.records_in, counts.landed, counts.quarantined) == (3, 1, 2)
    assert [p["reason"] for p in pointers] == ["invalid_value", "malformed_json"]
    for pointer in pointers:
        assert (
            s3.head_object(Bucket=bucket, Key="quarantine/" + pointer["quarantine_key"])["ContentLength"] > 0
        )
    text = orjson.dumps(pointers).decode()
    assert not [marker for marker in examples.PHI_MARKERS if marker in text]
