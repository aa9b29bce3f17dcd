"""Ingestion benchmark (not a test): validation throughput per resource type, and the Kinesis handler end to
end on 500-record batches into landing files.

Per resource type, on the same valid single-resource records of a synthetic population (one core, one
process), resources per second for:
  - `json.loads` alone (stdlib), and `orjson.loads` alone;
  - aegis: aegis.ingest.jsonio.decode + validate_resource: full R4 conformance (types, cardinality,
    unknown elements, regexes, required bindings) and the profile findings, exactly what lands a record;
  - fhir.resources R4B: Model.model_validate_json (a full FHIR R4B model).
Goals: >= 50,000/s per core for Patient, Encounter, Condition, Observation; aegis / json.loads >= 0.5;
aegis / fhir.resources >= 8.

Landing many small inputs (the public corpus) with one process and with a process a core.

Then landing end to end: `land_file` on the whole events.ndjson.gz (bundles and defects included) with
one process and with one worker a core, against the validation throughput of the same records measured
in this run (goal: >= 0.5). And the Kinesis handler on 500-record batches into a local landing folder.

    .venv/bin/python scripts/bench_ingest.py --patients 2000 [--json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from aegis.ingest.fanout import land_inputs
from aegis.ingest.jsonio import Decoded, decode
from aegis.ingest.kinesis.handler import KinesisBatchHandler
from aegis.ingest.kinesis.records import lambda_event
from aegis.ingest.landing import LocalStore
from aegis.ingest.loader import land_file
from aegis.ingest.reading import expand_inputs
from aegis.ingest.validate import validate_resource
from aegis.synth import SynthOptions, generate

BATCH = 500
CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "fhir"  # public data we did not write
ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/bench"


def _rate(count: int, function: Callable[[], None], minimum_seconds: float = 0.5) -> float:
    """Items per second: repeat `function` (which handles `count` items) for at least `minimum_seconds`."""
    rounds, started = 0, time.perf_counter()
    while True:
        function()
        rounds += 1
        elapsed = time.perf_counter() - started
        if elapsed >= minimum_seconds:
            return count * rounds / elapsed


def _valid_by_type(lines: list[bytes], now: datetime) -> dict[str, list[bytes]]:
    by_type: dict[str, list[bytes]] = defaultdict(list)
    for line in lines:
        try:
            resource = orjson.loads(line)
        except orjson.JSONDecodeError:
            continue
        single = isinstance(resource, dict) and resource.get("resourceType") != "Bundle"
        if single and not validate_resource(resource, now=now)[0]:
            by_type[str(resource["resourceType"])].append(line)
    return dict(sorted(by_type.items()))


def _fhir_r4b(resource_type: str, records: list[bytes]) -> tuple[Callable[[], None], int]:
    from fhir.resources.R4B import get_fhir_model_class

    model = get_fhir_model_class(resource_type)
    rejected = 0
    for raw in records:
        try:
            model.model_validate_json(raw)
        except Exception:  # counting what R4B refuses of our profile is the point
            rejected += 1

    def run() -> None:
        for raw in records:
            try:
                model.model_validate_json(raw)
            except Exception:
                continue

    return run, rejected


def _judge(raw: bytes, now: datetime) -> None:
    decoded = decode(raw)
    if isinstance(decoded, Decoded):
        validate_resource(decoded.document, now=now)


def landing_figures(events: Path, lines: list[bytes], progress: Progress) -> dict[str, Any]:
    """Landing the whole file with 1 process and with a worker a core, against the validation of the
    same records (every line, Bundles included, decoded and judged) on one core in this run."""
    now = datetime.now(UTC)
    task = progress.add_task("landing", total=3)
    validation_rate = _rate(len(lines), lambda: [_judge(x, now) for x in lines] and None, minimum_seconds=2)
    progress.advance(task)
    figures: dict[str, Any] = {"records": len(lines), "validation_records_per_s": round(validation_rate)}
    for label, workers in (("one_process", 1), ("all_cores", None)):
        with tempfile.TemporaryDirectory(prefix="aegis-bench-land-") as folder:
            root = Path(folder)
            report = land_file(
                events, LocalStore(root / "l"), LocalStore(root / "q"), progress=False, workers=workers
            )
        rate = report.records_in / report.seconds
        figures[f"{label}_workers"] = report.workers
        figures[f"{label}_records_per_s"] = round(rate)
        figures[f"{label}_vs_validation"] = round(rate / validation_rate, 2)
        progress.advance(task)
    return figures


def fanout_figures(progress: Progress) -> dict[str, Any]:
    """Many small inputs (the vendored public corpus: Synthea bundles, HL7 examples, Bulk Data NDJSON),
    landed with one process and with a process a core (aegis.ingest.fanout); the speed-up."""
    files = expand_inputs([str(CORPUS)])
    task = progress.add_task("landing many inputs", total=2)
    seconds: dict[str, float] = {}
    for label, workers in (("one_process", 1), ("all_cores", None)):
        with tempfile.TemporaryDirectory(prefix="aegis-bench-fanout-") as folder:
            root = Path(folder)
            started = time.perf_counter()
            land_inputs(
                files, LocalStore(root / "l"), LocalStore(root / "q"), workers=workers, progress=False
            )
            seconds[label] = time.perf_counter() - started
        progress.advance(task)
    return {
        "inputs": len(files),
        **{f"{label}_s": round(value, 2) for label, value in seconds.items()},
        "speedup": round(seconds["one_process"] / seconds["all_cores"], 2),
    }


def validation_figures(lines: list[bytes], progress: Progress) -> list[dict[str, Any]]:
    now = datetime.now(UTC)
    figures = []
    by_type = _valid_by_type(lines, now)
    task = progress.add_task("validation", total=len(by_type))
    for resource_type, records in by_type.items():
        texts = [raw.decode() for raw in records]
        json_rate = _rate(len(records), lambda t=texts: [json.loads(x) for x in t] and None)
        orjson_rate = _rate(len(records), lambda r=records: [orjson.loads(x) for x in r] and None)
        aegis_rate = _rate(len(records), lambda r=records: [_judge(x, now) for x in r] and None)
        fhir_run, rejected = _fhir_r4b(resource_type, records)
        fhir_rate = _rate(len(records), fhir_run)
        figures.append(
            {
                "resource_type": resource_type,
                "records": len(records),
                "json_loads_per_s": round(json_rate),
                "orjson_loads_per_s": round(orjson_rate),
                "aegis_per_s": round(aegis_rate),
                "fhir_resources_r4b_per_s": round(fhir_rate),
                "aegis_vs_json_loads": round(aegis_rate / json_rate, 2),
                "aegis_vs_fhir_resources": round(aegis_rate / fhir_rate, 1),
                "fhir_resources_rejected": rejected,
            }
        )
        progress.advance(task)
    return figures


def handler_figures(lines: list[bytes], progress: Progress) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="aegis-bench-") as folder:
        root = Path(folder)
        handler = KinesisBatchHandler(LocalStore(root / "landing"), LocalStore(root / "quarantine"))
        events = [
            lambda_event(
                ARN,
                "shardId-000000000000",
                [
                    {"Data": data, "PartitionKey": "p", "SequenceNumber": str(start + i)}
                    for i, data in enumerate(lines[start : start + BATCH])
                ],
            )
            for start in range(0, len(lines), BATCH)
        ]
        task = progress.add_task("handler", total=len(events))
        items = landed = 0
        started = time.perf_counter()
        for event in events:
            handler.handle(event)
            items += handler.last_metrics.items_in
            landed += handler.last_metrics.landed
            progress.advance(task)
        seconds = time.perf_counter() - started
        parts = len(list((root / "landing").rglob("part-*.ndjson.gz")))
    return {
        "records": len(lines),
        "items": items,
        "landed": landed,
        "batches": len(events),
        "seconds": round(seconds, 2),
        "records_per_s": round(len(lines) / seconds),
        "items_per_s": round(items / seconds),
        "ms_per_500_record_batch": round(seconds / len(events) * 1000, 1),
        "parts_written": parts,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--patients", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    console = Console(stderr=args.json)
    with tempfile.TemporaryDirectory(prefix="aegis-bench-synth-") as folder:
        summary = generate(SynthOptions(patients=args.patients, seed=args.seed), Path(folder), progress=False)
        lines = gzip.decompress(summary.events_path.read_bytes()).splitlines()
        with Progress(console=console, transient=True) as progress:
            validation = validation_figures(lines, progress)
            landing = landing_figures(summary.events_path, lines, progress)
            handler = handler_figures(lines, progress)
            fanout = fanout_figures(progress)
    if args.json:
        print(
            json.dumps(
                {"validation": validation, "landing": landing, "handler": handler, "many_inputs": fanout},
                indent=2,
            )
        )
        return
    table = Table(title=f"validation, resources/s on one core ({args.patients} patients)")
    for column in ("type", "n", "json.loads", "orjson", "aegis", "fhir R4B", "aegis/json", "aegis/R4B"):
        table.add_column(column, justify="left" if column == "type" else "right")
    for row in validation:
        table.add_row(
            row["resource_type"],
            f"{row['records']:,}",
            f"{row['json_loads_per_s']:,}",
            f"{row['orjson_loads_per_s']:,}",
            f"{row['aegis_per_s']:,}",
            f"{row['fhir_resources_r4b_per_s']:,}",
            f"{row['aegis_vs_json_loads']:.2f}",
            f"{row['aegis_vs_fhir_resources']:.1f}x",
        )
    console.print(table)
    console.print(f"landing {args.patients} patients (aegis ingest land): {landing}")
    console.print(f"handler, {BATCH}-record batches into local landing files: {handler}")
    console.print(f"many small inputs (public corpus), one process vs a process a core: {fanout}")


if __name__ == "__main__":
    main()
