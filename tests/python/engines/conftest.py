"""A small hand-written landing folder (landing contract layout) for loader tests.

Deliberately tiny and fully known: two versions of one patient, one envelope delivered twice
(at-least-once), an optional envelope field missing, and a type with no files at all.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import orjson
import pytest

PATIENT_V1 = {
    "resourceType": "Patient",
    "id": "pat-1",
    "meta": {"versionId": "1", "lastUpdated": "2025-03-01T10:00:00+00:00"},
    "identifier": [{"system": "urn:aegis:mrn", "value": "MRN0000001"}],
    "name": [{"family": "Fixturefamily", "given": ["Fixturegiven"]}],
    "gender": "female",
    "birthDate": "1950-04-02",
}
PATIENT_V2 = {**PATIENT_V1, "meta": {"versionId": "2", "lastUpdated": "2025-03-02T10:00:00+00:00"}}
ENCOUNTER = {
    "resourceType": "Encounter",
    "id": "enc-1",
    "meta": {"versionId": "1", "lastUpdated": "2025-03-03T08:00:00-05:00"},
    "status": "finished",
    "class": {"code": "AMB"},
    "subject": {"reference": "Patient/pat-1"},
    "period": {"start": "2025-03-03T08:00:00-05:00", "end": "2025-03-03T09:00:00-05:00"},
    "serviceProvider": {"identifier": {"value": "1234567893"}},
}


def envelope(
    resource: dict[str, Any], event_id: str, *, source: str | None = "file:fixture"
) -> dict[str, Any]:
    env: dict[str, Any] = {
        "event_id": event_id,
        "resource_type": resource["resourceType"],
        "resource_id": resource["id"],
        "version_id": resource["meta"]["versionId"],
        "last_updated": resource["meta"]["lastUpdated"],
        "received_at": "2025-03-04T00:00:00+00:00",
        "resource": resource,
    }
    if source is not None:
        env["source"] = source
    return env


def write_part(
    landing: Path, resource_type: str, ingest_date: str, name: str, envelopes: list[dict[str, Any]]
) -> Path:
    folder = landing / "fhir" / f"resource_type={resource_type}" / f"ingest_date={ingest_date}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"part-{name}.ndjson.gz"
    with gzip.open(path, "wb") as out:
        for item in envelopes:
            out.write(orjson.dumps(item) + b"\n")
    return path


@pytest.fixture
def small_landing(tmp_path: Path) -> Path:
    landing = tmp_path / "landing"
    write_part(
        landing, "Patient", "2025-03-01", "a", [envelope(PATIENT_V1, "ev-1"), envelope(PATIENT_V2, "ev-2")]
    )
    # The same delivery again, in a later file: at-least-once.
    write_part(landing, "Patient", "2025-03-02", "b", [envelope(PATIENT_V2, "ev-2", source=None)])
    write_part(landing, "Encounter", "2025-03-03", "c", [envelope(ENCOUNTER, "ev-3")])
    return landing
