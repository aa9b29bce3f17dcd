"""The shapes real senders use, applied to the generator's resources so that it stops agreeing with itself.

Each transformation keeps the resource conformant R4 and its meaning (what staging must read from it is
the same), and only its shape changes:

| share | what | real senders that do it |
|---|---|---|
| all mapped | a SNOMED CT coding beside the ICD-10-CM one, in either order | EHR problem lists, Synthea (SNOMED only) |
| 25 % | `effectivePeriod` / `performedPeriod` instead of the dateTime choice | US Core examples, Synthea procedures |
| 25 % | `medicationReference` to a contained Medication | US Core `medicationrequest-contained-*` |
| all | the US Core race, ethnicity and birth-sex extensions; identifiers of several systems in any order | US Core, Synthea |
| 10 % | an absolute subject reference (`https://fhir.aegis.example/r4/Patient/<id>`) | servers that export full URLs |
| 10 % of single-version resources | no `meta` at all | Bulk Data exports, Synthea |

Choices come from their own random stream, so the population, versions and defects stay those of the seed.
"""

from __future__ import annotations

import random
from typing import Any

from aegis.synth import codes
from aegis.synth.options import Resource

SNOMED = "http://snomed.info/sct"
OMB_RACE_ETHNICITY = "urn:oid:2.16.840.1.113883.6.238"
US_CORE = "http://hl7.org/fhir/us/core/StructureDefinition/"
ABSOLUTE_BASE = "https://fhir.aegis.example/r4/"
DRIVERS_LICENSE_SYSTEM = "urn:oid:2.16.840.1.113883.4.3.25"
PERIOD_SHARE = 0.25
CONTAINED_MEDICATION_SHARE = 0.25
ABSOLUTE_REFERENCE_SHARE = 0.10
NO_META_SHARE = 0.10

# ICD-10-CM prefix -> the SNOMED CT concept a problem list would carry for it (public concept ids).
SNOMED_FOR_ICD10CM: tuple[tuple[str, str, str], ...] = (
    ("E11", "44054006", "Diabetes mellitus type 2"),
    ("I10", "38341003", "Hypertensive disorder"),
    ("E78", "55822004", "Hyperlipidemia"),
    ("N18", "709044004", "Chronic kidney disease"),
    ("I50", "84114007", "Heart failure"),
    ("J44", "13645005", "Chronic obstructive lung disease"),
    ("F32", "35489007", "Depressive disorder"),
    ("F10", "66590003", "Alcohol dependence"),
    ("F11", "75544000", "Opioid dependence"),
)
RACES = (("2106-3", "White"), ("2054-5", "Black or African American"), ("2028-9", "Asian"))
ETHNICITIES = (("2186-5", "Not Hispanic or Latino"), ("2135-2", "Hispanic or Latino"))


def _omb(url: str, code: str, display: str) -> dict[str, Any]:
    return {
        "url": US_CORE + url,
        "extension": [
            {
                "url": "ombCategory",
                "valueCoding": {"system": OMB_RACE_ETHNICITY, "code": code, "display": display},
            },
            {"url": "text", "valueString": display},
        ],
    }


def _patient(rng: random.Random, resource: Resource) -> None:
    race, ethnicity = rng.choice(RACES), rng.choice(ETHNICITIES)
    birth_sex = {"male": "M", "female": "F"}.get(str(resource.get("gender")), "UNK")
    resource["extension"] = [
        _omb("us-core-race", *race),
        _omb("us-core-ethnicity", *ethnicity),
        {"url": US_CORE + "us-core-birthsex", "valueCode": birth_sex},
    ]
    identifiers = [
        *resource.get("identifier", []),
        {"system": DRIVERS_LICENSE_SYSTEM, "value": f"S{rng.randrange(10**8):08d}"},
    ]
    rng.shuffle(identifiers)
    resource["identifier"] = identifiers


def _condition(rng: random.Random, resource: Resource) -> None:
    codings = resource["code"]["coding"]
    icd = codings[0]["code"]
    for prefix, snomed, display in SNOMED_FOR_ICD10CM:
        if icd.startswith(prefix):
            extra = codes.coding(SNOMED, snomed, display)
            resource["code"]["coding"] = [extra, *codings] if rng.random() < 0.5 else [*codings, extra]
            return


def _to_period(resource: Resource, choice: str) -> None:
    moment = resource.pop(f"{choice}DateTime")
    resource[f"{choice}Period"] = {"start": moment, "end": moment}


def _medication_request(rng: random.Random, resource: Resource) -> None:
    if rng.random() >= CONTAINED_MEDICATION_SHARE:
        return
    concept = resource.pop("medicationCodeableConcept")
    resource["contained"] = [{"resourceType": "Medication", "id": "med", "code": concept}]
    resource["medicationReference"] = {"reference": "#med"}


def vary(rng: random.Random, resource: Resource) -> Resource:
    """The same resource as another sender would shape it (a copy; the original is left alone)."""
    varied: Resource = {key: value for key, value in resource.items()}
    kind = varied["resourceType"]
    if kind == "Patient":
        _patient(rng, varied)
    elif kind == "Condition":
        varied["code"] = {"coding": list(varied["code"]["coding"])}
        _condition(rng, varied)
    elif kind == "Observation" and "effectiveDateTime" in varied and rng.random() < PERIOD_SHARE:
        _to_period(varied, "effective")
    elif kind == "Procedure" and "performedDateTime" in varied and rng.random() < PERIOD_SHARE:
        _to_period(varied, "performed")
    elif kind == "MedicationRequest":
        _medication_request(rng, varied)
    subject = varied.get("subject")
    if isinstance(subject, dict) and rng.random() < ABSOLUTE_REFERENCE_SHARE:
        varied["subject"] = {"reference": ABSOLUTE_BASE + subject["reference"]}
    return varied


def without_meta(rng: random.Random, resource: Resource) -> Resource:
    """Sometimes the resource as a Bulk Data export sends it: no meta (only for a single version)."""
    if rng.random() >= NO_META_SHARE:
        return resource
    return {key: value for key, value in resource.items() if key != "meta"}
