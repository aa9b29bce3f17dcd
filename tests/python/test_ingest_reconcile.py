"""The loader against the generator's truth: what `aegis synth` says lands is exactly what lands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import orjson
import pytest

from aegis.ingest.landing import LocalStore
from aegis.ingest.loader import LoadReport, land_file
from aegis.synth import generate
from aegis.synth.options import SynthOptions


@pytest.fixture(scope="module")
def landed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], LoadReport]:
    root = tmp_path_factory.mktemp("reconcile")
    # A raised defect rate so that every defect kind shows up in a small population.
    generate(SynthOptions(patients=300, seed=11, defect_rate=0.05), root / "synth", progress=False)
    expected = orjson.loads((root / "synth" / "expected.json").read_bytes())
    report = land_file(
        root / "synth" / "events.ndjson.gz",
        LocalStore(root / "landing"),
        LocalStore(root / "quarantine"),
        progress=False,
    )
    return root, expected, report


def test_counts_equal_the_generator_truth(landed: tuple[Path, dict[str, Any], LoadReport]) -> None:
    _, expected, report = landed
    assert report.records_in == expected["records"]
    assert report.items_in == expected["items"] == report.landed + report.quarantined
    assert report.landed == expected["expected_landed_items"]
    assert report.quarantined == expected["expected_quarantined_items"]
    assert report.quarantined_by_reason == expected["quarantined_by_reason"]
    assert len(expected["quarantined_by_reason"]) >= 6  # every defect kind the generator makes


def test_landed_resources_and_versions_equal_the_generator_truth(
    landed: tuple[Path, dict[str, Any], LoadReport],
) -> None:
    root, expected, _ = landed
    # Envelopes without meta stand for version 1; a deletion takes its resource out of the latest ones.
    duckdb.sql(
        f"""create or replace temp view landed as select * from read_json('{root}/landing/fhir/*/*/*.ndjson.gz',
        format='newline_delimited', hive_partitioning=false)"""
    )
    duckdb.sql("create or replace temp view deletions as select resource_id from landed where deleted")
    assert expected["deleted_resources"]
    rows = duckdb.sql(
        """
        select
            resource_type,
            count(distinct resource_id) filter (where resource_id not in (select resource_id from deletions))
                as resources,
            count(distinct (resource_id, coalesce(version_id, '1'))) filter (where not deleted) as versions,
        from landed
        group by resource_type
        """
    ).fetchall()
    assert {t: r for t, r, _ in rows} == expected["latest_resources"]
    assert {t: v for t, _, v in rows} == expected["distinct_versions"]


def test_quarantine_files_match_the_counts(landed: tuple[Path, dict[str, Any], LoadReport]) -> None:
    root, expected, _ = landed
    by_reason: dict[str, int] = {}
    for path in (root / "quarantine").glob("*/*/*.json.gz"):
        reason = path.parent.parent.name
        by_reason[reason] = by_reason.get(reason, 0) + 1
    assert by_reason == expected["quarantined_by_reason"]
