"""Start and stop a fakesnow server: Snowflake's HTTP protocol on 127.0.0.1, backed by in-memory DuckDB.

dbt-snowflake (through snowflake-connector-python) logs in and runs queries against it exactly as against
an account, so the project's Snowflake dialect really executes. The server runs in its own process rather
than a thread of the test process: dbt builds then don't fight the tests for the GIL, a crash cannot take
pytest down, and the server log goes to a file.

fakesnow emulates the SQL, not the platform: no roles, grants, masking or row access policies are
enforced (see docs/engines.md).

The server process is this module (`python -m aegis.engines.fakesnow`), which wraps fakesnow's own server
with three adjustments, each for a reason a test would otherwise trip on:
- an unsupported statement makes fakesnow answer HTTP 500, which the Snowflake connector retries without
  end; we turn it into an ordinary query error, so dbt fails fast and says which model;
- fakesnow logs failing statements with their text and bound values; we mask every quoted literal
  first, so no record value (PHI) reaches the log;
- governance DDL (roles, grants, masking and row access policies, tags) has no emulation in fakesnow;
  it runs as a no-op (fakesnow's `nop_regexes`), so the same dbt build runs here as on Snowflake, and
  the rendered DDL is checked elsewhere (golden files, sqlfluff);
- object comments (dbt's persist_docs) trip fakesnow's parser: they are dropped, comments change
  nothing that a build or a test reads;
- `table(information_schema.policy_references(...))` is not emulated; since no policy can exist here
  (see above), it reads as the empty table it would be;
- `to_timestamp_tz(x, 'auto')` (how staging parses FHIR instants on Snowflake) is not emulated; we hand
  fakesnow the equivalent cast, which DuckDB reads the same way for ISO 8601 text;
- a VARIANT string cast to varchar keeps its JSON quotes on fakesnow unless the cast is of a path read;
  the SQL-on-FHIR views cast scalar subqueries and derived tables' `value` columns, which we hand
  fakesnow as path reads of their root (`_variant_text_cast`), so they unquote as on Snowflake.
"""

from __future__ import annotations

import ast
import atexit
import logging
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LISTEN_HOST = "127.0.0.1"
READY_TIMEOUT_SECONDS = 60.0
STOP_TIMEOUT_SECONDS = 15.0
# Names the `fakesnow` target of profiles.yml expects; fakesnow accepts any credentials.
ACCOUNT = "fakesnow"
USER = "fake"
PASSWORD = "snow"
DATABASE = "AEGIS"
WAREHOUSE = "AEGIS_WH"
ROLE = "ACCOUNTADMIN"


@dataclass(frozen=True)
class FakesnowServer:
    host: str
    port: int
    pid: int
    log_file: Path
    start_seconds: float

    def connect_kwargs(self, *, database: str | None = DATABASE, schema: str | None = None) -> dict[str, Any]:
        """Keyword arguments for `snowflake.connector.connect` against this server."""
        kwargs: dict[str, Any] = {
            "account": ACCOUNT,
            "user": USER,
            "password": PASSWORD,
            "host": self.host,
            "port": self.port,
            "protocol": "http",
            # Telemetry would try to reach the internet; retries would hide a server error for minutes.
            "session_parameters": {"CLIENT_OUT_OF_BAND_TELEMETRY_ENABLED": False},
            "network_timeout": 60,
        }
        if database:
            kwargs["database"] = database
        if schema:
            kwargs["schema"] = schema
        return kwargs

    def connect(self, *, database: str | None = DATABASE, schema: str | None = None) -> Any:
        import snowflake.connector

        return snowflake.connector.connect(**self.connect_kwargs(database=database, schema=schema))

    def dbt_env(self) -> dict[str, str]:
        """The variables the `fakesnow` target of profiles.yml reads."""
        return {
            "AEGIS_SF_ACCOUNT": ACCOUNT,
            "AEGIS_SF_USER": USER,
            "AEGIS_SF_PASSWORD": PASSWORD,
            "AEGIS_SF_HOST": self.host,
            "AEGIS_SF_PORT": str(self.port),
            "AEGIS_SF_DATABASE": DATABASE,
            "AEGIS_SF_WAREHOUSE": WAREHOUSE,
            "AEGIS_SF_ROLE": ROLE,
        }


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LISTEN_HOST, 0))
        return int(sock.getsockname()[1])


def _accepts_connections(port: int) -> bool:
    try:
        with socket.create_connection((LISTEN_HOST, port), timeout=0.5):
            return True
    except OSError:
        return False


def _stop_process(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    # serve() waits for SIGINT and then shuts uvicorn down cleanly.
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=STOP_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_TIMEOUT_SECONDS)


_processes: dict[int, subprocess.Popen[bytes]] = {}


def stop_fakesnow(server: FakesnowServer) -> None:
    process = _processes.pop(server.pid, None)
    if process is not None:
        _stop_process(process)


