"""Quarantine reason codes, data-quality finding codes, and the error type both use.

An error names *what* is wrong (a code) and *where* (a FHIR path such as `Claim.item[2].servicedDate`),
never the value: values are PHI, and errors travel to logs, DLQ messages and quarantine reason text.

Reasons quarantine an item: it is not JSON, not a FHIR resource, or not conformant FHIR R4
(docs/fhir-conformance.md). Findings never do: they are profile expectations (US Core, our preferred code
systems) recorded with the landed record for dbt tests of severity warn.
"""

from __future__ import annotations

from typing import NamedTuple

# --- reasons: the item is quarantined ------------------------------------------------------------
MALFORMED_JSON = "malformed_json"
DUPLICATE_KEY = "duplicate_key"
NESTING_TOO_DEEP = "nesting_too_deep"
NOT_A_RESOURCE = "not_a_resource"
UNKNOWN_RESOURCE_TYPE = "unknown_resource_type"
UNKNOWN_ELEMENT = "unknown_element"
MISSING_REQUIRED = "missing_required"
INVALID_TYPE = "invalid_type"
INVALID_VALUE = "invalid_value"
MULTIPLE_CHOICE = "multiple_choice"
INVARIANT_FAILED = "invariant_failed"
MISSING_ID = "missing_id"
UNRESOLVABLE_DELETE = "unresolvable_delete"
TRUNCATED_INPUT = "truncated_input"
RECORD_TOO_LARGE = "record_too_large"

# Also the priority order: an item with several errors is quarantined under the first reason of this
# tuple that it has, so that its reason does not depend on the order elements were checked in.
REASONS: tuple[str, ...] = (
    MALFORMED_JSON,
    TRUNCATED_INPUT,
    RECORD_TOO_LARGE,
    DUPLICATE_KEY,
    NESTING_TOO_DEEP,
    NOT_A_RESOURCE,
    UNKNOWN_RESOURCE_TYPE,
    UNKNOWN_ELEMENT,
    MISSING_REQUIRED,
    INVALID_TYPE,
    INVALID_VALUE,
    MULTIPLE_CHOICE,
    INVARIANT_FAILED,
    MISSING_ID,
    UNRESOLVABLE_DELETE,
)
_PRIORITY = {reason: rank for rank, reason in enumerate(REASONS)}

# --- findings: the item lands, the finding travels with it ---------------------------------------
NO_PREFERRED_CODE_SYSTEM = "no_preferred_code_system"
NO_PATIENT_IDENTIFIER = "no_patient_identifier"
NO_NPI = "no_npi"
MUST_SUPPORT_MISSING = "must_support_missing"
DATE_IN_FUTURE = "date_in_future"
UNRESOLVED_REFERENCE = "unresolved_reference"

FINDINGS: tuple[str, ...] = (
    NO_PREFERRED_CODE_SYSTEM,
    NO_PATIENT_IDENTIFIER,
    NO_NPI,
    MUST_SUPPORT_MISSING,
    DATE_IN_FUTURE,
    UNRESOLVED_REFERENCE,
)


class ValidationError(NamedTuple):
    """One problem in a record: a code and the field path (no value, ever)."""

    code: str
    path: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "path": self.path}


def primary_reason(errors: list[ValidationError] | tuple[ValidationError, ...]) -> str:
    """The reason an item is quarantined under: the highest-priority code among its errors."""
    if not errors:
        raise ValueError("a quarantined item needs at least one error")
    return min((error.code for error in errors), key=_PRIORITY.__getitem__)
