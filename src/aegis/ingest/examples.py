"""Hand-written valid resources, one per type of the profile: fixtures for tests and a readable example
of docs/fhir-conformance.md. Every call returns fresh objects (tests mutate them).

The patient's identifying values are made-up strings that appear nowhere else (`PHI_MARKERS`), so a test
can search any log, report or error for them to prove no value leaks.
"""

from __future__ import annotations

from typing import Any

from aegis.ingest import codes

PATIENT_ID = "pat-0001"
ENCOUNTER_ID = "enc-0001"
COVERAGE_ID = "cov-0001"
CLAIM_ID = "clm-0001"
NPI = "1234567893"  # the CMS example NPI: Luhn-valid with the 80840 prefix
LAST_UPDATED = "2025-03-02T10:15:00+00:00"

FAMILY_NAME = "Zyxquorbanovich"
GIVEN_NAME = "Philomenatrix"
SSN = "987-65-4329"
MRN = "MRN-77Q31X"
BIRTH_DATE = "1958-11-23"
STREET = "4417 Wobblestone Parade"
PHONE = "555-0142-7781"
EMAIL = "philomenatrix.zq@example.org"
PHI_MARKERS: tuple[str, ...] = (FAMILY_NAME, GIVEN_NAME, SSN, MRN, BIRTH_DATE, STREET, PHONE, EMAIL)

Resource = dict[str, Any]


def _meta(version: str = "1") -> dict[str, str]:
    return {"versionId": version, "lastUpdated": LAST_UPDATED}


def _concept(system: str, code: str, **extra: str) -> dict[str, Any]:
    return {"coding": [{"system": system, "code": code, **extra}]}


def patient() -> Resource:
    return {
        "resourceType": "Patient",
        "id": PATIENT_ID,
        "meta": _meta(),
        "identifier": [
            {"system": "urn:aegis:mrn", "value": MRN},
            {"system": "http://hl7.org/fhir/sid/us-ssn", "value": SSN},
        ],
        "name": [{"family": FAMILY_NAME, "given": [GIVEN_NAME]}],
        "gender": "female",
        "birthDate": BIRTH_DATE,
        "address": [
            {
                "line": [STREET],
                "city": "Springfield",
                "district": "Sangamon",
                "state": "IL",
                "postalCode": "62704",
            }
        ],
        "telecom": [{"system": "phone", "value": PHONE}, {"system": "email", "value": EMAIL}],
        "maritalStatus": {"coding": [{"code": "M"}]},
        "communication": [{"language": {"coding": [{"code": "en"}]}}],
    }


def coverage() -> Resource:
    return {
        "resourceType": "Coverage",
        "id": COVERAGE_ID,
        "meta": _meta(),
        "status": "active",
        "beneficiary": {"reference": f"Patient/{PATIENT_ID}"},
        "subscriberId": "SUB-123456",
        "payor": [{"display": "Acme Health Plan"}],
        "type": {"coding": [{"code": "COMM"}]},
        "period": {"start": "2024-01-01", "end": "2025-12-31"},
    }


def encounter() -> Resource:
    return {
        "resourceType": "Encounter",
        "id": ENCOUNTER_ID,
        "meta": _meta(),
        "status": "finished",
        "class": {"code": "IMP"},
        "subject": {"reference": f"Patient/{PATIENT_ID}"},
        "period": {"start": "2025-02-01T08:00:00-05:00", "end": "2025-02-04T11:30:00-05:00"},
        "serviceProvider": {"identifier": {"system": codes.NPI_SYSTEM, "value": NPI}},
        "reasonCode": [_concept(codes.ICD10CM_SYSTEM, "I50.9")],
        "hospitalization": {"dischargeDisposition": {"coding": [{"code": "01"}]}},
    }


def condition() -> Resource:
    return {
        "resourceType": "Condition",
        "id": "cond-0001",
        "meta": _meta(),
        "subject": {"reference": f"Patient/{PATIENT_ID}"},
        "encounter": {"reference": f"Encounter/{ENCOUNTER_ID}"},
        "code": _concept(codes.ICD10CM_SYSTEM, "E11.9"),
        "clinicalStatus": {"coding": [{"code": "active"}]},
        "onsetDateTime": "2019-05-10",
        "recordedDate": "2025-02-01",
    }


