"""`generate`: the synthetic population, streamed patient by patient into events.ndjson.gz + expected.json.

Each patient draws from its own `random.Random` seeded with (seed, patient index), so a patient's records do not
depend on how many patients came before, and nothing about the population is kept in memory.
"""

from __future__ import annotations

import itertools
import random
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson

from aegis.synth import codes
from aegis.synth.care import PatientHistory, encounter_records
from aegis.synth.claims import claim_and_eob
from aegis.synth.clinical import chronic_condition_resources
from aegis.synth.coverage import CoverageSpan, coverage_resource, make_coverages
from aegis.synth.emitter import PatientEmitter
from aegis.synth.encounters import EncounterPlan, plan_encounters
from aegis.synth.options import DAY, HOUR, LAST_UPDATED_MAX, WINDOW_START, SynthOptions, SynthSummary
from aegis.synth.people import RESTRICTED_PLACES, Person, make_person, patient_resource
from aegis.synth.tally import Tally
from aegis.synth.writer import EventWriter

EVENTS_FILE = "events.ndjson.gz"
EXPECTED_FILE = "expected.json"
READMISSION_WINDOW_DAYS = 30
PROGRESS_EVERY = 100


def patient_rng(seed: int, index: int) -> random.Random:
    # A str seed is hashed with SHA-512 by random.seed (not hash()), so it is stable across processes.
    return random.Random(f"aegis-synth/{seed}/{index}")


def synthesize_patient(index: int, options: SynthOptions, tally: Tally) -> list[bytes]:
    """All records of one patient, in delivery order."""
    rng = patient_rng(options.seed, index)
    person = make_person(rng, index)
    plans = plan_encounters(rng, person)
    coverages = make_coverages(rng, person)
    emitter = PatientEmitter(
        rng, options, tally, random.Random(f"aegis-synth-variety/{options.seed}/{index}")
    )
    emitter.single(patient_resource(person, _patient_last_updated(rng, person)))
    for span in coverages:
        last_day = span.end_day if span.end_day is not None else span.start_day
        emitter.single(
            coverage_resource(
                person, span, min(last_day * DAY + rng.randrange(HOUR, 5 * DAY), LAST_UPDATED_MAX)
            )
        )
    if not plans:
        for condition in chronic_condition_resources(rng, person, person.chronic, None):
            emitter.single(condition)
    history = PatientHistory()
    for plan in plans:
        records = encounter_records(rng, person, plan, history)
        if rng.random() < options.bundle_rate:
            emitter.bundle([records.encounter, *records.linked])
        else:
            for resource in (records.encounter, *records.linked):
                emitter.single(resource)
        claim, eob = claim_and_eob(rng, person, plan, _covering(coverages, plan), records.billed)
        for resource in (*records.procedures, *records.medications, claim, eob):
            emitter.single(resource)
    _count_cohorts(tally, person, plans)
    return emitter.drain()


def _patient_last_updated(rng: random.Random, person: Person) -> int:
    if person.deceased_at is not None:
        return min(person.deceased_at + rng.randrange(HOUR, 3 * DAY), LAST_UPDATED_MAX)
    registered = WINDOW_START - rng.randrange(DAY, 400 * DAY)
    return max(registered, (person.birth_day + 2) * DAY)


def _covering(coverages: list[CoverageSpan], plan: EncounterPlan) -> CoverageSpan:
    day = plan.start // DAY
    return next((span for span in coverages if span.covers(day)), coverages[-1])


def _count_cohorts(tally: Tally, person: Person, plans: list[EncounterPlan]) -> None:
    cohorts = tally.cohorts
    cohorts["patients"] += 1
    cohorts["patients_over_89"] += person.age >= 90
    cohorts["deceased_patients"] += person.deceased_at is not None
    cohorts["restricted_zip3_patients"] += person.place in RESTRICTED_PLACES
    cohorts["patients_with_part2_condition"] += any(d.condition.part2 for d in person.chronic)
    for diagnosis in person.chronic:
        cohorts[f"patients_with_{diagnosis.condition.key}"] += 1
    for plan in plans:
        cohorts[f"encounters_{plan.encounter_class.lower()}"] += 1
        cohorts["hba1c_observations"] += plan.kind == "diabetes"
    stays = [plan for plan in plans if plan.encounter_class == "IMP"]
    cohorts["inpatient_stays"] += len(stays)
    for previous, stay in itertools.pairwise(stays):
        if stay.start // DAY - previous.end // DAY <= READMISSION_WINDOW_DAYS:
            cohorts["readmissions_within_30d"] += 1
            cohorts["planned_readmissions_within_30d"] += stay.reason in codes.PLANNED_READMISSION_REASONS


@contextmanager
def _progress_bar(enabled: bool, total: int) -> Iterator[Callable[[int], None]]:
    """A rich progress bar on stderr when it is a terminal; a no-op otherwise (CI logs stay clean)."""
    if not (enabled and sys.stderr.isatty()):
        yield lambda _done: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("synth"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task("patients", total=total)
        yield lambda done: progress.update(task, completed=done)


def generate(options: SynthOptions, out_dir: Path, progress: bool = True) -> SynthSummary:
    """Write `<out_dir>/events.ndjson.gz` and `<out_dir>/expected.json`; same options, same bytes."""
    started = time.monotonic()
    out_dir.mkdir(parents=True, exist_ok=True)
    tally = Tally()
    events_path, expected_path = out_dir / EVENTS_FILE, out_dir / EXPECTED_FILE
    with EventWriter(events_path) as writer, _progress_bar(progress, options.patients) as advance:
        for index in range(options.patients):
            writer.write(synthesize_patient(index, options, tally))
            if (index + 1) % PROGRESS_EVERY == 0:
                advance(index + 1)
        advance(options.patients)
    expected_path.write_bytes(orjson.dumps(tally.expected(options), option=orjson.OPT_INDENT_2) + b"\n")
    return SynthSummary(
        events_path=events_path,
        expected_path=expected_path,
        patients=options.patients,
        records=tally.records,
        items=tally.items,
        expected_landed_items=tally.landed_items,
        expected_quarantined_items=tally.quarantined_items,
        seconds=time.monotonic() - started,
    )
