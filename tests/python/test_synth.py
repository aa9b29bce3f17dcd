"""The synthetic generator: determinism, exact truth in expected.json, profile conformance, streaming.

The structural check below is written from docs/fhir-subset.md on purpose, independently of
aegis.ingest.validate: two readings of the profile that agree are worth more than one.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import tracemalloc
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

from aegis.cli import app
from aegis.synth import SynthOptions, generate

CUTOFF = datetime(2026, 1, 31, tzinfo=UTC)
ICD10CM = re.compile(r"[A-Z][0-9][A-Z0-9](\.[A-Z0-9]{1,4})?")
HCPCS = re.compile(r"[A-V][0-9]{4}")
REVENUE = re.compile(r"[0-9]{4}")
CPT_LIKE = re.compile(r"[0-9]{4}[0-9FTU]")
RESOURCE_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")
PATIENT_REFERENCE = re.compile(r"Patient/[A-Za-z0-9\-.]{1,64}")

Path_ = tuple[str | int, ...]
MISSING = object()


def luhn_valid(number: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(number)):
        digit = int(char) * (2 if position % 2 else 1)
        total += digit - 9 if digit > 9 else digit
    return total % 10 == 0


def npi_valid(npi: str) -> bool:
    return bool(re.fullmatch(r"[0-9]{10}", npi)) and luhn_valid("80840" + npi)


def loinc_valid(code: str) -> bool:
    match = re.fullmatch(r"([0-9]{1,7})-([0-9])", code)
    return match is not None and luhn_valid(match[1] + match[2])


def get(resource: Any, path: Path_) -> Any:
    """The value at `path`, MISSING if absent; raises TypeError when a container has the wrong JSON type."""
    node = resource
    for step in path:
        if isinstance(step, int):
            if not isinstance(node, list):
                raise TypeError(path)
            if len(node) <= step:
                return MISSING
            node = node[step]
        else:
            if not isinstance(node, dict):
                raise TypeError(path)
            if step not in node:
                return MISSING
            node = node[step]
    return node


# (path, required, kind) where kind is a value set, "icd", "loinc", "hcpcs", "revenue", "rxnorm", "npi",
# "date", "instant", "str", "number", "patient_ref", "ref".
Rule = tuple[Path_, bool, Any]
NPI_PATH: Path_ = ("identifier", "value")
CODE: Path_ = ("coding", 0, "code")
CLAIM_HEADER: list[Rule] = [
    (("status",), True, {"active", "cancelled", "draft", "entered-in-error"}),
    (("type", *CODE), True, {"institutional", "professional", "pharmacy"}),
    (("use",), True, {"claim"}),
    (("patient", "reference"), True, "patient_ref"),
    (("billablePeriod", "start"), True, "date"),
    (("billablePeriod", "end"), True, "date"),
    (("created",), True, "instant"),
    (("provider", *NPI_PATH), True, "npi"),
    (("insurance", 0, "coverage", "reference"), True, "ref"),
    (("diagnosis", 0, "diagnosisCodeableConcept", *CODE), True, "icd"),
]
RULES: dict[str, list[Rule]] = {
    "Patient": [
        (("identifier", 0, "value"), True, "str"),
        (("identifier", 1, "value"), False, "ssn"),
        (("name", 0, "family"), True, "str"),
        (("name", 0, "given", 0), True, "str"),
        (("gender",), True, {"male", "female", "other", "unknown"}),
        (("birthDate",), True, "date"),
        (("deceasedDateTime",), False, "instant"),
        (("address", 0, "postalCode"), False, "zip"),
        (("telecom", 0, "value"), False, "str"),
        (("maritalStatus", *CODE), False, set("ADILMPSTUW")),
        (("communication", 0, "language", *CODE), False, "str"),
    ],
    "Coverage": [
        (("status",), True, {"active", "cancelled", "draft", "entered-in-error"}),
        (("beneficiary", "reference"), True, "patient_ref"),
        (("subscriberId",), True, "str"),
        (("payor", 0, "display"), True, "str"),
        (("type", *CODE), True, {"COMM", "MCARE", "MCAID", "SELF"}),
        (("period", "start"), True, "date"),
        (("period", "end"), False, "date"),
    ],
    "Encounter": [
        (
            ("status",),
            True,
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
            },
        ),
        (("class", "code"), True, {"AMB", "EMER", "IMP"}),
        (("subject", "reference"), True, "patient_ref"),
        (("period", "start"), True, "instant"),
        (("period", "end"), False, "instant"),
        (("serviceProvider", *NPI_PATH), True, "npi"),
        (("reasonCode", 0, *CODE), False, "icd"),
        (("hospitalization", "dischargeDisposition", *CODE), False, "str"),
    ],
    "Condition": [
        (("subject", "reference"), True, "patient_ref"),
        (("code", *CODE), True, "icd"),
        (
            ("clinicalStatus", *CODE),
            True,
            {"active", "recurrence", "relapse", "inactive", "remission", "resolved"},
        ),
        (("onsetDateTime",), False, "date"),
        (("recordedDate",), True, "date"),
        (("abatementDateTime",), False, "date"),
    ],
    "Observation": [
        (
            ("status",),
            True,
            {
                "registered",
                "preliminary",
                "final",
                "amended",
                "corrected",
                "cancelled",
                "entered-in-error",
                "unknown",
            },
        ),
        (("category", 0, *CODE), True, {"laboratory", "vital-signs"}),
        (("code", *CODE), True, "loinc"),
        (("subject", "reference"), True, "patient_ref"),
        (("effectiveDateTime",), True, "instant"),
        (("valueQuantity", "value"), False, "number"),
    ],
    "Procedure": [
        (
            ("status",),
            True,
            {
                "preparation",
                "in-progress",
                "not-done",
                "on-hold",
                "stopped",
                "completed",
                "entered-in-error",
                "unknown",
            },
        ),
        (("code", *CODE), True, "hcpcs"),
        (("subject", "reference"), True, "patient_ref"),
        (("performedDateTime",), True, "instant"),
        (("performer", 0, "actor", *NPI_PATH), False, "npi"),
    ],
    "MedicationRequest": [
        (
            ("status",),
            True,
            {
                "active",
                "on-hold",
                "cancelled",
                "completed",
                "entered-in-error",
                "stopped",
                "draft",
                "unknown",
            },
        ),
        (("intent",), True, {"order", "plan", "proposal"}),
        (("medicationCodeableConcept", *CODE), True, "rxnorm"),
        (("medicationCodeableConcept", "coding", 0, "display"), True, "str"),
        (("subject", "reference"), True, "patient_ref"),
        (("authoredOn",), True, "instant"),
        (("requester", *NPI_PATH), False, "npi"),
    ],
    "Claim": CLAIM_HEADER,
    "ExplanationOfBenefit": [
        *CLAIM_HEADER,
        (("claim", "reference"), True, "ref"),
        (("outcome",), True, {"queued", "complete", "error", "partial"}),
    ],
}
ITEM_RULES: list[Rule] = [
    (("sequence",), True, "number"),
    (("productOrService", *CODE), True, "hcpcs"),
    (("revenue", *CODE), False, "revenue"),
    (("servicedDate",), True, "date"),
]
PERIODS: dict[str, list[Path_]] = {
    "Coverage": [("period",)],
    "Encounter": [("period",)],
    "Claim": [("billablePeriod",)],
    "ExplanationOfBenefit": [("billablePeriod",)],
}


def _moment(text: Any, kind: str) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        if kind == "date":
            return datetime.combine(date.fromisoformat(text), datetime.min.time(), UTC)
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _value_ok(value: Any, kind: Any) -> bool:
    if isinstance(kind, set):
        return isinstance(value, str) and value in kind
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if not isinstance(value, str):
        return False
    checks = {
        "icd": lambda: ICD10CM.fullmatch(value) is not None,
        "loinc": lambda: loinc_valid(value),
        "hcpcs": lambda: HCPCS.fullmatch(value) is not None,
        "revenue": lambda: REVENUE.fullmatch(value) is not None,
        "rxnorm": value.isdigit,
        "npi": lambda: npi_valid(value),
        "ssn": lambda: re.fullmatch(r"[0-9]{3}-[0-9]{2}-[0-9]{4}", value) is not None,
        "zip": lambda: re.fullmatch(r"[0-9]{5}", value) is not None,
        "patient_ref": lambda: PATIENT_REFERENCE.fullmatch(value) is not None,
        "ref": lambda: "/" in value,
        "str": lambda: bool(value),
    }
    if kind in ("date", "instant"):
        moment = _moment(value, kind)
        return moment is not None and moment <= CUTOFF
    return bool(checks[kind]())


def _rules_problems(resource: Any, rules: list[Rule]) -> list[str]:
    problems = []
    for path, required, kind in rules:
        try:
            value = get(resource, path)
        except TypeError:
            problems.append(f"type {path}")
            continue
        if value is MISSING:
            if required:
                problems.append(f"missing {path}")
        elif not _value_ok(value, kind):
            problems.append(f"value {path}")
    return problems


def problems_of(resource: Any) -> list[str]:
    """What is wrong with one resource against docs/fhir-subset.md (empty when it conforms)."""
    if not isinstance(resource, dict) or resource.get("resourceType") not in RULES:
        return ["resourceType"]
    kind = resource["resourceType"]
    problems = _rules_problems(
        resource,
        [
            (("id",), True, "str"),
            (("meta", "versionId"), True, "str"),
            (("meta", "lastUpdated"), True, "instant"),
        ],
    )
    if not (isinstance(resource.get("id"), str) and RESOURCE_ID.fullmatch(resource["id"])):
        problems.append("id")
    if not str(get(resource, ("meta", "versionId"))).isdigit():
        problems.append("versionId")
    problems += _rules_problems(resource, RULES[kind])
    for period_path in PERIODS.get(kind, []):
        period = get(resource, period_path)
        if isinstance(period, dict) and "end" in period:
            start, end = (
                _moment(period.get(k), "date" if len(str(period.get(k))) == 10 else "instant")
                for k in ("start", "end")
            )
            if start is None or end is None or end < start:
                problems.append(f"period {period_path}")
    if kind in ("Claim", "ExplanationOfBenefit"):
        problems += _item_problems(resource)
    return problems


def _item_problems(resource: dict[str, Any]) -> list[str]:
    items = resource.get("item")
    if not isinstance(items, list) or not items:
        return ["item"]
    problems = []
    for item in items:
        problems += _rules_problems(item, ITEM_RULES)
        if resource["resourceType"] == "Claim":
            problems += _rules_problems(item, [(("net", "value"), True, "number")])
            continue
        amounts = []
        for index, category in enumerate(("submitted", "eligible", "benefit")):
            problems += _rules_problems(
                item,
                [
                    (("adjudication", index, "category", *CODE), True, {category}),
                    (("adjudication", index, "amount", "value"), True, "number"),
                ],
            )
            amounts.append(get(item, ("adjudication", index, "amount", "value")))
        if not problems and not amounts[0] >= amounts[1] >= amounts[2] >= 0:
            problems.append("amounts")
    return problems


@dataclass
class Recount:
    """The file, read back: what a loader that follows the profile would land and quarantine."""

    records: int = 0
    items: int = 0
    landed: int = 0
    quarantined: int = 0
    malformed: int = 0
    unsupported: int = 0
    duplicate_lines: int = 0
    bundles: Counter[str] = field(default_factory=Counter)
    valid: list[dict[str, Any]] = field(default_factory=list)
    defect_ids: set[str] = field(default_factory=set)
    first_seen: dict[tuple[str, str, str], int] = field(default_factory=dict)


def recount(events: Path) -> Recount:
    result = Recount()
    seen_lines: set[bytes] = set()
    with gzip.open(events, "rb") as lines:
        for position, raw in enumerate(lines):
            line = raw.rstrip(b"\n")
            assert b"\n" not in line
            result.records += 1
            digest = hashlib.sha1(line).digest()
            result.duplicate_lines += digest in seen_lines
            seen_lines.add(digest)
            _recount_record(result, line, position)
    return result


def _recount_record(result: Recount, line: bytes, position: int) -> None:
    try:
        document = orjson.loads(line)
    except orjson.JSONDecodeError:
        result.items += 1
        result.quarantined += 1
        result.malformed += 1
        return
    if document.get("resourceType") == "Bundle":
        result.bundles[document["type"]] += 1
        resources = [entry["resource"] for entry in document["entry"]]
    else:
        resources = [document]
    for resource in resources:
        result.items += 1
        if problems_of(resource):
            result.quarantined += 1
            result.unsupported += resource.get("resourceType") not in RULES
            result.defect_ids.add(str(resource.get("id")))
            continue
        result.landed += 1
        result.valid.append(resource)
        key = (resource["resourceType"], resource["id"], resource["meta"]["versionId"])
        result.first_seen.setdefault(key, position)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def population(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Recount]:
    out = tmp_path_factory.mktemp("synth-1000")
    summary = generate(SynthOptions(patients=1000, seed=42), out, progress=False)
    expected = json.loads(summary.expected_path.read_text())
    return expected, recount(summary.events_path)


def test_same_seed_gives_identical_bytes_and_another_seed_differs(tmp_path: Path) -> None:
    options = SynthOptions(patients=150, seed=11)
    first = generate(options, tmp_path / "a", progress=False)
    second = generate(options, tmp_path / "b", progress=False)
    other = generate(SynthOptions(patients=150, seed=12), tmp_path / "c", progress=False)
    assert sha256(first.events_path) == sha256(second.events_path)
    assert sha256(first.expected_path) == sha256(second.expected_path)
    assert sha256(first.events_path) != sha256(other.events_path)
    header = first.events_path.read_bytes()[:10]
    assert header[3] & 0x08 == 0, "no file name in the gzip header"
    assert header[4:8] == b"\0\0\0\0", "gzip mtime must be 0"


def test_expected_counts_match_a_recount_of_the_file(population: tuple[dict[str, Any], Recount]) -> None:
    expected, counted = population
    assert counted.records == expected["records"]
    assert counted.items == expected["items"]
    assert counted.landed == expected["expected_landed_items"]
    assert counted.quarantined == expected["expected_quarantined_items"]
    assert counted.quarantined == sum(expected["quarantined_by_reason"].values())
    assert counted.malformed == expected["quarantined_by_reason"]["malformed_json"]
    assert counted.unsupported == expected["quarantined_by_reason"]["unsupported_resource_type"]
    assert counted.duplicate_lines == expected["duplicate_records"]
    assert dict(counted.bundles) == expected["bundles"]

    ids = {(r["resourceType"], r["id"]) for r in counted.valid}
    versions = {(r["resourceType"], r["id"], r["meta"]["versionId"]) for r in counted.valid}
    assert dict(Counter(kind for kind, _ in ids)) == expected["latest_resources"]
    assert dict(Counter(kind for kind, _, _ in versions)) == expected["distinct_versions"]
    latest: dict[str, dict[str, Any]] = {}
    for resource in counted.valid:
        if resource["resourceType"] == "ExplanationOfBenefit":
            held = latest.get(resource["id"])
            if held is None or int(held["meta"]["versionId"]) < int(resource["meta"]["versionId"]):
                latest[resource["id"]] = resource
    assert sum(len(eob["item"]) for eob in latest.values()) == expected["eob_items"]


def test_defects_are_extra_records_that_never_shadow_a_valid_id(
    population: tuple[dict[str, Any], Recount],
) -> None:
    _, counted = population
    valid_ids = {r["id"] for r in counted.valid}
    assert counted.defect_ids
    assert not counted.defect_ids & valid_ids


def test_every_reason_code_and_delivery_quirk_is_present(population: tuple[dict[str, Any], Recount]) -> None:
    expected, counted = population
    assert set(expected["quarantined_by_reason"]) == {
        "malformed_json",
        "unsupported_resource_type",
        "missing_required",
        "invalid_type",
        "invalid_code",
        "invalid_date",
    }
    assert min(expected["quarantined_by_reason"].values()) > 0
    assert expected["bundles"]["collection"] > 0 and expected["bundles"]["transaction"] > 0
    assert expected["updated_resources"] > 0 and expected["out_of_order_resources"] > 0
    out_of_order = [
        key
        for key, seen in counted.first_seen.items()
        if key[2] == "2" and seen < counted.first_seen[(key[0], key[1], "1")]
    ]
    assert len(out_of_order) == expected["out_of_order_resources"]


def test_defect_rate_is_within_tolerance(tmp_path: Path) -> None:
    for rate in (0.01, 0.10):
        summary = generate(
            SynthOptions(patients=300, seed=5, defect_rate=rate), tmp_path / str(rate), progress=False
        )
        share = summary.expected_quarantined_items / summary.records
        assert rate * 0.6 <= share <= rate * 1.4, (rate, share)


def test_codes_are_public_domain_and_identifiers_valid(population: tuple[dict[str, Any], Recount]) -> None:
    _, counted = population
    npis, procedure_codes = set(), set()
    for resource in counted.valid:
        text = orjson.dumps(resource).decode()
        npis.update(re.findall(r'"system":"http://hl7.org/fhir/sid/us-npi","value":"([^"]*)"', text))
        procedure_codes.update(
            re.findall(
                r'"system":"http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets","code":"([^"]*)"', text
            )
        )
    assert npis and all(npi_valid(npi) for npi in npis)
    assert procedure_codes and all(HCPCS.fullmatch(code) for code in procedure_codes)
    assert not any(CPT_LIKE.fullmatch(code) for code in procedure_codes)
    assert {"G0438", "G0439"} <= procedure_codes


def test_population_has_the_cohorts_downstream_tests_need(population: tuple[dict[str, Any], Recount]) -> None:
    expected, counted = population
    cohorts = expected["cohorts"]
    latest = {(r["resourceType"], r["id"]): r for r in counted.valid}.values()
    patients = [r for r in latest if r["resourceType"] == "Patient"]
    conditions = [r for r in latest if r["resourceType"] == "Condition"]
    encounters = [r for r in latest if r["resourceType"] == "Encounter"]
    diabetic = {
        c["subject"]["reference"] for c in conditions if c["code"]["coding"][0]["code"].startswith("E11")
    }
    part2 = {
        c["subject"]["reference"]
        for c in conditions
        if c["code"]["coding"][0]["code"] in ("F10.20", "F11.20")
    }
    adults = sum(1 for p in patients if p["birthDate"] <= "2007-12-31")
    assert len(patients) == cohorts["patients"] == 1000
    assert len(diabetic) == cohorts["patients_with_diabetes"]
    assert 0.07 <= len(diabetic) / adults <= 0.15
    assert len(part2) == cohorts["patients_with_part2_condition"] > 0
    assert sum(p["birthDate"] < "1935-12-31" for p in patients) >= cohorts["patients_over_89"] > 0
    assert sum("deceasedDateTime" in p for p in patients) == cohorts["deceased_patients"] > 0
    restricted = {"036", "059", "102", "692", "790", "823", "830", "893"}
    assert (
        sum(p["address"][0]["postalCode"][:3] in restricted for p in patients)
        == cohorts["restricted_zip3_patients"]
        > 0
    )
    classes = Counter(e["class"]["code"] for e in encounters)
    assert classes["AMB"] > classes["EMER"] > 0 and classes["IMP"] == cohorts["inpatient_stays"] > 0
    assert cohorts["readmissions_within_30d"] > 0
    reasons = {e["reasonCode"][0]["coding"][0]["code"] for e in encounters if e["class"]["code"] == "IMP"}
    assert reasons & {"Z51.11", "Z51.89"}


def test_generation_is_streamed_with_flat_memory(tmp_path: Path) -> None:
    peaks = {}
    for patients in (400, 2000):
        tracemalloc.start()
        summary = generate(SynthOptions(patients=patients, seed=3), tmp_path / str(patients), progress=False)
        peaks[patients] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    # 2,000 patients are ~65,000 records (tens of MB as JSON): holding them would grow the peak ~5x. Streaming
    # holds one patient plus at most QUEUE_CHUNKS chunks waiting for the compressor thread, which fills or
    # not depending on machine load: so the bound is a fixed cap, not a ratio close to 1.
    assert summary.records > 60_000
    assert peaks[2000] < 12 * 2**20, peaks
    assert peaks[2000] < 2.5 * peaks[400], peaks


def test_expected_json_holds_counts_only(population: tuple[dict[str, Any], Recount], tmp_path: Path) -> None:
    expected, counted = population
    text = json.dumps(expected)
    for patient in (r for r in counted.valid if r["resourceType"] == "Patient"):
        assert patient["id"] not in text and patient["identifier"][0]["value"] not in text
    numbers = [v for v in expected["cohorts"].values()] + [expected["records"], expected["items"]]
    assert all(isinstance(v, int) for v in numbers)


def test_cli_writes_both_files(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["synth", "--patients", "20", "--seed", "9", "--out", str(tmp_path), "--defect-rate", "0.05"]
    )
    assert result.exit_code == 0, result.output
    assert "20 patients" in result.output
    expected = json.loads((tmp_path / "expected.json").read_text())
    assert expected["options"]["defect_rate"] == 0.05 and expected["seed"] == 9
    assert (tmp_path / "events.ndjson.gz").stat().st_size > 0
    bad = CliRunner().invoke(
        app, ["synth", "--patients", "5", "--out", str(tmp_path), "--defect-rate", "1.5"]
    )
    assert bad.exit_code != 0
