"""The `aegis` command line: a thin layer over library functions.

Each area registers its commands in its own block; heavy imports happen inside the command so that
`aegis --help` stays fast.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from aegis.cli_errors import DEBUG_KEY, PG_CONNECT_TIMEOUT_SECONDS, AegisGroup
from aegis.errors import UserError

app = typer.Typer(
    cls=AegisGroup,
    help="Aegis: governed healthcare warehouse tooling. A command that cannot run prints one line and "
    "exits 2 (--debug shows the traceback).",
    no_args_is_help=True,
)


@app.callback()
def main_callback(
    ctx: typer.Context,
    debug: Annotated[
        bool, typer.Option("--debug", envvar="AEGIS_DEBUG", help="Show the traceback of a failure.")
    ] = False,
) -> None:
    """Options for every command (the app's help text is the one shown)."""
    ctx.meta[DEBUG_KEY] = debug
    os.environ.setdefault("PGCONNECT_TIMEOUT", PG_CONNECT_TIMEOUT_SECONDS)
    keep_last_build()


def keep_last_build() -> None:
    """Before any command can run dbt (verify's run-operation, a compile), keep the build's run_results."""
    from contextlib import suppress

    from aegis.artifacts import keep_build_results

    with suppress(OSError, ValueError):  # unreadable artifacts: the summary then says it has no build results
        keep_build_results()


@contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    """Variables for the dbt subprocesses a library call starts, restored afterwards."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def existing_duckdb(path: Path | None) -> Path:
    """The DuckDB file to check, which must exist: a check never creates the warehouse it checks."""
    from aegis.paths import Paths

    chosen = path or Paths.from_env().duckdb_path
    if not chosen.is_file():
        raise UserError(
            f"DuckDB warehouse {chosen} does not exist; build it first (make demo, or dbt build) "
            "or point --duckdb-path / AEGIS_DUCKDB_PATH at it"
        )
    return chosen


# --- synth -------------------------------------------------------------------------------------


@app.command("synth")
def synth_command(
    patients: Annotated[int, typer.Option("--patients", min=1, help="How many patients to generate.")] = 1000,
    seed: Annotated[
        int, typer.Option("--seed", help="Same seed and options give byte-identical files.")
    ] = 42,
    out: Annotated[
        Path | None, typer.Option("--out", help="Output folder. Default: <data dir>/synth (AEGIS_SYNTH_DIR).")
    ] = None,
    defect_rate: Annotated[
        float, typer.Option("--defect-rate", help="Share of records that are defective.")
    ] = 0.01,
    duplicate_rate: Annotated[
        float, typer.Option("--duplicate-rate", help="Chance that a valid record is delivered twice.")
    ] = 0.02,
    out_of_order_rate: Annotated[
        float, typer.Option("--out-of-order-rate", help="Share of resources whose version 2 comes before 1.")
    ] = 0.01,
    update_rate: Annotated[
        float, typer.Option("--update-rate", help="Share of resources updated (2-3 versions, in order).")
    ] = 0.05,
    bundle_rate: Annotated[
        float, typer.Option("--bundle-rate", help="Share of encounters sent as a FHIR Bundle.")
    ] = 0.05,
) -> None:
    """Generate deterministic synthetic FHIR R4 events (events.ndjson.gz) and their truth (expected.json)."""
    from aegis.paths import Paths
    from aegis.synth import SynthOptions, generate

    options = SynthOptions(  # a ValueError names the option: one line, exit 2 (aegis.cli_errors)
        patients=patients,
        seed=seed,
        defect_rate=defect_rate,
        duplicate_rate=duplicate_rate,
        out_of_order_rate=out_of_order_rate,
        update_rate=update_rate,
        bundle_rate=bundle_rate,
    )
    summary = generate(options, out or Paths.from_env().synth_dir)
    typer.echo(
        f"synth: {summary.patients} patients, {summary.records} records, {summary.items} items "
        f"({summary.expected_quarantined_items} defective) in {summary.seconds:.1f}s -> {summary.events_path}"
    )


# --- ingest ------------------------------------------------------------------------------------
ingest_app = typer.Typer(help="Validate and land FHIR records (local folder or S3).", no_args_is_help=True)
app.add_typer(ingest_app, name="ingest")


@ingest_app.command("land")
def ingest_land_command(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders or globs: NDJSON (Bulk Data, producer records) or JSON documents "
            "(Synthea bundles, single resources), gzip or not. Default: the synth output."
        ),
    ] = None,
    events: Annotated[
        Path | None, typer.Option("--events", help="One events file (same as giving it as an argument).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Land again a file that was landed before.")] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Processes judging a large file. Default: one a core."),
    ] = None,
) -> None:
    """Validate and land input files into the local landing and quarantine folders, one report a file."""
    from aegis.ingest.cli_support import land_local

    specs = [*(inputs or []), *([str(events)] if events else [])]
    raise typer.Exit(land_local(specs, force=force, workers=workers))


# --- ingest: streaming (owned by aegis.ingest.kinesis) -------------------------------------------
EndpointOption = Annotated[
    str | None,
    typer.Option(
        "--endpoint-url", envvar="AEGIS_AWS_ENDPOINT_URL", help="AWS endpoint (moto, VPC endpoint)."
    ),
]
RegionOption = Annotated[str, typer.Option("--region", envvar="AWS_DEFAULT_REGION")]
StreamOption = Annotated[
    str, typer.Option("--stream", envvar="AEGIS_STREAM_NAME", help="Kinesis stream name.")
]
BucketOption = Annotated[
    str | None,
    typer.Option("--bucket", envvar="AEGIS_LANDING_BUCKET", help="Landing bucket (default: local folders)."),
]
QuarantineBucketOption = Annotated[
    str | None,
    typer.Option(
        "--quarantine-bucket", envvar="AEGIS_QUARANTINE_BUCKET", help="Default: the landing bucket."
    ),
]
KmsKeyOption = Annotated[
    str | None, typer.Option("--kms-key-id", envvar="AEGIS_KMS_KEY_ID", help="SSE-KMS key for S3 objects.")
]
DlqOption = Annotated[str | None, typer.Option("--dlq-url", envvar="AEGIS_DLQ_URL", help="SQS DLQ URL.")]


def bounded_aws(endpoint_url: str | None, region: str) -> Any:
    """The streaming commands' AWS options, whose clients time out in seconds (aegis.aws_client)."""
    from aegis.aws_client import bounded_client
    from aegis.ingest.kinesis.cli_support import AwsOptions

    class BoundedAwsOptions(AwsOptions):
        def client(self, service: str) -> Any:
            return bounded_client(service, self.endpoint_url, self.region)

    return BoundedAwsOptions(endpoint_url, region)


@ingest_app.command("produce")
def ingest_produce_command(
    stream: StreamOption = "aegis-fhir",
    events: Annotated[
        Path | None, typer.Option("--events", help="Default: <synth dir>/events.ndjson.gz.")
    ] = None,
    endpoint_url: EndpointOption = None,
    region: RegionOption = "us-east-1",
) -> None:
    """Send an events file to Kinesis (put_records, partition key = patient id); exit 1 if any record failed."""
    from rich.console import Console

    from aegis.aws_client import probe_stream
    from aegis.ingest.kinesis.cli_support import produce

    probe_stream(stream, endpoint_url, region)
    raise typer.Exit(produce(stream, events, bounded_aws(endpoint_url, region), Console()))


@ingest_app.command("consume")
def ingest_consume_command(
    stream: StreamOption = "aegis-fhir",
    bucket: BucketOption = None,
    quarantine_bucket: QuarantineBucketOption = None,
    kms_key_id: KmsKeyOption = None,
    dlq_url: DlqOption = None,
    failure_url: Annotated[
        str | None, typer.Option("--failure-url", envvar="AEGIS_FAILURE_QUEUE_URL", help="On-failure queue.")
    ] = None,
    checkpoints: Annotated[
        Path | None, typer.Option("--checkpoints", help="Default: <data dir>/kinesis-checkpoints.json.")
    ] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, max=10000)] = 500,
    max_retry_attempts: Annotated[int, typer.Option("--max-retry-attempts", min=0)] = 3,
    max_batches: Annotated[int | None, typer.Option("--max-batches", min=1)] = None,
    endpoint_url: EndpointOption = None,
    region: RegionOption = "us-east-1",
) -> None:
    """Read every shard until caught up and run the Lambda handler on each batch (checkpoints in a file)."""
    from rich.console import Console

    from aegis.ingest.kinesis.cli_support import StoreOptions, consume

    stores = StoreOptions(bucket, quarantine_bucket, "quarantine/", kms_key_id)
    raise typer.Exit(
        consume(
            stream,
            stores,
            bounded_aws(endpoint_url, region),
            dlq_url=dlq_url,
            failure_url=failure_url,
            checkpoints=checkpoints,
            batch_size=batch_size,
            max_retry_attempts=max_retry_attempts,
            max_batches=max_batches,
            console=Console(),
        )
    )


