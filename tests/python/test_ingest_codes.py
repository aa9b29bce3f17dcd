"""The code-system rules of docs/fhir-conformance.md (aegis.ingest.codes)."""

from __future__ import annotations

import re

import pytest

from aegis.ingest import codes


@pytest.mark.parametrize("code", ["E11.9", "F10.20", "Z51.11", "I10", "S72.001A", "J44.1"])
def test_icd10cm_accepts_well_formed_codes(code: str) -> None:
    assert codes.is_icd10cm(code)


@pytest.mark.parametrize(
    "code", ["e11.9", "11.9", "E1", "E11.", "E11.12345", "E11-9", "E11.9\n", " E11.9", ""]
)
def test_icd10cm_rejects_malformed_codes(code: str) -> None:
    assert not codes.is_icd10cm(code)


@pytest.mark.parametrize("code", ["4548-4", "8480-6", "8462-4", "29463-7", "39156-5", "2345-7"])
def test_loinc_accepts_codes_with_their_check_digit(code: str) -> None:
    assert codes.is_loinc(code)


@pytest.mark.parametrize("code", ["4548-3", "8480-7", "4548", "4548-44", "123456-0", "A548-4", "4548_4"])
def test_loinc_rejects_wrong_check_digits_and_shapes(code: str) -> None:
    assert not codes.is_loinc(code)


def test_npi_uses_luhn_with_the_80840_prefix() -> None:
    assert codes.is_npi("1234567893")  # CMS's published example
    assert not codes.is_npi("1234567890")
    assert not codes.is_npi("123456789")
    assert not codes.is_npi("12345678931")
    # Plain Luhn without the prefix would accept this one (check digit 1 instead of 3): the prefix matters.
    assert codes.luhn_check_digit("123456789") == 7
    assert not codes.is_npi("1234567897")


@pytest.mark.parametrize(
    ("check", "good", "bad"),
    [
        (
            codes.is_hcpcs_level2,
            ["G0438", "J1100", "A0428", "V2020"],
            ["W1234", "99213", "g0438", "G043", "G04388"],
        ),
        (codes.is_revenue_code, ["0450", "0100", "0250"], ["450", "04500", "04a0"]),
        (codes.is_rxnorm, ["860975", "314076", "1"], ["", "86O975", "rx860975", "1234567890123"]),
    ],
)
def test_simple_formats(check: object, good: list[str], bad: list[str]) -> None:
    assert callable(check)
    assert all(check(code) for code in good)
    assert not any(check(code) for code in bad)


def test_unknown_systems_are_never_valid() -> None:
    assert not codes.is_valid_code("http://snomed.info/sct", "44054006")
    assert codes.is_valid_code(codes.LOINC_SYSTEM, "4548-4")


def test_sql_patterns_agree_with_the_python_rules() -> None:
    samples = ["E11.9", "F10.20", "4548-4", "G0438", "0450", "860975", "1234567893", "E1", "99213", "x"]
    for system, pattern in codes.SQL_PATTERNS.items():
        check = codes.CODE_CHECKS[system]
        for sample in samples:
            # The SQL regex is the shape only (check digits need code): shape-valid is necessary for valid.
            if check(sample):
                assert re.search(pattern, sample), (system, sample)
