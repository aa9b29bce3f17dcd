"""The Snowflake and Redshift governance DDL of the whole project (and of the sample project) equals
the reviewed golden files, and parses with sqlfluff. Refresh after a reviewed change with
AEGIS_UPDATE_GOLDEN=1 (then read the diff: it is the change a DBA would apply)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from aegis.governance.dbt_cli import governance_plan_sql
from aegis.governance.sample_project import isolated_dbt_env, write_sample_project
from aegis.governance.sqlcheck import split_statements, unparsed_statements
from aegis.paths import project_root

pytestmark = pytest.mark.slow

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("AEGIS_UPDATE_GOLDEN") == "1"
ENGINES = ("snowflake", "redshift")


def _compare(rendered: str, golden: Path) -> None:
    if UPDATE or not golden.exists():
        golden.write_text(rendered)
    assert rendered == golden.read_text(), f"{golden.name} differs: review, then AEGIS_UPDATE_GOLDEN=1"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    work = tmp_path_factory.mktemp("golden_sample")
    return write_sample_project(work / "project"), isolated_dbt_env(work)


@pytest.mark.parametrize("engine", ENGINES)
def test_whole_project_plan_matches_golden_and_parses(engine: str, tmp_path: Path) -> None:
    rendered = governance_plan_sql(engine, project_dir=project_root(), env=isolated_dbt_env(tmp_path))
    # pseudonyms read the key where the warehouse stores it: the DDL names the store, never a key
    assert "aegis_hmac_sha256((select key from" in rendered or "f_aegis_pseudonym(val)" in rendered
    assert "AEGIS_PSEUDONYM_KEY" not in rendered
    _compare(rendered, GOLDEN / f"{engine}.sql")
    assert unparsed_statements(engine, rendered) == []
    assert_protection_before_grants(split_statements(rendered))


@pytest.mark.parametrize("engine", ENGINES)
def test_sample_plan_matches_golden_and_parses(engine: str, sample: tuple[Path, dict[str, str]]) -> None:
    project, env = sample
    rendered = governance_plan_sql(engine, project_dir=project, env=env)
    _compare(rendered, GOLDEN / f"sample_{engine}.sql")
    assert unparsed_statements(engine, rendered) == []
    assert_protection_before_grants(split_statements(rendered))


def test_sample_snowflake_tag_mode_matches_golden_and_parses(sample: tuple[Path, dict[str, str]]) -> None:
    project, env = sample
    tag_mode = ["--vars", "{aegis_snowflake_tag_masking: true}"]
    rendered = governance_plan_sql("snowflake", project_dir=project, env=env, extra=tag_mode)
    _compare(rendered, GOLDEN / "sample_snowflake_tags.sql")
    assert unparsed_statements("snowflake", rendered) == []
    statements = split_statements(rendered)
    # columns that follow the matrix are tagged; the one override (email) keeps a direct policy
    assert any("modify column ssn set tag" in s for s in statements)
    assert any("modify column email set masking policy" in s for s in statements)
    assert not any("modify column ssn set masking policy" in s for s in statements)
    assert any(
        s.startswith("alter tag aegis_governance.aegis_phi_category set masking policy") for s in statements
    )
    assert_protection_before_grants(statements)


def assert_protection_before_grants(statements: list[str]) -> None:
    """No masking or row policy is attached to a relation after a tier was granted it."""
    protects = re.compile(
        r"^(alter (table|view) (?P<a>\S+) (modify column|add row access|set aggregation policy)"
        r"|attach (masking|rls) policy \S+ on (?P<b>\S+))"
    )
    grants = re.compile(r"^grant select (\([^)]*\) )?on ((table|view) )?(?P<relation>\S+) ")
    granted: set[str] = set()
    checked = 0
    for statement in statements:
        if match := grants.match(statement):
            granted.add(match["relation"])
        elif match := protects.match(statement):
            assert (match["a"] or match["b"]) not in granted, statement
            checked += 1
    assert checked > 0 and granted


def test_parse_check_catches_broken_sql() -> None:
    assert unparsed_statements(
        "snowflake", "create masking policy if not exists p as (val varchar) returns ->;\n"
    )
    assert unparsed_statements("redshift", "attach masking policy p on t to role;\n")


def test_snowflake_projection_policy_hides_only_the_sensitive_row_flag() -> None:
    """Every relation with a row access policy gets a projection policy on its flag (filterable, not
    shown to tiers that may not see sensitive rows), and no other column gets one: a key that can be
    filtered on but not shown would be an oracle."""
    script = (GOLDEN / "snowflake.sql").read_text()
    row_policy = set(re.findall(r"^alter table (\S+) add row access policy \S+ on \((\w+)\);$", script, re.M))
    projected = set(
        re.findall(r"^alter table (\S+) modify column (\w+) set projection policy \S+ force;$", script, re.M)
    )
    assert len(row_policy) >= 10
    assert projected == row_policy
