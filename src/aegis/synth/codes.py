"""Public-domain code pools (ICD-10-CM, HCPCS Level II, LOINC, RxNorm, NUBC revenue codes) and check digits.

Only public-domain code systems: no CPT code or description appears here (CPT is licensed). A visit that a
real professional claim would bill with a CPT E/M code is billed here with a HCPCS Level II G-code.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
LOINC = "http://loinc.org"
HCPCS = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"
REVENUE = "https://www.nubc.org/CodeSystem/RevenueCodes"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
NPI = "http://hl7.org/fhir/sid/us-npi"
MRN = "urn:aegis:mrn"
SSN = "http://hl7.org/fhir/sid/us-ssn"


def coding(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    if display is None:
        return {"system": system, "code": code}
    return {"system": system, "code": code, "display": display}


def luhn_check_digit(payload: str) -> int:
    """The digit that makes `payload + digit` pass the Luhn test (LOINC's mod-10 is the same algorithm)."""
    total = 0
    for position, char in enumerate(reversed(payload)):
        digit = int(char)
        if position % 2 == 0:  # the digit next to the check digit is doubled
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return (10 - total % 10) % 10


def npi_is_valid(npi: str) -> bool:
    """NPI check: 10 digits, Luhn over the number with the `80840` card-issuer prefix."""
    return len(npi) == 10 and npi.isdigit() and luhn_check_digit("80840" + npi[:9]) == int(npi[9])


def loinc_is_valid(code: str) -> bool:
    body, _, check = code.partition("-")
    return body.isdigit() and check.isdigit() and len(check) == 1 and luhn_check_digit(body) == int(check)


def make_npi_pool(size: int, rng: random.Random) -> tuple[str, ...]:
    """Distinct valid NPIs (first digit 1 or 2, as issued)."""
    pool: dict[str, None] = {}
    while len(pool) < size:
        base = f"{rng.choice('12')}{rng.randrange(10**8):08d}"
        pool[base + str(luhn_check_digit("80840" + base))] = None
    return tuple(pool)


# Providers are the same in every run (the seed varies the population, not the hospitals).
_PROVIDER_RNG = random.Random("aegis-synth-providers")
FACILITY_NPIS = make_npi_pool(24, _PROVIDER_RNG)
PRACTITIONER_NPIS = make_npi_pool(240, _PROVIDER_RNG)


@dataclass(frozen=True)
class Code:
    code: str
    display: str


@dataclass(frozen=True)
class ChronicCondition:
    """A chronic condition with its adult prevalence; `age_weights` scales it for 18-44, 45-64, 65+."""

    key: str
    prevalence: float
    codes: tuple[Code, ...]
    medications: tuple[Code, ...] = ()
    age_weights: tuple[float, float, float] = (0.5, 1.2, 1.5)
    part2: bool = False  # 42 CFR Part 2 substance-use diagnosis


METFORMIN = Code("860975", "24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet")
LISINOPRIL = Code("314076", "lisinopril 10 MG Oral Tablet")
AMLODIPINE = Code("197361", "amlodipine 5 MG Oral Tablet")
ATORVASTATIN = Code("617310", "atorvastatin 20 MG Oral Tablet")
ALBUTEROL = Code("745679", "200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler")
FUROSEMIDE = Code("313988", "furosemide 40 MG Oral Tablet")
FLUOXETINE = Code("310385", "fluoxetine 20 MG Oral Capsule")
BUPRENORPHINE_NALOXONE = Code("1010600", "buprenorphine 2 MG / naloxone 0.5 MG Sublingual Film")
AMOXICILLIN = Code("308182", "amoxicillin 250 MG Oral Capsule")

DIABETES_KEY = "diabetes"
CHRONIC_CONDITIONS: tuple[ChronicCondition, ...] = (
    ChronicCondition(
        "hypertension", 0.30, (Code("I10", "Essential (primary) hypertension"),), (LISINOPRIL, AMLODIPINE)
    ),
    ChronicCondition(
        DIABETES_KEY,
        0.11,
        (
            Code("E11.9", "Type 2 diabetes mellitus without complications"),
            Code("E11.65", "Type 2 diabetes mellitus with hyperglycemia"),
            Code("E11.22", "Type 2 diabetes mellitus with diabetic chronic kidney disease"),
        ),
        (METFORMIN,),
    ),
    ChronicCondition(
        "copd",
        0.06,
        (Code("J44.9", "Chronic obstructive pulmonary disease, unspecified"),),
        (ALBUTEROL,),
        (0.3, 1.2, 2.0),
    ),
    ChronicCondition(
        "heart_failure",
        0.025,
        (
            Code("I50.9", "Heart failure, unspecified"),
            Code("I50.22", "Chronic systolic (congestive) heart failure"),
            Code("I50.32", "Chronic diastolic (congestive) heart failure"),
        ),
        (FUROSEMIDE,),
        (0.1, 0.8, 2.6),
    ),
    ChronicCondition(
        "ckd",
        0.08,
        (
            Code("N18.2", "Chronic kidney disease, stage 2 (mild)"),
            Code("N18.30", "Chronic kidney disease, stage 3 unspecified"),
            Code("N18.4", "Chronic kidney disease, stage 4 (severe)"),
        ),
        (),
        (0.4, 1.0, 2.0),
    ),
    ChronicCondition(
        "hyperlipidemia", 0.20, (Code("E78.5", "Hyperlipidemia, unspecified"),), (ATORVASTATIN,)
    ),
    ChronicCondition(
        "depression",
        0.08,
        (
            Code("F32.9", "Major depressive disorder, single episode, unspecified"),
            Code("F32.A", "Depression, unspecified"),
            Code("F32.1", "Major depressive disorder, single episode, moderate"),
        ),
        (FLUOXETINE,),
        (1.2, 1.0, 0.7),
    ),
    ChronicCondition(
        "alcohol_use_disorder",
        0.016,
        (Code("F10.20", "Alcohol dependence, uncomplicated"),),
        (),
        (1.0, 1.2, 0.6),
        part2=True,
    ),
    ChronicCondition(
        "opioid_use_disorder",
        0.008,
        (Code("F11.20", "Opioid dependence, uncomplicated"),),
        (BUPRENORPHINE_NALOXONE,),
        (1.2, 1.0, 0.4),
        part2=True,
    ),
)

WELLNESS_ADULT = Code("Z00.00", "Encounter for general adult medical examination without abnormal findings")
WELLNESS_CHILD = Code("Z00.129", "Encounter for routine child health examination without abnormal findings")
CHEMOTHERAPY = Code("Z51.11", "Encounter for antineoplastic chemotherapy")
AFTERCARE = Code("Z51.89", "Encounter for other specified aftercare")
PLANNED_READMISSION_REASONS = (CHEMOTHERAPY, AFTERCARE)

AMBULATORY_ACUTE = (
    Code("J06.9", "Acute upper respiratory infection, unspecified"),
    Code("J02.9", "Acute pharyngitis, unspecified"),
    Code("N39.0", "Urinary tract infection, site not specified"),
    Code("M54.50", "Low back pain, unspecified"),
    Code("J20.9", "Acute bronchitis, unspecified"),
    Code("R51.9", "Headache, unspecified"),
    Code("K21.9", "Gastro-esophageal reflux disease without esophagitis"),
    Code("S93.401A", "Sprain of unspecified ligament of right ankle, initial encounter"),
    Code("L03.90", "Cellulitis, unspecified"),
    Code("H66.90", "Otitis media, unspecified, unspecified ear"),
)
# Acute reasons for which the visit ends with an antibiotic prescription.
ANTIBIOTIC_REASONS = frozenset({"J02.9", "N39.0", "L03.90", "H66.90"})

EMERGENCY_REASONS = (
    Code("R07.9", "Chest pain, unspecified"),
    Code("R10.9", "Unspecified abdominal pain"),
    Code("S06.0X0A", "Concussion without loss of consciousness, initial encounter"),
    Code(
        "S52.501A",
        "Unspecified fracture of the lower end of right radius, initial encounter for closed fracture",
    ),
    Code("J18.9", "Pneumonia, unspecified organism"),
    Code("R55", "Syncope and collapse"),
    Code("T78.40XA", "Allergy, unspecified, initial encounter"),
    Code("S01.81XA", "Laceration without foreign body of other part of head, initial encounter"),
)

INPATIENT_REASONS = (
    Code("J18.9", "Pneumonia, unspecified organism"),
    Code("A41.9", "Sepsis, unspecified organism"),
    Code("I21.4", "Non-ST elevation (NSTEMI) myocardial infarction"),
    Code("N17.9", "Acute kidney failure, unspecified"),
    Code("I63.9", "Cerebral infarction, unspecified"),
    Code("K35.80", "Unspecified acute appendicitis"),
)
# An admission of a patient with this chronic condition is often for its exacerbation.
EXACERBATIONS = {
    "heart_failure": Code("I50.9", "Heart failure, unspecified"),
    "copd": Code("J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation"),
    DIABETES_KEY: Code("E11.65", "Type 2 diabetes mellitus with hyperglycemia"),
    "alcohol_use_disorder": Code("F10.239", "Alcohol dependence with withdrawal, unspecified"),
}

# LOINC
HBA1C = Code("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood")
SYSTOLIC = Code("8480-6", "Systolic blood pressure")
DIASTOLIC = Code("8462-4", "Diastolic blood pressure")
BODY_WEIGHT = Code("29463-7", "Body weight")
BMI = Code("39156-5", "Body mass index (BMI) [Ratio]")


@dataclass(frozen=True)
class BillingCode:
    """A HCPCS Level II code with its typical charge (cents) and, on institutional claims, revenue code."""

    hcpcs: str
    display: str
    charge_cents: int
    revenue_code: str


_billing = BillingCode

# Revenue code descriptions are NUBC/AHA-licensed: the generator emits the codes with our own generic labels.
REVENUE_DISPLAYS = {
    "0100": "Inpatient stay (room, board, ancillary)",
    "0250": "Pharmacy",
    "0420": "Physical therapy",
    "0450": "Emergency department",
    "0510": "Clinic",
    "0540": "Ambulance",
    "0636": "Drugs with detailed coding",
    "0762": "Observation",
}

AWV_INITIAL = _billing("G0438", "Annual wellness visit, initial", 17_500, "0510")
AWV_SUBSEQUENT = _billing("G0439", "Annual wellness visit, subsequent", 13_500, "0510")
CLINIC_VISIT = _billing("G0463", "Hospital outpatient clinic visit", 14_000, "0510")
DEPRESSION_SCREEN = _billing("G0444", "Depression screen annual", 2_000, "0510")
ALCOHOL_SCREEN = _billing("G0442", "Annual alcohol screen 15 min", 2_000, "0510")
FLU_VACCINE_ADMIN = _billing("G0008", "Admin influenza virus vac", 3_500, "0510")
ROOM_AND_BOARD = _billing("G0378", "Hospital observation per hr", 210_000, "0100")
ED_VISITS = tuple(
    _billing(code, f"Level {level} type b ed visit", charge, "0450")
    for level, (code, charge) in enumerate(
        (("G0380", 25_000), ("G0381", 45_000), ("G0382", 70_000), ("G0383", 110_000), ("G0384", 160_000)), 1
    )
)
AMBULANCE = _billing("A0427", "ALS1-emergency", 85_000, "0540")
HOSPITAL_DRUGS = (
    _billing("J1885", "Ketorolac tromethamine inj", 1_500, "0250"),
    _billing("J2405", "Ondansetron hcl injection", 1_200, "0250"),
    _billing("J7030", "Normal saline solution infus", 2_500, "0250"),
    _billing("J0696", "Ceftriaxone sodium injection", 3_000, "0250"),
    _billing("J1644", "Inj heparin sodium per 1000u", 1_000, "0250"),
    _billing("J1100", "Dexamethasone sodium phos", 800, "0250"),
)
CHEMOTHERAPY_DRUG = _billing("J9045", "Carboplatin injection", 32_000, "0636")
REHAB_STIMULATION = _billing("G0283", "Elec stim other than wound", 2_500, "0420")
