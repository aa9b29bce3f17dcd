"""Each masking strategy's SQL, as the macros render it for DuckDB, run on real DuckDB against
generated values (hypothesis), compared with what the strategy promises."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aegis.governance.classification import GovernanceSettings
from aegis.governance.dbt_cli import run_operation_json
from aegis.governance.pseudonym_key import pseudonym, write_duckdb_key
from aegis.governance.sample_project import isolated_dbt_env, write_sample_project

pytestmark = pytest.mark.slow

KEY = b"hypothesis-test-key-0123456789"
RESTRICTED = set(GovernanceSettings.load().restricted_zip3)
DUCKDB_TYPES = {"text": "varchar", "date": "date", "timestamp": "timestamp", "number": "integer"}
CHECKS = settings(max_examples=60, deadline=None)


@pytest.fixture(scope="module")
def expressions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    work = tmp_path_factory.mktemp("strategies")
    project = write_sample_project(work / "project")
    env = isolated_dbt_env(work)
    # the key the DuckDB plugin would otherwise draw at random, planted where views read it
    write_duckdb_key(env["AEGIS_DUCKDB_PATH"], KEY, env)
    document: dict[str, dict[str, str]] = run_operation_json(
        "aegis_print_mask_expressions", project_dir=project, env=env
    )
    return document


@pytest.fixture(scope="module")
def con() -> duckdb.DuckDBPyConnection:
    return duckdb.connect()


def masked(con: duckdb.DuckDBPyConnection, sql: str, family: str, value: Any) -> Any:
    row = con.execute(
        f"select {sql} from (select cast(? as {DUCKDB_TYPES[family]}) as x)", [value]
    ).fetchone()
    assert row is not None
    return row[0]


digits = st.text(alphabet="0123456789", min_size=5, max_size=5)
texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=40)
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
datetimes = st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 12, 31))


@CHECKS
@given(value=st.one_of(st.none(), texts))
def test_last4_keeps_only_the_last_four(expressions: Any, con: Any, value: str | None) -> None:
    result = masked(con, expressions["last4"]["text"], "text", value)
    assert result == (None if value is None else "***" + value[-4:])


def ninety_years_before(day: dt.date) -> dt.date:
    """The Safe Harbor cutoff: a date on or before it is a person aged 90 or more today."""
    try:
        return day.replace(year=day.year - 90)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 90, day=28)


@CHECKS
@given(value=dates)
def test_year_keeps_only_the_year_of_a_date(expressions: Any, con: Any, value: dt.date) -> None:
    over_89 = value <= ninety_years_before(dt.date.today())
    expected = None if over_89 else dt.date(value.year, 1, 1)
    assert masked(con, expressions["year"]["date"], "date", value) == expected


@CHECKS
@given(value=datetimes)
def test_year_keeps_only_the_year_of_a_timestamp(expressions: Any, con: Any, value: dt.datetime) -> None:
    over_89 = value.date() <= ninety_years_before(dt.date.today())
    expected = None if over_89 else dt.datetime(value.year, 1, 1)
    assert masked(con, expressions["year"]["timestamp"], "timestamp", value) == expected


@CHECKS
@given(value=st.one_of(digits, st.sampled_from(sorted(RESTRICTED)).map(lambda p: p + "42")))
def test_zip3_truncates_and_zeroes_restricted_prefixes(expressions: Any, con: Any, value: str) -> None:
    expected = "000" if value[:3] in RESTRICTED else value[:3]
    assert masked(con, expressions["zip3"]["text"], "text", value) == expected


@CHECKS
@given(value=st.one_of(st.none(), st.integers(min_value=0, max_value=130)))
def test_age_cap_90(expressions: Any, con: Any, value: int | None) -> None:
    expected = None if value is None else (90 if value > 89 else value)
    assert masked(con, expressions["age_cap_90"]["number"], "number", value) == expected


@CHECKS
@given(value=st.one_of(st.none(), texts))
def test_redact_hides_every_string(expressions: Any, con: Any, value: str | None) -> None:
    assert masked(con, expressions["redact"]["text"], "text", value) == (
        None if value is None else "[REDACTED]"
    )


@CHECKS
@given(value=st.one_of(dates.map(str), texts))
def test_redact_and_null_on_other_types_are_null(expressions: Any, con: Any, value: str) -> None:
    assert masked(con, expressions["redact"]["date"], "date", "2020-01-02") is None
    assert masked(con, expressions["null"]["text"], "text", value) is None
    assert masked(con, expressions["deny"]["text"], "text", value) is None


@CHECKS
@given(value=texts, other=texts)
def test_pseudonym_is_hmac_sha256_under_the_warehouse_key(
    expressions: Any, con: Any, value: str, other: str
) -> None:
    sql = expressions["pseudonym"]["text"]
    first = masked(con, sql, "text", value)
    assert first == masked(con, sql, "text", value)
    assert first == pseudonym(KEY, value)
    assert first != value
    if other != value:
        assert masked(con, sql, "text", other) != first


def test_clear_is_the_value(expressions: Any, con: Any) -> None:
    assert masked(con, expressions["clear"]["text"], "text", "MRN-0001") == "MRN-0001"
    assert expressions["clear"]["date"] == "x"


def test_pseudonym_sql_names_the_key_file_never_the_key(tmp_path: Path) -> None:
    project = write_sample_project(tmp_path / "project")
    env = isolated_dbt_env(tmp_path, AEGIS_PSEUDONYM_KEY=KEY.decode())
    key_file = write_duckdb_key(env["AEGIS_DUCKDB_PATH"], KEY, env)
    document = run_operation_json("aegis_print_mask_expressions", project_dir=project, env=env)
    pads = key_file.read_text().splitlines()[1].split(",")
    for secret in (KEY.decode(), KEY.hex(), *pads):
        assert secret not in str(document)
    assert str(key_file) in document["pseudonym"]["text"]
