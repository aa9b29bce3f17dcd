"""The Aegis pipeline as Airflow DAGs (astronomer-cosmos): land -> freshness gates -> dbt build per model ->
governance verify -> lineage audit -> observability.

Three DAGs from one factory: `aegis_daily` lands the day's files itself, `aegis_intraday` waits for what the
streaming path (Kinesis -> Lambda) has landed; both build everything but the research release, which
`aegis_research_release` publishes monthly (docs/governance.md, "The research release"). Each dbt model is
one task (`dbt build --select <model>`: the model and its tests), rendered from the manifest once per
parse (LoadMode.DBT_MANIFEST: no `dbt ls`). Each source is a freshness gate rendered from the same manifest:
its status comes from one `dbt source freshness` run; a stale source skips its models (and theirs), raises
one alert for the run, and fails nothing. See docs/orchestration.md.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from airflow.providers.standard.operators.python import PythonOperator, ShortCircuitOperator
from airflow.providers.standard.sensors.python import PythonSensor
from airflow.sdk import DAG, TaskGroup, TriggerRule
from airflow.sdk.definitions.deadline import AsyncCallback, DeadlineAlert, DeadlineReference
from cosmos import DbtTaskGroup, ExecutionConfig, ProfileConfig, ProjectConfig, RenderConfig
from cosmos.constants import DbtResourceType, ExecutionMode, LoadMode, SourceRenderingBehavior, TestBehavior
from cosmos.dbt.graph import DbtNode

# The dags folder is on sys.path for Airflow; this keeps the import working when the file is run directly.
sys.path.insert(0, str(Path(__file__).resolve().parent))
import aegis_flow

SETTINGS = aegis_flow.Settings.from_env()
FRESHNESS_TASK = "source_freshness"
# A UTC timestamp as dbt's aegis_tests_received_since expects it, rendered per task run from Airflow's context.
TESTS_RECEIVED_SINCE = (
    "{{ prev_start_date_success.in_timezone('UTC').strftime('%Y-%m-%d %H:%M:%S') "
    "if prev_start_date_success else '' }}"
)


def on_failure(context: Any) -> None:
    aegis_flow.failure_alert(SETTINGS, context)


def land() -> None:
    SETTINGS.run([SETTINGS.aegis, "ingest", "land", *SETTINGS.land_inputs])


def freshness() -> dict[str, str]:
    return aegis_flow.measure_freshness(SETTINGS)


def alert_stale(ti: Any, dag_run: Any) -> list[str]:
    statuses = ti.xcom_pull(task_ids=FRESHNESS_TASK)
    return aegis_flow.freshness_alert(SETTINGS, statuses, dag_run.dag_id, dag_run.run_id)


def gate(source: str, has_freshness: bool, ti: Any) -> bool:
    return aegis_flow.gate_open(source, has_freshness, ti.xcom_pull(task_ids=FRESHNESS_TASK))


def freshness_gate(dag: DAG, task_group: TaskGroup | None, node: DbtNode, **_: Any) -> ShortCircuitOperator:
    """cosmos node converter: each dbt source of the manifest becomes the gate of the models that read it.

    ignore_downstream_trigger_rules=False: the gate skips the models that read the source; their own
    models skip through the default all_success rule, and the steps after the build (none_failed) run."""
    source_table = node.unique_id.split(".", 2)[2].replace(".", "_")
    return ShortCircuitOperator(
        task_id=f"freshness_gate_{source_table}",
        python_callable=gate,
        op_kwargs={"source": node.unique_id, "has_freshness": node.has_freshness},
        ignore_downstream_trigger_rules=False,
        dag=dag,
        task_group=task_group,
    )


def governance_verify() -> None:
    SETTINGS.run([SETTINGS.aegis, "governance", "verify", "--target", SETTINGS.target])


def compile_for_audit() -> None:
    # One task per model leaves no manifest with every model's compiled SQL, which the audit reads.
    # Tests carry no column lineage: only models and snapshots are compiled.
    SETTINGS.run(
        [
            SETTINGS.dbt,
            "compile",
            *SETTINGS.dbt_args(),
            "--select",
            "resource_type:model resource_type:snapshot",
            "--target-path",
            SETTINGS.audit_target,
        ]
    )


def lineage_audit() -> None:
    SETTINGS.run(
        [
            SETTINGS.aegis,
            "governance",
            "lineage-audit",
            "--no-compile",
            "--manifest",
            SETTINGS.audit_target / "manifest.json",
        ]
    )


def observe(step: str) -> None:
    SETTINGS.run([SETTINGS.aegis, "observe", step])


def dbt_build(select: tuple[str, ...], exclude: tuple[str, ...]) -> DbtTaskGroup:
    project = SETTINGS.project_dir
    return DbtTaskGroup(
        group_id="dbt_build",
        project_config=ProjectConfig(
            dbt_project_path=project, manifest_path=SETTINGS.manifest, project_name="aegis"
        ),
        profile_config=ProfileConfig(
            profile_name="aegis", target_name=SETTINGS.target, profiles_yml_filepath=project / "profiles.yml"
        ),
        # dbt runs from the project's own environment: its pins conflict with Airflow's.
        execution_config=ExecutionConfig(
            execution_mode=ExecutionMode.LOCAL, dbt_executable_path=str(SETTINGS.dbt)
        ),
        render_config=RenderConfig(
            load_method=LoadMode.DBT_MANIFEST,
            test_behavior=TestBehavior.BUILD,
            select=list(select),
            exclude=list(exclude),
            # Sources render through the converter only (as gates), not as cosmos freshness tasks that fail.
            source_rendering_behavior=SourceRenderingBehavior.NONE,
            node_converters={DbtResourceType.SOURCE: freshness_gate},
            emit_datasets=False,
        ),
        operator_args={
            # The daily run's tests read only what landed since the previous successful run started
            # (docs/incremental.md); the first run has none (''), and its tests read whole tables. An
            # environment variable, not --vars: changed vars make dbt parse the project again in cosmos'
            # temporary copy, and the cached parse then points seeds at a copy already deleted.
            "env": {"AEGIS_TESTS_RECEIVED_SINCE": TESTS_RECEIVED_SINCE},
            "append_env": True,
            # Unit tests have static inputs: CI runs them (make test, slim CI), production builds do not
            # (dbt's own guidance; the documented daily command excludes them too, docs/incremental.md).
            "dbt_cmd_flags": ["--exclude-resource-type", "unit_test"],
            "pool": SETTINGS.pool,
            "install_deps": False,
            "execution_timeout": timedelta(minutes=30),
        },
    )


def on_dag_failure(context: Any) -> None:
    # dagrun_timeout fails the run: this is the alert that the run missed its hard deadline (or failed).
    run = context.get("dag_run")
    aegis_flow.alert(
        SETTINGS,
        "dag_failed",
        dag_id=str(getattr(run, "dag_id", "")),
        run_id=str(getattr(run, "run_id", "")),
    )


def deadline(dag_id: str) -> DeadlineAlert | None:
    """The SLO as an Airflow 3 DeadlineAlert: a run's data is in the marts within N hours of its scheduled
    time. Opt-in (AEGIS_AIRFLOW_DEADLINE_HOURS): on Airflow 3.1.8 a run that succeeds with a deadline
    attached crashed in Deadline.prune_deadlines (its end_date not yet set), seen under dag.test()."""
    if not SETTINGS.deadline_hours:
        return None
    return DeadlineAlert(
        reference=DeadlineReference.DAGRUN_LOGICAL_DATE,
        interval=timedelta(hours=SETTINGS.deadline_hours),
        callback=AsyncCallback(aegis_flow.deadline_missed, kwargs={"dag_id": dag_id}),
    )


# The research release (the de-identified extract) is published on its own schedule, never by the runs that
# follow the data: each rebuild republishes it, and a reader who compares two publications sees which research
# ids (and rows) are new since the last one, a batch small enough to link to people known to have had a visit
# that day (docs/governance.md, "The research release").
RESEARCH_RELEASE = "tag:research_release"


def pipeline(dag_id: str, schedule: str, description: str, start: Literal["land", "wait", "release"]) -> DAG:
    """One DAG: `start` is "land" (land the day's files), "wait" (for what the stream landed) or "release"
    (build the research release from what the warehouse holds: no landing, no freshness gates)."""
    default_args: dict[str, Any] = {
        "owner": "aegis",
        "retries": SETTINGS.retries,
        "retry_delay": timedelta(minutes=5),
        "retry_exponential_backoff": True,
        "execution_timeout": timedelta(minutes=20),
        "on_failure_callback": on_failure,
    }
    with DAG(
        dag_id,
        description=description,
        schedule=schedule,
        start_date=datetime(2026, 1, 1, tzinfo=UTC),
        catchup=False,
        max_active_runs=1,
        # The hard deadline, always on: past it the run fails and on_dag_failure alerts.
        dagrun_timeout=timedelta(hours=4),
        on_failure_callback=on_dag_failure,
        deadline=deadline(dag_id),
        default_args=default_args,
        tags=["aegis", "dbt"],
    ) as dag:
        pool = {"pool": SETTINGS.pool}
        if start == "release":
            build = dbt_build((RESEARCH_RELEASE,), SETTINGS.exclude)
        else:
            build = dbt_build(SETTINGS.select, (*SETTINGS.exclude, RESEARCH_RELEASE))
            first: Any
            if start == "land":
                first = PythonOperator(task_id="land", python_callable=land)
            else:
                first = PythonSensor(
                    task_id="wait_for_landing",
                    python_callable=aegis_flow.landing_has_files,
                    op_args=[SETTINGS.landing_root],
                    mode="reschedule",
                    poke_interval=300,
                    timeout=3600,
                )
            measured = PythonOperator(task_id=FRESHNESS_TASK, python_callable=freshness, **pool)
            stale = PythonOperator(task_id="freshness_alert", python_callable=alert_stale)
            first >> measured >> [stale, build]
        verify = PythonOperator(
            task_id="governance_verify",
            python_callable=governance_verify,
            trigger_rule=TriggerRule.NONE_FAILED,
            **pool,
        )
        compiled = PythonOperator(task_id="compile_for_audit", python_callable=compile_for_audit, **pool)
        audit = PythonOperator(task_id="lineage_audit", python_callable=lineage_audit)
        record = PythonOperator(task_id="observe_record", python_callable=observe, op_args=["record"], **pool)
        report = PythonOperator(task_id="observe_report", python_callable=observe, op_args=["report"])
        build >> verify >> compiled >> audit >> record >> report
    return dag


daily = pipeline(
    "aegis_daily",
    "0 5 * * *",
    "Land the day's files and build every model they feed, but the research release",
    "land",
)
intraday = pipeline(
    "aegis_intraday", "30 7-19 * * *", "Build what the stream has landed since the last run", "wait"
)
# Monthly by default (AEGIS_AIRFLOW_RELEASE_SCHEDULE); trigger it by hand to publish a correction out of
# cycle (a row that became 42 CFR Part 2, a deleted resource).
research_release = pipeline(
    "aegis_research_release",
    SETTINGS.release_schedule,
    "Publish the de-identified research release",
    "release",
)
