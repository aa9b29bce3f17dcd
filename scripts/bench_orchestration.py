"""Orchestration benchmark (not a test): the Airflow DAG (cosmos, one task per model) against a plain
`dbt build` of the same project, on the same synthetic population, in the same run.

Prints the DAG file's parse time (every DAG rendered from the manifest, LoadMode.DBT_MANIFEST: no dbt
subprocess at parse) and the wall time of a whole `aegis_daily` run through `dag.test()` (tasks run one
after another, as the DuckDB pool of one writer makes them run on a real deployment) against the plain
build. The DAG run does more than the build: it lands, measures freshness, verifies governance, compiles
for the lineage audit and runs the audit; and less: the research release is its own DAG's.

    .venv/bin/python scripts/bench_orchestration.py --patients 200 [--json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

from aegis.orchestration import Workspace


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--patients", type=int, default=200)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the workspace (its logs) afterwards")
    args = parser.parse_args()

    workspace = Workspace(Path(tempfile.mkdtemp(prefix="aegis-bench-orchestration-")))
    try:
        workspace.prepare(args.patients)
        build_seconds = workspace.dbt_build()
        parsed = workspace.run_dag(parse_only=True)
        ran = workspace.run_dag(AEGIS_AIRFLOW_RETRIES="0")
    finally:
        if not args.keep:
            shutil.rmtree(workspace.root, ignore_errors=True)
    states = ran.get("task_states", {})
    figures = {
        "patients": args.patients,
        "dag_parse_seconds": parsed["parse_seconds"],
        "dag_tasks": ran["tasks"],
        "dag_run_seconds": ran["run_seconds"],
        "dag_state": ran["state"],
        "tasks_not_successful": sorted(t for t, s in states.items() if s != "success"),
        "plain_dbt_build_seconds": round(build_seconds, 3),
        "dag_run_over_plain_build": round(ran["run_seconds"] / build_seconds, 2),
    }
    if args.json:
        print(json.dumps(figures, sort_keys=True))
    else:
        print(f"orchestration at {args.patients} patients (workspace {workspace.root})")
        print(
            f"  DAG file parse ({len(parsed['dags'])} DAGs, {ran['tasks']} tasks in aegis_daily, which leaves "
            f"the research release out): {parsed['parse_seconds']:.2f}s"
        )
        print(f"  plain dbt build:                       {build_seconds:8.1f}s")
        print(f"  aegis_daily through dag.test():        {ran['run_seconds']:8.1f}s  ({ran['state']})")
        print(f"  DAG run / plain build:                 {figures['dag_run_over_plain_build']:8.2f}x")
        if figures["tasks_not_successful"]:
            print(f"  tasks not successful: {', '.join(figures['tasks_not_successful'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
