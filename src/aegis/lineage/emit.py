"""`aegis lineage run`: the dbt build through dbt-ol, with Aegis facets, to a file or an OpenLineage backend.

How it plugs in (no patching of openlineage-dbt):
1. an openlineage.yml is written for this run (mode 0600, in a temporary folder, removed afterwards) with a
   `transform` transport whose transformer is aegis.lineage.transformer.PhiFacetTransformer and whose inner
   transport is `file` (JSON lines under <data>/openlineage/) or `http` (OPENLINEAGE_URL, OPENLINEAGE_API_KEY,
   OPENLINEAGE_ENDPOINT from the environment);
2. `dbt-ol <dbt args>` runs with OPENLINEAGE_CONFIG pointing at it: START/COMPLETE/FAIL for every model,
   snapshot and test, each decorated by the transformer;
3. dbt-ol emits nothing for seeds, so a small emitter sends their START and COMPLETE/FAIL afterwards,
   through the same transport (so they carry the same facets).
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aegis.artifacts import keep_build_results, load_manifest, target_dir
from aegis.paths import Paths, project_root

TRANSFORMER = "aegis.lineage.transformer.PhiFacetTransformer"
DEFAULT_NAMESPACE = "aegis"
TRANSPORTS = ("file", "http")
_SCRUBBED_ENV_PREFIXES = ("OPENLINEAGE__",)
_SCRUBBED_ENV = ("OPENLINEAGE_URL", "OPENLINEAGE_API_KEY", "OPENLINEAGE_ENDPOINT", "OPENLINEAGE_CONFIG")


@dataclass(frozen=True)
class LineageRun:
    return_code: int
    transport: str
    events_file: Path | None
    seed_events: int


def events_folder() -> Path:
    return Paths.from_env().data_dir / "openlineage"


def inner_transport(kind: str, events_file: Path) -> dict[str, Any]:
    """The transport that really sends: a JSON-lines file, or HTTP with the key from the environment."""
    if kind == "file":
        return {"type": "file", "log_file_path": str(events_file), "append": True}
    url = os.environ.get("OPENLINEAGE_URL")
    if not url:
        raise ValueError(
            "the http transport needs OPENLINEAGE_URL (and OPENLINEAGE_API_KEY if the backend asks)"
        )
    transport: dict[str, Any] = {
        "type": "http",
        "url": url,
        "endpoint": os.environ.get("OPENLINEAGE_ENDPOINT", "api/v1/lineage"),
    }
    if api_key := os.environ.get("OPENLINEAGE_API_KEY"):
        transport["auth"] = {"type": "api_key", "apiKey": api_key}
    return transport


def client_config(kind: str, events_file: Path, project_dir: Path) -> dict[str, Any]:
    return {
        "transport": {
            "type": "transform",
            "transformer_class": TRANSFORMER,
            "transformer_properties": {"project_dir": str(project_dir)},
            "transport": inner_transport(kind, events_file),
        }
    }


def child_env(config_path: Path, project_dir: Path) -> dict[str, str]:
    """The environment of dbt-ol: our config only (no stray OPENLINEAGE__ overrides), this venv's dbt first."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in _SCRUBBED_ENV and not k.startswith(_SCRUBBED_ENV_PREFIXES)
    }
    env["OPENLINEAGE_CONFIG"] = str(config_path)
    env.setdefault("OPENLINEAGE_NAMESPACE", DEFAULT_NAMESPACE)
    env["AEGIS_PROJECT_DIR"] = str(project_dir)
    # openlineage-dbt's own logger: at WARNING it dumps a 1,000-character node dict per test it cannot
    # attach ("Model node connected to test ... not found"). Errors still show; a user's setting wins.
    env.setdefault("OPENLINEAGE_DBT_LOGGING", "ERROR")
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def dbt_ol_executable() -> str:
    candidate = Path(sys.executable).parent / "dbt-ol"
    return str(candidate) if candidate.exists() else "dbt-ol"


def run_with_lineage(
    dbt_args: list[str], transport: str | None = None, project_dir: Path | None = None
) -> int:
    return run_lineage(dbt_args, transport, project_dir).return_code


