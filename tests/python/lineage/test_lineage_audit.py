"""The PHI propagation audit on a corpus of adversarial models (tests/python/lineage/fixtures).

Every column of the corpus says in `meta.expect` which finding must fire on it; a column without `expect`
must raise none. So each test proves both directions: the finding fires where it should, and not elsewhere.
"""

from __future__ import annotations

import csv
import json
import time

import pytest
from lineage_helpers import MiniProject

from aegis.lineage.audit import audit
from aegis.lineage.categories import strictest, strictness
from aegis.lineage.nodes import relation_nodes
from aegis.lineage.report import render_html, render_json, render_text
from aegis.lineage.sql_lineage import statement_lineage

pytestmark = pytest.mark.slow


def expected_findings(manifest: dict[str, object]) -> set[tuple[str, str, str]]:
    expected = set()
    for node in relation_nodes(manifest, {"model"}):  # type: ignore[arg-type]
        for column in node.columns.values():
            if "expect" in column.meta:
                expected.add((str(column.meta["expect"]), node.name, column.name))
    return expected


def test_each_finding_fires_where_expected_and_nowhere_else(compiled_mini_project: MiniProject) -> None:
    manifest = compiled_mini_project.manifest()
    report = audit(manifest)
    found = {(f.kind, f.model, f.column) for f in report.findings}
    expected = expected_findings(manifest)
    assert len(expected) >= 12
    assert found == expected, f"missing: {expected - found}; unexpected: {found - expected}"
    kinds = {kind for kind, _, _ in found}
    assert kinds == {"undeclared_phi", "under_classified", "false_aggregation"}


@pytest.mark.parametrize(
    ("model", "column", "path_fragment"),
    [
        ("join_key_only", "patient_ref", "raw_patients.mrn [mrn] (join key)"),
        ("downstream_of_star", "tax_hint", "star_through_ctes.ssn [ssn]"),
        ("fhir_json_paths", "birth_date", "raw_fhir_patients.resource$birthDate [birth_date]"),
        ("union_and_window", "any_key", "raw_patients.mrn [mrn]"),
    ],
)
def test_findings_name_the_upstream_path_and_the_fix(
    compiled_mini_project: MiniProject, model: str, column: str, path_fragment: str
) -> None:
    report = audit(compiled_mini_project.manifest())
    [finding] = [f for f in report.findings if (f.model, f.column) == (model, column)]
    assert finding.upstream_path[0] == f"{model}.{column}"
    assert path_fragment in finding.upstream_path
    assert f"phi: {finding.inherited}" in finding.fix


def test_multi_hop_path_reaches_the_root_column(compiled_mini_project: MiniProject) -> None:
    report = audit(compiled_mini_project.manifest())
    [finding] = [f for f in report.findings if f.model == "downstream_of_star"]
    assert finding.upstream_path[-1] == "raw_patients.ssn [ssn]"


def test_true_aggregate_and_value_free_functions_raise_nothing(compiled_mini_project: MiniProject) -> None:
    report = audit(compiled_mini_project.manifest())
    columns = {(c.model, c.column): c for c in report.columns}
    mean = columns[("aggregate_removes_phi", "mean_age_at_admit")]
    assert mean.inherited == "age" and all(u.aggregated for u in mean.upstream)
    assert columns[("aggregate_removes_phi", "patient_count")].inherited == "none"
    assert columns[("union_and_window", "key_rank")].inherited == "none"


def test_reports_hold_names_and_categories_only(compiled_mini_project: MiniProject) -> None:
    report = audit(compiled_mini_project.manifest())
    text, as_json, page = render_text(report), render_json(report), render_html(report)
    assert "14 finding(s)" in text.splitlines()[-1]
    assert json.loads(as_json)["clean"] is False
    assert "<svg" in page and "raw_patients" in page
    with (compiled_mini_project.root / "seeds" / "raw_patients.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    # every identifying value of the seed (gender words like "other" are also category names)
    values = {value for row in rows for key, value in row.items() if key != "gender" and value}
    for output in (text, as_json, page):
        assert not [v for v in values if v in output]


def test_strictness_order() -> None:
    assert strictness("ssn") > strictness("birth_date") > strictness("quasi") > strictness("none")
    assert strictness("zip") == strictness("age") and strictness("mrn") == strictness("name")
    assert strictest(["quasi", "zip", "none"]) == "zip"
    assert strictest(["zip", "email", "quasi"]) == "email"
    assert strictness("a_category_nobody_declared") == strictness("ssn")  # fail closed


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "snowflake", "redshift"])
def test_lineage_engine_in_every_target_dialect(dialect: str) -> None:
    schema = {"db": {"s": {"patients": {"mrn": "text", "ssn": "text", "gender": "text"}}}}
    sql = """
        with a as (select * from db.s.patients), b as (select * from a)
        select left(b.ssn, 3) as ssn_area, b.gender, count(*) over (partition by b.mrn) as visits from b
    """
    lineage = statement_lineage(sql, dialect, schema, ["ssn_area", "gender", "visits"])
    assert [e.source.column for e in lineage.columns["ssn_area"]] == ["ssn"]
    assert [e.source.column for e in lineage.columns["gender"]] == ["gender"]
    assert lineage.columns["visits"] == []


def test_audit_of_a_generated_project_is_fast() -> None:
    """A 300-model chain with star expansion audits in well under a minute (the benchmark uses 500)."""
    from aegis.lineage.bench import synthetic_manifest

    manifest = synthetic_manifest(300)
    started = time.perf_counter()
    report = audit(manifest)
    assert report.models == 300
    assert time.perf_counter() - started < 60
    assert {f.kind for f in report.findings} == {"undeclared_phi"}


def test_star_over_an_unknown_relation_resolves_only_when_unambiguous() -> None:
    single = statement_lineage("select * from db.s.unknown", "duckdb", {}, ["a"])
    assert [(e.source.relation, e.source.column) for e in single.columns["a"]] == [
        (("db", "s", "unknown"), "a")
    ]
    joined = statement_lineage(
        "select * from db.s.one as x join db.s.two as y on x.k = y.k", "duckdb", {}, ["a"]
    )
    assert joined.columns["a"] == [] and joined.unresolved == ["star column a"]


def test_cli_fails_on_findings_and_writes_reports(compiled_mini_project: MiniProject) -> None:
    import subprocess
    import sys
    from pathlib import Path

    out = compiled_mini_project.target.parent / "audit-reports"
    command = [
        str(Path(sys.executable).parent / "aegis"),
        "governance",
        "lineage-audit",
        "--no-compile",
        "--out",
        str(out),
        "--json",
    ]
    result = subprocess.run(
        command,
        cwd=compiled_mini_project.root,
        env=compiled_mini_project.env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr[-2000:]
    assert len(json.loads(result.stdout)["findings"]) == 14
    assert (out / "lineage-audit.json").is_file() and "<svg" in (out / "lineage-audit.html").read_text()