@ingest_app.command("replay-dlq")
def ingest_replay_dlq_command(
    dlq_url: DlqOption = None,
    bucket: BucketOption = None,
    quarantine_bucket: QuarantineBucketOption = None,
    kms_key_id: KmsKeyOption = None,
    reason: Annotated[
        str | None, typer.Option("--reason", help="Only re-drive this quarantine reason.")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Judge again, write and delete nothing.")
    ] = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = "us-east-1",
) -> None:
    """Re-drive DLQ'd items whose payload now passes validation; the rest stay queued and quarantined."""
    from rich.console import Console

    from aegis.ingest.kinesis.cli_support import StoreOptions, replay

    if not dlq_url:
        raise UserError("--dlq-url (or AEGIS_DLQ_URL) is required: the SQS queue to re-drive")
    stores = StoreOptions(bucket, quarantine_bucket, "quarantine/", kms_key_id)
    raise typer.Exit(
        replay(
            dlq_url,
            stores,
            bounded_aws(endpoint_url, region),
            reason=reason,
            dry_run=dry_run,
            console=Console(),
        )
    )


# --- governance --------------------------------------------------------------------------------
governance_app = typer.Typer(help="PHI classification, policies, audits.", no_args_is_help=True)
app.add_typer(governance_app, name="governance")


