"""Staging generated from SQL on FHIR v2 ViewDefinitions (aegis.staging): up to date, compiling on every
engine, reading the declared systems, and classified at least as strictly as the FHIR elements they read."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest
import yaml

from aegis.lineage.categories import strictness
from aegis.lineage.fhir_paths import fhir_path_category, fhirpath_element_path
from aegis.staging.generate import (
    StagingViewError,
    model_sql,
    ranks_flattened_rows,
    read_staging_view,
    staging_views,
    write_or_check,
)
from aegis.staging.systems import DECLARED
from aegis.views import ENGINES, ViewCompileError, compile_view

ROOT = Path(__file__).resolve().parents[2]
VIEWS = staging_views(ROOT)


def _declared_phi() -> dict[tuple[str, str], str]:
    document = yaml.safe_load((ROOT / "models/staging/fhir/_fhir__models.yml").read_text())
    return {
        (model["name"], column["name"]): column["config"]["meta"]["phi"]
        for model in document["models"]
        for column in model["columns"]
    }


def test_the_staging_models_come_from_views_and_are_up_to_date() -> None:
    assert len(VIEWS) == 11  # the ten of the marts and the Immunization worked example
    assert write_or_check(ROOT, check=True) == []


@pytest.mark.parametrize("view", VIEWS, ids=[view.model for view in VIEWS])
def test_every_view_compiles_on_every_engine(view: object) -> None:
    for engine in ENGINES:
        compiled = compile_view(view.document, engine)  # type: ignore[attr-defined]
        assert compiled.sql.lstrip().startswith("select")


def test_systems_are_declared_once() -> None:
    used = {c["name"]: c["valueString"] for view in VIEWS for c in view.document.get("constant", [])}
    assert used and all(DECLARED[name] == value for name, value in used.items())
    path = ROOT / "models/staging/fhir/views/stg_fhir__patients.json"
    document = copy.deepcopy(read_staging_view(path).document)
    document["constant"][0]["valueString"] = "urn:somewhere:else"
    altered = path.parent / "altered" / "stg_fhir__patients.json"
    altered.parent.mkdir(exist_ok=True)
    try:
        altered.write_text(__import__("json").dumps(document))
        with pytest.raises(StagingViewError, match="constant %mrn_system"):
            read_staging_view(altered)
    finally:
        altered.unlink()
        altered.parent.rmdir()


def test_every_staging_column_is_classified_at_least_as_its_fhir_elements() -> None:
    """The PHI lineage audit follows the same paths; this names the column when one is under-classified."""
    declared = _declared_phi()
    checked = 0
    for view in VIEWS:
        resource_type = view.document["resource"]
        for column in view.columns:
            for path in column.paths:
                category = fhir_path_category(resource_type, fhirpath_element_path(path)) or "none"
                assert strictness(declared[(view.model, column.name)]) >= strictness(category), (
                    view.model,
                    column.name,
                    path,
                    category,
                )
                checked += 1
    assert checked > 80


def test_the_sensitive_paths_are_recognised() -> None:
    cases = {
        "identifier.where(system = %ssn_system).value.first()": "ssn",
        "deceased.ofType(dateTime)": "death_date",
        "telecom.where(system = 'email').value.first()": "email",
        "address.postalCode.first()": "zip",
    }
    for expression, category in cases.items():
        assert fhir_path_category("Patient", fhirpath_element_path(expression)) == category
    assert (
        fhir_path_category(
            "ExplanationOfBenefit", fhirpath_element_path("item[].serviced.ofType(Period).start")
        )
        == "event_date"
    )


def test_an_unsupported_expression_names_the_view_the_column_and_the_expression() -> None:
    view = copy.deepcopy(VIEWS[0].document)
    view["select"][0]["column"][0]["path"] = "name.family.descendants()"
    with pytest.raises(ViewCompileError) as raised:
        compile_view(view, "duckdb")
    message = str(raised.value)
    assert VIEWS[0].model in message and "descendants()" in message


def test_only_a_view_of_one_row_per_resource_that_filters_none_ranks_its_flattened_rows() -> None:
    """Ranking flattened rows is only right when every delivery gives exactly one row: a `where` could drop
    the latest delivery and let an older one win, and a forEach's rows of one delivery must stay together."""
    by_model = {view.model: view for view in VIEWS}
    ranked_after = [model for model, view in by_model.items() if ranks_flattened_rows(view.document)]
    assert sorted(ranked_after) == sorted(set(by_model) - {"stg_fhir__explanation_of_benefit_items"})
    observations = by_model["stg_fhir__observations"]
    assert "fhir_latest_versions('flattened_versions'" in model_sql(observations)
    filtered = copy.deepcopy(observations.document)
    filtered["where"] = [{"path": "status = 'final'"}]
    assert not ranks_flattened_rows(filtered)
    assert "fhir_latest_versions('envelopes'" in model_sql(
        dataclasses.replace(observations, document=filtered)
    )
    lines = by_model["stg_fhir__explanation_of_benefit_items"]
    assert "fhir_latest_versions('envelopes'" in model_sql(lines)
