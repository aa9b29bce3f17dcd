"""`make bench`: the foundation pipeline at several population sizes. Figures, not tests.

For each size: generation, landing and `dbt build` wall time and peak memory (of that step's process tree's
largest process), rows per layer, and the incremental rebuild after adding 1% new events, as a ratio of the
full build measured in the same run (ratios travel between machines; seconds do not); the staging floor
(staging's share of the build against a bare DuckDB scan of the same landing files) and the masked reads
(phi_limited tier views against their base tables: point lookup, month aggregate, fact-dim join).

Each run appends one line (figures, core count, git commit) to <workdir>/history.jsonl, prints the change
against the previous run of the same size and draws <workdir>/history.png (docs/performance.md).

    BENCH_SIZES=1000000 .venv/bin/python scripts/bench.py [--sizes 100000,1000000] [--workdir /tmp/x]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "src"))

from aegis.governance.bench import duckdb_masked_reads  # noqa: E402
from aegis.observe.summary import summarize  # noqa: E402
from aegis.paths import Paths  # noqa: E402


def in_fresh_process(function: Any, *args: Any) -> Any:
    """`function(*args)` in a new interpreter (spawned), for the bench's own DuckDB work (floor scans,
    masked reads, row counts). Linux counts the memory a process had when it forked in its child's peak
    (ru_maxrss keeps the pre-exec high-water mark), so once the bench itself held gigabytes of DuckDB
    buffers, every step timed after it reported that size as its own peak: the 100,000-patient daily
    run's 4.1 GiB of earlier notes was the bench's floor scan, not the run."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(function, args)


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run a command; return (seconds, peak RSS in MiB of its largest process)."""
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"benchmark step failed: {' '.join(command[:3])}")
    return seconds, usage.ru_maxrss / 1024


# The same columns the staging sources read (models/staging/fhir/_fhir__sources.yml), so the floor parses
# the same JSON: the least any staging could cost on this machine. `count(*)` is the floor; reading
# every column into a table also builds the JSON text of each resource, as staging must.
LANDING_SCAN = """
read_json('{landing}/fhir/resource_type=*/ingest_date=*/part-*.ndjson.gz',
    format = 'newline_delimited', hive_partitioning = true,
    columns = {{'event_id': 'varchar', 'resource_type': 'varchar', 'resource_id': 'varchar',
    'version_id': 'varchar', 'last_updated': 'timestamptz', 'received_at': 'timestamptz', 'source': 'varchar',
    'source_position': 'varchar', 'deleted': 'boolean', 'resource': 'json'}})
"""
FLOORS = {
    "scan_floor_s": "select count(*) from " + LANDING_SCAN,
    "scan_all_columns_s": "create temp table landed as select * from " + LANDING_SCAN,
}


def floor_scans(landing: Path, spill: Path) -> dict[str, float]:
    """Seconds of each FLOORS scan of `landing`, with the build's DuckDB settings."""
    figures: dict[str, float] = {}
    for name, sql in FLOORS.items():
        config: dict[str, str | bool | int | float | list[str]] = {
            "threads": 2,
            "memory_limit": "6GB",
            "temp_directory": str(spill),
        }
        with duckdb.connect(config=config) as con:
            started = time.monotonic()
            con.execute(sql.format(landing=landing)).fetchall()
            figures[name] = round(time.monotonic() - started, 2)
    return figures


def rows_by_layer(data: Path, env: dict[str, str]) -> dict[str, int]:
    os.environ.update({k: env[k] for k in ("AEGIS_DATA_DIR", "AEGIS_DUCKDB_PATH", "DBT_TARGET_PATH")})
    return dict(summarize(Paths.from_env(), Path(env["DBT_TARGET_PATH"])).rows_by_layer)