def observation() -> Resource:
    return {
        "resourceType": "Observation",
        "id": "obs-0001",
        "meta": _meta(),
        "status": "final",
        "category": [{"coding": [{"code": "laboratory"}]}],
        "code": _concept(codes.LOINC_SYSTEM, "4548-4"),
        "subject": {"reference": f"Patient/{PATIENT_ID}"},
        "encounter": {"reference": f"Encounter/{ENCOUNTER_ID}"},
        "effectiveDateTime": "2025-02-02T09:00:00Z",
        "valueQuantity": {"value": 7.4, "unit": "%"},
    }


def procedure() -> Resource:
    return {
        "resourceType": "Procedure",
        "id": "proc-0001",
        "meta": _meta(),
        "status": "completed",
        "code": _concept(codes.HCPCS_SYSTEM, "G0438"),
        "subject": {"reference": f"Patient/{PATIENT_ID}"},
        "encounter": {"reference": f"Encounter/{ENCOUNTER_ID}"},
        "performedDateTime": "2025-02-02T10:00:00Z",
        "performer": [{"actor": {"identifier": {"system": codes.NPI_SYSTEM, "value": NPI}}}],
    }


def medication_request() -> Resource:
    return {
        "resourceType": "MedicationRequest",
        "id": "medrx-0001",
        "meta": _meta(),
        "status": "active",
        "intent": "order",
        "medicationCodeableConcept": _concept(codes.RXNORM_SYSTEM, "860975", display="metformin 500 MG"),
        "subject": {"reference": f"Patient/{PATIENT_ID}"},
        "encounter": {"reference": f"Encounter/{ENCOUNTER_ID}"},
        "authoredOn": "2025-02-04T11:00:00-05:00",
        "requester": {"identifier": {"system": codes.NPI_SYSTEM, "value": NPI}},
    }


def _claim_header(resource_type: str, resource_id: str) -> Resource:
    return {
        "resourceType": resource_type,
        "id": resource_id,
        "meta": _meta(),
        "status": "active",
        "type": {"coding": [{"code": "institutional"}]},
        "use": "claim",
        "patient": {"reference": f"Patient/{PATIENT_ID}"},
        "billablePeriod": {"start": "2025-02-01", "end": "2025-02-04"},
        "created": "2025-02-05T12:00:00Z",
        "provider": {"identifier": {"system": codes.NPI_SYSTEM, "value": NPI}},
        "insurance": [{"focal": True, "coverage": {"reference": f"Coverage/{COVERAGE_ID}"}}],
        "diagnosis": [{"sequence": 1, "diagnosisCodeableConcept": _concept(codes.ICD10CM_SYSTEM, "I50.9")}],
    }


def _item(sequence: int, hcpcs: str, revenue: str) -> Resource:
    return {
        "sequence": sequence,
        "productOrService": _concept(codes.HCPCS_SYSTEM, hcpcs),
        "revenue": _concept(codes.REVENUE_CODE_SYSTEM, revenue),
        "servicedDate": "2025-02-02",
    }


def claim() -> Resource:
    resource = _claim_header("Claim", CLAIM_ID)
    resource["priority"] = {"coding": [{"code": "normal"}]}
    resource["insurance"][0]["sequence"] = 1
    resource["item"] = [
        {**_item(1, "J1100", "0250"), "net": {"value": 120.0}},
        {**_item(2, "G0378", "0450"), "net": {"value": 980.5}},
    ]
    return resource


def _adjudication(category: str, amount: float) -> Resource:
    return {"category": {"coding": [{"code": category}]}, "amount": {"value": amount}}


def explanation_of_benefit() -> Resource:
    resource = _claim_header("ExplanationOfBenefit", "eob-0001")
    resource["claim"] = {"reference": f"Claim/{CLAIM_ID}"}
    resource["insurer"] = {"display": "Example Health Plan"}
    resource["outcome"] = "complete"
    resource["item"] = [
        {
            **_item(1, "J1100", "0250"),
            "adjudication": [
                _adjudication("submitted", 120.0),
                _adjudication("eligible", 100.0),
                _adjudication("benefit", 80.0),
            ],
        }
    ]
    return resource


def all_resources() -> list[Resource]:
    """One valid resource of each of the nine types, in a patient's natural order."""
    return [
        patient(),
        coverage(),
        encounter(),
        condition(),
        observation(),
        procedure(),
        medication_request(),
        claim(),
        explanation_of_benefit(),
    ]


def bundle(bundle_type: str, resources: list[Resource]) -> Resource:
    return {
        "resourceType": "Bundle",
        "id": f"bundle-{bundle_type}",
        "type": bundle_type,
        "entry": [{"resource": resource} for resource in resources],
    }
