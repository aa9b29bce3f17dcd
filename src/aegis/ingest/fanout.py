"""Landing many inputs on every core: `aegis ingest land <folder>` for a Synthea output or a Bulk Data export.

A large NDJSON file already uses every core on its own (aegis.ingest.loader: the main process reads,
worker processes judge). Small inputs do not: a Synthea run writes one Bundle document per patient, a
Bulk Data export one NDJSON file per resource type, and judging them one after the other uses one core.
So inputs are split in two:

- small ones (under `loader.PARALLEL_MIN_BYTES`) and documents are landed whole by a pool of processes,
  one input per task;
- large NDJSON files are then landed one at a time, each with its own workers (two pools at once would
  only oversubscribe the cores).

What lands does not depend on the split: an event id is derived from the input's path and line, every
input gets its own report and load manifest (`land_events`), and the reports come back in input order.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
from dataclasses import dataclass, field
from pathlib import Path

from aegis.ingest import loader
from aegis.ingest.landing import ReadableStore, Store
from aegis.ingest.loader import AlreadyLandedError, LoadReport, land_events
from aegis.ingest.reading import Reader


@dataclass(frozen=True)
class Landed:
    """One input's outcome: its report, and whether it was refused as already landed (then the report
    is the earlier load's)."""

    path: Path
    report: LoadReport
    already_landed: bool = False
    process_id: int = field(default_factory=os.getpid)  # which process landed it: the fan-out is testable


def split_inputs(files: list[Path]) -> tuple[list[Path], list[Path]]:
    """(pooled, one at a time): small inputs and documents go to the pool, large NDJSON files alone."""
    pooled: list[Path] = []
    alone: list[Path] = []
    for path in files:
        small = Reader(path).is_document or path.stat().st_size < loader.PARALLEL_MIN_BYTES
        (pooled if small else alone).append(path)
    return pooled, alone


def _land_one(task: tuple[Path, bytes, bool]) -> Landed:
    path, stores, force = task
    landing, quarantine = pickle.loads(stores)
    return _land(path, landing, quarantine, force=force, workers=1)


def _land(
    path: Path,
    landing: ReadableStore,
    quarantine: Store,
    *,
    force: bool,
    workers: int | None,
    progress: bool | None = False,
) -> Landed:
    try:
        report = land_events(path, landing, quarantine, force=force, progress=progress, workers=workers)
        return Landed(path, report)
    except AlreadyLandedError as refused:
        return Landed(path, refused.previous, already_landed=True)


def _can_travel(stores: tuple[ReadableStore, Store]) -> bool:
    try:
        pickle.dumps(stores)
    except (pickle.PicklingError, TypeError, AttributeError):
        return False  # an S3 client does not go to another process: land in this one
    return True


def land_inputs(
    files: list[Path],
    landing: ReadableStore,
    quarantine: Store,
    *,
    force: bool = False,
    workers: int | None = None,
    progress: bool | None = None,
) -> list[Landed]:
    """Land every input; the outcomes in input order. `workers` defaults to the core count."""
    wanted = workers if workers is not None else (os.cpu_count() or 1)
    pooled, alone = split_inputs(files)
    outcomes: dict[Path, Landed] = {}
    if wanted > 1 and len(pooled) > 1 and _can_travel((landing, quarantine)):
        outcomes.update(_land_pooled(pooled, landing, quarantine, force, min(wanted, len(pooled)), progress))
    else:
        alone = files
    # After the pool has closed: a large file shows its own progress bar, and rich shows one at a time.
    for path in alone:
        outcomes[path] = _land(path, landing, quarantine, force=force, workers=workers, progress=progress)
    return [outcomes[path] for path in files]


def _land_pooled(
    files: list[Path],
    landing: ReadableStore,
    quarantine: Store,
    force: bool,
    processes: int,
    progress: bool | None,
) -> dict[Path, Landed]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    stores = pickle.dumps((landing, quarantine))
    outcomes: dict[Path, Landed] = {}
    with (
        Progress(
            TextColumn(f"landing inputs on {processes} processes"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            disable=not (sys.stderr.isatty() if progress is None else progress),
            transient=True,
        ) as bar,
        multiprocessing.get_context("spawn").Pool(processes) as pool,
    ):
        task = bar.add_task("inputs", total=len(files))
        for outcome in pool.imap_unordered(_land_one, [(p, stores, force) for p in files], chunksize=4):
            outcomes[outcome.path] = outcome
            bar.advance(task)
    return outcomes