# --- governance: plan / check / classification (owned by aegis.governance, governance helper) ----
@governance_app.command("plan")
def governance_plan_command(
    engine: Annotated[
        str | None,
        typer.Option("--engine", help="snowflake, redshift, postgres or duckdb (default: target)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the DDL here instead of stdout.")
    ] = None,
) -> None:
    """Print the governance DDL of the whole project for review; nothing is executed."""
    from aegis.governance.dbt_cli import governance_plan_sql
    from aegis.governance.verify import ENGINE_OF_TARGET

    engines = sorted(set(ENGINE_OF_TARGET.values()))
    if engine is not None and engine not in engines:
        raise UserError(f"--engine {engine}: no governance renderer for it (one of {', '.join(engines)})")
    script = governance_plan_sql(engine)
    if output:
        output.write_text(script, encoding="utf-8")
        typer.echo(f"plan written to {output}")
    else:
        typer.echo(script, nl=False)


@governance_app.command("check")
def governance_check_command() -> None:
    """Validate every column's classification (the same check that starts each dbt run); exit 1 on errors."""
    from aegis.governance.dbt_cli import run_dbt

    result = run_dbt(["-q", "run-operation", "aegis_check_classification"])
    typer.echo(result.output.strip() or "classification ok")
    raise typer.Exit(0 if result.ok else 1)


@governance_app.command("classification")
def governance_classification_command(
    manifest: Annotated[
        Path | None, typer.Option("--manifest", help="manifest.json (default: dbt target).")
    ] = None,
) -> None:
    """Print the engine-neutral plan (tier x column -> strategy, row filters) as JSON, from the manifest."""
    import json

    from aegis.governance.classification import load_plan

    typer.echo(json.dumps(load_plan(manifest_path=manifest), indent=2, sort_keys=True))


# --- governance: verify / access-matrix (owned by aegis.governance.verify / access_matrix, audit) --
ProjectDirOption = Annotated[
    Path | None, typer.Option("--project-dir", help="dbt project folder (default: the repository).")
]
DuckdbPathOption = Annotated[Path | None, typer.Option("--duckdb-path", help="Default: AEGIS_DUCKDB_PATH.")]


