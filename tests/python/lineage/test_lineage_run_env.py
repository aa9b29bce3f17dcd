"""The environment `aegis lineage run` gives dbt-ol: openlineage-dbt's logger quiet unless the user asks."""

from __future__ import annotations

from pathlib import Path

import pytest

from aegis.lineage.emit import child_env


def test_openlineage_dbt_warnings_are_silenced_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENLINEAGE_DBT_LOGGING", raising=False)
    env = child_env(tmp_path / "openlineage.yml", tmp_path)
    assert env["OPENLINEAGE_DBT_LOGGING"] == "ERROR"
    assert env["OPENLINEAGE_CONFIG"] == str(tmp_path / "openlineage.yml")


def test_a_users_logging_level_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENLINEAGE_DBT_LOGGING", "WARNING")
    assert child_env(tmp_path / "openlineage.yml", tmp_path)["OPENLINEAGE_DBT_LOGGING"] == "WARNING"
