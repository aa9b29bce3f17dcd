"""Claim and ExplanationOfBenefit for one encounter.

Institutional claims (EMER, IMP) carry NUBC revenue codes; professional claims (AMB) HCPCS Level II only.
Amounts are computed in integer cents so that billed >= allowed >= paid >= 0 holds exactly after rounding.
"""

from __future__ import annotations

import random
from typing import Any

from aegis.synth import clock, codes
from aegis.synth.clinical import Billed, meta, npi_identifier, reference
from aegis.synth.coverage import CoverageSpan
from aegis.synth.encounters import EncounterPlan
from aegis.synth.ids import new_id
from aegis.synth.options import DAY, LAST_UPDATED_MAX, Resource
from aegis.synth.people import Person

CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type"
ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication"
PROCESS_PRIORITY = "http://terminology.hl7.org/CodeSystem/processpriority"
# Share of the billed amount a payer allows, and share of the allowed amount it pays, by plan type.
ALLOWED_SHARE = {"COMM": (0.45, 0.80), "MCARE": (0.30, 0.50), "MCAID": (0.25, 0.45), "SELF": (0.50, 0.90)}
PAID_SHARE = {"COMM": (0.70, 1.00), "MCARE": (0.80, 0.80), "MCAID": (0.95, 1.00), "SELF": (0.0, 0.0)}
DENIED_LINE_SHARE = 0.03


def _money(cents: int) -> dict[str, Any]:
    return {"value": cents / 100, "currency": "USD"}


def _line_amounts(rng: random.Random, line: Billed, plan_type: str) -> tuple[int, int, int]:
    billed = round(line.code.charge_cents * line.units * rng.uniform(0.85, 1.25))
    if rng.random() < DENIED_LINE_SHARE:
        return billed, 0, 0
    allowed = int(billed * rng.uniform(*ALLOWED_SHARE[plan_type]))
    paid = int(allowed * rng.uniform(*PAID_SHARE[plan_type]))
    return billed, allowed, paid


def _item_head(sequence: int, line: Billed, institutional: bool) -> dict[str, Any]:
    item: dict[str, Any] = {"sequence": sequence}
    if institutional:
        item["revenue"] = {
            "coding": [
                codes.coding(
                    codes.REVENUE, line.code.revenue_code, codes.REVENUE_DISPLAYS[line.code.revenue_code]
                )
            ]
        }
    item["productOrService"] = {"coding": [codes.coding(codes.HCPCS, line.code.hcpcs, line.code.display)]}
    item["servicedDate"] = clock.day_text(line.day)
    if line.units > 1:
        item["quantity"] = {"value": line.units}
    return item


def _header(
    kind: str,
    resource_id: str,
    last_updated: int,
    person: Person,
    plan: EncounterPlan,
    coverage: CoverageSpan,
    created: int,
) -> Resource:
    institutional = plan.encounter_class != "AMB"
    return {
        "resourceType": kind,
        "id": resource_id,
        "meta": meta(last_updated),
        "status": "active",
        "type": {"coding": [codes.coding(CLAIM_TYPE, "institutional" if institutional else "professional")]},
        "use": "claim",
        "patient": reference("Patient", person.id),
        "billablePeriod": {"start": clock.date_text(plan.start), "end": clock.date_text(plan.end)},
        "created": clock.instant(created),
        "provider": npi_identifier(plan.facility_npi if institutional else plan.practitioner_npi),
        "insurance": [{"sequence": 1, "focal": True, "coverage": reference("Coverage", coverage.id)}],
        "diagnosis": [
            {
                "sequence": 1,
                "diagnosisCodeableConcept": {
                    "coding": [codes.coding(codes.ICD10CM, plan.reason.code, plan.reason.display)]
                },
            }
        ],
    }


def claim_and_eob(
    rng: random.Random,
    person: Person,
    plan: EncounterPlan,
    coverage: CoverageSpan,
    lines: list[Billed],
) -> tuple[Resource, Resource]:
    institutional = plan.encounter_class != "AMB"
    submitted = min(plan.end + rng.randrange(DAY, 10 * DAY, 60), LAST_UPDATED_MAX)
    adjudicated = min(submitted + rng.randrange(3 * DAY, 30 * DAY, 60), LAST_UPDATED_MAX)
    claim = _header("Claim", new_id(rng), submitted, person, plan, coverage, submitted)
    eob = _header("ExplanationOfBenefit", new_id(rng), adjudicated, person, plan, coverage, adjudicated)
    # R4 requires Claim.priority and ExplanationOfBenefit.insurer; an EOB's insurance has no sequence.
    claim["priority"] = {"coding": [codes.coding(PROCESS_PRIORITY, "normal")]}
    eob["insurer"] = {"display": coverage.payer}
    del eob["insurance"][0]["sequence"]
    eob["claim"] = reference("Claim", claim["id"])
    eob["outcome"] = "complete"
    claim_items, eob_items = [], []
    for sequence, line in enumerate(lines, 1):
        billed, allowed, paid = _line_amounts(rng, line, coverage.plan_type)
        claim_item = _item_head(sequence, line, institutional)
        claim_item["net"] = _money(billed)
        claim_items.append(claim_item)
        eob_item = _item_head(sequence, line, institutional)
        eob_item["adjudication"] = [
            {"category": {"coding": [codes.coding(ADJUDICATION, category)]}, "amount": _money(cents)}
            for category, cents in (("submitted", billed), ("eligible", allowed), ("benefit", paid))
        ]
        eob_items.append(eob_item)
    claim["item"] = claim_items
    eob["item"] = eob_items
    return claim, eob
