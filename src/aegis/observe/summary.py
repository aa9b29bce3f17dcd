"""The short summary `make demo` prints: rows per layer, test results, where things are.

Counts and names only: a summary never shows a row's values.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from aegis.artifacts import command_of, last_build_results, load_json, nodes, target_dir
from aegis.paths import Paths


@dataclass
class RunSummary:
    warehouse: Path
    rows_by_layer: dict[str, int] = field(default_factory=dict)
    relations_by_layer: dict[str, int] = field(default_factory=dict)
    results: Counter[str] = field(default_factory=Counter)
    tests: Counter[str] = field(default_factory=Counter)
    load_report: dict[str, Any] | None = None
    last_command: str | None = None  # the build command (dbt build, run, ...) whose results are shown


def _latest_load_report(landing_dir: Path) -> dict[str, Any] | None:
    reports = sorted((landing_dir / "_loads").glob("*.json"), key=lambda p: p.stat().st_mtime)
    if not reports:
        return None
    data: dict[str, Any] = json.loads(reports[-1].read_text(encoding="utf-8"))
    return data


def summarize(paths: Paths | None = None, target: Path | None = None) -> RunSummary:
    paths = paths or Paths.from_env()
    folder = target or target_dir()
    manifest = load_json("manifest.json", folder)
    summary = RunSummary(warehouse=paths.duckdb_path, load_report=_latest_load_report(paths.landing_dir))

    # The last build's results: `verify`'s run-operation or `docs generate` ran since would otherwise
    # report "success=1, tests: none" over a build that ran hundreds of tests.
    run_results = last_build_results(folder) or {}
    summary.last_command = command_of(run_results)
    test_ids = {uid for uid, n in manifest.get("nodes", {}).items() if n.get("resource_type") == "test"}
    for result in run_results.get("results", []):
        bucket = summary.tests if result.get("unique_id") in test_ids else summary.results
        bucket[str(result.get("status"))] += 1

    with duckdb.connect(str(paths.duckdb_path), read_only=True) as connection:
        existing = {
            (schema, name)
            for schema, name in connection.execute(
                "select table_schema, table_name from information_schema.tables"
            ).fetchall()
        }
        for node in nodes(manifest):
            if node.materialized == "ephemeral" or (node.schema, node.alias) not in existing:
                continue
            (count,) = connection.execute(
                f'select count(*) from "{node.schema}"."{node.alias}"'
            ).fetchone() or (0,)
            summary.rows_by_layer[node.layer] = summary.rows_by_layer.get(node.layer, 0) + int(count)
            summary.relations_by_layer[node.layer] = summary.relations_by_layer.get(node.layer, 0) + 1
    return summary


def render(summary: RunSummary) -> str:
    lines = ["", "Aegis demo summary", "=================="]
    if summary.load_report:
        report = summary.load_report
        lines.append(
            "ingest: {items_in} items in = {landed} landed + {quarantined} quarantined".format(
                items_in=report.get("items_in", "?"),
                landed=report.get("landed", "?"),
                quarantined=report.get("quarantined", "?"),
            )
        )
        by_reason = report.get("quarantined_by_reason") or {}
        if by_reason:
            lines.append(
                "  quarantined by reason: " + ", ".join(f"{k}={v}" for k, v in sorted(by_reason.items()))
            )
    lines.append("rows per layer:")
    order = ["seeds", "staging", "intermediate", "marts", "deidentified", "snapshots"]
    for layer in sorted(summary.rows_by_layer, key=lambda x: (order.index(x) if x in order else 99, x)):
        lines.append(
            f"  {layer:<13} {summary.rows_by_layer[layer]:>10,} rows in {summary.relations_by_layer[layer]} relations"
        )
    if summary.last_command:
        lines.append(
            f"dbt {summary.last_command}:".ljust(14)
            + (", ".join(f"{k}={v}" for k, v in sorted(summary.results.items())) or "none")
        )
        lines.append(
            "dbt tests:    " + (", ".join(f"{k}={v}" for k, v in sorted(summary.tests.items())) or "none")
        )
    else:
        lines.append("dbt results:  none: no build results in the dbt target folder (run `dbt build`)")
    lines.append(f"warehouse:    {summary.warehouse}")
    lines.append(
        f"              .venv/bin/python -c \"import duckdb; duckdb.connect('{summary.warehouse}').sql('show all tables').show()\""
    )
    lines.append("docs:         .venv/bin/dbt docs serve   (then open http://localhost:8080)")
    return "\n".join(lines)
