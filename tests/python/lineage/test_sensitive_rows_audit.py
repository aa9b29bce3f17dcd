"""Row sensitivity propagates like column PHI: the lineage audit's row-level rule on the real project.

The project's own manifest (from `dbt parse`, no warehouse) must be clean and must mark sensitive rows at
staging; the same manifest with one declaration taken away must fail, naming the model and its marked
parent. So the rule is shown to fire, not only to stay quiet.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from aegis.governance.dbt_cli import run_dbt
from aegis.governance.sample_project import isolated_dbt_env
from aegis.lineage.audit import ROWS, audit_sensitive_rows, sensitive_row_column
from aegis.lineage.nodes import RelationNode, relation_nodes
from aegis.paths import project_root
from aegis.staging.generate import SENSITIVE_ROW_COLUMN, StagingViewError, read_staging_view

MARKED_AT_STAGING = {
    "stg_fhir__conditions",
    "stg_fhir__encounters",
    "stg_fhir__claims",
    "stg_fhir__explanation_of_benefits",
    "stg_fhir__explanation_of_benefit_items",
    "stg_fhir__medication_requests",
    "stg_fhir__procedures",
}


@pytest.fixture(scope="module")
def manifest(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    work = tmp_path_factory.mktemp("row-audit")
    result = run_dbt(["parse", "--no-partial-parse"], env=isolated_dbt_env(work))
    assert result.ok, result.output[-2000:]
    loaded: dict[str, Any] = json.loads((work / "target" / "manifest.json").read_text())
    return loaded


def nodes_of(manifest: dict[str, Any]) -> dict[str, RelationNode]:
    return {node.unique_id: node for node in relation_nodes(manifest)}


def set_meta(manifest: dict[str, Any], model: str, key: str, value: object | None) -> None:
    node = manifest["nodes"][f"model.aegis.{model}"]
    for meta in (node.setdefault("meta", {}), node.setdefault("config", {}).setdefault("meta", {})):
        meta.pop(key, None)
        if value is not None:
            meta[key] = value


def test_the_project_marks_staging_rows_and_the_audit_is_clean(manifest: dict[str, Any]) -> None:
    nodes = nodes_of(manifest)
    marked = {n.name for n in nodes.values() if sensitive_row_column(n) == SENSITIVE_ROW_COLUMN}
    assert marked >= MARKED_AT_STAGING
    # carried beyond staging, not only declared there
    assert {
        "int_encounters_assigned_to_stays",
        "int_encounters_grouped_to_stays",
        "fct_claim_lines",
    } <= marked
    assert audit_sensitive_rows(nodes) == []


def test_a_model_that_drops_the_mark_fails(manifest: dict[str, Any]) -> None:
    broken = copy.deepcopy(manifest)
    set_meta(broken, "int_encounters_assigned_to_stays", "sensitive_row_column", None)
    findings = audit_sensitive_rows(nodes_of(broken))
    assert [(f.kind, f.model, f.column) for f in findings] == [
        ("unfiltered_sensitive_rows", "int_encounters_assigned_to_stays", ROWS)
    ]
    assert findings[0].upstream_path == ("stg_fhir__encounters.is_part2_sensitive [sensitive rows]",)
    assert "sensitive_row_column" in findings[0].fix


def test_an_exclusion_must_be_declared_and_backed_by_the_sql(manifest: dict[str, Any]) -> None:
    undeclared = copy.deepcopy(manifest)
    set_meta(undeclared, "mart_pmpm", "sensitive_rows_excluded", None)
    assert [f.model for f in audit_sensitive_rows(nodes_of(undeclared))] == ["mart_pmpm"]

    unbacked = copy.deepcopy(manifest)
    unbacked["nodes"]["model.aegis.mart_pmpm"]["compiled_code"] = "select payer_name from claim_lines"
    [finding] = audit_sensitive_rows(nodes_of(unbacked))
    assert finding.model == "mart_pmpm"
    assert "filter the parents' rows on is_part2_sensitive" in finding.fix


def test_a_view_tag_names_a_known_code_system(tmp_path: Path) -> None:
    conditions = project_root() / "models/staging/fhir/views/stg_fhir__conditions.json"
    view = json.loads(conditions.read_text())
    view["select"][0]["column"][2]["tag"] = [{"name": "aegis/sensitive-code", "value": "loinc"}]
    path = tmp_path / "stg_fhir__conditions.json"
    path.write_text(json.dumps(view))
    with pytest.raises(StagingViewError, match="aegis/sensitive-code must be one of"):
        read_staging_view(path)
    staged = read_staging_view(conditions)
    assert staged.sensitive_codes == (("icd10cm", "icd10cm_code"), ("snomed", "snomed_code"))