@governance_app.command("verify")
def governance_verify_command(
    target: Annotated[
        str, typer.Option("--target", "-t", help="dev/duckdb, postgres, snowflake (fakesnow), redshift.")
    ] = "dev",
    print_queries: Annotated[
        bool, typer.Option("--print-queries", help="Snowflake/Redshift: print the catalog queries to run.")
    ] = False,
    project_dir: ProjectDirOption = None,
    duckdb_path: DuckdbPathOption = None,
) -> None:
    """Compare declared protection (the plan) with the live warehouse; exit 1 on drift."""
    from aegis.governance.classification import load_plan
    from aegis.governance.verify import (
        engine_of,
        postgres_connection,
        redshift_queries,
        run_verify,
        snowflake_queries,
    )

    engine = engine_of(target)
    if engine in ("snowflake", "redshift"):
        if not print_queries:
            typer.echo(
                f"{engine}: no live account here (fakesnow enforces nothing); use --print-queries", err=True
            )
            raise typer.Exit(2)
        queries = snowflake_queries if engine == "snowflake" else redshift_queries
        typer.echo(queries(load_plan(project_dir)), nl=False)
        return
    profile_env: dict[str, str] = {}
    if engine == "duckdb":
        duckdb_path = existing_duckdb(duckdb_path)
        # dbt renders the plan through the profile: it must open this file, not create another one.
        profile_env["AEGIS_DUCKDB_PATH"] = str(duckdb_path)
    else:
        postgres_connection().close()  # the server answers, before dbt renders the plan
    with environment(profile_env):
        report = run_verify(target, project_dir=project_dir, duckdb_path=duckdb_path)
    for drift in report.drifts:
        typer.echo(drift.describe())
    typer.echo(report.summary())
    raise typer.Exit(0 if report.clean else 1)


@governance_app.command("prune")
def governance_prune_command(
    target: Annotated[str, typer.Option("--target", "-t", help="dev/duckdb or postgres.")] = "dev",
    apply: Annotated[
        bool, typer.Option("--apply", help="Drop them; without it, only the plan is printed.")
    ] = False,
    project_dir: ProjectDirOption = None,
    duckdb_path: DuckdbPathOption = None,
) -> None:
    """Drop the relations and tier views of models deleted from the project (plan first; --apply drops)."""
    from aegis.governance.prune import run_prune
    from aegis.governance.verify import engine_of, postgres_connection

    engine = engine_of(target)
    if engine not in ("duckdb", "postgres"):
        raise UserError(f"{engine} has no live warehouse here; prune runs on dev/duckdb and postgres")
    profile_env: dict[str, str] = {}
    if engine == "duckdb":
        duckdb_path = existing_duckdb(duckdb_path)
        profile_env["AEGIS_DUCKDB_PATH"] = str(duckdb_path)
    else:
        postgres_connection().close()  # the server answers, before dbt parses
    with environment(profile_env):
        result = run_prune(target, project_dir=project_dir, duckdb_path=duckdb_path, apply=apply)
    if result.relations_seen == 0:
        typer.echo(f"prune on {engine}: no governed relation found (is the project built?)", err=True)
        raise typer.Exit(1)
    if not result.orphans:
        typer.echo(
            f"prune on {engine}: nothing to drop; {result.relations_seen} relation(s) belong to models"
        )
        return
    for orphan in result.orphans:
        left = f"{orphan.kind} and {len(orphan.tier_views)} tier view(s)"
        typer.echo(f"orphan: {orphan.schema}.{orphan.name} ({left}): no model builds it any more")
    for statement in result.statements:
        typer.echo(f"{statement};")
    if result.applied:
        typer.echo(f"prune on {engine}: dropped {len(result.statements)} relation(s)")
    else:
        typer.echo(f"prune on {engine}: plan only, nothing dropped; run again with --apply to drop them")


@governance_app.command("scaffold")
def governance_scaffold_command(
    model: Annotated[str, typer.Argument(help="The model to write YAML for (it needs no YAML yet).")],
    target: Annotated[str | None, typer.Option("--target", "-t", help="dbt target to compile on.")] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the YAML to this file (default: print it).")
    ] = None,
    project_dir: ProjectDirOption = None,
) -> None:
    """A model's YAML with every column and a classification suggested from column lineage (REVIEW marks)."""
    from aegis.lineage.scaffold import scaffold

    if out is not None and out.exists():
        raise UserError(f"{out} exists: scaffold never overwrites; choose another --out or print it")
    try:
        text = scaffold(model, project_dir=project_dir, target=target)
    except LookupError as error:
        raise UserError(f"{error}: check the name (dbt ls -s {model})") from error
    if out is None:
        typer.echo(text, nl=False)
        return
    out.write_text(text)
    typer.echo(f"wrote {out}: review every REVIEW line, then move the block into the folder's YAML")


