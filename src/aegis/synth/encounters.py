"""When a person is seen: the encounter plan (class, period, reason, disposition) and the person's death.

Ambulatory visits are most of them, then emergency visits; a share of people have an inpatient stay, and a share
of stays is followed by a readmission within 30 days (unplanned, or planned for chemotherapy / aftercare).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from aegis.synth import codes
from aegis.synth.codes import Code
from aegis.synth.ids import new_id
from aegis.synth.options import DAY, HOUR, WINDOW_END, WINDOW_START
from aegis.synth.people import Person

LATEST_START = WINDOW_END - 12 * DAY  # leaves room for the longest stay inside the window
READMISSION_SHARE = 0.18
PLANNED_READMISSION_SHARE = 0.08
DISCHARGE_DISPOSITIONS = (("01", 0.80), ("06", 0.88), ("03", 0.94), ("02", 0.97), ("07", 1.0))


@dataclass
class EncounterPlan:
    id: str
    encounter_class: str  # AMB, EMER, IMP
    kind: str  # wellness, chronic, acute, diabetes, emergency, inpatient, readmission, planned
    start: int
    end: int
    reason: Code
    facility_npi: str
    practitioner_npi: str
    discharge_disposition: str | None = None


def _day_start(rng: random.Random, earliest: int) -> int:
    return rng.randrange(earliest, LATEST_START) // DAY * DAY


def _ambulatory(rng: random.Random, day: int, kind: str, reason: Code) -> EncounterPlan:
    start = day + rng.randrange(8 * HOUR, 17 * HOUR, 300)
    return EncounterPlan(
        new_id(rng),
        "AMB",
        kind,
        start,
        start + rng.randrange(15, 61) * 60,
        reason,
        rng.choice(codes.FACILITY_NPIS),
        rng.choice(codes.PRACTITIONER_NPIS),
    )


def _emergency(rng: random.Random, day: int) -> EncounterPlan:
    start = day + rng.randrange(0, DAY, 60)
    return EncounterPlan(
        new_id(rng),
        "EMER",
        "emergency",
        start,
        start + rng.randrange(2 * HOUR, 9 * HOUR, 60),
        rng.choice(codes.EMERGENCY_REASONS),
        rng.choice(codes.FACILITY_NPIS),
        rng.choice(codes.PRACTITIONER_NPIS),
    )


def _inpatient(rng: random.Random, start: int, kind: str, reason: Code) -> EncounterPlan:
    stay_days = rng.randint(1, 3) if kind == "planned" else rng.randint(1, 9)
    end = (start // DAY + stay_days) * DAY + rng.randrange(10 * HOUR, 16 * HOUR, 300)
    disposition = "01" if kind == "planned" else _pick(rng, DISCHARGE_DISPOSITIONS)
    return EncounterPlan(
        new_id(rng),
        "IMP",
        kind,
        start,
        end,
        reason,
        rng.choice(codes.FACILITY_NPIS),
        rng.choice(codes.PRACTITIONER_NPIS),
        disposition,
    )


def _pick(rng: random.Random, table: tuple[tuple[str, float], ...]) -> str:
    draw = rng.random()
    return next((value for value, upper in table if draw < upper), table[-1][0])


def _admission_reason(rng: random.Random, person: Person) -> Code:
    exacerbations = [
        codes.EXACERBATIONS[d.condition.key] for d in person.chronic if d.condition.key in codes.EXACERBATIONS
    ]
    if exacerbations and rng.random() < 0.5:
        return rng.choice(exacerbations)
    return rng.choice(codes.INPATIENT_REASONS)


def _ambulatory_visits(rng: random.Random, person: Person, earliest: int) -> list[EncounterPlan]:
    visits = []
    adult = person.age >= 18
    wellness = codes.WELLNESS_ADULT if adult else codes.WELLNESS_CHILD
    for year_start in (WINDOW_START, WINDOW_START + 366 * DAY):
        if rng.random() < (0.6 if person.age >= 65 else 0.45):
            day = rng.randrange(max(year_start, earliest), max(year_start, earliest) + 300 * DAY) // DAY * DAY
            visits.append(_ambulatory(rng, min(day, LATEST_START), "wellness", wellness))
        for diagnosis in person.diagnoses(codes.DIABETES_KEY):  # 1-3 HbA1c tests a year
            for _ in range(rng.randint(1, 3)):
                day = (
                    rng.randrange(max(year_start, earliest), max(year_start, earliest) + 340 * DAY)
                    // DAY
                    * DAY
                )
                visits.append(_ambulatory(rng, min(day, LATEST_START), "diabetes", diagnosis.code))
    followups = rng.randint(1, 3) + (1 if person.age >= 65 else 0) + len(person.chronic) // 2
    for _ in range(followups):
        if person.chronic and rng.random() < 0.5:
            visits.append(
                _ambulatory(rng, _day_start(rng, earliest), "chronic", rng.choice(person.chronic).code)
            )
        else:
            visits.append(
                _ambulatory(rng, _day_start(rng, earliest), "acute", rng.choice(codes.AMBULATORY_ACUTE))
            )
    return visits


def _hospital_visits(rng: random.Random, person: Person, earliest: int) -> list[EncounterPlan]:
    visits = []
    load = len(person.chronic)
    if rng.random() < 0.10 + 0.04 * load:
        visits.append(_emergency(rng, _day_start(rng, earliest)))
        if rng.random() < 0.2:
            visits.append(_emergency(rng, _day_start(rng, earliest)))
    if rng.random() < 0.05 + 0.025 * load + (0.04 if person.age >= 65 else 0.0):
        stay = _inpatient(
            rng,
            _day_start(rng, earliest) + rng.randrange(0, DAY, 60),
            "inpatient",
            _admission_reason(rng, person),
        )
        visits.append(stay)
        visits.extend(_readmissions(rng, person, stay))
    return visits


def _readmissions(rng: random.Random, person: Person, stay: EncounterPlan) -> list[EncounterPlan]:
    draw = rng.random()
    if draw >= READMISSION_SHARE + PLANNED_READMISSION_SHARE:
        return []
    start = stay.end // DAY * DAY + rng.randint(2, 28) * DAY + rng.randrange(6 * HOUR, 20 * HOUR, 60)
    if start >= LATEST_START:
        return []
    if draw < READMISSION_SHARE:
        return [_inpatient(rng, start, "readmission", _admission_reason(rng, person))]
    return [_inpatient(rng, start, "planned", rng.choice(codes.PLANNED_READMISSION_REASONS))]


def plan_encounters(rng: random.Random, person: Person) -> list[EncounterPlan]:
    """The person's encounters in time order; also decides whether and when the person dies."""
    earliest = max(WINDOW_START, (person.birth_day + 1) * DAY)
    if earliest >= LATEST_START:  # born in the window's last days: not seen yet
        return []
    plans = _ambulatory_visits(rng, person, earliest) + _hospital_visits(rng, person, earliest)
    plans.sort(key=lambda plan: plan.start)
    death_chance = 0.004 if person.age < 65 else 0.03 if person.age < 90 else 0.12
    if rng.random() < death_chance + 0.01 * len(person.chronic):
        plans = _die(rng, person, plans, earliest)
    return plans


def _die(
    rng: random.Random, person: Person, plans: list[EncounterPlan], earliest: int
) -> list[EncounterPlan]:
    """Death ends a stay (disposition 20, expired) or comes some time after the last visit."""
    inpatient = [i for i, plan in enumerate(plans) if plan.encounter_class == "IMP"]
    if inpatient and rng.random() < 0.5:
        final_stay = plans[inpatient[-1]]
        final_stay.discharge_disposition = "20"
        person.deceased_at = final_stay.end
        return [plan for plan in plans if plan.end <= final_stay.end]
    cut = rng.randrange(len(plans) + 1) if plans else 0
    kept = plans[:cut]
    after = max((plan.end for plan in kept), default=earliest)
    person.deceased_at = min(after + rng.randrange(DAY, 90 * DAY, 60), WINDOW_END - HOUR)
    return kept
