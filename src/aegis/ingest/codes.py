"""Format rules of the code systems in docs/fhir-conformance.md, written once for every tool that checks codes.

The validator uses them on every record; dbt generic tests and other tools should import them (or the
`SQL_PATTERNS` regexes, which are the same rules in POSIX form) rather than restate them.

| system URI | rule |
|---|---|
| http://hl7.org/fhir/sid/icd-10-cm | a letter, a digit, a letter or digit, then optionally `.` and 1-4 letters or digits (upper case) |
| http://loinc.org | `N{1,5}-C`: C is the mod-10 check digit of the number part (LOINC's algorithm is Luhn's) |
| http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets | HCPCS Level II: a letter A-V then 4 digits |
| https://www.nubc.org/CodeSystem/RevenueCodes | revenue code: 4 digits |
| http://www.nlm.nih.gov/research/umls/rxnorm | RxNorm concept id: 1-12 digits |
| http://hl7.org/fhir/sid/us-npi | NPI: 10 digits, Luhn-valid once prefixed with `80840` (ISO 7812 card issuer prefix for US health) |
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

ICD10CM_SYSTEM = "http://hl7.org/fhir/sid/icd-10-cm"
LOINC_SYSTEM = "http://loinc.org"
HCPCS_SYSTEM = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"
REVENUE_CODE_SYSTEM = "https://www.nubc.org/CodeSystem/RevenueCodes"
RXNORM_SYSTEM = "http://www.nlm.nih.gov/research/umls/rxnorm"
NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi"

# Anchored by fullmatch() below (never `$`, which also matches before a trailing newline); [0-9], not
# \d, because \d matches every Unicode digit.
SQL_PATTERNS: dict[str, str] = {
    ICD10CM_SYSTEM: r"^[A-Z][0-9][A-Z0-9](\.[A-Z0-9]{1,4})?$",
    LOINC_SYSTEM: r"^[0-9]{1,5}-[0-9]$",
    HCPCS_SYSTEM: r"^[A-V][0-9]{4}$",
    REVENUE_CODE_SYSTEM: r"^[0-9]{4}$",
    RXNORM_SYSTEM: r"^[0-9]{1,12}$",
    NPI_SYSTEM: r"^[0-9]{10}$",
}
_ICD10CM = re.compile(r"[A-Z][0-9][A-Z0-9](?:\.[A-Z0-9]{1,4})?")
_LOINC = re.compile(r"([0-9]{1,5})-([0-9])")
_HCPCS = re.compile(r"[A-V][0-9]{4}")
_REVENUE_CODE = re.compile(r"[0-9]{4}")
_RXNORM = re.compile(r"[0-9]{1,12}")
_NPI = re.compile(r"[0-9]{10}")
NPI_LUHN_PREFIX = "80840"


def luhn_check_digit(digits: str) -> int:
    """The Luhn check digit to append to `digits` (a string of ASCII digits)."""
    total = 0
    # Doubling starts at the rightmost payload digit, because the check digit will take position 1.
    for position, char in enumerate(reversed(digits)):
        digit = ord(char) - 48
        if position % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return (10 - total % 10) % 10


def is_icd10cm(code: str) -> bool:
    return _ICD10CM.fullmatch(code) is not None


def is_loinc(code: str) -> bool:
    match = _LOINC.fullmatch(code)
    return match is not None and luhn_check_digit(match[1]) == int(match[2])


def is_hcpcs_level2(code: str) -> bool:
    return _HCPCS.fullmatch(code) is not None


def is_revenue_code(code: str) -> bool:
    return _REVENUE_CODE.fullmatch(code) is not None


def is_rxnorm(code: str) -> bool:
    return _RXNORM.fullmatch(code) is not None


@lru_cache(maxsize=8192)
def is_npi(code: str) -> bool:
    # Cached: a feed repeats a few thousand provider NPIs, and this is the costliest check per record.
    if _NPI.fullmatch(code) is None:
        return False
    return luhn_check_digit(NPI_LUHN_PREFIX + code[:9]) == ord(code[9]) - 48


CODE_CHECKS: dict[str, Callable[[str], bool]] = {
    ICD10CM_SYSTEM: is_icd10cm,
    LOINC_SYSTEM: is_loinc,
    HCPCS_SYSTEM: is_hcpcs_level2,
    REVENUE_CODE_SYSTEM: is_revenue_code,
    RXNORM_SYSTEM: is_rxnorm,
    NPI_SYSTEM: is_npi,
}


def is_valid_code(system: str, code: str) -> bool:
    """Whether `code` has the format of `system`; a system the profile does not know is never valid."""
    check = CODE_CHECKS.get(system)
    return check is not None and check(code)