def run_lineage(
    dbt_args: list[str], transport: str | None = None, project_dir: Path | None = None
) -> LineageRun:
    kind = (transport or os.environ.get("AEGIS_LINEAGE_TRANSPORT") or "file").lower()
    if kind not in TRANSPORTS:
        raise ValueError(f"unknown transport {kind!r}: use one of {', '.join(TRANSPORTS)}")
    root = project_dir or project_root()
    args = list(dbt_args) or ["build"]
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    events_file = events_folder() / f"{stamp}-{args[0]}.jsonl"
    if kind == "file":
        events_file.parent.mkdir(parents=True, exist_ok=True)
    config = client_config(kind, events_file, root)
    with tempfile.TemporaryDirectory(prefix="aegis-openlineage-") as folder:
        config_path = Path(folder) / "openlineage.yml"
        config_path.touch(mode=0o600)
        config_path.write_text(json.dumps(config), encoding="utf-8")  # JSON is YAML; may hold the API key
        env = child_env(config_path, root)
        completed = subprocess.run([dbt_ol_executable(), *args], cwd=root, env=env, check=False)
        keep_build_results(target_dir(root))
        seeds = emit_seed_events(config, root, env.get("OPENLINEAGE_NAMESPACE", DEFAULT_NAMESPACE))
    return LineageRun(completed.returncode, kind, events_file if kind == "file" else None, seeds)


def emit_seed_events(config: dict[str, Any], project_dir: Path, job_namespace: str) -> int:
    """START and COMPLETE/FAIL for each seed of the last run (dbt-ol emits none for seeds)."""
    from openlineage.client import OpenLineageClient
    from openlineage.client.event_v2 import Job, OutputDataset, Run, RunEvent, RunState
    from openlineage.client.facet_v2 import job_type_job
    from openlineage.client.uuid import generate_new_uuid

    from aegis.lineage.facets import AEGIS_PRODUCER
    from aegis.lineage.nodes import relation_nodes
    from aegis.lineage.transformer import dataset_name

    results_path = target_dir(project_dir) / "run_results.json"
    if not results_path.is_file():
        return 0
    run_results = json.loads(results_path.read_text())
    command = str((run_results.get("args") or {}).get("which") or "build")
    seeds = {n.unique_id: n for n in relation_nodes(load_manifest(project_dir=project_dir), {"seed"})}
    namespace = dataset_namespace(project_dir)
    client = OpenLineageClient(config=config)
    job_type = job_type_job.JobTypeJobFacet(
        jobType="SEED", integration="DBT", processingType="BATCH", producer=AEGIS_PRODUCER
    )
    sent = 0
    for result in run_results.get("results") or []:
        seed = seeds.get(result.get("unique_id", ""))
        if seed is None or result.get("status") == "skipped":
            continue
        started, completed = _timings(result)
        run = Run(runId=str(generate_new_uuid()))
        job = Job(
            namespace=job_namespace, name=f"{dataset_name(seed)}.{command}.seed", facets={"jobType": job_type}
        )
        final = RunState.COMPLETE if result.get("status") == "success" else RunState.FAIL
        for state, when in ((RunState.START, started), (final, completed)):
            output = OutputDataset(namespace=namespace, name=dataset_name(seed))
            client.emit(
                RunEvent(
                    eventType=state,
                    eventTime=when,
                    run=run,
                    job=job,
                    outputs=[output],
                    producer=AEGIS_PRODUCER,
                )
            )
            sent += 1
    client.close(timeout=30)
    return sent


def _timings(result: dict[str, Any]) -> tuple[str, str]:
    now = datetime.now(UTC).isoformat()
    execute = [t for t in result.get("timing") or [] if t.get("name") == "execute"]
    if not execute:
        return now, now
    return str(execute[0].get("started_at") or now), str(execute[0].get("completed_at") or now)


def dataset_namespace(project_dir: Path) -> str:
    """The dataset namespace openlineage-dbt derives from the profile (e.g. duckdb://<path>)."""
    from openlineage.common.provider.dbt import DbtLocalArtifactProcessor

    from aegis.lineage.facets import AEGIS_PRODUCER

    processor = DbtLocalArtifactProcessor(
        producer=AEGIS_PRODUCER,
        job_namespace=DEFAULT_NAMESPACE,
        project_dir=str(project_dir),
        logger=logging.getLogger("aegis.lineage"),
    )
    _, _, profile, _ = processor.get_dbt_metadata()
    processor.extract_adapter_type(profile)
    processor.extract_dataset_namespace(profile)
    return str(processor.dataset_namespace)


def describe(run: LineageRun) -> str:
    where = f"events: {run.events_file}" if run.events_file else "events sent over HTTP"
    return f"dbt exited {run.return_code}; {where} (+{run.seed_events} seed events)"
