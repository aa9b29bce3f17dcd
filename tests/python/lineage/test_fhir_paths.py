"""Every resource type staged from a ViewDefinition has its PHI paths profiled for the lineage audit.

An unprofiled type makes the audit fall back to the raw `resource` column's category (the strictest), so
every staging column of it is reported as inheriting `ssn`: a new view needs its dates listed here too.
"""

from __future__ import annotations

import json
from pathlib import Path

from aegis.lineage.fhir_paths import PHI_PATHS, fhir_path_category, fhirpath_element_path
from aegis.paths import project_root

VIEWS = sorted((project_root() / "models" / "staging" / "fhir" / "views").glob("*.json"))


def test_every_staged_resource_type_is_profiled() -> None:
    staged = {json.loads(Path(view).read_text())["resource"] for view in VIEWS}
    assert len(staged) >= 10
    assert not staged - set(PHI_PATHS), (
        f"add their PHI paths to aegis.lineage.fhir_paths: {staged - set(PHI_PATHS)}"
    )


def test_immunization_dates_are_event_dates_and_codes_are_not_phi() -> None:
    def category(expression: str) -> str | None:
        return fhir_path_category("Immunization", fhirpath_element_path(expression))

    assert category("occurrence.ofType(dateTime)") == "event_date"
    assert category("recorded") == "event_date"
    assert category("vaccineCode.coding.where(system = %cvx).code.first()") == "none"
    assert category("status") == "none"
    assert fhir_path_category("NotProfiled", "anything") is None
