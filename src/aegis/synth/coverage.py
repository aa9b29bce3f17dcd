"""A person's health plans: one Coverage, or two back to back (a plan change, or Medicare at 65)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from aegis.synth import clock
from aegis.synth.ids import new_id
from aegis.synth.options import DAY, WINDOW_END, WINDOW_START, Resource
from aegis.synth.people import Person

PAYERS = {
    "COMM": ("Aegis Health Plan PPO", "Blue Meadow HMO", "Summit Mutual Choice"),
    "MCARE": ("Medicare Part A and B",),
    "MCAID": ("State Medicaid",),
    "SELF": ("Self-pay",),
}


@dataclass(frozen=True)
class CoverageSpan:
    id: str
    plan_type: str
    payer: str
    subscriber_id: str
    start_day: int
    end_day: int | None

    def covers(self, day: int) -> bool:
        return self.start_day <= day and (self.end_day is None or day <= self.end_day)


def _plan_type(rng: random.Random, age: int) -> str:
    if age >= 65:
        return "MCARE"
    draw = rng.random()
    return "COMM" if draw < 0.62 else "MCAID" if draw < 0.88 else "SELF"


def _span(rng: random.Random, plan_type: str, start_day: int, end_day: int | None) -> CoverageSpan:
    prefix = {"COMM": "AHP", "MCARE": "MBI", "MCAID": "MCD", "SELF": "SP"}[plan_type]
    return CoverageSpan(
        new_id(rng),
        plan_type,
        rng.choice(PAYERS[plan_type]),
        f"{prefix}{rng.randrange(10**9):09d}",
        start_day,
        end_day,
    )


def make_coverages(rng: random.Random, person: Person) -> list[CoverageSpan]:
    """One or two back-to-back periods covering the whole window: turning 65 moves a person to Medicare."""
    window_start_day, window_end_day = WINDOW_START // DAY, WINDOW_END // DAY - 1
    first_start = window_start_day - rng.randrange(1, 8 * 365)
    sixty_fifth = clock.day_of(clock.year_of(person.birth_day) + 65, 1, 1) + (
        person.birth_day - clock.day_of(clock.year_of(person.birth_day), 1, 1)
    )
    if window_start_day < sixty_fifth <= window_end_day:
        switch_day = sixty_fifth
        first_plan, second_plan = _plan_type(rng, 64), "MCARE"
    elif rng.random() < 0.15 and person.birth_day < window_start_day:
        switch_day = rng.randrange(window_start_day + 30, window_end_day - 30)
        first_plan, second_plan = _plan_type(rng, person.age), _plan_type(rng, person.age)
    else:
        return [_span(rng, _plan_type(rng, person.age), max(first_start, person.birth_day), None)]
    first = _span(rng, first_plan, max(first_start, person.birth_day), switch_day - 1)
    return [first, _span(rng, second_plan, switch_day, None)]


def coverage_resource(person: Person, span: CoverageSpan, last_updated: int) -> Resource:
    period = {"start": clock.day_text(span.start_day)}
    if span.end_day is not None:
        period["end"] = clock.day_text(span.end_day)
    return {
        "resourceType": "Coverage",
        "id": span.id,
        "meta": {"versionId": "1", "lastUpdated": clock.instant(last_updated)},
        "status": "active",
        "beneficiary": {"reference": f"Patient/{person.id}"},
        "subscriberId": span.subscriber_id,
        "payor": [{"display": span.payer}],
        "type": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                    "code": span.plan_type,
                }
            ]
        },
        "period": period,
    }
