"""Quarantine reason codes and the validation error type.

An error names *what* is wrong (a reason code) and *where* (a FHIR field path such as
`Claim.item[2].servicedDate`), never the value: values are PHI, and errors travel to logs, DLQ
messages and quarantine reason text.
"""

from __future__ import annotations

from typing import NamedTuple

MALFORMED_JSON = "malformed_json"
UNSUPPORTED_RESOURCE_TYPE = "unsupported_resource_type"
MISSING_REQUIRED = "missing_required"
INVALID_TYPE = "invalid_type"
INVALID_CODE = "invalid_code"
INVALID_DATE = "invalid_date"
TRANSACTION_ROLLED_BACK = "transaction_rolled_back"

# Also the priority order: a record with several errors is quarantined under the first reason of this
# tuple that it has, so that the reason of a record does not depend on the order fields were checked in.
REASONS: tuple[str, ...] = (
    MALFORMED_JSON,
    UNSUPPORTED_RESOURCE_TYPE,
    MISSING_REQUIRED,
    INVALID_TYPE,
    INVALID_CODE,
    INVALID_DATE,
    TRANSACTION_ROLLED_BACK,
)
_PRIORITY = {reason: rank for rank, reason in enumerate(REASONS)}


class ValidationError(NamedTuple):
    """One problem in a record: a reason code and the field path (no value, ever)."""

    code: str
    path: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "path": self.path}


def primary_reason(errors: list[ValidationError] | tuple[ValidationError, ...]) -> str:
    """The reason a record is quarantined under: the highest-priority code among its errors."""
    if not errors:
        raise ValueError("a quarantined record needs at least one error")
    return min((error.code for error in errors), key=_PRIORITY.__getitem__)
