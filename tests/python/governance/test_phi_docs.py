"""PHI at a glance in dbt docs: derived tags and classification tables, and the model page in Chromium."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from aegis.browser import ChromiumMissing, chromium_path
from aegis.governance import phi_docs
from aegis.governance.dbt_cli import DbtResult

# The run_dbt fixture's type (tests/python/conftest.py); `from conftest import` picks whichever conftest
# is first on sys.path, which under xdist is not always that one.
RunDbt = Callable[..., DbtResult]

ROOT = Path(__file__).resolve().parents[3]


def _copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(ROOT / "models", project / "models")
    shutil.copytree(ROOT / "snapshots", project / "snapshots")
    shutil.copy(ROOT / "dbt_project.yml", project / "dbt_project.yml")
    return project


def test_the_repository_is_up_to_date() -> None:
    assert phi_docs.run(ROOT, check=True) == []


def test_a_reclassified_column_makes_tags_and_table_stale_until_rewritten(tmp_path: Path) -> None:
    project = _copy_project(tmp_path)
    models = project / "models" / "marts" / "clinical" / "_clinical__models.yml"
    text = models.read_text()
    # dim_patient.language_code: quasi -> other_id (the first `phi: quasi` after it).
    at = text.index("- name: language_code")
    end = text.index("phi: quasi", at) + len("phi: quasi")
    models.write_text(text[: end - len("quasi")] + "other_id" + text[end:])

    problems = phi_docs.run(project, check=True)
    assert any("_clinical__models.yml is stale" in p for p in problems)
    assert any("_clinical__classification.md is stale" in p for p in problems)

    assert phi_docs.run(project, check=False) == []
    assert phi_docs.run(project, check=True) == []
    rewritten = models.read_text()
    assert '"phi:other_id"' in rewritten[rewritten.index("- name: language_code") :].split("- name:")[1]
    table = (models.parent / "_clinical__classification.md").read_text()
    assert "| `language_code` | **other_id** | clear | pseudonym | deny | deny |" in table


def test_contains_phi_must_agree_with_the_columns(tmp_path: Path) -> None:
    project = _copy_project(tmp_path)
    models = project / "models" / "marts" / "finance" / "_finance__models.yml"
    text = models.read_text()
    at = text.index("- name: dim_coverage")
    models.write_text(text[:at] + text[at:].replace("contains_phi: true", "contains_phi: false", 1))
    problems = phi_docs.run(project, check=True)
    assert any("dim_coverage declares meta.contains_phi: false" in p for p in problems)


def test_nothing_to_check_is_a_failure(tmp_path: Path) -> None:
    project = tmp_path / "empty"
    (project / "models").mkdir(parents=True)
    shutil.copy(ROOT / "dbt_project.yml", project / "dbt_project.yml")
    assert phi_docs.run(project, check=True) != []


def test_the_classification_is_on_the_model_page_in_chromium(tmp_path: Path, run_dbt: RunDbt) -> None:
    try:
        chromium_path()
    except ChromiumMissing as missing:  # make test installs it (make chromium); say so rather than pass
        pytest.fail(str(missing))
    target = tmp_path / "target"
    built = Path(os.environ.get("AEGIS_CHECK_DOCS_TARGET", "/nonexistent"))
    if (built / "index.html").is_file() and (built / "manifest.json").is_file():
        # make test: the site its build group generated (a copy: this test edits the manifest).
        target.mkdir()
        for name in ("index.html", "manifest.json", "catalog.json"):
            shutil.copy(built / name, target / name)
    else:
        # Docs of the real project without a warehouse: parse, then docs without compile or catalog.
        assert run_dbt("parse").ok
        generated = run_dbt("docs", "generate", "--no-compile", "--empty-catalog")
        assert generated.ok, generated.output[-2000:]

    shot = tmp_path / "dim_patient.png"
    assert phi_docs.check_docs_page(target, "dim_patient", shot) == []
    assert shot.stat().st_size > 0

    # The same page without the generated table must fail: the check reads what the browser shows.
    manifest_path = target / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    node = manifest["nodes"]["model.aegis.dim_patient"]
    node["description"] = node["description"].split("**PHI classification**")[0]
    manifest_path.write_text(json.dumps(manifest))
    problems = phi_docs.check_docs_page(target, "dim_patient", tmp_path / "without.png")
    assert any("no PHI classification table" in p for p in problems)
    assert any("dim_patient.ssn: its category ssn" in p for p in problems)