@governance_app.command("access-matrix")
def governance_access_matrix_command(
    out: Annotated[Path | None, typer.Option("--out", help="Default: <reports>/access-matrix.")] = None,
    formats: Annotated[str, typer.Option("--format", help="Any of md,csv,html.")] = "md,csv,html",
    measure: Annotated[
        bool,
        typer.Option("--measure", help="Also measure on PostgreSQL (AEGIS_PG_* env); exit 1 if it differs."),
    ] = False,
    project_dir: ProjectDirOption = None,
    manifest: Annotated[
        Path | None, typer.Option("--manifest", help="manifest.json (default: dbt target).")
    ] = None,
) -> None:
    """Tier x model.column -> clear / masked (strategy) / denied, and row filtering, as Markdown, CSV, HTML."""
    from aegis.governance.access_matrix import declared_matrix, measure_postgres, parse_formats, write_reports
    from aegis.governance.classification import load_plan
    from aegis.governance.verify import postgres_connection
    from aegis.paths import Paths

    chosen = parse_formats(formats)  # a ValueError names the format: one line, exit 2
    plan = load_plan(project_dir, manifest)
    if measure:
        connection = postgres_connection()
        try:
            matrix = measure_postgres(connection, plan)
        finally:
            connection.close()
    else:
        matrix = declared_matrix(plan)
    if not matrix.cells:
        raise UserError(
            f"nothing to report ({len(plan)} classified model(s), 0 columns) in the "
            "manifest; run `dbt parse` or a build of the classified project first"
        )
    for path in write_reports(matrix, out or Paths.from_env().reports_dir / "access-matrix", chosen):
        typer.echo(f"access matrix written to {path}")
    for line in matrix.differences:
        typer.echo(f"measured != declared: {line}")
    raise typer.Exit(1 if matrix.differences else 0)


# --- governance: deid-check (owned by aegis.governance.deid_check, engines helper) ---------------
@governance_app.command("deid-check")
def deid_check_command(
    engine: Annotated[
        str, typer.Option("--engine", help="Where the built marts are: duckdb or postgres.")
    ] = "duckdb",
    manifest: Annotated[
        Path | None, typer.Option("--manifest", help="manifest.json (default: dbt target).")
    ] = None,
    duckdb_path: Annotated[
        Path | None, typer.Option("--duckdb-path", help="DuckDB file (default: AEGIS_DUCKDB_PATH).")
    ] = None,
    declared_only: Annotated[
        bool, typer.Option("--declared-only", help="Check the YAML only, not the data.")
    ] = False,
) -> None:
    """Fail (exit 1) if a de-identified model declares or holds anything that looks like an identifier."""
    from aegis.artifacts import load_manifest, load_project_vars
    from aegis.governance.deid_check import K_ANONYMITY_DEFAULT, check, deidentified_models, open_warehouse

    loaded = load_manifest(manifest)
    k_threshold = int(load_project_vars().get("aegis_k_anonymity_min") or K_ANONYMITY_DEFAULT)
    if not deidentified_models(loaded):
        raise UserError(
            "nothing checked: the manifest holds no de-identified model "
            "(is it the manifest of this project's build?)"
        )
    if declared_only:
        report = check(loaded, None)
    else:
        if engine == "duckdb":
            duckdb_path = existing_duckdb(duckdb_path)
        warehouse, close = open_warehouse(engine, duckdb_path)
        try:
            report = check(loaded, warehouse, k_threshold)
            rows = observed_rows(loaded, warehouse) if report.ok else None
        finally:
            close()
        if rows == 0:
            raise UserError(
                f"nothing observed: the {len(report.models)} de-identified relation(s) hold 0 rows; "
                "build them with data first, or use --declared-only"
            )
    for finding in report.findings:
        typer.echo(finding.describe())
    for measure in report.k_anonymity:
        typer.echo(f"k-anonymity {measure.describe()}")
    verdict = "ok" if report.ok else "FAILED"
    typer.echo(
        f"deid-check {verdict}: {len(report.models)} de-identified model(s), {len(report.findings)} finding(s)"
    )
    raise typer.Exit(0 if report.ok else 1)


def observed_rows(manifest: dict[str, Any], warehouse: Any) -> int:
    """Rows in the built de-identified relations: a data check over 0 rows has observed nothing."""
    from aegis.governance.deid_check import deidentified_models

    total = 0
    for model in deidentified_models(manifest):
        (count,) = warehouse.query(f'select count(*) from "{model.schema}"."{model.identifier}"')[0]
        total += int(count)
    return total


