"""Fixtures for lineage tests: the adversarial mini dbt project, compiled once per session."""

from __future__ import annotations

import pytest
from lineage_helpers import MiniProject, make_mini_project


@pytest.fixture(scope="session")
def compiled_mini_project(tmp_path_factory: pytest.TempPathFactory) -> MiniProject:
    project = make_mini_project(tmp_path_factory.mktemp("lineage-audit"))
    result = project.dbt("compile")
    assert result.returncode == 0, result.stdout[-3000:]
    return project
