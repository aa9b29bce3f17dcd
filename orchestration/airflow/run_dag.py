"""Parse the Aegis DAGs and run one of them for real with `dag.test()`; print what every task did, as JSON.

Run with the Airflow environment's Python (`.venv-airflow/bin/python`), with AIRFLOW_HOME and the AEGIS_*
variables set by the caller (tests/python/test_orchestration.py, scripts/bench_orchestration.py). The
metadata database is SQLite in AIRFLOW_HOME, created here on first use; nothing listens on a port.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

DAGS = Path(__file__).resolve().parent / "dags"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dag_id", nargs="?", default="aegis_daily")
    parser.add_argument("--parse-only", action="store_true", help="measure the parse, run nothing")
    parser.add_argument("--out", type=Path, help="write the JSON result here too")
    args = parser.parse_args()

    home = Path(os.environ["AIRFLOW_HOME"])
    if not (home / "airflow.db").exists():
        home.mkdir(parents=True, exist_ok=True)
        airflow = Path(sys.executable).parent / "airflow"
        subprocess.run([str(airflow), "db", "migrate"], check=True, capture_output=True)

    from airflow.models.dagbag import DagBag

    started = time.perf_counter()
    bag = DagBag(dag_folder=str(DAGS), include_examples=False)
    parse_seconds = time.perf_counter() - started
    if bag.import_errors:
        print(json.dumps({"import_errors": {k: v[-2000:] for k, v in bag.import_errors.items()}}))
        return 1
    dag = bag.get_dag(args.dag_id)
    result: dict[str, object] = {
        "dag_id": args.dag_id,
        "parse_seconds": round(parse_seconds, 3),
        "dags": sorted(bag.dag_ids),
        "tasks": len(dag.task_ids),
        "task_ids": sorted(dag.task_ids),
    }
    if not args.parse_only:
        from aegis_flow import Settings
        from airflow.models.pool import Pool

        settings = Settings.from_env()
        Pool.create_or_update_pool(
            settings.pool, settings.pool_slots, "Aegis warehouse writers", include_deferred=False
        )
        started = time.perf_counter()
        run = dag.test()
        result["run_seconds"] = round(time.perf_counter() - started, 3)
        result["state"] = str(run.state)
        result["task_states"] = {ti.task_id: str(ti.state) for ti in run.get_task_instances()}
        from airflow.models.renderedtifields import RenderedTaskInstanceFields

        # What each dbt task rendered for its environment (the daily tests' bound comes from Airflow's context).
        rendered = {
            ti.task_id: RenderedTaskInstanceFields.get_templated_fields(ti) or {}
            for ti in run.get_task_instances()
            if ti.task_id.endswith("_model_build") and str(ti.state) == "success"
        }
        result["dbt_env"] = {task: fields.get("env") for task, fields in rendered.items()}
        result["dbt_cmd_flags"] = {task: fields.get("dbt_cmd_flags") for task, fields in rendered.items()}
    text = json.dumps(result, sort_keys=True)
    if args.out:
        args.out.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