def start_fakesnow(work_dir: Path) -> FakesnowServer:
    """Launch `python -m aegis.engines.fakesnow` on 127.0.0.1:<free port> and wait until it accepts connections.

    The database is in memory and shared by every session of this server: dbt, the raw loader and the
    tests see the same tables. The caller must call `stop_fakesnow`.
    """
    started = time.perf_counter()
    work_dir.mkdir(parents=True, exist_ok=True)
    log_file = work_dir / "fakesnow.log"
    port = _free_port()
    with log_file.open("ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "aegis.engines.fakesnow", LISTEN_HOST, str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            # fakesnow makes a stage "bucket" folder in the temp dir on start: keep it inside work_dir.
            env={**os.environ, "TMPDIR": str(work_dir)},
        )
    _processes[process.pid] = process
    atexit.register(_stop_process, process)
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while not _accepts_connections(port):
        if process.poll() is not None or time.monotonic() > deadline:
            _stop_process(process)
            raise RuntimeError(f"fakesnow did not start on {LISTEN_HOST}:{port}; log: {log_file}")
        time.sleep(0.1)
    return FakesnowServer(
        host=LISTEN_HOST,
        port=port,
        pid=process.pid,
        log_file=log_file,
        start_seconds=time.perf_counter() - started,
    )


@contextmanager
def running_fakesnow(work_dir: Path) -> Iterator[FakesnowServer]:
    server = start_fakesnow(work_dir)
    try:
        yield server
    finally:
        stop_fakesnow(server)


# --- the server process ------------------------------------------------------------------------

_QUOTED = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"")
UNSUPPORTED_CODE = "002003"
# dbt prefixes each statement with a /* query comment */; fakesnow matches nop_regexes from the start.
_AFTER_COMMENTS = r"(?s)^\s*(?:/\*.*?\*/\s*)*"
GOVERNANCE_NO_OPS = [
    _AFTER_COMMENTS + r"(create|drop|alter|use)\s+(or\s+replace\s+)?role\b",
    _AFTER_COMMENTS + r"(grant|revoke)\b",
    _AFTER_COMMENTS
    + r"(create|alter|drop|describe|desc)\s+(or\s+replace\s+)?(masking|row\s+access)\s+policy\b",
    _AFTER_COMMENTS + r"alter\s+(table|view)\s.*\b(masking|row\s+access)\s+policy\b",
    _AFTER_COMMENTS + r"(create|alter|drop)\s+(or\s+replace\s+)?tag\b",
    _AFTER_COMMENTS + r"alter\s+(table|view)\s.*\b(set|unset)\s+tag\b",
    _AFTER_COMMENTS + r"show\s+(grants|roles|masking\s+policies|row\s+access\s+policies)\b",
]
PERSIST_DOCS_NO_OPS = [
    _AFTER_COMMENTS + r"comment\s+(if\s+exists\s+)?on\b",
    _AFTER_COMMENTS + r"alter\s+(table|view)\s+\S+\s+alter\s.*?\bcomment\s+\$\$",
]
# create view v ("A" COMMENT $$...$$, ...) as ...: the column list stays, its comments go.
_VIEW_COLUMN_COMMENT = re.compile(r"\s+COMMENT\s+\$\$.*?\$\$", re.DOTALL | re.IGNORECASE)
_CREATE_VIEW = re.compile(
    _AFTER_COMMENTS + r"create\s+(or\s+replace\s+)?(secure\s+|recursive\s+)*view\b", re.I
)


_LOGGED_STATEMENT = re.compile(r"^sql_text=(?P<sql>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")")

_PARAMS = re.compile(r" params=.*?(?= Unhandled exception|$)", re.DOTALL)


def mask_literals(text: str) -> str:
    """Every quoted string becomes '?': statement values and error quotes may be record values.

    fakesnow logs `sql_text=<repr of the statement>`: the statement is unwrapped first so that only its
    literals are masked and the SQL stays readable for whoever debugs a failing model.
    """
    logged = _LOGGED_STATEMENT.match(text)
    if logged:
        statement = ast.literal_eval(logged.group("sql"))
        rest = _PARAMS.sub(" params=<withheld>", text[logged.end() :])
        return "statement: " + _QUOTED.sub("'?'", statement) + _QUOTED.sub("'?'", rest)
    return _QUOTED.sub("'?'", text)


