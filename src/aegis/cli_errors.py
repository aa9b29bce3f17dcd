"""One line instead of a traceback: what failed, where, and what to do (the traceback only with --debug).

`aegis.cli` runs every command inside `AegisGroup.invoke`; an exception that reaches it becomes one line
on stderr, prefixed with the command (`aegis governance verify: ...`), and exit code 2. Messages name
files, hosts, targets and services; they never quote data (a library's message is cut to its first line).
"""

from __future__ import annotations

import os
import re
from typing import Any

import typer
import typer.core
from typer.exceptions import TyperException

from aegis.errors import UserError

EXIT_CANNOT_RUN = 2
MAX_LINE = 300
DEBUG_KEY = "aegis.debug"
# libpq (psycopg2 and dbt-postgres) reads it: a PostgreSQL that does not answer fails in seconds, not minutes.
PG_CONNECT_TIMEOUT_SECONDS = "10"
DBT_ERROR_HEADINGS = re.compile(
    r"(Encountered an error|Compilation Error|Database Error|Runtime Error|Parsing Error|"
    r"Env var required|Could not find profile|does not have a target named)",
    re.I,
)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
CONVERSION_ERRORS = re.compile(
    r"(invalid literal for|could not convert|time data|unconverted data|Invalid isoformat|"
    r"invalid (date|time|decimal)|Conversion Error|invalid input (syntax|value)|Constraint Error|"
    r"duplicate key|violates)",
    re.I,
)
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def first_line(text: str) -> str:
    lines = [ANSI.sub("", line).strip() for line in str(text).splitlines()]
    line = next((line for line in lines if line), "")
    return line if len(line) <= MAX_LINE else line[: MAX_LINE - 3] + "..."


def dbt_error_line(output: str) -> str:
    """The line of dbt's output that says what went wrong (the message after 'Compilation Error in ...')."""
    lines = [ANSI.sub("", line).strip() for line in output.splitlines()]
    for index, line in enumerate(lines):
        if not DBT_ERROR_HEADINGS.search(line):
            continue
        heading = re.sub(r"^\d\d:\d\d:\d\d\s+", "", line)
        detail = next((later for later in lines[index + 1 :] if later and not later.startswith(">")), "")
        return first_line(f"{heading.rstrip(':')}: {detail}" if detail else heading)
    return first_line(next((line for line in reversed(lines) if line), "no output"))


def _postgres_target() -> str:
    host = os.environ.get("AEGIS_PG_HOST", "127.0.0.1")
    return f"PostgreSQL at {host}:{os.environ.get('AEGIS_PG_PORT', '5432')}"


def _aws_message(error: Exception) -> str | None:
    try:
        from botocore import exceptions as aws
    except ImportError:  # pragma: no cover - botocore is a pinned dependency
        return None
    if isinstance(error, aws.NoCredentialsError | aws.PartialCredentialsError):
        return (
            "AWS: no credentials found; set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY "
            "(or --endpoint-url for a local mock)"
        )
    if isinstance(error, aws.ConnectTimeoutError | aws.ReadTimeoutError | aws.EndpointConnectionError):
        url = getattr(error, "kwargs", {}).get("endpoint_url", "the endpoint")
        what = (
            "cannot be reached"
            if isinstance(error, aws.EndpointConnectionError)
            else "did not answer in time"
        )
        return f"AWS endpoint {url} {what} ({type(error).__name__}); check --endpoint-url and the network"
    if isinstance(error, aws.ClientError):
        details: dict[str, Any] = error.response.get("Error", {})
        operation = getattr(error, "operation_name", "call")
        return (
            f"AWS {operation} refused: {details.get('Code', '?')}: {first_line(details.get('Message', ''))}"
        )
    if isinstance(error, aws.BotoCoreError):
        return f"AWS: {first_line(str(error))}"
    return None


def _database_message(error: Exception) -> str | None:
    try:
        import duckdb
    except ImportError:  # pragma: no cover - duckdb is a pinned dependency
        duckdb = None  # type: ignore[assignment]
    if duckdb is not None and isinstance(error, duckdb.Error):
        return f"DuckDB: {_without_values(first_line(str(error)))}"
    try:
        import psycopg2
    except ImportError:  # pragma: no cover - psycopg2 is a pinned dependency
        return None
    if isinstance(error, psycopg2.OperationalError):
        return (
            f"{_postgres_target()} cannot be reached ({first_line(str(error))}); start the server "
            "or set AEGIS_PG_HOST/AEGIS_PG_PORT"
        )
    if isinstance(error, psycopg2.Error):
        return f"{_postgres_target()}: {_without_values(first_line(str(error)))}"
    return None


def describe(error: BaseException) -> tuple[str, bool]:
    """(one line, known): known errors are ones a user can cause and fix; the rest are bugs."""
    if isinstance(error, UserError):
        return first_line(str(error)), True
    if isinstance(error, Exception):
        for message in (_aws_message(error), _database_message(error)):
            if message:
                return message, True
    if isinstance(error, RuntimeError) and str(error).startswith("dbt "):
        command, _, output = str(error).partition("\n")
        return f"{command.rstrip(':')}: {_without_values(dbt_error_line(output))}", True
    if isinstance(error, FileNotFoundError) and error.filename:
        return f"file not found: {error.filename}", True
    if isinstance(error, EOFError):
        return "input ended early (a truncated or partly copied file?)", True
    if isinstance(error, OSError | ValueError):
        return _without_values(first_line(str(error))) or type(error).__name__, True
    # Anything else is a bug; its message may quote a value (a KeyError's key), so only its type is named.
    return f"unexpected {type(error).__name__}", False


def _without_values(message: str) -> str:
    """Python's conversion errors quote the value they could not read: that value is dropped."""
    if CONVERSION_ERRORS.search(message):
        return QUOTED.sub("'…'", message)
    return message


class AegisGroup(typer.core.TyperGroup):
    """The top-level group: every subcommand runs inside `invoke`, where errors become one line."""

    def invoke(self, ctx: Any) -> Any:  # typer's vendored click Context
        argv = [*getattr(ctx, "_protected_args", []), *ctx.args]
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, TyperException):
            raise
        except Exception as error:
            if ctx.meta.get(DEBUG_KEY):
                raise
            message, known = describe(error)
            command = " ".join([ctx.command_path, *_subcommands(self, argv)])
            hint = "" if known else " (a bug: rerun with --debug for the traceback)"
            typer.echo(f"{command}: {message}{hint}", err=True)
            raise typer.Exit(EXIT_CANNOT_RUN) from error


def _subcommands(group: Any, args: list[str]) -> list[str]:
    """The subcommand names in the arguments the group was given (`governance verify`)."""
    names: list[str] = []
    while isinstance(group, typer.core.TyperGroup):
        name = next((a for a in args if a in group.commands), None)
        if name is None:
            break
        names.append(name)
        args = args[args.index(name) + 1 :]
        group = group.commands[name]
    return names
