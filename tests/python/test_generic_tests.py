"""The project's generic dbt tests (tests/generic/) checked against real engines and a Python reference.

- Structure (no engine): every generic test is documented, wired onto a fixture once to pass (good rows) and at
  least once to fail (bad rows, tag `negative`, inverted severity, `meta.expected_failures`), and every fixture
  column is classified `phi: none`.
- Python reference: the code validators (NPI, ICD-10-CM, LOINC, HCPCS Level II) written again in Python, checked
  on published examples, then compared with the SQL predicates the generic tests use, compiled by dbt and run
  on DuckDB over hypothesis-generated codes.
- Engines: the fixtures are seeded and every wiring runs with the negative tests at their normal severity
  (`aegis_negative_tests_normal_severity`): each negative test must fail with exactly its expected count and
  each positive one must pass, on DuckDB, PostgreSQL (embedded) and fakesnow (Snowflake dialect).
"""

from __future__ import annotations

import csv
import json
import os
import re
import secrets
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aegis.paths import project_root

ROOT = project_root()
GENERIC_TESTS_DIR = ROOT / "tests" / "generic"
FIXTURES_DIR = ROOT / "seeds" / "fixtures"
FIXTURES_YML = FIXTURES_DIR / "_fixtures__seeds.yml"
NORMAL_SEVERITY = "{aegis_negative_tests_normal_severity: true}"
DBT = str(Path(sys.executable).parent / "dbt")


# --- Python reference implementations ------------------------------------------------------------------------


def luhn_check_digit(digits: str) -> int:
    """Luhn: from the right, double every other digit starting with the rightmost, sum the digits."""
    total = 0
    for position_from_right, char in enumerate(reversed(digits)):
        value = int(char)
        if position_from_right % 2 == 0:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return (10 - total % 10) % 10


def npi_is_valid(code: str) -> bool:
    return re.fullmatch(r"[0-9]{10}", code) is not None and luhn_check_digit("80840" + code[:9]) == int(
        code[9]
    )


def icd10cm_format_is_valid(code: str) -> bool:
    return re.fullmatch(r"[A-TV-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?", code) is not None


def loinc_is_valid(code: str) -> bool:
    # LOINC's published mod 10 algorithm (double the odd positions from the right, add the digits) is Luhn's.
    if re.fullmatch(r"[0-9]{1,7}-[0-9]", code) is None:
        return False
    number, check = code.split("-")
    return luhn_check_digit(number) == int(check)


def hcpcs_level2_is_valid(code: str) -> bool:
    return re.fullmatch(r"[A-V][0-9]{4}", code) is not None


REFERENCES: dict[str, Callable[[str], bool]] = {
    "valid_npi": npi_is_valid,
    "valid_icd10cm_format": icd10cm_format_is_valid,
    "valid_loinc": loinc_is_valid,
    "valid_hcpcs_level2": hcpcs_level2_is_valid,
}
# The SQL predicate macro each code test uses, and the fixture (and its code column) that exercises it.
PREDICATE_MACROS = {name: f"aegis_is_{name}" for name in REFERENCES}
CODE_FIXTURES = {
    "valid_npi": ("fixture_npis", "npi"),
    "valid_icd10cm_format": ("fixture_icd10cm_codes", "icd10cm_code"),
    "valid_loinc": ("fixture_loinc_codes", "loinc_code"),
    "valid_hcpcs_level2": ("fixture_hcpcs_codes", "hcpcs_code"),
}


# --- helpers -------------------------------------------------------------------------------------------------


def generic_test_names() -> list[str]:
    return sorted(path.stem for path in GENERIC_TESTS_DIR.glob("*.sql"))


def fixture_wirings() -> list[dict[str, Any]]:
    """Every test wired in the fixtures YAML: {test, name, config, seed}. Anchors are resolved by PyYAML."""
    document = yaml.safe_load(FIXTURES_YML.read_text())
    wirings: list[dict[str, Any]] = []
    for seed in document["seeds"]:
        placed = [*seed.get("data_tests", [])]
        for column in seed.get("columns", []):
            placed += column.get("data_tests", [])
        for entry in placed:
            ((test, spec),) = entry.items()
            wirings.append(
                {"test": test, "name": spec["name"], "config": spec.get("config", {}), "seed": seed}
            )
    return wirings