def staging_floor(data: Path, env: dict[str, str]) -> dict[str, float]:
    """Staging alone (a full refresh of the staging models on one dbt thread, after the build: the sum of
    their execute times from run_results.json, so that seeds and tests running beside them in the build
    count for nothing) against bare scans of the same landing files with the same DuckDB settings."""
    dbt = str(BIN / "dbt")
    timed(
        [dbt, "run", "--quiet", "--full-refresh", "--threads", "1", "-s", "path:models/staging", *DBT_VARS],
        env,
    )
    results = json.loads((Path(env["DBT_TARGET_PATH"]) / "run_results.json").read_text())["results"]
    staging_s = sum(
        timing_seconds(timing)
        for result in results
        if result["unique_id"].startswith("model.aegis.stg_")
        for timing in result["timing"]
        if timing["name"] == "execute"
    )
    if not staging_s:
        raise SystemExit("benchmark: the staging run ran no staging model (run_results.json has none)")
    figures: dict[str, float] = {"staging_s": round(staging_s, 2)}
    figures.update(in_fresh_process(floor_scans, data / "landing", data / "warehouse" / "duckdb_spill"))
    figures["staging_over_floor"] = round(staging_s / figures["scan_floor_s"], 2)
    figures["staging_over_all_columns_scan"] = round(staging_s / figures["scan_all_columns_s"], 2)
    return figures


def timing_seconds(timing: dict[str, str]) -> float:
    return (
        datetime.fromisoformat(timing["completed_at"]) - datetime.fromisoformat(timing["started_at"])
    ).total_seconds()


def git_commit() -> str:
    """The commit measured: AEGIS_BENCH_COMMIT when the bench runs in an exported copy, else HEAD (+dirty)."""
    if os.environ.get("AEGIS_BENCH_COMMIT"):
        return os.environ["AEGIS_BENCH_COMMIT"]
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True
    )
    return (
        head.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")
        if head.returncode == 0
        else "unknown"
    )


def bench_env(data: Path) -> dict[str, str]:
    return {
        **os.environ,
        "AEGIS_DATA_DIR": str(data),
        "AEGIS_DUCKDB_PATH": str(data / "warehouse" / "aegis.duckdb"),
        "DBT_TARGET_PATH": str(data / "target"),
        "DBT_LOG_PATH": str(data / "logs"),
        "DBT_PROFILES_DIR": str(ROOT),
    }


PREPARED_FOLDERS = ("landing", "quarantine", "reports", "synth-extra")

# The staging lookback (var aegis_staging_lookback_hours, default 3) covers a loader's delay: files that land
# after a run although their envelopes were received before it. It reaches back from the facts' watermark
# and from the daily tests' bound. The bench's loader has no delay (the history and the 1% extra are landed
# whole before the build and before the daily run), and its history is minutes or hours old, not years:
# with the default lookback its daily run re-read the whole history as recent (the 100,000-patient daily
# run of 2026-12-05: its landing was 50 minutes old). So the bench's dbt runs take a lookback of 0.
LOOKBACK_HOURS = 0
# For the same reason, source freshness on DuckDB looks back 1 hour for the newest parts, not the default
# 24 (duckdb__collect_freshness): every part of the bench's history is younger than a day, and a daily run
# reads a day's parts, not the history. Every dbt call takes the same vars (a change of vars re-parses).
FRESHNESS_WINDOW_HOURS = 1
DBT_VARS = [
    "--vars",
    json.dumps(
        {
            "aegis_staging_lookback_hours": LOOKBACK_HOURS,
            "aegis_freshness_window_hours": FRESHNESS_WINDOW_HOURS,
        }
    ),
]
# The documented daily selection, `-s source_status:fresher+ --exclude tag:research_release
# --exclude-resource-type unit_test` (docs/incremental.md), when every source has fresher data, as the bench's
# 1% extra gives every resource type: everything downstream of the sources, so not the seeds (code sets change
# with a deploy, not with the day's data) nor their tests, and no unit tests (static inputs: CI runs them,
# dbt's own advice). Not the research release either: it is published on its own schedule (docs/governance.md,
# "The research release"), and the bench times its build after the daily run, on its own.
# source:*+ selects the same nodes without the previous run's freshness state.
RELEASE = ["--select", "tag:research_release", "--exclude-resource-type", "unit_test"]
DAILY_SELECTION = [
    "--select",
    "source:*+",
    "--exclude",
    "tag:research_release",
    "--exclude-resource-type",
    "unit_test",
]