# --- governance: lineage-audit (owned by aegis.lineage) ------------------------------------------
@governance_app.command("lineage-audit")
def lineage_audit_command(
    target: Annotated[
        str | None, typer.Option("--target", "-t", help="dbt target whose dialect is parsed.")
    ] = None,
    compile_first: Annotated[
        bool, typer.Option("--compile/--no-compile", help="Run `dbt compile` first.")
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON report instead of text.")] = False,
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="Report folder (default <reports>/lineage).")
    ] = None,
    manifest: Annotated[
        Path | None,
        typer.Option("--manifest", help="manifest.json of a build or compile (default: dbt target)."),
    ] = None,
) -> None:
    """Follow PHI through column lineage; exit 1 when a column is classified less strictly than it inherits.

    Exit 2 when it cannot run, or when the manifest holds no compiled model (an audit of nothing fails)."""
    from aegis.lineage.run_audit import run, summary

    outputs = run(
        target=target,
        compile_first=compile_first,
        out_dir=out_dir,
        progress=not as_json,
        manifest_path=manifest,
    )
    typer.echo(summary(outputs, as_json))
    raise typer.Exit(0 if outputs.report.clean else 1)


# --- lineage -----------------------------------------------------------------------------------
lineage_app = typer.Typer(help="OpenLineage events with column-level PHI tags.", no_args_is_help=True)
app.add_typer(lineage_app, name="lineage")