def read_fixture(seed_name: str) -> list[dict[str, str]]:
    with (FIXTURES_DIR / f"{seed_name}.csv").open(newline="") as handle:
        return list(csv.DictReader(handle))


def dbt_env(work_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DBT_PROFILES_DIR": str(ROOT),
        "DBT_PROJECT_DIR": str(ROOT),
        "DBT_TARGET_PATH": str(work_dir / "target"),
        "DBT_LOG_PATH": str(work_dir / "logs"),
        "AEGIS_DUCKDB_PATH": str(work_dir / "aegis.duckdb"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }


# --- structure -----------------------------------------------------------------------------------------------


def test_every_generic_test_is_documented() -> None:
    documented = yaml.safe_load((GENERIC_TESTS_DIR / "_generic_tests.yml").read_text())["macros"]
    assert sorted(entry["name"].removeprefix("test_") for entry in documented) == generic_test_names()
    for entry in documented:
        assert entry["description"].strip(), entry["name"]
        assert all(argument.get("description") for argument in entry["arguments"]), entry["name"]


@pytest.mark.parametrize("test_name", generic_test_names())
def test_every_generic_test_has_a_positive_and_a_negative_wiring(test_name: str) -> None:
    wirings = [wiring for wiring in fixture_wirings() if wiring["test"] == test_name]
    negative = [wiring for wiring in wirings if "negative" in wiring["config"].get("tags", [])]
    positive = [wiring for wiring in wirings if wiring not in negative]
    assert positive, f"{test_name} is never shown to pass on good rows"
    assert negative, f"{test_name} is never shown to fail on bad rows"
    for wiring in negative:
        config = wiring["config"]
        assert wiring["name"].startswith("negative__"), wiring["name"]
        assert config["meta"]["expected_failures"] > 0, wiring["name"]
        assert "'=0'" in config["error_if"] and "'<0'" in config["warn_if"], wiring["name"]


def test_every_fixture_column_is_classified_phi_none() -> None:
    document = yaml.safe_load(FIXTURES_YML.read_text())
    for seed in document["seeds"]:
        header = next(csv.reader((FIXTURES_DIR / f"{seed['name']}.csv").open()))
        declared = {column["name"]: column["config"]["meta"]["phi"] for column in seed["columns"]}
        assert list(declared) == header, seed["name"]
        assert set(declared.values()) == {"none"}, seed["name"]


# --- the Python reference ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("test_name", "code", "valid"),
    [
        ("valid_npi", "1234567893", True),  # the CMS example NPI
        ("valid_npi", "1234567890", False),
        ("valid_loinc", "2345-7", True),  # glucose
        ("valid_loinc", "718-7", True),  # hemoglobin
        ("valid_loinc", "4548-4", True),  # hemoglobin A1c
        ("valid_loinc", "8480-6", True),  # systolic blood pressure
        ("valid_loinc", "2345-6", False),
        ("valid_icd10cm_format", "S72.001A", True),
        ("valid_icd10cm_format", "U07.1", False),  # U is reserved: outside the pattern
        ("valid_hcpcs_level2", "J1100", True),
        ("valid_hcpcs_level2", "99213", False),  # CPT, Level I
    ],
)
def test_reference_agrees_with_published_examples(test_name: str, code: str, valid: bool) -> None:
    assert REFERENCES[test_name](code) is valid


@pytest.mark.parametrize("test_name", sorted(CODE_FIXTURES))
def test_code_fixtures_agree_with_the_reference(test_name: str) -> None:
    seed_name, column = CODE_FIXTURES[test_name]
    rows = read_fixture(seed_name)
    reference = REFERENCES[test_name]
    for row in rows:
        if row["fixture_case"] == "good":
            assert row[column] == "" or reference(row[column]), f"good row {row['fixture_row_id']} is invalid"
    bad_count = sum(1 for row in rows if row["fixture_case"] == "bad" and not reference(row[column]))
    assert bad_count == sum(1 for row in rows if row["fixture_case"] == "bad"), "a bad row is valid"
    (negative,) = [
        wiring
        for wiring in fixture_wirings()
        if wiring["test"] == test_name and "negative" in wiring["config"].get("tags", [])
    ]
    assert negative["config"]["meta"]["expected_failures"] == bad_count


