"""The observability report in headless Chromium: renders, writes nothing to the console, is not blank."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from aegis.browser import distinct_colours, render, serve_directory
from aegis.observe.anomaly import synthetic_feed
from aegis.observe.history import Store
from aegis.observe.report import VENDOR, write_report


def test_vendored_chartjs_is_the_one_its_provenance_names() -> None:
    provenance = (VENDOR / "PROVENANCE.md").read_text(encoding="utf-8")
    recorded = re.search(r"sha256 of `chart.umd.js`: `([0-9a-f]{64})`", provenance)
    assert recorded is not None
    assert hashlib.sha256((VENDOR / "chart.umd.js").read_bytes()).hexdigest() == recorded.group(1)
    assert "MIT" in (VENDOR / "LICENSE.md").read_text(encoding="utf-8")


def test_report_renders_in_chromium(observed_env: Any, tmp_path: Path) -> None:
    observed = observed_env
    warehouse = tmp_path / "aegis.duckdb"
    shutil.copyfile(observed.paths.duckdb_path, warehouse)
    paths = replace(observed.paths, duckdb_path=warehouse, reports_dir=tmp_path / "reports")
    # Eight weeks of daily counts before today (a synthetic feed with an injected anomaly), so the volume
    # chart has a band and flagged days to draw.
    feed = synthetic_feed(days=56, seed=2, tables=1, anomaly_rate=0.08)
    series = feed.tables["table_00"]
    today = datetime.now(UTC).date()
    store = Store.duckdb(warehouse)
    try:
        store.append(
            "volumes",
            [
                {
                    "relation": "stg_fhir__encounters",
                    "day": str(today - timedelta(days=56 - i)),
                    "row_count": int(v or 0),
                    "recorded_at": datetime.now(UTC).isoformat(),
                }
                for i, v in enumerate(series)
            ],
        )
    finally:
        store.close()
    manifest = json.loads((observed.work / "target" / "manifest.json").read_text(encoding="utf-8"))
    page = write_report("dev", paths, manifest=manifest)
    html = page.read_text(encoding="utf-8")
    assert "<script src=" not in html and "http://" not in html.split("<script>", 1)[0].replace(
        'href="../', ""
    )
    with serve_directory(page.parent) as base:
        rendered = render(f"{base}/index.html", tmp_path / "report.png")
    assert rendered.console == []
    assert distinct_colours(rendered.screenshot) > 20
    dom = rendered.dom
    for expected in (
        "fhir_freshness_2h",
        "breached",
        "stg_fhir__encounters",
        "access-matrix.html",
        "lineage-audit",
    ):
        assert expected in dom, expected
    assert dom.count("<canvas") >= 5
