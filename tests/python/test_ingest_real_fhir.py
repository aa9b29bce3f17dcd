"""Real, public FHIR R4 that we did not write lands (tests/data/fhir: official HL7 examples, Synthea, Bulk
Data NDJSON, US Core, CARIN BB). Every file's outcome is asserted from the corpus index: every item lands,
except the few listed, with their reasons, in expected_not_landed.json."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import orjson
import pytest

from aegis.ingest.landing import LocalStore
from aegis.ingest.loader import LoadReport, land_file

CORPUS = Path(__file__).resolve().parents[1] / "data" / "fhir"
INDEX: list[dict[str, Any]] = orjson.loads((CORPUS / "corpus_index.json").read_bytes())
NOT_LANDED: dict[str, Any] = orjson.loads((CORPUS / "expected_not_landed.json").read_bytes())["files"]


def _expected_items(entry: dict[str, Any]) -> int:
    if entry["format"] == "ndjson":
        return int(entry["lines"])
    return int(entry["entries"]) if entry["resourceType"] == "Bundle" else 1


@pytest.fixture(scope="module")
def landed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, LoadReport]]:
    root = tmp_path_factory.mktemp("real-fhir")
    landing, quarantine = LocalStore(root / "landing"), LocalStore(root / "quarantine")
    reports = {
        entry["path"]: land_file(CORPUS / entry["path"], landing, quarantine, progress=False)
        for entry in INDEX
    }
    return root, reports


def test_the_corpus_covers_every_source_and_the_modelled_types() -> None:
    assert {entry["source"] for entry in INDEX} == {
        "hl7-r4-examples",
        "synthea",
        "bulk-ndjson",
        "us-core",
        "carin-bb",
    }
    assert len(INDEX) > 300
    for path in NOT_LANDED:
        assert any(entry["path"] == path for entry in INDEX), path


@pytest.mark.parametrize("entry", INDEX, ids=[entry["path"] for entry in INDEX])
def test_each_file_has_its_documented_outcome(
    landed: tuple[Path, dict[str, LoadReport]], entry: dict[str, Any]
) -> None:
    report = landed[1][entry["path"]]
    expected = NOT_LANDED.get(entry["path"], {}).get("reasons", {})
    assert report.stopped_early is None
    assert report.items_in == _expected_items(entry)
    assert report.items_in == report.landed + report.quarantined
    assert report.quarantined_by_reason == expected
    assert report.landed == report.items_in - sum(expected.values())


def test_every_synthea_entry_lands_with_its_references_resolved(
    landed: tuple[Path, dict[str, LoadReport]],
) -> None:
    root, reports = landed
    synthea = [report for path, report in reports.items() if path.startswith("synthea/")]
    assert sum(report.items_in for report in synthea) == sum(report.landed for report in synthea) > 500
    envelopes = [
        orjson.loads(line)
        for part in (root / "landing" / "fhir").glob("resource_type=Encounter/*/*.ndjson.gz")
        for line in gzip.decompress(part.read_bytes()).splitlines()
    ]
    from_synthea = [envelope for envelope in envelopes if "/synthea/" in envelope["source"]]
    assert from_synthea
    for envelope in from_synthea:
        subject = envelope["resource"]["subject"]["reference"]
        assert subject.startswith("Patient/") and not subject.startswith("urn:")
        assert any(
            original["reference"].startswith("urn:uuid:") for original in envelope["original_references"]
        )


def test_landed_official_examples_are_the_files_values(landed: tuple[Path, dict[str, LoadReport]]) -> None:
    """Fidelity on real data: every landed official example decodes to exactly the file's JSON."""
    root, _ = landed
    sources = {}
    for part in (root / "landing" / "fhir").glob("resource_type=*/*/*.ndjson.gz"):
        for line in gzip.decompress(part.read_bytes()).splitlines():
            envelope = orjson.loads(line)
            if "/hl7-r4-examples/" in envelope["source"] and "#" not in envelope["event_id"]:
                sources[envelope["source"]] = envelope["resource"]
    assert len(sources) > 250
    for source, resource in sources.items():
        path = Path(source.removeprefix("file:").rsplit(":", 1)[0])
        assert resource == orjson.loads(path.read_bytes()), path.name
