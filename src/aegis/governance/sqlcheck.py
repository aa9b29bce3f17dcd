"""Parse rendered governance DDL with sqlfluff, statement by statement.

The pinned sqlfluff (4.4.0, held back by sqlfluff-templater-dbt) lacks two grammars Aegis renders:
Redshift masking-policy DDL, a schema-qualified name in Snowflake's CREATE ROW ACCESS POLICY, and
Snowflake aggregation- and projection-policy DDL, all parsed by 4.5.0. Those statements are parsed by sqlfluff 4.5.0 in a small separate environment
(.venv/sqlfluff-4.5.0, created on first use from PyPI). Statements no sqlfluff release parses
(Redshift ALTER TABLE ... ROW LEVEL SECURITY and GRANT IGNORE RLS, Snowflake ALTER TAG ... SET
MASKING POLICY) are listed in UNPARSEABLE and reviewed by hand.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from aegis.paths import project_root

CHECK_SQLFLUFF_VERSION = "4.5.0"
NEEDS_NEWER_SQLFLUFF = {
    "redshift": re.compile(r"^(create|alter|attach|detach|drop) masking policy ", re.IGNORECASE),
    "snowflake": re.compile(
        r"^(create row access policy |(create|alter|drop) (aggregation|projection) policy )", re.IGNORECASE
    ),
}
UNPARSEABLE = {
    "redshift": re.compile(
        r"^(alter table \S+ row level security (on|off)|grant ignore rls to role \S+)$", re.I
    ),
    "snowflake": re.compile(r"^alter tag \S+ (set|unset) masking policy \S+( force)?$", re.I),
}

PARSE_SCRIPT = """
import json, sys
from sqlfluff.core import FluffConfig, Linter
dialect, statements = json.load(sys.stdin)
linter = Linter(config=FluffConfig(overrides={"dialect": dialect}))
bad = [s for s in statements if linter.parse_string(s).violations]
print(json.dumps(bad))
"""


def split_statements(script: str) -> list[str]:
    """Statements of a rendered plan: comment lines dropped, split at a ';' that ends a line."""
    text = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("--"))
    return [part.strip() for part in re.split(r";\s*(?:\n|$)", text) if part.strip()]


def check_environment() -> Path:
    """The interpreter of the separate sqlfluff 4.5.0 environment, created on first use."""
    env_dir = project_root() / ".venv" / f"sqlfluff-{CHECK_SQLFLUFF_VERSION}"
    python = env_dir / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", f"sqlfluff=={CHECK_SQLFLUFF_VERSION}"],
            check=True,
        )
    return python


def _unparsed(python: str, dialect: str, statements: Iterable[str]) -> list[str]:
    batch = list(statements)
    if not batch:
        return []
    completed = subprocess.run(
        [python, "-c", PARSE_SCRIPT],
        input=json.dumps([dialect, batch]),
        capture_output=True,
        text=True,
        check=True,
    )
    bad: list[str] = json.loads(completed.stdout)
    return bad


def unparsed_statements(dialect: str, script: str) -> list[str]:
    """The statements of `script` that sqlfluff cannot parse (empty when all parse)."""
    statements = [s for s in split_statements(script) if not _matches(UNPARSEABLE, dialect, s)]
    newer = [s for s in statements if _matches(NEEDS_NEWER_SQLFLUFF, dialect, s)]
    pinned = [s for s in statements if s not in newer]
    bad = _unparsed(sys.executable, dialect, sorted(set(pinned)))
    if newer:
        bad += _unparsed(str(check_environment()), dialect, sorted(set(newer)))
    return bad


def _matches(patterns: dict[str, re.Pattern[str]], dialect: str, statement: str) -> bool:
    pattern = patterns.get(dialect)
    return bool(pattern and pattern.match(statement))