def generate(patients: int, base: Path, reuse: bool) -> dict[str, object]:
    """The population and the 1% extra (a population 1% the size with another seed: new ids), in
    `<base>/synth` and `<base>/synth-extra`. With `reuse`, an earlier generation of the same size is kept:
    the generator is deterministic, so its output depends on its code only (the commit is recorded)."""
    record = base / "generated.json"
    if reuse and record.exists():
        figures: dict[str, object] = json.loads(record.read_text())
        print(f"reusing the population generated at commit {figures['generated_commit']}", flush=True)
        return figures
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    env, aegis = bench_env(base), str(BIN / "aegis")
    figures = {"generated_commit": git_commit()}
    figures["generate_s"], figures["generate_peak_mib"] = timed(
        [aegis, "synth", "--patients", str(patients)], env
    )
    extra = ["--seed", "4242", "--out", str(base / "synth-extra")]
    timed([aegis, "synth", "--patients", str(max(1, patients // 100)), *extra], env)
    record.write_text(json.dumps(figures, indent=2))
    return figures


def prepare(patients: int, workdir: Path, reuse: str) -> tuple[Path, dict[str, object]]:
    """Generation and landing of the population in `p<N>/prepared` (the extra is landed by the build).

    `reuse`: "landing" keeps an earlier generation and landing of the same size, "generated" the
    generation only, "none" neither. At 1,000,000 patients generation and landing are the longest steps,
    which a change to the models does not need to pay again; the commits that made them are recorded. The
    build runs on a hard-linked copy, so the prepared landing stays as landed.
    """
    base = workdir / f"p{patients}" / "prepared"
    record = base / "prepared.json"
    if reuse == "landing" and record.exists():
        figures: dict[str, object] = json.loads(record.read_text())
        print(f"reusing the landing prepared at commit {figures['prepared_commit']}", flush=True)
        return base, figures
    figures = generate(patients, base, reuse in ("landing", "generated"))
    for folder in ("landing", "quarantine", "reports", "warehouse"):
        shutil.rmtree(base / folder, ignore_errors=True)
    figures["prepared_commit"] = git_commit()
    figures["land_s"], figures["land_peak_mib"] = timed(
        [str(BIN / "aegis"), "ingest", "land"], bench_env(base)
    )
    record.write_text(json.dumps(figures, indent=2))
    return base, figures


def bench_size(patients: int, workdir: Path, reuse: str, staging_alone: bool = True) -> dict[str, object]:
    base, prepared = prepare(patients, workdir, reuse)
    data = workdir / f"p{patients}" / "run"
    shutil.rmtree(data, ignore_errors=True)
    (data / "warehouse").mkdir(parents=True)  # DuckDB creates its file, not the folder
    for folder in PREPARED_FOLDERS:
        if (base / folder).exists():  # hard links: landing only ever adds files, never rewrites one
            subprocess.run(["cp", "-al", str(base / folder), str(data / folder)], check=True)
    env = bench_env(data)
    aegis, dbt = str(BIN / "aegis"), str(BIN / "dbt")
    figures: dict[str, object] = {"patients": patients, **prepared}
    # The daily run's tests read only the rows received since the previous run started (docs/incremental.md).
    figures["lookback_hours"] = LOOKBACK_HOURS
    figures["freshness_window_hours"] = FRESHNESS_WINDOW_HOURS
    previous_run_started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    figures["build_s"], figures["build_peak_mib"] = timed([dbt, "build", "--quiet", *DBT_VARS], env)
    if staging_alone:
        figures.update(staging_floor(data, env))
    figures["masked_reads_duckdb"] = in_fresh_process(
        duckdb_masked_reads, data / "warehouse" / "aegis.duckdb"
    )

    timed([aegis, "ingest", "land", "--events", str(data / "synth-extra" / "events.ndjson.gz")], env)
    # As the environment variable, as the Airflow DAG passes it: changed --vars make dbt parse the whole
    # project again (5.8 s of the 100,000-patient daily run), an environment variable read at run time not.
    daily_env = {**env, "AEGIS_TESTS_RECEIVED_SINCE": previous_run_started}
    # The documented daily run (docs/incremental.md) checks freshness first: timed on its own, as it is not
    # the rebuild the ratio measures.
    figures["freshness_s"], _ = timed([dbt, "source", "freshness", "--quiet", *DBT_VARS], daily_env)
    figures["incremental_build_s"], figures["incremental_peak_mib"] = timed(
        [dbt, "build", "--quiet", *DAILY_SELECTION, *DBT_VARS], daily_env
    )
    figures["incremental_ratio"] = round(float(figures["incremental_build_s"]) / float(figures["build_s"]), 3)  # type: ignore[arg-type]
    # The research release the daily run leaves out, built after it as its schedule would (with the day's data).
    figures["release_build_s"], figures["release_peak_mib"] = timed(
        [dbt, "build", "--quiet", *RELEASE, *DBT_VARS], env
    )

    figures["rows_by_layer"] = in_fresh_process(rows_by_layer, data, env)
    return figures


def end_to_end_s(figures: dict[str, object]) -> float:
    return sum(float(str(figures[key])) for key in ("generate_s", "land_s", "build_s"))


def print_scaling(results: list[dict[str, object]]) -> None:
    """Each step's time at a size against the same step at the first size of the run (the issue's bound:
    1,000,000 patients cost at most 12x 100,000, measured in the same run)."""
    if len(results) < 2:
        return
    first = results[0]
    for figures in results[1:]:
        factor = int(figures["patients"]) / int(first["patients"])  # type: ignore[call-overload]
        steps = ", ".join(
            f"{key} {float(figures[key]) / float(first[key]):.2f}x"  # type: ignore[arg-type]
            for key in ("generate_s", "land_s", "build_s", "incremental_build_s")
        )
        total = end_to_end_s(figures)
        total_first = end_to_end_s(first)
        print(
            f"{figures['patients']:,} vs {first['patients']:,} patients ({factor:g}x the people): "
            f"{steps}; end to end {total / total_first:.2f}x"
        )


def read_history(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


COMPARED = ("generate_s", "land_s", "build_s", "build_peak_mib", "incremental_ratio", "staging_over_floor")


def print_comparison(previous: list[dict[str, object]], results: list[dict[str, object]]) -> None:
    """Each figure against the last earlier run of the same size (another machine's seconds say little:
    the core count is printed with it)."""
    for figures in results:
        before = [p for p in previous if p.get("patients") == figures["patients"]]
        if not before:
            print(f"{figures['patients']:,} patients: no earlier run in the history")
            continue
        last = before[-1]
        changes = [
            f"{key} {last[key]:.2f} -> {figures[key]:.2f}"
            for key in COMPARED
            if key in last
            and isinstance(last[key], int | float)
            and isinstance(figures.get(key), int | float)
        ]
        print(
            f"{figures['patients']:,} patients vs {last.get('commit')} ({last.get('cores')} cores): "
            + "; ".join(changes)
        )


def draw_history(history: list[dict[str, object]], out: Path) -> Path:
    """A small PNG: for the latest run of each size, build seconds and peak GiB by size (bars), and the
    incremental ratio (figures under the bars). Pillow only, no plotting library."""
    from PIL import Image, ImageDraw

    latest: dict[int, dict[str, object]] = {}
    for row in history:
        latest[int(row["patients"])] = row  # type: ignore[call-overload]
    sizes = sorted(latest)
    width, height, left, bottom = max(560, 140 + 160 * len(sizes)), 320, 60, 260
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text(
        (10, 8), "make bench: dbt build s (blue), land s (green), build peak GiB x10 (red)", fill="black"
    )
    values = [
        (float(r["build_s"]), float(r["land_s"]), float(r["build_peak_mib"]) / 1024 * 10)  # type: ignore[arg-type]
        for r in (latest[s] for s in sizes)
    ]
    top = max([v for triple in values for v in triple] + [1.0])
    for index, (size, triple) in enumerate(zip(sizes, values, strict=True)):
        x = left + 160 * index
        for offset, (value, colour) in enumerate(zip(triple, ("#3465a4", "#4e9a06", "#cc0000"), strict=True)):
            bar = int((bottom - 40) * value / top)
            draw.rectangle((x + 30 * offset, bottom - bar, x + 30 * offset + 24, bottom), fill=colour)
            draw.text((x + 30 * offset, bottom - bar - 12), f"{value:.0f}", fill="black")
        row = latest[size]
        draw.text((x, bottom + 8), f"{size:,} patients", fill="black")
        draw.text((x, bottom + 22), f"incremental {row['incremental_ratio']}x", fill="black")
        draw.text((x, bottom + 36), f"staging/floor {row.get('staging_over_floor', '-')}x", fill="black")
    draw.line((left - 10, bottom, width - 10, bottom), fill="black")
    image.save(out)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1000,10000,100000"))
    parser.add_argument("--workdir", type=Path, default=ROOT / "data" / "bench")
    parser.add_argument(
        "--reuse",
        choices=("none", "generated", "landing"),
        default="none",
        help="keep an earlier generation (and landing) of the same size; the commits are recorded",
    )
    parser.add_argument(
        "--no-staging-floor",
        action="store_true",
        help="skip the staging-alone run and the floor scans (at 1,000,000 patients: minutes)",
    )
    parser.add_argument(
        "--staging-floor-up-to",
        type=int,
        metavar="PATIENTS",
        help="run the staging-alone run and the floor scans only at sizes up to this one (the ratio is "
        "measured where it costs minutes, not an hour)",
    )
    parser.add_argument(
        "--stop-after",
        choices=("generate", "land"),
        help="prepare the populations up to this step (for a later --reuse) and stop",
    )
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    history = args.workdir / "history.jsonl"
    previous = read_history(history)
    run = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": git_commit(),
        "cores": os.cpu_count(),
    }
    sizes = [int(size) for size in args.sizes.split(",")]
    if args.stop_after is not None:
        for size in sizes:
            prepared = (
                generate(size, args.workdir / f"p{size}" / "prepared", args.reuse != "none")
                if args.stop_after == "generate"
                else prepare(size, args.workdir, args.reuse)[1]
            )
            print(json.dumps({"patients": size, **prepared}), flush=True)
        return 0
    results = []
    for size in sizes:
        print(f"== {size:,} patients", flush=True)
        staging_alone = not args.no_staging_floor and (
            args.staging_floor_up_to is None or size <= args.staging_floor_up_to
        )
        figures = bench_size(size, args.workdir, args.reuse, staging_alone)
        results.append(figures)
        print(json.dumps(figures, indent=2), flush=True)
        # each size as soon as it is measured: a 1M run that is stopped keeps the sizes before it
        with history.open("a") as handle:
            handle.write(json.dumps({**run, **figures}) + "\n")
    print(
        "\n| patients | generate s | land s | land peak MiB | dbt build s | build peak MiB "
        "| incremental / full | staging / scan floor | staging / all-columns scan |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for f in results:
        print(
            f"| {f['patients']:,} | {f['generate_s']:.1f} | {f['land_s']:.1f} | {f['land_peak_mib']:.0f} "
            f"| {f['build_s']:.1f} | {f['build_peak_mib']:.0f} | {f['incremental_ratio']:.2f} "
            f"| {f.get('staging_over_floor', '-')} | {f.get('staging_over_all_columns_scan', '-')} |"
        )
        reads: dict[str, dict[str, float]] = f["masked_reads_duckdb"]  # type: ignore[assignment]
        print(
            "  DuckDB phi_limited / base: "
            + ", ".join(f"{k} {v['tier_over_base']:.2f}x" for k, v in reads.items())
        )
    out = args.workdir / "results.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print_scaling(results)
    print_comparison(previous, results)
    chart = draw_history(read_history(history), args.workdir / "history.png")
    print(f"history: {history}  chart: {chart}")
    print(
        f"\nwritten: {out}  (peak self RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
