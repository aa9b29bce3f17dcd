"""`aegis governance access-matrix`: every model.column of the plan, per tier, as Markdown, CSV and a
self-contained HTML page; outcomes are the plan's strategies; no data value is ever written.
(Measured-on-PostgreSQL behaviour is tested with verify in test_verify.py.)"""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from aegis.cli import app
from aegis.governance.access_matrix import parse_formats
from aegis.governance.classification import load_plan
from aegis.governance.dbt_cli import run_dbt
from aegis.governance.sample_project import PATIENT_ROWS, isolated_dbt_env, write_sample_project

pytestmark = pytest.mark.slow


class TableReader(HTMLParser):
    """Collects the cells of each table row (with their class) and the page's input/script tags."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[tuple[str, str]]] = []
        self.tags: list[str] = []
        self._cell: list[str] | None = None
        self._class = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell, self._class = [], dict(attrs).get("class") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(("".join(self._cell), self._class))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], list[dict[str, Any]]]:
    work = tmp_path_factory.mktemp("access_matrix")
    project = write_sample_project(work / "project")
    env = isolated_dbt_env(work, AEGIS_REPORTS_DIR=str(work / "reports"))
    result = run_dbt(["parse"], project_dir=project, env=env)
    assert result.ok, result.output[-3000:]
    plan = load_plan(project, Path(env["DBT_TARGET_PATH"]) / "manifest.json")
    return project, env, plan


def matrix(project: Path, env: dict[str, str], *extra: str) -> Any:
    return CliRunner().invoke(
        app, ["governance", "access-matrix", "--project-dir", str(project), *extra], env=env
    )


def test_writes_every_model_column_in_each_format_to_the_reports_folder(parsed: Any) -> None:
    project, env, plan = parsed
    result = matrix(project, env)
    assert result.exit_code == 0, result.output
    out = Path(env["AEGIS_REPORTS_DIR"]) / "access-matrix"
    names = {p.name for p in out.iterdir()}
    assert names == {"access-matrix.md", "access-matrix.csv", "access-matrix-rows.csv", "access-matrix.html"}
    markdown = (out / "access-matrix.md").read_text()
    rows = list(csv.DictReader(io.StringIO((out / "access-matrix.csv").read_text())))
    page = TableReader()
    page.feed((out / "access-matrix.html").read_text())
    html_rows = {(r[0][0], r[1][0]): r for r in page.rows if len(r) == 7 and r[0][1] == ""}
    expected_cells = 0
    for entry in plan:
        for column in entry["columns"]:
            assert f"| {entry['name']} | {column['name']} |" in markdown
            html_row = html_rows[(entry["name"], column["name"])]
            for index, tier in enumerate(t["tier"] for t in entry["tiers"]):
                strategy = column["strategies"][tier]
                expected_cells += 1
                [row] = [
                    r
                    for r in rows
                    if (r["model"], r["column"], r["tier"]) == (entry["name"], column["name"], tier)
                ]
                assert row["strategy"] == strategy
                text, css = html_row[3 + index]
                outcome = {"clear": "clear", "deny": "denied"}.get(strategy, "masked")
                assert css == outcome
                assert text == (f"masked ({strategy})" if outcome == "masked" else outcome)
    assert len(rows) == expected_cells
    assert "input" in page.tags and "script" in page.tags  # the filter box
    assert "<link" not in (out / "access-matrix.html").read_text()  # self-contained


def test_sample_outcomes_and_row_filtering(parsed: Any, tmp_path: Path) -> None:
    project, env, _ = parsed
    result = matrix(project, env, "--out", str(tmp_path), "--format", "md,csv")
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "access-matrix.html").exists()
    markdown = (tmp_path / "access-matrix.md").read_text()
    assert "| stg_demo__patients | ssn | ssn | clear | denied | denied | denied |" in markdown
    assert (
        "| stg_demo__patients | birth_date | birth_date | clear | clear | masked (year) | denied |"
        in markdown
    )
    assert "| stg_demo__patients | mrn | mrn | clear | masked (pseudonym) | denied | denied |" in markdown
    assert (
        "| mart_demo_encounter_counts | encounter_count | none | clear | clear | clear | clear |" in markdown
    )
    rules = list(csv.DictReader(io.StringIO((tmp_path / "access-matrix-rows.csv").read_text())))
    by_tier = {(r["model"], r["tier"]): r["declared"] for r in rules}
    assert by_tier[("fct_demo_encounters", "phi_full")] == "sensitive rows visible"
    assert by_tier[("fct_demo_encounters", "phi_limited")] == "sensitive rows hidden"
    assert by_tier[("fct_demo_encounters", "aggregate")] == "no access"


def test_no_data_value_is_written(parsed: Any, tmp_path: Path) -> None:
    project, env, _ = parsed
    assert matrix(project, env, "--out", str(tmp_path)).exit_code == 0
    text = "".join(p.read_text() for p in tmp_path.iterdir())
    values = [
        v.strip().removeprefix("date ").strip("'")
        for v in PATIENT_ROWS.replace("(", ",").replace(")", ",").split(",")
    ]
    checked = [v for v in values if len(v) > 4 and v not in ("false", "unknown")]
    assert "1931-03-04" in checked and "123-45-6789" in checked
    for value in checked:
        assert value not in text, "a data value of the sample leaked into the access matrix"


def test_unknown_format_is_refused(parsed: Any) -> None:
    project, env, _ = parsed
    result = matrix(project, env, "--format", "md,pdf")
    assert result.exit_code == 2
    with pytest.raises(ValueError, match="pdf"):
        parse_formats("pdf")
