"""Every CLI failure a user can cause is one line (what, where), exit code 2, and no traceback; checks that
looked at nothing fail. Each case runs `aegis` as a real subprocess, so what is asserted is what a user sees
(typer's own traceback printer included)."""

from __future__ import annotations

import gzip
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from aegis.governance.sample_project import isolated_dbt_env

AEGIS = str(Path(sys.executable).parent / "aegis")

MODEL_ID = "model.aegis.stg_widgets"
MODEL: dict[str, object] = {
    "unique_id": MODEL_ID,
    "resource_type": "model",
    "package_name": "aegis",
    "name": "stg_widgets",
    "path": "staging/stg_widgets.sql",
    "original_file_path": "models/staging/stg_widgets.sql",
    "database": "aegis",
    "schema": "main",
    "alias": "stg_widgets",
    "relation_name": '"aegis"."main"."stg_widgets"',
    "config": {"materialized": "table"},
    "columns": {},
    "depends_on": {"nodes": []},
}


def write_manifest(folder: Path, nodes: dict[str, dict[str, object]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "manifest.json"
    manifest = {"metadata": {"adapter_type": "duckdb", "project_name": "aegis"}, "nodes": nodes}
    path.write_text(json.dumps({**manifest, "sources": {}}))
    return path


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """An isolated environment: data and dbt target in tmp, no AWS credentials, no stray debug flag."""
    scrubbed = ("AWS_", "AEGIS_", "DBT_", "OPENLINEAGE")
    base = {k: v for k, v in os.environ.items() if not k.startswith(scrubbed)}
    return {
        **base,
        **isolated_dbt_env(tmp_path),
        "AWS_CONFIG_FILE": str(tmp_path / "no-aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "no-aws-credentials"),
        "AWS_EC2_METADATA_DISABLED": "true",
        "COLUMNS": "200",
    }


def aegis(env: dict[str, str], *args: str, timeout: float = 120) -> tuple[int, list[str], str]:
    completed = subprocess.run(
        [AEGIS, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    output = completed.stdout + completed.stderr
    return completed.returncode, [line for line in output.splitlines() if line.strip()], output


def assert_one_line(result: tuple[int, list[str], str], *names: str) -> str:
    code, lines, output = result
    assert code == 2, output
    assert "Traceback" not in output, output
    assert len(lines) == 1 and len(output.splitlines()) == 1, output
    for name in names:
        assert name in lines[0], output
    return lines[0]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def silent_endpoint() -> Iterator[str]:
    """A TCP endpoint that accepts connections and never answers (a stream nobody serves)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()


# --- one line instead of a traceback ----------------------------------------------------------------


def test_verify_with_a_missing_warehouse_names_it_and_does_not_create_it(
    env: dict[str, str], tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere" / "aegis.duckdb"
    line = assert_one_line(aegis({**env, "AEGIS_DUCKDB_PATH": str(missing)}, "governance", "verify"))
    assert str(missing) in line and "does not exist" in line
    assert line.startswith("aegis governance verify: ")
    assert not missing.exists() and not missing.parent.exists()


def test_unknown_target_lists_the_known_ones(env: dict[str, str]) -> None:
    assert_one_line(aegis(env, "governance", "verify", "--target", "nosuch"), "'nosuch'", "postgres")


def test_postgres_without_a_server_names_host_and_port(env: dict[str, str]) -> None:
    port = str(free_port())
    started = time.monotonic()
    result = aegis({**env, "AEGIS_PG_PORT": port}, "governance", "verify", "--target", "postgres")
    assert_one_line(result, f"127.0.0.1:{port}", "AEGIS_PG_PORT")
    assert time.monotonic() - started < 30


def test_glue_export_without_aws_credentials(env: dict[str, str], tmp_path: Path) -> None:
    write_manifest(tmp_path / "target", {MODEL_ID: MODEL})
    assert_one_line(aegis(env, "catalog", "export-glue"), "AWS", "credentials")


def test_governance_plan_for_an_engine_without_renderer(env: dict[str, str]) -> None:
    assert_one_line(aegis(env, "governance", "plan", "--engine", "oracle"), "oracle", "duckdb")


def test_produce_gives_up_in_seconds_when_no_stream_answers(
    env: dict[str, str], tmp_path: Path, silent_endpoint: str
) -> None:
    events = tmp_path / "events.ndjson.gz"
    with gzip.open(events, "wt") as handle:
        handle.write('{"event_id": "e1"}\n')
    aws = {**env, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
    started = time.monotonic()
    result = aegis(
        aws, "ingest", "produce", "--events", str(events), "--endpoint-url", silent_endpoint, timeout=90
    )
    seconds = time.monotonic() - started
    assert_one_line(result, silent_endpoint, "did not answer")
    assert seconds < 45, f"took {seconds:.0f}s"


def test_produce_to_a_closed_port_is_one_line(env: dict[str, str], tmp_path: Path) -> None:
    events = tmp_path / "events.ndjson.gz"
    with gzip.open(events, "wt") as handle:
        handle.write('{"event_id": "e1"}\n')
    aws = {**env, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
    url = f"http://127.0.0.1:{free_port()}"
    assert_one_line(
        aegis(aws, "ingest", "produce", "--events", str(events), "--endpoint-url", url),
        url,
        "cannot be reached",
    )


def test_debug_shows_the_traceback(env: dict[str, str]) -> None:
    code, _, output = aegis(env, "--debug", "governance", "verify", "--target", "nosuch")
    assert code != 0
    assert "Traceback" in output and "ValueError" in output


def help_texts(command: object) -> Iterator[str]:
    yield str(getattr(command, "help", None) or "")
    for parameter in getattr(command, "params", []):
        yield str(getattr(parameter, "help", None) or "")
    for sub in getattr(command, "commands", {}).values():
        yield from help_texts(sub)


def test_no_help_text_shows_code(env: dict[str, str]) -> None:
    from typer.main import get_command

    from aegis.cli import app

    texts = list(help_texts(get_command(app)))
    assert len(texts) > 50
    leaks = [text for text in texts if "from_env" in text or "Paths." in text]
    assert not leaks
    code, _, output = aegis(env, "synth", "--help")
    assert code == 0 and "AEGIS_SYNTH_DIR" in output and "from_env" not in output, output


# --- a check that looked at nothing fails ----------------------------------------------------------


def test_lineage_audit_of_a_manifest_without_compiled_models_fails(
    env: dict[str, str], tmp_path: Path
) -> None:
    manifest = write_manifest(tmp_path / "freshness-target", {MODEL_ID: MODEL})
    args = ["governance", "lineage-audit", "--no-compile", "--manifest", str(manifest)]
    line = assert_one_line(aegis(env, *args, "--out", str(tmp_path / "reports")), "nothing audited")
    assert "0 models" in line and str(manifest) in line
    assert not (tmp_path / "reports" / "lineage-audit.json").exists()


def test_deid_check_without_deidentified_models_fails(env: dict[str, str], tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "target", {MODEL_ID: MODEL})
    args = ["governance", "deid-check", "--declared-only", "--manifest", str(manifest)]
    assert_one_line(aegis(env, *args), "nothing checked", "de-identified")


def test_access_matrix_without_classified_columns_fails(env: dict[str, str], tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "target", {})
    args = ["governance", "access-matrix", "--manifest", str(manifest), "--out", str(tmp_path / "matrix")]
    assert_one_line(aegis(env, *args), "nothing to report", "0 columns")
    assert not (tmp_path / "matrix").exists()


def test_summary_of_a_missing_or_empty_warehouse_fails(env: dict[str, str], tmp_path: Path) -> None:
    write_manifest(tmp_path / "target", {MODEL_ID: MODEL})
    warehouse = tmp_path / "aegis.duckdb"
    on = {**env, "AEGIS_DUCKDB_PATH": str(warehouse)}
    assert_one_line(aegis(on, "summary"), str(warehouse), "does not exist")
    duckdb.connect(str(warehouse)).close()
    assert_one_line(aegis(on, "summary"), str(warehouse), "no rows")


def test_summary_reports_the_last_build_not_the_last_dbt_command(env: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "target"
    tests: dict[str, dict[str, object]] = {
        f"test.aegis.t{i}": {"resource_type": "test", "package_name": "aegis"} for i in range(3)
    }
    write_manifest(target, {MODEL_ID: MODEL, **tests})
    warehouse = tmp_path / "aegis.duckdb"
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute("create table main.stg_widgets as select range as id from range(7)")
    build = {
        "args": {"which": "build"},
        "results": [{"unique_id": MODEL_ID, "status": "success"}]
        + [{"unique_id": f"test.aegis.t{i}", "status": "pass"} for i in range(3)],
    }
    (target / "run_results.json").write_text(json.dumps(build))
    on = {**env, "AEGIS_DUCKDB_PATH": str(warehouse)}
    code, _, output = aegis(on, "summary")
    assert code == 0, output
    assert "dbt build:    success=1" in output and "dbt tests:    pass=3" in output, output
    # `dbt build`, then an aegis command that runs dbt (verify's run-operation writes its own
    # run_results.json): every aegis command first keeps the build's results aside.
    (target / "run_results.build.json").unlink()
    assert aegis(on, "governance", "plan", "--engine", "oracle")[0] == 2
    (target / "run_results.json").write_text(
        json.dumps({"args": {"which": "run-operation"}, "results": [{"unique_id": "x", "status": "success"}]})
    )
    code, _, output = aegis(on, "summary")
    assert code == 0, output
    assert "dbt build:    success=1" in output and "dbt tests:    pass=3" in output, output
    assert "7 rows in 1 relations" in output, output


def test_deid_check_over_empty_relations_fails_and_over_rows_passes(
    env: dict[str, str], tmp_path: Path
) -> None:
    node: dict[str, object] = {
        **MODEL,
        "unique_id": "model.aegis.fct_widgets_deidentified",
        "name": "fct_widgets_deidentified",
        "alias": "fct_widgets_deidentified",
        "original_file_path": "models/marts/deidentified/fct_widgets_deidentified.sql",
        "columns": {"birth_year": {"name": "birth_year", "config": {"meta": {"phi": "quasi"}}}},
    }
    manifest = write_manifest(tmp_path / "target", {str(node["unique_id"]): node})
    warehouse = tmp_path / "aegis.duckdb"
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute("create table main.fct_widgets_deidentified (birth_year integer)")
    args = ["governance", "deid-check", "--manifest", str(manifest), "--duckdb-path", str(warehouse)]
    assert_one_line(aegis(env, *args), "nothing observed", "0 rows")
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute("insert into main.fct_widgets_deidentified values (1970), (1985)")
    code, _, output = aegis(env, *args)
    assert code == 0, output
    assert "deid-check ok: 1 de-identified model(s), 0 finding(s)" in output, output


# --- the messages themselves ----------------------------------------------------------------------


def test_a_dbt_failure_becomes_its_error_line() -> None:
    from aegis.cli_errors import describe

    output = (
        "\x1b[0m13:57:05  Encountered an error while running operation: Database Error\n"
        '  connection to server at "127.0.0.1", port 5999 failed: Connection refused\n'
        "        Is the server running on that host and accepting TCP/IP connections?\n"
    )
    message, known = describe(RuntimeError(f"dbt run-operation aegis_governance_plan failed:\n{output}"))
    assert known
    assert message == (
        "dbt run-operation aegis_governance_plan failed: Encountered an error while running operation: "
        'Database Error: connection to server at "127.0.0.1", port 5999 failed: Connection refused'
    )


def test_an_unexpected_error_is_named_without_its_message_and_points_to_debug() -> None:
    from aegis.cli_errors import describe

    message, known = describe(KeyError("a value that must not be printed"))
    assert not known and message == "unexpected KeyError"


def test_a_conversion_error_does_not_quote_the_value() -> None:
    from aegis.cli_errors import describe

    try:
        int("123-45-6789")
    except ValueError as error:
        message, known = describe(error)
    assert known and "123-45-6789" not in message and message.startswith("invalid literal for int()")


def test_a_warehouse_conversion_error_does_not_quote_the_value() -> None:
    from aegis.cli_errors import describe

    with duckdb.connect() as connection, pytest.raises(duckdb.Error) as raised:
        connection.execute("select cast('123-45-6789' as integer)")
    message, known = describe(raised.value)
    assert known and message.startswith("DuckDB: Conversion Error") and "6789" not in message, message


def test_verify_of_a_given_file_creates_no_other_warehouse(env: dict[str, str], tmp_path: Path) -> None:
    checked = tmp_path / "checked.duckdb"
    duckdb.connect(str(checked)).close()
    elsewhere = tmp_path / "warehouse" / "aegis.duckdb"
    elsewhere.parent.mkdir()
    on = {**env, "AEGIS_DUCKDB_PATH": str(elsewhere)}
    code, lines, output = aegis(on, "governance", "verify", "--duckdb-path", str(checked), timeout=300)
    assert code == 1, output  # an empty warehouse: every tier view is missing
    assert "Traceback" not in output and "tier view missing" in output, output
    assert lines[-1].startswith("governance verify on duckdb: DRIFT"), output
    assert not elsewhere.exists()


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["synth", "--defect-rate", "2"], ["defect_rate", "2.0"]),
        (["governance", "access-matrix", "--format", "pdf"], ["pdf", "md, csv, html"]),
        (["ingest", "replay-dlq"], ["--dlq-url", "AEGIS_DLQ_URL"]),
    ],
)
def test_a_refused_option_is_one_line(env: dict[str, str], args: list[str], names: list[str]) -> None:
    assert_one_line(aegis(env, *args), *names)
