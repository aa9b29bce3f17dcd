"""The reference seeds (seeds/reference) cover every code the synthetic generator emits, and carry no
licensed code set: a code the generator starts using without a seed row would join to nothing downstream."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from aegis.paths import project_root
from aegis.synth import codes

SEEDS = project_root() / "seeds" / "reference"


def seed_codes(file_name: str) -> set[str]:
    with (SEEDS / file_name).open(newline="") as handle:
        rows = csv.reader(handle)
        next(rows)  # header
        return {row[0] for row in rows}


def generator_codes() -> dict[str, set[str]]:
    """Every Code / BillingCode reachable from the generator's code pools, by code system."""
    found: dict[str, set[str]] = {"icd10cm": set(), "hcpcs": set(), "loinc": set(), "rxnorm": set()}
    seen: set[int] = set()

    def walk(value: object) -> None:
        if id(value) in seen:
            return
        seen.add(id(value))
        if isinstance(value, codes.BillingCode):
            found["hcpcs"].add(value.hcpcs)
        elif isinstance(value, codes.Code):
            if codes.loinc_is_valid(value.code):
                found["loinc"].add(value.code)
            elif value.code.isdigit():
                found["rxnorm"].add(value.code)
            else:
                found["icd10cm"].add(value.code)
        elif isinstance(value, codes.ChronicCondition):
            walk(value.codes)
            walk(value.medications)
        elif isinstance(value, tuple | list | set | frozenset):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    for name in dir(codes):
        walk(getattr(codes, name))
    return found


def test_generator_pools_are_found() -> None:
    found = generator_codes()
    assert "E11.9" in found["icd10cm"] and "4548-4" in found["loinc"]
    assert "860975" in found["rxnorm"] and "G0438" in found["hcpcs"]


def test_every_generated_code_has_a_seed_row() -> None:
    found = generator_codes()
    missing = {
        "icd10cm": found["icd10cm"] - seed_codes("icd10cm_codes.csv"),
        "hcpcs": found["hcpcs"] - seed_codes("hcpcs_level2_codes.csv"),
        "loinc": found["loinc"] - seed_codes("loinc_codes.csv"),
        "rxnorm": found["rxnorm"] - seed_codes("rxnorm_codes.csv"),
    }
    assert missing == {system: set() for system in missing}


def test_no_cpt_code_in_the_hcpcs_seed() -> None:
    # CPT (HCPCS Level I) codes are 5 digits or 4 digits and a letter, and AMA-licensed.
    cpt_like = {
        code for code in seed_codes("hcpcs_level2_codes.csv") if not re.fullmatch(r"[A-V][0-9]{4}", code)
    }
    assert cpt_like == set()


def test_every_seed_file_is_declared() -> None:
    declared = (SEEDS / "_reference__seeds.yml").read_text()
    for path in SEEDS.glob("*.csv"):
        assert f"- name: {Path(path).stem}" in declared
