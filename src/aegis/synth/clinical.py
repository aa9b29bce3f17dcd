"""The clinical resources of one encounter: Encounter, Condition, Observation, Procedure, MedicationRequest.

Each builder returns plain FHIR JSON (dicts) in the element order of docs/fhir-conformance.md, with meta version 1.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from aegis.synth import clock, codes
from aegis.synth.codes import BillingCode, Code
from aegis.synth.encounters import EncounterPlan
from aegis.synth.ids import new_id
from aegis.synth.options import DAY, HOUR, LAST_UPDATED_MAX, Resource
from aegis.synth.people import Diagnosis, Person

UCUM = "http://unitsofmeasure.org"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
DISCHARGE_DISPOSITION = "https://www.nubc.org/CodeSystem/PatientDischargeStatus"
ENCOUNTER_CLASS = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
CLASS_DISPLAY = {"AMB": "ambulatory", "EMER": "emergency", "IMP": "inpatient encounter"}


def meta(last_updated: int) -> dict[str, str]:
    """Version 1 metadata; never later than the feed's cut-off day."""
    return {"versionId": "1", "lastUpdated": clock.instant(min(last_updated, LAST_UPDATED_MAX))}


def reference(kind: str, resource_id: str) -> dict[str, str]:
    return {"reference": f"{kind}/{resource_id}"}


def npi_identifier(npi: str) -> dict[str, dict[str, str]]:
    return {"identifier": {"system": codes.NPI, "value": npi}}


@dataclass
class Billed:
    """A claim line to be: what was done, how many units, on which day."""

    code: BillingCode
    units: int
    day: int


@dataclass
class EncounterRecords:
    """One encounter's resources. `linked` reference the encounter and may travel with it in a Bundle."""

    plan: EncounterPlan
    encounter: Resource
    linked: list[Resource] = field(default_factory=list)
    procedures: list[Resource] = field(default_factory=list)
    medications: list[Resource] = field(default_factory=list)
    billed: list[Billed] = field(default_factory=list)


def encounter_resource(rng: random.Random, person: Person, plan: EncounterPlan) -> Resource:
    resource: Resource = {
        "resourceType": "Encounter",
        "id": plan.id,
        "meta": meta(plan.end + rng.randrange(HOUR, 48 * HOUR)),
        "status": "finished",
        "class": {
            "system": ENCOUNTER_CLASS,
            "code": plan.encounter_class,
            "display": CLASS_DISPLAY[plan.encounter_class],
        },
        "subject": reference("Patient", person.id),
        "period": {"start": clock.instant(plan.start), "end": clock.instant(plan.end)},
        "serviceProvider": npi_identifier(plan.facility_npi),
        "reasonCode": [{"coding": [codes.coding(codes.ICD10CM, plan.reason.code, plan.reason.display)]}],
    }
    if plan.discharge_disposition is not None:
        resource["hospitalization"] = {
            "dischargeDisposition": {
                "coding": [codes.coding(DISCHARGE_DISPOSITION, plan.discharge_disposition)]
            }
        }
    return resource


def condition_resource(
    rng: random.Random,
    person: Person,
    code: Code,
    recorded: int,
    encounter_id: str | None,
    onset_day: int,
    abatement: int | None,
) -> Resource:
    resource: Resource = {
        "resourceType": "Condition",
        "id": new_id(rng),
        "meta": meta(recorded + rng.randrange(HOUR, 24 * HOUR)),
        "subject": reference("Patient", person.id),
    }
    if encounter_id is not None:
        resource["encounter"] = reference("Encounter", encounter_id)
    resource["code"] = {"coding": [codes.coding(codes.ICD10CM, code.code, code.display)]}
    status = "active" if abatement is None else "resolved"
    resource["clinicalStatus"] = {"coding": [codes.coding(CONDITION_CLINICAL, status)]}
    resource["onsetDateTime"] = clock.day_text(onset_day)
    resource["recordedDate"] = clock.date_text(recorded)
    if abatement is not None:
        resource["abatementDateTime"] = clock.date_text(abatement)
    return resource


