"""Earlier versions of a resource: what the feed said before the update that produced the final version.

The final version is the resource as built (it is what staging must end up with); earlier versions differ
in one field a real feed would change (an address, a status, an end date) and have earlier lastUpdated values.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime
from typing import Any

from aegis.synth import clock
from aegis.synth.options import DAY, HOUR, WINDOW_END, Resource
from aegis.synth.people import earlier_contact

EARLIER_ENCOUNTER_STATUSES = {
    "AMB": ("planned", "arrived"),
    "EMER": ("arrived", "in-progress"),
    "IMP": ("planned", "in-progress"),
}


def _patient(rng: random.Random, final: Resource, step: int) -> Resource:
    earlier = dict(final)
    earlier.pop("deceasedDateTime", None)  # death is recorded by an update
    telecom = final["telecom"]
    street, phone = earlier_contact(rng, telecom[0]["value"])
    earlier["address"] = [{**final["address"][0], "line": [street]}]
    earlier["telecom"] = [{"system": "phone", "value": phone}, *telecom[1:]]
    return earlier


def _coverage(rng: random.Random, final: Resource, step: int) -> Resource:
    period = final["period"]
    if "end" in period:  # the plan was open-ended until the member left it
        earlier_period = {"start": period["start"]}
    else:  # the plan had an end date, later renewed
        end_day = min(clock.day_number(period["start"]) + 180 * step, WINDOW_END // DAY - 1)
        earlier_period = {"start": period["start"], "end": clock.day_text(end_day)}
    return {**final, "period": earlier_period}


def _encounter(rng: random.Random, final: Resource, step: int) -> Resource:
    earlier = {key: value for key, value in final.items() if key != "hospitalization"}
    earlier["status"] = EARLIER_ENCOUNTER_STATUSES[final["class"]["code"]][step - 1]
    earlier["period"] = {"start": final["period"]["start"]}
    return earlier


def _condition(rng: random.Random, final: Resource, step: int) -> Resource:
    if "abatementDateTime" in final:
        earlier = {key: value for key, value in final.items() if key != "abatementDateTime"}
        earlier["clinicalStatus"] = {"coding": [{**final["clinicalStatus"]["coding"][0], "code": "active"}]}
        return earlier
    return {key: value for key, value in final.items() if key != "onsetDateTime"}  # onset added later


def _observation(rng: random.Random, final: Resource, step: int) -> Resource:
    quantity = final["valueQuantity"]
    value = quantity["value"]
    changed = (
        round(value * rng.uniform(0.95, 1.05), 1) if isinstance(value, float) else value + rng.choice((-2, 2))
    )
    return {**final, "status": "preliminary", "valueQuantity": {**quantity, "value": changed}}


def _procedure(rng: random.Random, final: Resource, step: int) -> Resource:
    return {**final, "status": "in-progress"}


def _medication_request(rng: random.Random, final: Resource, step: int) -> Resource:
    return {**final, "status": "draft" if final["status"] == "active" else "active"}


EarlierVersion = Callable[[random.Random, Resource, int], Resource]
EARLIER_VERSION: dict[str, EarlierVersion] = {
    "Patient": _patient,
    "Coverage": _coverage,
    "Encounter": _encounter,
    "Condition": _condition,
    "Observation": _observation,
    "Procedure": _procedure,
    "MedicationRequest": _medication_request,
}


def can_update(resource: Resource) -> bool:
    return resource["resourceType"] in EARLIER_VERSION


def _epoch(instant: str) -> int:
    return int(datetime.fromisoformat(instant).timestamp())


def with_versions(rng: random.Random, final: Resource, count: int) -> list[Resource]:
    """`count` versions, oldest first; the last is `final` with versionId `count`."""
    derive = EARLIER_VERSION[final["resourceType"]]
    versions: list[Resource] = []
    updated_at = _epoch(final["meta"]["lastUpdated"])
    for step in range(count - 1, 0, -1):
        updated_at -= rng.randrange(HOUR, 10 * DAY, 60)
        earlier = derive(rng, final, step)
        earlier["meta"] = _meta(step, updated_at)
        versions.append(earlier)
    versions.reverse()
    versions.append({**final, "meta": {**final["meta"], "versionId": str(count)}})
    return versions


def _meta(version: int, updated_at: int) -> dict[str, Any]:
    return {"versionId": str(version), "lastUpdated": clock.instant(updated_at)}