@lineage_app.command("run", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def lineage_run_command(
    ctx: typer.Context,
    transport: Annotated[
        str | None,
        typer.Option("--transport", help="file (default) or http (OPENLINEAGE_URL, OPENLINEAGE_API_KEY)."),
    ] = None,
) -> None:
    """Run `dbt build` (or the dbt command after --) through dbt-ol and emit PHI-tagged lineage events."""
    from aegis.lineage.emit import describe, run_lineage

    result = run_lineage(list(ctx.args), transport)
    typer.echo(describe(result))
    raise typer.Exit(result.return_code)


# --- catalog -----------------------------------------------------------------------------------
catalog_app = typer.Typer(help="Register models in data catalogs.", no_args_is_help=True)
app.add_typer(catalog_app, name="catalog")


@catalog_app.command("export-glue")
def catalog_export_glue_command(
    endpoint_url: Annotated[
        str | None,
        typer.Option(
            "--endpoint-url", envvar="AEGIS_GLUE_ENDPOINT_URL", help="Glue endpoint (moto, VPC endpoint)."
        ),
    ] = None,
    region: Annotated[str, typer.Option("--region", envvar="AWS_DEFAULT_REGION")] = "us-east-1",
) -> None:
    """Register every staging and mart model as a Glue table, with PHI classification in its parameters."""
    from aegis.catalog.glue import export_from_manifest

    result = export_from_manifest(endpoint_url=endpoint_url, region=region)
    typer.echo(result.describe())


# --- observe -----------------------------------------------------------------------------------
@app.command("summary")
def summary_command() -> None:
    """Print rows per layer, the last build's results and where the warehouse is (counts only, no values).

    Exit 2 when the warehouse is missing or holds none of the manifest's relations."""
    from aegis.observe.summary import render, summarize
    from aegis.paths import Paths

    paths = Paths.from_env()
    existing_duckdb(paths.duckdb_path)
    summary = summarize(paths)
    if not any(summary.rows_by_layer.values()):
        raise UserError(
            f"{paths.duckdb_path} holds no rows of the manifest's models "
            f"({sum(summary.relations_by_layer.values())} relation(s) found); run `make demo` or `dbt build` first"
        )
    typer.echo(render(summary))


# --- observe: run history, SLOs, anomalies, drift, alerts, report (owned by aegis.observe) ---------

observe_app = typer.Typer(
    help="Run history, freshness SLOs, volume anomalies, schema drift, alerts and the report.",
    no_args_is_help=True,
)
app.add_typer(observe_app, name="observe")
ObserveTarget = Annotated[
    str, typer.Option("--target", "-t", help="dev (DuckDB, AEGIS_DUCKDB_PATH) or postgres.")
]


@observe_app.command("record")
def observe_record_command(target: ObserveTarget = "dev") -> None:
    """Append the last build, source freshness and loads to the observability schema; alert on breaches."""
    from aegis.observe.record import record

    typer.echo(record(target).render())


@observe_app.command("report")
def observe_report_command(target: ObserveTarget = "dev") -> None:
    """Write <reports>/observability/index.html (self-contained) and print its path."""
    from contextlib import suppress

    from aegis.artifacts import load_json
    from aegis.observe.report import write_report

    manifest = None
    with suppress(FileNotFoundError):
        manifest = load_json("manifest.json")
    typer.echo(str(write_report(target, manifest=manifest)))


@observe_app.command("evaluate")
def observe_evaluate_command(
    days: Annotated[int, typer.Option("--days", help="Length of the synthetic feed.")] = 90,
    seed: Annotated[list[int] | None, typer.Option("--seed", help="Feed seed (repeatable).")] = None,
) -> None:
    """Score the volume anomaly detector and elementary's default on a synthetic seasonal feed.

    Exit 1 when our detector misses a goal on any seed."""
    from aegis.observe.anomaly import evaluate, misses_goals, render_evaluation

    if days < 35:
        raise UserError(
            f"--days {days}: the detector needs at least 5 weeks of history to be judged; use >= 35"
        )
    results = evaluate(days, seed or [1])
    typer.echo(render_evaluation(results, days))
    missed = misses_goals(results)
    if missed:
        typer.echo(f"goals missed (recall >= 95 %, <= 1 false alert per 100 table-days) on seed(s) {missed}")
        raise typer.Exit(1)
    typer.echo("goals met on every seed: recall >= 95 %, <= 1 false alert per 100 table-days")


@observe_app.command("ddl")
def observe_ddl_command(
    engine: Annotated[str, typer.Option("--engine", help="duckdb, postgres, snowflake or redshift.")],
) -> None:
    """Print the DDL of the observability schema for an engine (for Snowflake/Redshift deployments)."""
    from aegis.observe.history import ENGINES, ddl

    if engine not in ENGINES:
        raise UserError(f"--engine {engine!r}: choose one of {', '.join(ENGINES)}")
    typer.echo(";\n".join(ddl(engine)) + ";")  # type: ignore[arg-type]


# --- views: SQL on FHIR (owned by aegis.views) ---------------------------------------------------
views_app = typer.Typer(
    help="SQL on FHIR v2 ViewDefinitions: compile them to SQL, run the conformance suite.",
    no_args_is_help=True,
)
app.add_typer(views_app, name="views")


@views_app.command("compile")
def views_compile_command(
    view: Annotated[Path, typer.Argument(help="A ViewDefinition JSON file.", exists=True, dir_okay=False)],
    engine: Annotated[
        str, typer.Option("--engine", help="duckdb, postgres, snowflake or redshift.")
    ] = "duckdb",
    relation: Annotated[
        str, typer.Option("--relation", help="The table with one row per resource.")
    ] = "fhir_resources",
    resource_column: Annotated[str, typer.Option("--resource-column", help="Its JSON column.")] = "resource",
) -> None:
    """Print the SQL of a ViewDefinition for an engine (a view that cannot compile: one line, exit 2)."""
    import json

    from aegis.views import SqlSource, compile_view

    compiled = compile_view(json.loads(view.read_text()), engine, SqlSource(relation, resource_column))
    typer.echo(compiled.sql)


@views_app.command("conformance")
def views_conformance_command(
    engine: Annotated[
        str, typer.Option("--engine", help="duckdb (in memory) or postgres (the AEGIS_PG_* variables).")
    ],
    report: Annotated[
        Path | None, typer.Option("--report", help="Write the suite's test-report JSON to this file.")
    ] = None,
) -> None:
    """Run the vendored SQL-on-FHIR v2 conformance suite; exit 1 when a shareable test fails."""
    from aegis.views.conformance import CLI_ENGINES, describe_run, run_on_engine, write_report

    if engine not in CLI_ENGINES:
        raise typer.BadParameter(f"expected one of {', '.join(CLI_ENGINES)}", param_hint="--engine")
    run = run_on_engine(engine)
    for line in describe_run(run):
        typer.echo(line)
    if report is not None:
        write_report(run, report)
        typer.echo(f"report: {report}")
    if run.passed("shareable") < run.total("shareable"):
        raise typer.Exit(1)


@views_app.command("staging")
def views_staging_command(
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 when a generated file is not up to date.")
    ] = False,
) -> None:
    """Write the staging models and engine macros the ViewDefinitions in models/staging/fhir/views give."""
    from aegis.staging.__main__ import main as staging_main

    raise typer.Exit(staging_main(["--check"] if check else []))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
