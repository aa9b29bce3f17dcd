"""What happens at one encounter: its conditions, observations, procedures, prescriptions and claim lines."""

from __future__ import annotations

import random
from dataclasses import dataclass

from aegis.synth import clock, codes
from aegis.synth.clinical import (
    Billed,
    EncounterRecords,
    chronic_condition_resources,
    condition_resource,
    encounter_resource,
    hba1c,
    medication_request,
    procedure_resource,
    vital_signs,
)
from aegis.synth.codes import BillingCode
from aegis.synth.encounters import EncounterPlan
from aegis.synth.options import DAY, HOUR, LAST_UPDATED_MAX, Resource
from aegis.synth.people import Person

NEW_PROBLEM_KINDS = frozenset({"acute", "emergency", "inpatient", "readmission"})
FLU_SEASON_MONTHS = frozenset({1, 2, 3, 10, 11, 12})
ED_LEVEL_WEIGHTS = (0.05, 0.15, 0.35, 0.30, 0.15)


@dataclass
class PatientHistory:
    """What earlier encounters of the same person already did (first visit, initial wellness visit)."""

    seen: bool = False
    had_initial_wellness: bool = False


def encounter_records(
    rng: random.Random,
    person: Person,
    plan: EncounterPlan,
    history: PatientHistory,
) -> EncounterRecords:
    records = EncounterRecords(plan, encounter_resource(rng, person, plan))
    if not history.seen:
        records.linked.extend(chronic_condition_resources(rng, person, person.chronic, plan))
        records.medications.extend(_chronic_medications(rng, person, plan))
        history.seen = True
    if plan.kind in NEW_PROBLEM_KINDS:
        records.linked.append(_new_problem(rng, person, plan))
    records.linked.extend(vital_signs(rng, person, plan))
    if plan.kind == "diabetes":
        records.linked.append(hba1c(rng, person, plan))
    if plan.encounter_class == "AMB":
        _ambulatory_services(rng, person, plan, history, records)
    elif plan.encounter_class == "EMER":
        _emergency_services(rng, person, plan, records)
    else:
        _inpatient_services(rng, person, plan, records)
    if plan.reason.code in codes.ANTIBIOTIC_REASONS:
        records.medications.append(medication_request(rng, person, plan, codes.AMOXICILLIN, "completed"))
    return records


def _new_problem(rng: random.Random, person: Person, plan: EncounterPlan) -> Resource:
    resolved_at = plan.end + rng.randrange(5 * DAY, 30 * DAY)
    # A problem that would resolve after the feed was cut is still active in it.
    abatement = resolved_at if resolved_at <= LAST_UPDATED_MAX - DAY else None
    return condition_resource(rng, person, plan.reason, plan.start, plan.id, plan.start // DAY, abatement)


def _chronic_medications(rng: random.Random, person: Person, plan: EncounterPlan) -> list[Resource]:
    requests = []
    for diagnosis in person.chronic:
        if diagnosis.condition.medications and rng.random() < 0.85:
            drug = rng.choice(diagnosis.condition.medications)
            requests.append(medication_request(rng, person, plan, drug, "active"))
    return requests


def _perform(
    rng: random.Random,
    person: Person,
    plan: EncounterPlan,
    billing: BillingCode,
    records: EncounterRecords,
    at: int,
    units: int = 1,
) -> None:
    """A service that is both a Procedure and a claim line."""
    records.procedures.append(procedure_resource(rng, person, plan, billing, at))
    records.billed.append(Billed(billing, units, at // DAY))


def _ambulatory_services(
    rng: random.Random,
    person: Person,
    plan: EncounterPlan,
    history: PatientHistory,
    records: EncounterRecords,
) -> None:
    during = plan.start + (plan.end - plan.start) // 2
    if plan.kind == "wellness" and person.age >= 65:
        visit = codes.AWV_SUBSEQUENT if history.had_initial_wellness else codes.AWV_INITIAL
        history.had_initial_wellness = True
        _perform(rng, person, plan, visit, records, plan.start)
    else:
        records.billed.append(Billed(codes.CLINIC_VISIT, 1, plan.start // DAY))
    if plan.kind == "wellness" and person.age >= 12:
        if rng.random() < 0.5:
            _perform(rng, person, plan, codes.DEPRESSION_SCREEN, records, during)
        if person.age >= 18 and rng.random() < 0.2:
            _perform(rng, person, plan, codes.ALCOHOL_SCREEN, records, during)
    if _month(plan.start) in FLU_SEASON_MONTHS and rng.random() < 0.3:
        _perform(rng, person, plan, codes.FLU_VACCINE_ADMIN, records, plan.end - 300)


def _emergency_services(
    rng: random.Random, person: Person, plan: EncounterPlan, records: EncounterRecords
) -> None:
    level = rng.choices(codes.ED_VISITS, ED_LEVEL_WEIGHTS)[0]
    records.billed.append(Billed(level, 1, plan.start // DAY))
    if rng.random() < 0.15:
        records.billed.append(Billed(codes.AMBULANCE, 1, plan.start // DAY))
    for _ in range(rng.randint(0, 2)):
        given = plan.start + rng.randrange(30 * 60, max(31 * 60, plan.end - plan.start), 60)
        _perform(rng, person, plan, rng.choice(codes.HOSPITAL_DRUGS), records, given)


def _inpatient_services(
    rng: random.Random, person: Person, plan: EncounterPlan, records: EncounterRecords
) -> None:
    days = max(1, plan.end // DAY - plan.start // DAY)
    records.billed.append(Billed(codes.ROOM_AND_BOARD, days, plan.start // DAY))
    for _ in range(rng.randint(1, 3)):
        given = plan.start + rng.randrange(HOUR, plan.end - plan.start, 60)
        _perform(rng, person, plan, rng.choice(codes.HOSPITAL_DRUGS), records, given)
    if plan.reason == codes.CHEMOTHERAPY:
        _perform(rng, person, plan, codes.CHEMOTHERAPY_DRUG, records, plan.start + 2 * HOUR)
    elif plan.reason == codes.AFTERCARE:
        _perform(
            rng, person, plan, codes.REHAB_STIMULATION, records, plan.start + 3 * HOUR, rng.randint(1, 3)
        )


def _month(seconds: int) -> int:
    return int(clock.date_text(seconds)[5:7])
