"""Safe Harbor 90+ (45 CFR 164.514(b)(2)(i)(C)): the `year` strategy withholds the year of a person aged
over 89 at query time (the single "90 or older" category is NULL, the column keeps its type), and
`age_cap_90` shows 90 for every age over 89. Checked with people aged 89, 90 and 100 today, on DuckDB
and on PostgreSQL 18, with the SQL each engine's tier views are built from; the built tier views
themselves are checked in test_plan_postgres_apply / test_plan_duckdb_apply (a patient born in 1931)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import pytest

from aegis.engines.postgres import PostgresServer
from aegis.governance.dbt_cli import run_operation_json
from aegis.governance.sample_project import isolated_dbt_env, write_sample_project

pytestmark = pytest.mark.slow

TODAY = dt.date.today()


def born_years_ago(years: int, days_later: int = 0) -> dt.date:
    try:
        day = TODAY.replace(year=TODAY.year - years)
    except ValueError:  # 29 February
        day = TODAY.replace(year=TODAY.year - years, day=28)
    return day + dt.timedelta(days=days_later)


# (age today, birth date): the 89-year-old turns 90 tomorrow; the 90-year-old turned 90 today
PEOPLE = [
    (89, born_years_ago(90, days_later=1)),
    (90, born_years_ago(90)),
    (100, born_years_ago(100, days_later=-120)),
]


@pytest.fixture(scope="module")
def expressions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    work = tmp_path_factory.mktemp("safe_harbor_90")
    project = write_sample_project(work / "project")
    env = isolated_dbt_env(work)
    return {
        engine: run_operation_json(
            "aegis_print_mask_expressions", {"engine": engine}, project_dir=project, env=env
        )
        for engine in ("duckdb", "postgres")
    }


def expected_year(age: int, birth: dt.date) -> dt.date | None:
    return None if age > 89 else dt.date(birth.year, 1, 1)


def test_people_are_the_ages_the_test_says() -> None:
    for age, birth in PEOPLE:
        completed = TODAY.year - birth.year - ((TODAY.month, TODAY.day) < (birth.month, birth.day))
        assert completed == age


def test_duckdb_withholds_the_year_of_people_over_89(expressions: dict[str, Any]) -> None:
    sql = expressions["duckdb"]
    with duckdb.connect() as con:
        for age, birth in PEOPLE:
            year_date = con.execute(
                f"select {sql['year']['date']} from (select ?::date as x)", [birth]
            ).fetchone()
            year_ts = con.execute(
                f"select {sql['year']['timestamp']} from (select ?::timestamp as x)",
                [dt.datetime.combine(birth, dt.time(23, 59))],
            ).fetchone()
            capped = con.execute(
                f"select {sql['age_cap_90']['number']} from (select ?::integer as x)", [age]
            ).fetchone()
            year_text = con.execute(
                f"select {sql['year']['text']} from (select ?::varchar as x)", [birth.isoformat()]
            ).fetchone()
            expected = expected_year(age, birth)
            assert year_date == (expected,), age
            assert year_ts == (None if expected is None else dt.datetime(birth.year, 1, 1),), age
            assert capped == (min(age, 90),), age
            # text is judged by year alone (conservative): 89 this year but born 90 years ago -> withheld
            assert year_text == (None if TODAY.year - birth.year >= 90 else str(birth.year),), age


def test_postgres_withholds_the_year_of_people_over_89(
    expressions: dict[str, Any], postgres_database: PostgresServer
) -> None:
    sql = expressions["postgres"]
    with postgres_database.connect() as con, con.cursor() as cursor:
        for age, birth in PEOPLE:
            expected = expected_year(age, birth)
            cursor.execute(f"select {sql['year']['date']} from (select %s::date as x) as p", (birth,))
            assert cursor.fetchone() == (expected,), age
            cursor.execute(
                f"select {sql['year']['timestamp']} from (select %s::timestamp as x) as p",
                (dt.datetime.combine(birth, dt.time(23, 59)),),
            )
            assert cursor.fetchone() == (None if expected is None else dt.datetime(birth.year, 1, 1),), age
            # timestamptz (FHIR instants) compares by the session's date
            cursor.execute(
                f"select {sql['year']['timestamp'].replace('as timestamp)', 'as timestamptz)')}"
                " from (select %s::timestamptz as x) as p",
                (dt.datetime.combine(birth, dt.time(12, 0), tzinfo=dt.UTC),),
            )
            value = cursor.fetchone()[0]
            assert (value is None) == (expected is None), age
            cursor.execute(
                f"select {sql['age_cap_90']['number']} from (select %s::integer as x) as p", (age,)
            )
            assert cursor.fetchone() == (min(age, 90),), age


def test_year_sql_has_the_cutoff_on_every_engine(tmp_path: Path) -> None:
    project = write_sample_project(tmp_path / "project")
    env = isolated_dbt_env(tmp_path)
    for engine, cutoff in {
        "snowflake": "dateadd(year, -90, current_date())",
        "redshift": "dateadd(year, -90, current_date)::date",
        "postgres": "current_date - interval '90 years'",
    }.items():
        sql = run_operation_json(
            "aegis_print_mask_expressions", {"engine": engine}, project_dir=project, env=env
        )
        for family in ("date", "timestamp", "text"):
            assert cutoff in sql["year"][family], (engine, family)