def chronic_condition_resources(
    rng: random.Random,
    person: Person,
    diagnoses: list[Diagnosis],
    first: EncounterPlan | None,
) -> list[Resource]:
    """Chronic conditions are recorded at the first encounter of the window (or at onset if never seen)."""
    return [
        condition_resource(
            rng,
            person,
            diagnosis.code,
            first.start if first else diagnosis.onset_day * DAY + 9 * HOUR,
            first.id if first else None,
            diagnosis.onset_day,
            None,
        )
        for diagnosis in diagnoses
    ]


def observation_resource(
    rng: random.Random,
    person: Person,
    plan: EncounterPlan,
    loinc: Code,
    category: str,
    value: float,
    unit: str,
    ucum: str,
) -> Resource:
    effective = plan.start + rng.randrange(300, 1800, 60)
    return {
        "resourceType": "Observation",
        "id": new_id(rng),
        "meta": meta(effective + rng.randrange(HOUR, 24 * HOUR)),
        "status": "final",
        "category": [{"coding": [codes.coding(OBSERVATION_CATEGORY, category)]}],
        "code": {"coding": [codes.coding(codes.LOINC, loinc.code, loinc.display)]},
        "subject": reference("Patient", person.id),
        "encounter": reference("Encounter", plan.id),
        "effectiveDateTime": clock.instant(effective),
        "valueQuantity": {"value": value, "unit": unit, "system": UCUM, "code": ucum},
    }


def vital_signs(rng: random.Random, person: Person, plan: EncounterPlan) -> list[Resource]:
    observations = []
    if person.age >= 18:
        hypertensive = bool(person.diagnoses("hypertension"))
        systolic = rng.randint(104, 150) + (rng.randint(0, 25) if hypertensive else 0)
        diastolic = min(systolic - 25, rng.randint(62, 88) + (rng.randint(0, 12) if hypertensive else 0))
        observations.append(
            observation_resource(
                rng, person, plan, codes.SYSTOLIC, "vital-signs", systolic, "mm[Hg]", "mm[Hg]"
            )
        )
        observations.append(
            observation_resource(
                rng, person, plan, codes.DIASTOLIC, "vital-signs", diastolic, "mm[Hg]", "mm[Hg]"
            )
        )
    if plan.encounter_class == "AMB" and rng.random() < 0.6:
        weight = round(person.weight_kg * rng.uniform(0.97, 1.03), 1)
        observations.append(
            observation_resource(rng, person, plan, codes.BODY_WEIGHT, "vital-signs", weight, "kg", "kg")
        )
        if person.age >= 18:
            bmi = round(weight / (person.height_m * person.height_m), 1)
            observations.append(
                observation_resource(rng, person, plan, codes.BMI, "vital-signs", bmi, "kg/m2", "kg/m2")
            )
    return observations


def hba1c(rng: random.Random, person: Person, plan: EncounterPlan) -> Resource:
    value = round(min(12.0, max(5.5, rng.gauss(7.6, 1.3))), 1)
    return observation_resource(rng, person, plan, codes.HBA1C, "laboratory", value, "%", "%")


def procedure_resource(
    rng: random.Random, person: Person, plan: EncounterPlan, billing: BillingCode, performed: int
) -> Resource:
    return {
        "resourceType": "Procedure",
        "id": new_id(rng),
        "meta": meta(performed + rng.randrange(HOUR, 24 * HOUR)),
        "status": "completed",
        "code": {"coding": [codes.coding(codes.HCPCS, billing.hcpcs, billing.display)]},
        "subject": reference("Patient", person.id),
        "encounter": reference("Encounter", plan.id),
        "performedDateTime": clock.instant(performed),
        "performer": [{"actor": npi_identifier(plan.practitioner_npi)}],
    }


def medication_request(
    rng: random.Random, person: Person, plan: EncounterPlan, drug: Code, status: str
) -> Resource:
    authored = plan.end - rng.randrange(60, 600, 60)
    return {
        "resourceType": "MedicationRequest",
        "id": new_id(rng),
        "meta": meta(authored + rng.randrange(60, 4 * HOUR)),
        "status": status,
        "intent": "order",
        "medicationCodeableConcept": {"coding": [codes.coding(codes.RXNORM, drug.code, drug.display)]},
        "subject": reference("Patient", person.id),
        "encounter": reference("Encounter", plan.id),
        "authoredOn": clock.instant(authored),
        "requester": npi_identifier(plan.practitioner_npi),
    }
