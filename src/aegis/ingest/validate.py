"""What decides whether a resource lands: FHIR R4 conformance, and nothing of our own making.

`validate_resource(resource, now=...) -> (errors, findings)`:
- `errors` (quarantine reasons) come from the official R4 element model alone (aegis.fhir.conformance);
- `findings` are profile expectations (aegis.ingest.findings): recorded with the landed record, never a
  reason to drop a conformant resource. Findings are computed only for conformant resources.
"""

from __future__ import annotations

from datetime import datetime

from aegis.fhir.conformance import check_resource
from aegis.ingest.errors import ValidationError
from aegis.ingest.findings import profile_findings


def validate_resource(
    resource: object, *, now: datetime | None = None
) -> tuple[list[ValidationError], list[ValidationError]]:
    """(conformance errors, profile findings) of one resource; no errors means it lands."""
    errors = check_resource(resource)
    if errors:
        return errors, []
    assert isinstance(resource, dict)
    return [], profile_findings(resource, now)
