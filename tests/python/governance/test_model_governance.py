"""The model governance check fails on what it exists to catch (manifests built by hand, no dbt run)."""

from __future__ import annotations

from typing import Any

from aegis.governance.model_governance import problems


def _model(name: str, **extra: Any) -> dict[str, Any]:
    return {
        "unique_id": f"model.aegis.{name}",
        "resource_type": "model",
        "package_name": "aegis",
        "name": name,
        "original_file_path": f"models/{name}.sql",
        "patch_path": "aegis://models/_m.yml",
        "group": "clinical",
        "access": "protected",
        "config": {"meta": {}},
        **extra,
    }


def _test(kind: str, model: str, column: str | None) -> dict[str, Any]:
    return {
        "unique_id": f"test.aegis.{kind}_{model}_{column}",
        "resource_type": "test",
        "package_name": "aegis",
        "name": f"{kind}_{model}_{column}",
        "test_metadata": {"name": kind},
        "column_name": column,
        "attached_node": f"model.aegis.{model}",
        "depends_on": {"nodes": [f"model.aegis.{model}"]},
    }


def _manifest(*nodes: dict[str, Any], exposures: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "metadata": {"project_name": "aegis"},
        "nodes": {n["unique_id"]: n for n in nodes},
        "sources": {},
        "groups": {"group.aegis.clinical": {"name": "clinical", "owner": {"email": "c@example.org"}}},
        "exposures": {f"exposure.aegis.{e['name']}": e for e in (exposures or [])},
    }


def _exposure(tier: str, *models: str) -> dict[str, Any]:
    return {
        "name": f"{tier}_consumer",
        "config": {"meta": {"aegis_tier": tier}},
        "depends_on": {"nodes": [f"model.aegis.{m}" for m in models]},
    }


def test_a_keyed_grouped_project_with_a_fitting_exposure_passes() -> None:
    manifest = _manifest(
        _model("rates", access="public", config={"meta": {"aggregate_safe": True}}),
        _test("unique", "rates", "id"),
        _test("not_null", "rates", "id"),
        exposures=[_exposure("aggregate", "rates")],
    )
    assert problems(manifest) == []


def test_unique_without_not_null_is_no_primary_key() -> None:
    manifest = _manifest(_model("facts"), _test("unique", "facts", "id"), exposures=[_exposure("aggregate")])
    assert any("facts" in p and "no primary-key test" in p for p in problems(manifest))


def test_a_combination_is_a_primary_key_and_a_missing_group_is_reported() -> None:
    manifest = _manifest(
        _model("pairs", group=None),
        _test("unique_combination_of_columns", "pairs", None),
        exposures=[_exposure("aggregate")],
    )
    assert problems(manifest) == ["model pairs (models/pairs.sql): no group; set +group in dbt_project.yml"]


def test_an_exposure_may_not_read_a_row_level_or_non_public_mart() -> None:
    manifest = _manifest(
        _model("patients"),
        _test("unique", "patients", "id"),
        _test("not_null", "patients", "id"),
        exposures=[_exposure("aggregate", "patients")],
    )
    found = problems(manifest)
    assert any("not access: public" in p for p in found)
    assert any("which that tier may not read" in p for p in found)


def test_nothing_to_check_fails() -> None:
    assert problems(_manifest()) == ["the manifest holds no model: nothing to check"]
    assert any("no exposure" in p for p in problems(_manifest(_model("m"))))
