"""k-anonymity of dim_patient_deidentified (issue 10, item 4), on DuckDB from the synthetic population:
every combination of its declared quasi-identifiers is shared by at least 11 patients; the dbt test
k_anonymity runs in the build and fails when k is out of reach; and the linkage attack of the issue
(a phi_limited reader matching gender, marital status, language, state, ZIP3, birth year, death year,
capped age and deceased flag from dim_patient, a suppressed NULL matching anything) finds no unique match
through the patient dimension. (The de-identified facts are not covered: docs/governance.md.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from aegis.artifacts import load_manifest

pytestmark = pytest.mark.slow

K = 11
BUILD = ("build", "--select", "+dim_patient_deidentified", "--exclude", "test_name:relationships")
LINKAGE = """
with

attacker as (
    select
        patient_id,
        gender,
        marital_status_code,
        language_code,
        state,
        left(zip_code, 3) as zip3,
        least(age_at_period_end, 90) as age,
        extract(year from birth_date) as birth_year,
        extract(year from death_date) as death_year,
        is_deceased
    from main_marts.dim_patient
),

matches as (
    select attacker.patient_id, count(*) as candidates
    from attacker
    inner join main_deidentified.dim_patient_deidentified as d
        on
            (d.gender is null or d.gender = attacker.gender)
            and (d.marital_status_code is null or d.marital_status_code = attacker.marital_status_code)
            and (d.language_code is null or d.language_code = attacker.language_code)
            and (d.state is null or d.state = attacker.state)
            and (d.zip3 is null or d.zip3 = attacker.zip3)
            and (d.age_at_period_end is null or d.age_at_period_end = attacker.age)
            and (d.birth_year is null or d.birth_year = attacker.birth_year)
            and (d.death_year is null or d.death_year = attacker.death_year)
            and (d.is_deceased is null or d.is_deceased = attacker.is_deceased)
    group by attacker.patient_id
)

select count(*), min(candidates), count(*) filter (where candidates < 11) from matches
"""


def quasi_identifiers(work: Path) -> list[str]:
    manifest = load_manifest(work / "target" / "manifest.json")
    node = manifest["nodes"]["model.aegis.dim_patient_deidentified"]
    levels: list[list[str]] = node["config"]["meta"]["quasi_identifier_levels"]
    return [column for level in levels for column in level]


def test_deidentified_patients_are_11_anonymous_and_unlinkable(
    synthetic_landing: Path, run_dbt: Any, tmp_path: Path
) -> None:
    env = {"AEGIS_LANDING_DIR": str(synthetic_landing), "AEGIS_DUCKDB_PATH": str(tmp_path / "aegis.duckdb")}
    result = run_dbt(*BUILD, env=env)
    assert result.ok, result.output[-4000:]
    assert "k_anonymity_dim_patient_deidentified" in result.output

    columns = quasi_identifiers(tmp_path)
    assert {"gender", "state", "zip3", "birth_year", "age_at_period_end", "language_code"} <= set(columns)
    with duckdb.connect(str(tmp_path / "aegis.duckdb"), read_only=True) as con:
        patients = con.execute("select count(*) from main_marts.dim_patient").fetchone()
        sizes = con.execute(
            f"select count(*) from main_deidentified.dim_patient_deidentified group by {', '.join(columns)}"
        ).fetchall()
        kept = con.execute(
            "select count(gender), count(age_band), count(state), count(zip3)"
            " from main_deidentified.dim_patient_deidentified"
        ).fetchone()
        linked, fewest, below_k = con.execute(LINKAGE).fetchone() or (0, 0, 0)
    assert patients is not None and sum(size for (size,) in sizes) == patients[0]  # no row dropped
    assert min(size for (size,) in sizes) >= K
    assert linked == patients[0] and below_k == 0 and fewest >= K
    print(
        f"\nk = {min(s for (s,) in sizes)} over {len(sizes)} classes; kept (gender, age band, state, zip3): {kept}"
    )

    # the dbt test is able to fail: the same table against a k it cannot meet
    failing = run_dbt(
        "test",
        "--select",
        "dim_patient_deidentified,test_name:k_anonymity",
        "--vars",
        "{aegis_k_anonymity_min: 1000}",
        env=env,
    )
    assert not failing.ok and "k_anonymity" in failing.output