class _MaskLiterals(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + logging.Formatter().formatException(record.exc_info)
        record.msg, record.args = mask_literals(message), ()
        record.exc_info, record.exc_text = None, None
        return True


def _auto_format_to_cast(node: Any) -> Any:
    from sqlglot import exp

    if isinstance(node, exp.StrToTime) and node.args.get("format") == exp.Literal.string("auto"):
        target = node.args.get("target_type") or exp.DataType.build("timestamptz")
        return exp.Cast(this=node.this, to=target)
    return node


def _variant_text_cast(node: Any) -> Any:
    """`cast(<scalar subquery or alias.value> as varchar)`: read as a VARIANT cast (unquoted text).

    Snowflake unquotes a VARIANT string cast to varchar. fakesnow does so only for a cast of a path
    read (`get_path(...)::varchar`); a VARIANT from a subquery or a derived table's `value` column (how the
    SQL-on-FHIR views pass JSON items along) would keep its JSON quotes. Such an operand becomes a path
    read of its root, which fakesnow then turns into DuckDB's `->> '$'`.
    """
    from sqlglot import exp

    if not (
        isinstance(node, exp.Cast) and node.to.this in (exp.DataType.Type.VARCHAR, exp.DataType.Type.TEXT)
    ):
        return node
    operand = node.this
    is_item = isinstance(operand, exp.Subquery) or (
        isinstance(operand, exp.Column) and operand.table and operand.name.lower() == "value"
    )
    if is_item:
        root = exp.JSONPath(expressions=[exp.JSONPathRoot()])
        operand.replace(exp.JSONExtract(this=operand.copy(), expression=root))
    return node


def _install_auto_timestamp_format() -> None:
    from fakesnow.cursor import FakeSnowflakeCursor

    original = FakeSnowflakeCursor._transform

    def transform(self: FakeSnowflakeCursor, expression: Any, params: Any) -> Any:
        expression = expression.transform(_auto_format_to_cast, copy=False)
        return original(self, expression.transform(_variant_text_cast, copy=False), params)

    FakeSnowflakeCursor._transform = transform  # type: ignore[method-assign]


def _install_fail_fast_errors(app: Any) -> None:
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response

    async def fail_fast(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        if response.status_code != 500 or not request.url.path.startswith("/queries/"):
            return response
        message = "fakesnow cannot run this statement (unsupported feature); see the fakesnow server log"
        return JSONResponse(
            {
                "data": {"errorCode": UNSUPPORTED_CODE, "sqlState": "0A000"},
                "code": UNSUPPORTED_CODE,
                "message": message,
                "success": False,
            }
        )

    from starlette.middleware.base import BaseHTTPMiddleware

    app.add_middleware(BaseHTTPMiddleware, dispatch=fail_fast)


def _is_no_op(sql: str) -> bool:
    return any(re.match(pattern, sql, re.IGNORECASE) for pattern in GOVERNANCE_NO_OPS + PERSIST_DOCS_NO_OPS)


_POLICY_REFERENCES = re.compile(r"table\s*\(\s*(\w+\.)?information_schema\.policy_references\s*\(", re.I)
NO_POLICY_REFERENCES = (
    "(select cast(null as varchar) as policy_name, cast(null as varchar) as policy_kind,"
    " cast(null as varchar) as ref_column_name, cast(null as varchar) as ref_entity_name where 1 = 0)"
)


def _without_policy_references(sql: str) -> str:
    while match := _POLICY_REFERENCES.search(sql):
        depth, end = 2, match.end()
        while depth and end < len(sql):
            depth += {"(": 1, ")": -1}.get(sql[end], 0)
            end += 1
        sql = sql[: match.start()] + NO_POLICY_REFERENCES + sql[end:]
    return sql


def compatible_sql(sql: str) -> str:
    """The statement as fakesnow can take it: view column comments removed, no policy references."""
    if _CREATE_VIEW.match(sql):
        sql = _VIEW_COLUMN_COMMENT.sub("", sql)
    return _without_policy_references(sql)


def _install_no_ops(server_module: Any) -> None:
    from fakesnow.cursor import FakeSnowflakeCursor
    from sqlglot import exp

    # Every session shares this in-memory instance; a client's own nop_regexes still win.
    server_module.shared_fs.nop_regexes = GOVERNANCE_NO_OPS + PERSIST_DOCS_NO_OPS
    # The server parses each statement (for its type) before the cursor checks nop_regexes, and
    # sqlglot cannot parse every policy DDL: such a statement is only a command to skip.
    original_parse = server_module.parse_one

    def parse_one(sql: str, *args: Any, **kwargs: Any) -> Any:
        if _is_no_op(sql):
            return exp.Command(this="AEGIS_NO_OP")
        return original_parse(compatible_sql(sql), *args, **kwargs)

    server_module.parse_one = parse_one
    original_execute = FakeSnowflakeCursor.execute

    def execute(self: FakeSnowflakeCursor, command: str, *args: Any, **kwargs: Any) -> Any:
        return original_execute(self, compatible_sql(command), *args, **kwargs)

    FakeSnowflakeCursor.execute = execute  # type: ignore[method-assign]


def serve(host: str, port: int) -> None:
    """Run fakesnow's server (with the adjustments above) until SIGINT or SIGTERM."""
    import importlib

    import fakesnow

    # Keep the context manager first: importing the submodule fakesnow.server rebinds that attribute.
    run_server = fakesnow.server
    app = importlib.import_module("fakesnow.server").app

    logging.getLogger("fakesnow").addFilter(_MaskLiterals())
    logging.getLogger("fakesnow.server").addFilter(_MaskLiterals())
    _install_auto_timestamp_format()
    _install_fail_fast_errors(app)
    _install_no_ops(importlib.import_module("fakesnow.server"))
    stop = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with run_server(port=port, host=host):
        stop.wait()


if __name__ == "__main__":
    serve(sys.argv[1], int(sys.argv[2]))
