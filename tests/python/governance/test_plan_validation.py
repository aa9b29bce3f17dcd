"""Classification validation fails the run, listing every problem at once with model, column and
allowed values, and never a data value. Each case breaks a fresh copy of the sample project."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from aegis.governance.dbt_cli import DbtResult, run_dbt
from aegis.governance.sample_project import isolated_dbt_env, write_sample_project

pytestmark = pytest.mark.slow

STAGING_YAML = Path("models/staging/demo/_demo__models.yml")
MARTS_YAML = Path("models/marts/demo/_demo__models.yml")


def _edit_yaml(project: Path, relative: Path, change: Any) -> None:
    path = project / relative
    document = json.loads(path.read_text())  # the sample writes JSON-flavoured YAML
    change(document)
    path.write_text(json.dumps(document, indent=2))


def _column(document: dict[str, Any], model: str, column: str) -> dict[str, Any]:
    node = next(m for m in document["models"] if m["name"] == model)
    found: dict[str, Any] = next(c for c in node["columns"] if c["name"] == column)
    return found


def _run(project: Path, work: Path, *extra: str) -> DbtResult:
    return run_dbt(["run", *extra], project_dir=project, env=isolated_dbt_env(work))


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    project = write_sample_project(tmp_path / "project")

    def break_staging(document: dict[str, Any]) -> None:
        del _column(document, "stg_demo__patients", "gender")["config"]["meta"]["phi"]
        _column(document, "stg_demo__patients", "city")["config"]["meta"]["phi"] = "hometown"
        _column(document, "stg_demo__patients", "ssn")["config"]["meta"]["phi_strategy"] = {
            "phi_limited": "scramble",
            "deidentified": "pseudonym",
            "auditors": "clear",
        }

    def break_marts(document: dict[str, Any]) -> None:
        encounters = next(m for m in document["models"] if m["name"] == "fct_demo_encounters")
        encounters["config"]["meta"]["contains_phi"] = False
        encounters["config"]["meta"]["sensitive_row_column"] = "is_secret"
        year = _column(document, "mart_demo_encounter_counts", "encounter_year")
        year["config"]["meta"]["phi_declassified"] = {"by": "aggregation"}

    _edit_yaml(project, STAGING_YAML, break_staging)
    _edit_yaml(project, MARTS_YAML, break_marts)
    result = _run(project, tmp_path)

    assert not result.ok
    output = result.output
    assert "Aegis classification check failed (8 problem(s))" in output
    expected = [
        "model 'stg_demo__patients' column 'gender': missing config.meta.phi (allowed: name, street_address,",
        "model 'stg_demo__patients' column 'city': unknown phi 'hometown' (allowed: name,",
        "column 'ssn': phi_strategy.phi_limited is unknown strategy 'scramble' (allowed: clear, redact,",
        "column 'ssn': phi_strategy.deidentified may not be pseudonym",
        "column 'ssn': phi_strategy names unknown tier 'auditors' (allowed: phi_full, phi_limited, deidentified, aggregate)",
        "model 'fct_demo_encounters': has PHI columns (mrn, city, admitted_at) but config.meta.contains_phi is not true",
        "model 'fct_demo_encounters': sensitive_row_column 'is_secret' is not a declared column",
        "column 'encounter_year': phi_declassified needs both 'by' and 'reason'",
    ]
    for message in expected:
        assert message in output, message
    # nothing was built: the hook stops the run before any model
    assert "START sql" not in output
    # no data value from the sample rows reaches the message
    for value in ("Rivera", "123-45-6789", "MRN-0001", "03601"):
        assert value not in output


def test_a_clean_project_passes_and_builds(tmp_path: Path) -> None:
    project = write_sample_project(tmp_path / "project")
    result = _run(project, tmp_path)
    assert result.ok, result.output[-3000:]
    assert "Completed successfully" in result.output


def test_bad_matrix_injected_through_vars_fails(tmp_path: Path) -> None:
    project = write_sample_project(tmp_path / "project")
    matrix = json.loads((project / "dbt_project.yml").read_text())["vars"]["aegis_strategy_matrix"]
    matrix["deidentified"]["mrn"] = "pseudonym"
    matrix["phi_limited"]["ssn"] = "shred"
    result = _run(project, tmp_path, "--vars", json.dumps({"aegis_strategy_matrix": matrix}))
    assert not result.ok
    assert "vars.aegis_strategy_matrix.deidentified.mrn: pseudonym is never allowed" in result.output
    assert "vars.aegis_strategy_matrix.phi_limited.ssn: unknown strategy 'shred'" in result.output


def test_a_model_without_columns_fails(tmp_path: Path) -> None:
    project = write_sample_project(tmp_path / "project")
    _edit_yaml(project, MARTS_YAML, lambda d: d["models"][0].update(columns=[]))
    result = _run(project, tmp_path)
    assert not result.ok
    assert "model 'fct_demo_encounters': declares no columns" in result.output


def test_a_built_column_that_is_not_classified_fails_the_model(tmp_path: Path) -> None:
    project = write_sample_project(tmp_path / "project")
    model = project / "models" / "marts" / "demo" / "fct_demo_encounters.sql"
    model.write_text(
        model.read_text().replace("is_part2_sensitive\n", "is_part2_sensitive,\n        mrn as mrn_copy\n")
    )
    result = _run(project, tmp_path)
    assert not result.ok
    assert "column 'mrn_copy' is in the built relation but not classified" in result.output


def test_dev_builds_skip_unselected_drafts_and_ci_fails_closed_with_a_fix(tmp_path: Path) -> None:
    """A model still being classified does not block `dbt run -s other` on the dev target; in CI (or any
    other target) the same run fails, naming the YAML file, a "did you mean" and the YAML to paste."""
    project = write_sample_project(tmp_path / "project")
    (project / "models" / "staging" / "demo" / "stg_demo__draft.sql").write_text(
        "select 1 as patient_key, cast('2000-01-01' as date) as birthdate\n"
    )

    def add_draft(document: dict[str, Any]) -> None:
        document["models"].append(
            {
                "name": "stg_demo__draft",
                "config": {"meta": {"contains_phi": True}},
                "columns": [
                    {"name": "patient_key", "config": {"meta": {"phi": "none"}}},
                    {"name": "birthdate", "config": {"meta": {"phi": "birthdate"}}},
                ],
            }
        )

    _edit_yaml(project, STAGING_YAML, add_draft)

    dev = run_dbt(
        ["run", "-s", "stg_demo__patients"], project_dir=project, env=isolated_dbt_env(tmp_path, CI="")
    )
    assert dev.ok, dev.output[-3000:]
    assert "classification checked for the selected nodes only" in dev.output

    ci = run_dbt(
        ["run", "-s", "stg_demo__patients"], project_dir=project, env=isolated_dbt_env(tmp_path, CI="true")
    )
    assert not ci.ok
    assert "model 'stg_demo__draft' column 'birthdate': unknown phi 'birthdate'" in ci.output
    assert "did you mean 'birth_date'?" in ci.output
    assert "in models/staging/demo/_demo__models.yml:" in ci.output
    assert "- name: birthdate" in ci.output and "phi: birth_date" in ci.output
    assert "How to classify: docs/classification.md" in ci.output
    assert "START sql" not in ci.output


def test_keyed_pseudonyms_name_their_identifier_and_stay_out_of_safe_harbor(tmp_path: Path) -> None:
    project = write_sample_project(tmp_path / "project")

    def add_pseudonyms(document: dict[str, Any]) -> None:
        patients = next(m for m in document["models"] if m["name"] == "stg_demo__patients")
        meta = {"phi": "keyed_pseudonym"}
        patients["columns"] += [
            {"name": "mrn_pseudonym", "config": {"meta": {**meta, "pseudonym_of": "mrn"}}},
            {"name": "lost_pseudonym", "config": {"meta": meta}},
            {"name": "stray_pseudonym", "config": {"meta": {**meta, "pseudonym_of": "nowhere"}}},
            {
                "name": "open_pseudonym",
                "config": {
                    "meta": {**meta, "pseudonym_of": "ssn", "phi_strategy": {"deidentified": "clear"}}
                },
            },
            {"name": "misfiled_code", "config": {"meta": {"phi": "mrn", "pseudonym_of": "mrn"}}},
        ]

    _edit_yaml(project, STAGING_YAML, add_pseudonyms)
    result = _run(project, tmp_path)
    assert not result.ok
    expected = [
        "column 'lost_pseudonym': a keyed_pseudonym column needs config.meta.pseudonym_of",
        "column 'stray_pseudonym': pseudonym_of 'nowhere' is not another declared column",
        "column 'open_pseudonym': a keyed pseudonym may not be readable by the deidentified tier",
        "column 'misfiled_code': pseudonym_of is only for phi: keyed_pseudonym columns",
    ]
    for message in expected:
        assert message in result.output, message
    assert "Aegis classification check failed (4 problem(s))" in result.output  # mrn_pseudonym is right