# --- SQL predicates against the reference, on DuckDB --------------------------------------------------------

SNIPPET_SEPARATOR = "\n-- aegis snippet --\n"


@pytest.fixture(scope="module")
def compiled_snippets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The code predicates and two generic tests, compiled by dbt for DuckDB in one `dbt compile --inline`."""
    predicate_columns = ",\n".join(
        f"{{{{ aegis.{macro}('code') }}}} as {name}" for name, macro in PREDICATE_MACROS.items()
    )
    snippets = {
        "predicates": f"select idx,\n{predicate_columns}\nfrom codes_under_test order by idx",
        "not_in_future": "{{ aegis.test_not_in_future(model='dated_values', column_name='value', allowance_days=3) }}",
        "recency": "{{ aegis.test_recency(model='dated_values', datepart='day', field='value', interval=7) }}",
    }
    work_dir = tmp_path_factory.mktemp("dbt-compile")
    result = subprocess.run(
        [DBT, "compile", "--inline", SNIPPET_SEPARATOR.join(snippets.values())],
        cwd=ROOT,
        env=dbt_env(work_dir),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    compiled = json.loads((work_dir / "target" / "run_results.json").read_text())["results"][0][
        "compiled_code"
    ]
    return dict(zip(snippets, compiled.split(SNIPPET_SEPARATOR), strict=True))


NPI_LIKE = st.one_of(
    st.from_regex(r"[0-9]{9}", fullmatch=True).map(lambda p: p + str(luhn_check_digit("80840" + p))),
    st.from_regex(r"[0-9]{8,11}", fullmatch=True),
)
LOINC_LIKE = st.one_of(
    st.from_regex(r"[0-9]{1,7}", fullmatch=True).map(lambda p: f"{p}-{luhn_check_digit(p)}"),
    st.from_regex(r"[0-9]{0,8}-?[0-9]{0,2}", fullmatch=True),
)
# Shapes drawn over the whole upper-case alphabet, so the excluded letters (U for ICD-10-CM, W-Z for HCPCS)
# come up often, next to near misses (lower case, wrong lengths, stray dots, the letter O for zero).
ICD_LIKE = st.one_of(
    st.from_regex(r"[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?", fullmatch=True),
    st.from_regex(r"[A-Za-z0-9][0-9A-Z]{1,3}\.{0,2}[0-9A-Z]{0,5}", fullmatch=True),
)
HCPCS_LIKE = st.one_of(
    st.from_regex(r"[A-Z][0-9]{4}", fullmatch=True),
    st.from_regex(r"[A-Za-z0-9][0-9O]{3,5}", fullmatch=True),
)
ANY_SHORT_TEXT = st.text(alphabet="0123456789-.ABEJOUVWZaz ", max_size=12)
CODES = st.lists(
    st.one_of(NPI_LIKE, LOINC_LIKE, ICD_LIKE, HCPCS_LIKE, ANY_SHORT_TEXT), min_size=1, max_size=60
)


@pytest.fixture
def duck() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect()
    yield connection
    connection.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(codes=CODES)
def test_sql_predicates_match_the_reference(
    codes: list[str], compiled_snippets: dict[str, str], duck: duckdb.DuckDBPyConnection
) -> None:
    duck.execute("create or replace table codes_under_test (idx integer, code varchar)")
    duck.executemany("insert into codes_under_test values (?, ?)", list(enumerate(codes)))
    rows = duck.execute(compiled_snippets["predicates"]).fetchall()
    assert len(rows) == len(codes)
    for idx, *sql_results in rows:
        code = codes[idx]
        for (name, reference), sql_result in zip(REFERENCES.items(), sql_results, strict=True):
            assert sql_result is reference(code), f"{name} disagrees on {code!r}"


def count_failures(duck: duckdb.DuckDBPyConnection, compiled_test: str) -> int:
    (row,) = duck.execute(
        f"select coalesce(sum(failing_rows), 0) from ({compiled_test}) as test_result"
    ).fetchall()
    return int(row[0])


@pytest.mark.parametrize(
    ("value_sql", "failures"),
    [
        (
            "current_date + cast(i as integer)",
            3,
        ),  # today .. today+6: days 4, 5, 6 are beyond the 3-day allowance
        ("cast(current_date + 3 as timestamp) + interval 23 hour", 0),  # later on the last allowed day
        ("cast(current_date + 4 as timestamp)", 7),
        ("cast(null as date)", 0),
    ],
)
def test_not_in_future_honours_the_allowance(
    value_sql: str, failures: int, compiled_snippets: dict[str, str], duck: duckdb.DuckDBPyConnection
) -> None:
    duck.execute(f"create table dated_values as select {value_sql} as value from range(7) as days(i)")
    assert count_failures(duck, compiled_snippets["not_in_future"]) == failures


@pytest.mark.parametrize(
    ("value_sql", "failures"),
    [
        ("cast(current_date - 6 as timestamp)", 0),
        ("cast(current_date - 8 as timestamp)", 1),
        ("current_date - 30 + cast(i as integer)", 1),  # newest is 24 days old
        ("cast(null as timestamp)", 1),  # nothing dated: stale
    ],
)
def test_recency_compares_the_newest_record_with_now(
    value_sql: str, failures: int, compiled_snippets: dict[str, str], duck: duckdb.DuckDBPyConnection
) -> None:
    duck.execute(f"create table dated_values as select {value_sql} as value from range(7) as days(i)")
    assert count_failures(duck, compiled_snippets["recency"]) == failures


# --- every wiring on the real engines -------------------------------------------------------------------------

ENGINES = ["duckdb", "postgres", "fakesnow"]


def engine_target(engine: str, request: pytest.FixtureRequest) -> tuple[str, dict[str, str]]:
    """The dbt target of an engine, and the variables that point it at a fresh, private place."""
    # Every run applies governance first (on-run-start), which needs a pseudonym key on real engines.
    governance = {"AEGIS_PSEUDONYM_KEY": secrets.token_urlsafe(24)}
    if engine == "postgres":
        server = request.getfixturevalue("postgres_database")
        return "postgres", {**server.dbt_env(), **governance}
    if engine == "fakesnow":
        server = request.getfixturevalue("fakesnow_server")
        # fakesnow's data is shared by every client of the server: a schema of our own keeps this run apart.
        schema = f"FIXTURES_{uuid.uuid4().hex[:8].upper()}"
        return "fakesnow", {**server.dbt_env(), **governance, "AEGIS_SF_SCHEMA": schema}
    return "dev", {}


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
def test_negative_tests_fail_with_their_expected_counts(
    engine: str, request: pytest.FixtureRequest, run_dbt: Any, tmp_path: Path
) -> None:
    target, env = engine_target(engine, request)
    result = run_dbt(
        "build", "-s", "path:seeds/fixtures", "--target", target, "--vars", NORMAL_SEVERITY, env=env
    )
    assert "Encountered an error" not in result.stdout, result.stdout[-4000:]
    manifest = json.loads((tmp_path / "target" / "manifest.json").read_text())
    results = json.loads((tmp_path / "target" / "run_results.json").read_text())["results"]
    tests = {r["unique_id"]: r for r in results if r["unique_id"].startswith("test.")}
    assert tests, "no fixture test ran"

    wrong: list[str] = []
    for unique_id, run_result in sorted(tests.items()):
        node = manifest["nodes"][unique_id]
        if "negative" in node["tags"]:
            expected = node["config"]["meta"]["expected_failures"]
            if run_result["status"] != "fail" or run_result["failures"] != expected:
                wrong.append(
                    f"{node['name']}: {run_result['status']} {run_result['failures']} (want fail {expected})"
                )
        elif run_result["status"] != "pass":
            wrong.append(f"{node['name']}: {run_result['status']} (want pass)")
    assert not wrong, "\n".join(wrong)
    wired = {manifest["nodes"][unique_id]["test_metadata"]["name"] for unique_id in tests}
    assert wired == set(generic_test_names())


@pytest.mark.slow
def test_fixture_build_is_green_with_no_warning(run_dbt: Any) -> None:
    result = run_dbt("build", "-s", "path:seeds/fixtures")
    assert result.returncode == 0, result.stdout[-4000:]
    assert re.search(r"PASS=\d+ WARN=0 ERROR=0 SKIP=0", result.stdout), result.stdout[-2000:]
