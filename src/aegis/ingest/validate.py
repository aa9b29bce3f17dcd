"""Validation of the FHIR R4 subset of docs/fhir-subset.md: plain dict checks, no schema engine.

`validate_resource` returns every problem as `ValidationError(code, path)`; an empty list means valid.
It never raises on any JSON value (a fuzz test holds it to that) and never copies a value into an error.

Rules beyond the tables of the profile, decided here:
- An empty string, empty array or empty object counts as absent (FHIR forbids empty elements), and a
  JSON `null` too: a required element that is empty is `missing_required`.
- A `date` is `YYYY-MM-DD`. A `dateTime` is a date or `YYYY-MM-DDThh:mm:ss[.f{1,9}]` with `Z` or `±hh:mm`
  (FHIR: a time needs a zone). An `instant` (meta.lastUpdated) must have the time and the zone.
- "Not in the future" is judged against `now` (the time the handler received the record) plus
  `CLOCK_SKEW` for date-times; a date is in the future once it has not yet begun anywhere on Earth (UTC+14).
- A period compares at day precision when either end is a plain date.
- A `coding[0]` with a pinned system must carry that system (`invalid_code` otherwise) and a code of
  its format (see `aegis.ingest.codes`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from aegis.ingest import codes
from aegis.ingest.errors import (
    INVALID_CODE,
    INVALID_DATE,
    INVALID_TYPE,
    MISSING_REQUIRED,
    UNSUPPORTED_RESOURCE_TYPE,
    ValidationError,
)

RESOURCE_TYPES: frozenset[str] = frozenset(
    {
        "Patient",
        "Encounter",
        "Condition",
        "Observation",
        "Procedure",
        "MedicationRequest",
        "Coverage",
        "Claim",
        "ExplanationOfBenefit",
    }
)
BUNDLE_TYPES: frozenset[str] = frozenset({"collection", "transaction"})
CLOCK_SKEW = timedelta(minutes=5)
# The earliest UTC offset in use is -12:00 and the latest +14:00: a date has begun somewhere once UTC
# is past its start minus 14 hours.
_LATEST_OFFSET = timedelta(hours=14)

MRN_SYSTEM = "urn:aegis:mrn"
SSN_SYSTEM = "http://hl7.org/fhir/sid/us-ssn"

_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")
_DIGITS = re.compile(r"[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})"
)
_SSN = re.compile(r"[0-9]{3}-[0-9]{2}-[0-9]{4}")
_ZIP5 = re.compile(r"[0-9]{5}")
_BCP47 = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_DISCHARGE_DISPOSITION = re.compile(r"[0-9]{2}")


def _reference_pattern(resource_type: str) -> re.Pattern[str]:
    return re.compile(resource_type + r"/[A-Za-z0-9\-.]{1,64}")


_PATIENT_REF = _reference_pattern("Patient")
_ENCOUNTER_REF = _reference_pattern("Encounter")
_COVERAGE_REF = _reference_pattern("Coverage")
_CLAIM_REF = _reference_pattern("Claim")

GENDERS = frozenset({"male", "female", "other", "unknown"})
MARITAL_STATUSES = frozenset("ADILMPSTUW")
COVERAGE_STATUSES = frozenset({"active", "cancelled", "draft", "entered-in-error"})
PLAN_TYPES = frozenset({"COMM", "MCARE", "MCAID", "SELF"})
ENCOUNTER_STATUSES = frozenset(
    {
        "planned",
        "arrived",
        "triaged",
        "in-progress",
        "onleave",
        "finished",
        "cancelled",
        "entered-in-error",
        "unknown",
    }
)
ENCOUNTER_CLASSES = frozenset({"AMB", "EMER", "IMP"})
CLINICAL_STATUSES = frozenset({"active", "recurrence", "relapse", "inactive", "remission", "resolved"})
OBSERVATION_STATUSES = frozenset(
    {"registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"}
)
OBSERVATION_CATEGORIES = frozenset({"laboratory", "vital-signs"})
PROCEDURE_STATUSES = frozenset(
    {
        "preparation",
        "in-progress",
        "not-done",
        "on-hold",
        "stopped",
        "completed",
        "entered-in-error",
        "unknown",
    }
)
MEDICATION_REQUEST_STATUSES = frozenset(
    {"active", "on-hold", "cancelled", "completed", "entered-in-error", "stopped", "draft", "unknown"}
)
MEDICATION_REQUEST_INTENTS = frozenset({"order", "plan", "proposal"})
CLAIM_STATUSES = COVERAGE_STATUSES
CLAIM_TYPES = frozenset({"institutional", "professional", "pharmacy"})
CLAIM_USES = frozenset({"claim"})
EOB_OUTCOMES = frozenset({"queued", "complete", "error", "partial"})
# The adjudication categories of an EOB item, in the order the profile pins them.
EOB_ADJUDICATION_CATEGORIES = ("submitted", "eligible", "benefit")

_Moment = date | datetime
_Json = dict[str, Any]
# Types whose empty value FHIR forbids: empty means absent.
_CONTAINERS = (str, list, dict)
_ONLY: dict[str, frozenset[str]] = {
    value: frozenset({value})
    for value in (
        *codes.CODE_CHECKS,
        MRN_SYSTEM,
        SSN_SYSTEM,
        "phone",
        "email",
        *EOB_ADJUDICATION_CATEGORIES,
    )
}


class _Checker:
    """Collects errors while walking one resource; each accessor returns the value when it is usable."""

    __slots__ = ("errors", "latest_date", "latest_instant")

    def __init__(self, now: datetime) -> None:
        self.errors: list[ValidationError] = []
        self.latest_instant = now + CLOCK_SKEW
        self.latest_date = (now.astimezone(UTC) + _LATEST_OFFSET).date()

    def fail(self, code: str, path: str) -> None:
        self.errors.append(ValidationError(code, path))

    # --- structure ---------------------------------------------------------------------------------

    def _get(self, parent: _Json, key: str, path: str, kind: type, required: bool) -> Any:
        value = parent.get(key)
        # Fast path first: orjson gives exact types, and nearly every element is present and well typed.
        if type(value) is kind and value:
            return value
        return self._irregular(value, key, path, kind, required)

    def _irregular(self, value: object, key: str, path: str, kind: type, required: bool) -> Any:
        if value is None or (not value and isinstance(value, _CONTAINERS)):
            if required:
                self.fail(MISSING_REQUIRED, f"{path}.{key}")
            return None
        if not isinstance(value, kind):
            self.fail(INVALID_TYPE, f"{path}.{key}")
            return None
        return value

    def obj(self, parent: _Json, key: str, path: str, required: bool = True) -> _Json | None:
        value: _Json | None = self._get(parent, key, path, dict, required)
        return value

    def first(self, parent: _Json, key: str, path: str, required: bool = True) -> _Json | None:
        """`parent[key][0]` as an object."""
        items = self.array(parent, key, path, required)
        if items is None:
            return None
        return self.element(items, 0, f"{path}.{key}", required)

    def array(self, parent: _Json, key: str, path: str, required: bool = True) -> list[Any] | None:
        value: list[Any] | None = self._get(parent, key, path, list, required)
        return value

    def element(self, items: list[Any], index: int, path: str, required: bool = True) -> _Json | None:
        value = items[index] if index < len(items) else None
        if type(value) is dict and value:
            return value
        if value is None or value == {}:
            if required:
                self.fail(MISSING_REQUIRED, f"{path}[{index}]")
            return None
        if not isinstance(value, dict):
            self.fail(INVALID_TYPE, f"{path}[{index}]")
            return None
        return value

    # --- scalars -----------------------------------------------------------------------------------

    def string(
        self,
        parent: _Json,
        key: str,
        path: str,
        required: bool = True,
        *,
        allowed: frozenset[str] | None = None,
        pattern: re.Pattern[str] | None = None,
        check: Callable[[str], bool] | None = None,
    ) -> str | None:
        value = parent.get(key)
        if type(value) is not str or not value:
            value = self._irregular(value, key, path, str, required)
            if value is None:
                return None
        if (
            (allowed is not None and value not in allowed)
            or (pattern is not None and pattern.fullmatch(value) is None)
            or (check is not None and not check(value))
        ):
            self.fail(INVALID_CODE, f"{path}.{key}")
            return None
        return value

    def number(self, parent: _Json, key: str, path: str, required: bool = True) -> float | None:
        value = parent.get(key)
        if value is None:
            if required:
                self.fail(MISSING_REQUIRED, f"{path}.{key}")
            return None
        # bool is an int in Python but not a number in JSON.
        if type(value) is not int and type(value) is not float:
            self.fail(INVALID_TYPE, f"{path}.{key}")
            return None
        return float(value)

    def positive_int(self, parent: _Json, key: str, path: str, required: bool = True) -> int | None:
        value = parent.get(key)
        if value is None:
            if required:
                self.fail(MISSING_REQUIRED, f"{path}.{key}")
            return None
        if type(value) is not int:
            self.fail(INVALID_TYPE, f"{path}.{key}")
            return None
        if value < 1:
            self.fail(INVALID_CODE, f"{path}.{key}")
            return None
        return value

    # --- dates -------------------------------------------------------------------------------------

    def date(self, parent: _Json, key: str, path: str, required: bool = True) -> date | None:
        value: str | None = self._get(parent, key, path, str, required)
        if value is None:
            return None
        parsed = _parse_date(value) if _DATE.fullmatch(value) else None
        if parsed is None or parsed > self.latest_date:
            self.fail(INVALID_DATE, f"{path}.{key}")
            return None
        return parsed

    def date_time(
        self, parent: _Json, key: str, path: str, required: bool = True, *, instant: bool = False
    ) -> _Moment | None:
        value: str | None = self._get(parent, key, path, str, required)
        if value is None:
            return None
        parsed: _Moment | None
        if _DATE_TIME.fullmatch(value):
            parsed = _parse_date_time(value)
            if parsed is not None and parsed > self.latest_instant:
                parsed = None
        elif not instant and _DATE.fullmatch(value):
            parsed = _parse_date(value)
            if parsed is not None and parsed > self.latest_date:
                parsed = None
        else:
            parsed = None
        if parsed is None:
            self.fail(INVALID_DATE, f"{path}.{key}")
        return parsed

    def ordered(self, start: _Moment | None, end: _Moment | None, path: str) -> None:
        """Fail `path` when a period ends before it starts (at day precision if either end is a date)."""
        if start is None or end is None:
            return
        if type(start) is not type(end):
            start = start.date() if isinstance(start, datetime) else start
            end = end.date() if isinstance(end, datetime) else end
        if start > end:
            self.fail(INVALID_DATE, path)

    def period(
        self, parent: _Json, key: str, path: str, *, end_required: bool, dates_only: bool = False
    ) -> None:
        period = self.obj(parent, key, path)
        if period is None:
            return
        period_path = f"{path}.{key}"
        read = self.date if dates_only else self.date_time
        start = read(period, "start", period_path)
        end = read(period, "end", period_path, end_required)
        self.ordered(start, end, f"{period_path}.end")

    # --- FHIR datatypes ----------------------------------------------------------------------------

    def coding(
        self, parent: _Json, key: str, path: str, system: str | None, required: bool = True, **rules: Any
    ) -> _Json | None:
        """`parent[key].coding[0]` (a CodeableConcept in an element): see `codeable`."""
        concept = self.obj(parent, key, path, required)
        if concept is None:
            return None
        return self.codeable(concept, f"{path}.{key}", system, required, **rules)

    def codeable(
        self, concept: _Json, path: str, system: str | None, required: bool = True, **rules: Any
    ) -> _Json | None:
        """`concept.coding[0]`: its system (when the profile pins one) and its code; returns the coding."""
        coding = self.first(concept, "coding", path, required)
        if coding is None:
            return None
        coding_path = f"{path}.coding[0]"
        if system is not None:
            self.string(coding, "system", coding_path, allowed=_ONLY[system])
            rules.setdefault("check", codes.CODE_CHECKS[system])
        self.string(coding, "code", coding_path, **rules)
        return coding

    def reference(
        self, parent: _Json, key: str, path: str, pattern: re.Pattern[str], required: bool = True
    ) -> None:
        target = self.obj(parent, key, path, required)
        if target is not None:
            self.string(target, "reference", f"{path}.{key}", required, pattern=pattern)

    def npi(self, parent: _Json, key: str, path: str, required: bool = True) -> None:
        """`parent[key].identifier`: an NPI; its system, when given, must be the NPI system."""
        holder = self.obj(parent, key, path, required)
        if holder is None:
            return
        holder_path = f"{path}.{key}"
        identifier = self.obj(holder, "identifier", holder_path, required)
        if identifier is None:
            return
        identifier_path = f"{holder_path}.identifier"
        self.string(identifier, "system", identifier_path, False, allowed=_ONLY[codes.NPI_SYSTEM])
        self.string(identifier, "value", identifier_path, required, check=codes.is_npi)


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _parse_date_time(value: str) -> datetime | None:
    # Python keeps microseconds: cut a longer fraction (FHIR allows it) before parsing.
    dot = value.find(".")
    if dot != -1:
        zone = value.find("Z", dot) if value.endswith("Z") else max(value.rfind("+"), value.rfind("-"))
        if zone - dot > 7:
            value = value[: dot + 7] + value[zone:]
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


# --- resources -------------------------------------------------------------------------------------


def _common(c: _Checker, resource: _Json, path: str) -> None:
    c.string(resource, "id", path, pattern=_ID)
    meta = c.obj(resource, "meta", path)
    if meta is not None:
        c.string(meta, "versionId", f"{path}.meta", pattern=_DIGITS)
        c.date_time(meta, "lastUpdated", f"{path}.meta", instant=True)


def _patient(c: _Checker, r: _Json, p: str) -> None:
    identifiers = c.array(r, "identifier", p)
    if identifiers is not None:
        path = f"{p}.identifier"
        mrn = c.element(identifiers, 0, path)
        if mrn is not None:
            c.string(mrn, "system", f"{path}[0]", allowed=_ONLY[MRN_SYSTEM])
            c.string(mrn, "value", f"{path}[0]")
        ssn = c.element(identifiers, 1, path, required=False)
        if ssn is not None:
            c.string(ssn, "system", f"{path}[1]", allowed=_ONLY[SSN_SYSTEM])
            c.string(ssn, "value", f"{path}[1]", pattern=_SSN)
    name = c.first(r, "name", p)
    if name is not None:
        c.string(name, "family", f"{p}.name[0]")
        given = c.array(name, "given", f"{p}.name[0]")
        if given is not None and not isinstance(given[0], str):
            c.fail(INVALID_TYPE, f"{p}.name[0].given[0]")
    c.string(r, "gender", p, allowed=GENDERS)
    birth = c.date(r, "birthDate", p)
    deceased = c.date_time(r, "deceasedDateTime", p, required=False)
    c.ordered(birth, deceased, f"{p}.deceasedDateTime")
    _patient_contact(c, r, p)
    c.coding(r, "maritalStatus", p, None, required=False, allowed=MARITAL_STATUSES)
    language = c.first(r, "communication", p, required=False)
    if language is not None:
        c.coding(language, "language", f"{p}.communication[0]", None, pattern=_BCP47)


def _patient_contact(c: _Checker, r: _Json, p: str) -> None:
    address = c.first(r, "address", p, required=False)
    if address is not None:
        path = f"{p}.address[0]"
        lines = c.array(address, "line", path, required=False)
        if lines is not None and not isinstance(lines[0], str):
            c.fail(INVALID_TYPE, f"{path}.line[0]")
        for key in ("city", "district", "state"):
            c.string(address, key, path, required=False)
        c.string(address, "postalCode", path, required=False, pattern=_ZIP5)
    telecom = c.array(r, "telecom", p, required=False)
    if telecom is not None:
        for index, system in enumerate(("phone", "email")):
            contact = c.element(telecom, index, f"{p}.telecom", required=False)
            if contact is not None:
                c.string(contact, "system", f"{p}.telecom[{index}]", allowed=_ONLY[system])
                c.string(contact, "value", f"{p}.telecom[{index}]")


def _coverage(c: _Checker, r: _Json, p: str) -> None:
    c.string(r, "status", p, allowed=COVERAGE_STATUSES)
    c.reference(r, "beneficiary", p, _PATIENT_REF)
    c.string(r, "subscriberId", p)
    payor = c.first(r, "payor", p)
    if payor is not None:
        c.string(payor, "display", f"{p}.payor[0]")
    c.coding(r, "type", p, None, allowed=PLAN_TYPES)
    c.period(r, "period", p, end_required=False)


def _encounter(c: _Checker, r: _Json, p: str) -> None:
    c.string(r, "status", p, allowed=ENCOUNTER_STATUSES)
    encounter_class = c.obj(r, "class", p)
    if encounter_class is not None:
        c.string(encounter_class, "code", f"{p}.class", allowed=ENCOUNTER_CLASSES)
    c.reference(r, "subject", p, _PATIENT_REF)
    c.period(r, "period", p, end_required=False)
    c.npi(r, "serviceProvider", p)
    reason = c.first(r, "reasonCode", p, required=False)
    if reason is not None:
        c.codeable(reason, f"{p}.reasonCode[0]", codes.ICD10CM_SYSTEM)
    hospitalization = c.obj(r, "hospitalization", p, required=False)
    if hospitalization is not None:
        c.coding(
            hospitalization,
            "dischargeDisposition",
            f"{p}.hospitalization",
            None,
            required=False,
            pattern=_DISCHARGE_DISPOSITION,
        )


def _condition(c: _Checker, r: _Json, p: str) -> None:
    c.reference(r, "subject", p, _PATIENT_REF)
    c.reference(r, "encounter", p, _ENCOUNTER_REF, required=False)
    c.coding(r, "code", p, codes.ICD10CM_SYSTEM)
    c.coding(r, "clinicalStatus", p, None, allowed=CLINICAL_STATUSES)
    onset = c.date_time(r, "onsetDateTime", p, required=False)
    c.date_time(r, "recordedDate", p)
    abatement = c.date_time(r, "abatementDateTime", p, required=False)
    c.ordered(onset, abatement, f"{p}.abatementDateTime")


def _observation(c: _Checker, r: _Json, p: str) -> None:
    c.string(r, "status", p, allowed=OBSERVATION_STATUSES)
    category = c.first(r, "category", p)
    if category is not None:
        c.codeable(category, f"{p}.category[0]", None, allowed=OBSERVATION_CATEGORIES)
    c.coding(r, "code", p, codes.LOINC_SYSTEM)
    c.reference(r, "subject", p, _PATIENT_REF)
    c.reference(r, "encounter", p, _ENCOUNTER_REF, required=False)
    c.date_time(r, "effectiveDateTime", p)
    quantity = c.obj(r, "valueQuantity", p, required=False)
    if quantity is not None:
        c.number(quantity, "value", f"{p}.valueQuantity", required=False)
        c.string(quantity, "unit", f"{p}.valueQuantity", required=False)


def _procedure(c: _Checker, r: _Json, p: str) -> None:
    c.string(r, "status", p, allowed=PROCEDURE_STATUSES)
    c.coding(r, "code", p, codes.HCPCS_SYSTEM)
    c.reference(r, "subject", p, _PATIENT_REF)
    c.reference(r, "encounter", p, _ENCOUNTER_REF, required=False)
    c.date_time(r, "performedDateTime", p)
    performer = c.first(r, "performer", p, required=False)
    if performer is not None:
        c.npi(performer, "actor", f"{p}.performer[0]", required=False)


def _medication_request(c: _Checker, r: _Json, p: str) -> None:
    c.string(r, "status", p, allowed=MEDICATION_REQUEST_STATUSES)
    c.string(r, "intent", p, allowed=MEDICATION_REQUEST_INTENTS)
    medication = c.coding(r, "medicationCodeableConcept", p, codes.RXNORM_SYSTEM)
    if medication is not None:
        c.string(medication, "display", f"{p}.medicationCodeableConcept.coding[0]")
    c.reference(r, "subject", p, _PATIENT_REF)
    c.reference(r, "encounter", p, _ENCOUNTER_REF, required=False)
    c.date_time(r, "authoredOn", p)
    c.npi(r, "requester", p, required=False)


def _claim_header(c: _Checker, r: _Json, p: str) -> None:
    c.string(r, "status", p, allowed=CLAIM_STATUSES)
    c.coding(r, "type", p, None, allowed=CLAIM_TYPES)
    c.string(r, "use", p, allowed=CLAIM_USES)
    c.reference(r, "patient", p, _PATIENT_REF)
    c.period(r, "billablePeriod", p, end_required=True)
    c.date_time(r, "created", p)
    c.npi(r, "provider", p)
    insurance = c.first(r, "insurance", p)
    if insurance is not None:
        c.reference(insurance, "coverage", f"{p}.insurance[0]", _COVERAGE_REF)
    diagnosis = c.first(r, "diagnosis", p)
    if diagnosis is not None:
        c.coding(diagnosis, "diagnosisCodeableConcept", f"{p}.diagnosis[0]", codes.ICD10CM_SYSTEM)


def _claim_items(c: _Checker, r: _Json, p: str, item_rules: Callable[[_Checker, _Json, str], None]) -> None:
    items = c.array(r, "item", p)
    if items is None:
        return
    for index in range(len(items)):
        item = c.element(items, index, f"{p}.item")
        if item is None:
            continue
        path = f"{p}.item[{index}]"
        c.positive_int(item, "sequence", path)
        c.coding(item, "productOrService", path, codes.HCPCS_SYSTEM)
        c.coding(item, "revenue", path, codes.REVENUE_CODE_SYSTEM, required=False)
        c.date(item, "servicedDate", path)
        item_rules(c, item, path)


def _claim_item_net(c: _Checker, item: _Json, path: str) -> None:
    net = c.obj(item, "net", path)
    if net is not None:
        c.number(net, "value", f"{path}.net")


def _eob_item_adjudication(c: _Checker, item: _Json, path: str) -> None:
    adjudications = c.array(item, "adjudication", path)
    if adjudications is None:
        return
    for index, category in enumerate(EOB_ADJUDICATION_CATEGORIES):
        adjudication = c.element(adjudications, index, f"{path}.adjudication")
        if adjudication is None:
            continue
        adjudication_path = f"{path}.adjudication[{index}]"
        c.coding(adjudication, "category", adjudication_path, None, allowed=_ONLY[category])
        amount = c.obj(adjudication, "amount", adjudication_path)
        if amount is not None:
            c.number(amount, "value", f"{adjudication_path}.amount")


def _claim(c: _Checker, r: _Json, p: str) -> None:
    _claim_header(c, r, p)
    _claim_items(c, r, p, _claim_item_net)


def _explanation_of_benefit(c: _Checker, r: _Json, p: str) -> None:
    _claim_header(c, r, p)
    c.reference(r, "claim", p, _CLAIM_REF)
    c.string(r, "outcome", p, allowed=EOB_OUTCOMES)
    _claim_items(c, r, p, _eob_item_adjudication)


_RESOURCE_RULES: dict[str, Callable[[_Checker, _Json, str], None]] = {
    "Patient": _patient,
    "Coverage": _coverage,
    "Encounter": _encounter,
    "Condition": _condition,
    "Observation": _observation,
    "Procedure": _procedure,
    "MedicationRequest": _medication_request,
    "Claim": _claim,
    "ExplanationOfBenefit": _explanation_of_benefit,
}
assert frozenset(_RESOURCE_RULES) == RESOURCE_TYPES


def resource_type_errors(value: object, path: str = "resourceType") -> list[ValidationError]:
    """Errors of the `resourceType` element alone (`path` names where it was found)."""
    if value is None or value == "":
        return [ValidationError(MISSING_REQUIRED, path)]
    if not isinstance(value, str):
        return [ValidationError(INVALID_TYPE, path)]
    return []


def validate_resource(resource: object, *, now: datetime | None = None) -> list[ValidationError]:
    """Every error of one (non-Bundle) resource against the profile; `[]` when it is valid.

    `now` (timezone-aware) is the reference for "not in the future": the time the record was received.
    """
    if not isinstance(resource, dict):
        return [ValidationError(INVALID_TYPE, "Resource")]
    resource_type = resource.get("resourceType")
    errors = resource_type_errors(resource_type)
    if errors:
        return errors
    assert isinstance(resource_type, str)
    rules = _RESOURCE_RULES.get(resource_type)
    if rules is None:
        return [ValidationError(UNSUPPORTED_RESOURCE_TYPE, "resourceType")]
    checker = _Checker(now or datetime.now(UTC))
    _common(checker, resource, resource_type)
    rules(checker, resource, resource_type)
    return checker.errors
