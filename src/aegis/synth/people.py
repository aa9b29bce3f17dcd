"""Synthetic people: demographics, the Patient resource and the patient's Coverage periods.

Every name, street, phone and email is made up from small built-in lists; phones use the fictional
555-01xx range and emails the reserved example.org / example.com domains.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from aegis.synth import clock
from aegis.synth.codes import CHRONIC_CONDITIONS, MRN, SSN, ChronicCondition, Code
from aegis.synth.ids import new_id
from aegis.synth.options import AGE_REFERENCE_DAY, DAY, WINDOW_START, Resource

FEMALE_NAMES = (
    "Mary",
    "Patricia",
    "Jennifer",
    "Linda",
    "Elizabeth",
    "Barbara",
    "Susan",
    "Jessica",
    "Sarah",
    "Karen",
    "Lisa",
    "Nancy",
    "Betty",
    "Sandra",
    "Margaret",
    "Ashley",
    "Kimberly",
    "Emily",
    "Donna",
    "Michelle",
    "Carol",
    "Amanda",
    "Melissa",
    "Deborah",
    "Stephanie",
    "Maria",
    "Rosa",
    "Ana",
    "Mei",
    "Linh",
)
MALE_NAMES = (
    "James",
    "Robert",
    "John",
    "Michael",
    "David",
    "William",
    "Richard",
    "Joseph",
    "Thomas",
    "Christopher",
    "Charles",
    "Daniel",
    "Matthew",
    "Anthony",
    "Mark",
    "Donald",
    "Steven",
    "Paul",
    "Andrew",
    "Joshua",
    "Kenneth",
    "Kevin",
    "Brian",
    "George",
    "Timothy",
    "Jose",
    "Luis",
    "Carlos",
    "Wei",
    "Minh",
)
OTHER_NAMES = ("Alex", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Avery")
FAMILY_NAMES = (
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Torres",
    "Nguyen",
    "Hill",
    "Flores",
    "Green",
    "Adams",
    "Nelson",
    "Baker",
    "Hall",
    "Rivera",
    "Campbell",
    "Mitchell",
    "Carter",
    "Roberts",
    "Chen",
    "Tran",
    "Patel",
    "Kim",
    "Murphy",
    "Cook",
    "Rogers",
    "Morgan",
    "Cooper",
    "Reed",
)
STREETS = (
    "Main",
    "Oak",
    "Pine",
    "Maple",
    "Cedar",
    "Elm",
    "Washington",
    "Lake",
    "Hill",
    "Park",
    "Walnut",
    "Sunset",
    "Lincoln",
    "Jackson",
    "Church",
    "River",
    "Willow",
    "Highland",
    "Meadow",
    "Forest",
)
STREET_KINDS = ("St", "Ave", "Rd", "Ln", "Dr", "Ct", "Way", "Blvd")


@dataclass(frozen=True)
class Place:
    city: str
    county: str
    state: str
    zip3: str
    phone_area: str


# The second group has ZIP3 prefixes that Safe Harbor restricts (<= 20,000 people): they must become 000.
PLACES = (
    Place("Boston", "Suffolk", "MA", "021", "617"),
    Place("Springfield", "Sangamon", "IL", "627", "217"),
    Place("Columbus", "Franklin", "OH", "432", "614"),
    Place("Austin", "Travis", "TX", "787", "512"),
    Place("Denver", "Denver", "CO", "802", "303"),
    Place("Portland", "Multnomah", "OR", "972", "503"),
    Place("Nashville", "Davidson", "TN", "372", "615"),
    Place("Madison", "Dane", "WI", "537", "608"),
    Place("Raleigh", "Wake", "NC", "276", "919"),
    Place("Sacramento", "Sacramento", "CA", "958", "916"),
    Place("Phoenix", "Maricopa", "AZ", "850", "602"),
    Place("Atlanta", "Fulton", "GA", "303", "404"),
    Place("Minneapolis", "Hennepin", "MN", "554", "612"),
    Place("Richmond", "Richmond City", "VA", "232", "804"),
    Place("Omaha", "Douglas", "NE", "681", "402"),
    Place("Des Moines", "Polk", "IA", "503", "515"),
)
RESTRICTED_PLACES = (
    Place("Walpole", "Cheshire", "NH", "036", "603"),
    Place("Island Pond", "Essex", "VT", "059", "802"),
    Place("New York", "New York", "NY", "102", "212"),
    Place("Valentine", "Cherry", "NE", "692", "402"),
    Place("Dalhart", "Dallam", "TX", "790", "806"),
    Place("Rawlins", "Carbon", "WY", "823", "307"),
    Place("Jackson", "Teton", "WY", "830", "307"),
    Place("Ely", "White Pine", "NV", "893", "775"),
)
RESTRICTED_PLACE_SHARE = 0.06

# (upper bound of the cumulative share, youngest age, oldest age) as of the age reference day.
AGE_BANDS = ((0.20, 0, 17), (0.53, 18, 44), (0.79, 45, 64), (0.97, 65, 89), (1.0, 90, 104))
MARITAL_STATUSES = (("M", 0.45), ("S", 0.80), ("D", 0.90), ("W", 0.97), ("U", 1.0))
LANGUAGES = (("en", 0.84), ("es", 0.95), ("zh", 0.97), ("vi", 0.985), ("fr", 1.0))


@dataclass
class Diagnosis:
    """A chronic condition the person has, with the code chosen for them and when it began."""

    condition: ChronicCondition
    code: Code
    onset_day: int


@dataclass
class Person:
    index: int
    id: str
    gender: str
    given: str
    family: str
    birth_day: int
    mrn: str
    ssn: str
    street: str
    place: Place
    zip_code: str
    phone: str
    email: str
    marital_status: str
    language: str
    height_m: float
    weight_kg: float
    chronic: list[Diagnosis] = field(default_factory=list)
    deceased_at: int | None = None

    @property
    def age(self) -> int:
        return clock.age_on(self.birth_day, AGE_REFERENCE_DAY)

    def diagnoses(self, key: str) -> list[Diagnosis]:
        return [d for d in self.chronic if d.condition.key == key]


def _pick_cumulative(rng: random.Random, table: tuple[tuple[str, float], ...]) -> str:
    draw = rng.random()
    for value, upper in table:
        if draw < upper:
            return value
    return table[-1][0]


def _birth_day(rng: random.Random) -> int:
    draw = rng.random()
    youngest, oldest = next((low, high) for upper, low, high in AGE_BANDS if draw < upper or upper == 1.0)
    age_days = rng.randrange(youngest * 365 + 1, (oldest + 1) * 365 - 1)
    return AGE_REFERENCE_DAY - age_days


def _age_weight(condition: ChronicCondition, age: int) -> float:
    band = 0 if age < 45 else 1 if age < 65 else 2
    return condition.age_weights[band]


def _chronic_conditions(rng: random.Random, birth_day: int) -> list[Diagnosis]:
    age = clock.age_on(birth_day, AGE_REFERENCE_DAY)
    if age < 18:
        return []
    window_start_day = WINDOW_START // DAY
    # Onset is before the window (so it precedes the first encounter), as an adult where the person was one.
    earliest_onset = min(birth_day + 18 * 365, window_start_day - 30)
    found = []
    for condition in CHRONIC_CONDITIONS:
        if rng.random() < condition.prevalence * _age_weight(condition, age):
            onset = rng.randrange(earliest_onset, window_start_day)
            found.append(Diagnosis(condition, rng.choice(condition.codes), onset))
    return found


def make_person(rng: random.Random, index: int) -> Person:
    draw = rng.random()
    gender = "female" if draw < 0.51 else "male" if draw < 0.995 else "other" if draw < 0.998 else "unknown"
    names = FEMALE_NAMES if gender == "female" else MALE_NAMES if gender == "male" else OTHER_NAMES
    given, family = rng.choice(names), rng.choice(FAMILY_NAMES)
    birth_day = _birth_day(rng)
    restricted = rng.random() < RESTRICTED_PLACE_SHARE
    place = rng.choice(RESTRICTED_PLACES if restricted else PLACES)
    age = clock.age_on(birth_day, AGE_REFERENCE_DAY)
    height = rng.uniform(1.50, 1.92) if age >= 18 else rng.uniform(0.8, 1.75)
    bmi = rng.uniform(19.0, 38.0)
    return Person(
        index=index,
        id=new_id(rng),
        gender=gender,
        given=given,
        family=family,
        birth_day=birth_day,
        # The index part makes MRNs unique within a run; the random part keeps runs with other seeds apart.
        mrn=f"A{rng.randrange(10**6):06d}{index:08d}",
        ssn=f"9{rng.randrange(100):02d}-{rng.randrange(1, 100):02d}-{rng.randrange(1, 10_000):04d}",
        street=_street(rng),
        place=place,
        zip_code=f"{place.zip3}{rng.randrange(1, 100):02d}",
        phone=_phone(rng, place),
        email=f"{given}.{family}{rng.randrange(1, 1000)}@{rng.choice(('example.org', 'example.com'))}".lower(),
        marital_status="S" if age < 18 else _pick_cumulative(rng, MARITAL_STATUSES),
        language=_pick_cumulative(rng, LANGUAGES),
        height_m=round(height, 2),
        weight_kg=round(bmi * height * height, 1),
        chronic=_chronic_conditions(rng, birth_day),
    )


def _street(rng: random.Random) -> str:
    return f"{rng.randrange(1, 9900)} {rng.choice(STREETS)} {rng.choice(STREET_KINDS)}"


def _phone(rng: random.Random, place: Place) -> str:
    return f"{place.phone_area}-555-01{rng.randrange(100):02d}"


def earlier_contact(rng: random.Random, phone: str) -> tuple[str, str]:
    """An earlier street address and phone, same area code (what an older Patient version said)."""
    return _street(rng), f"{phone[:3]}-555-01{rng.randrange(100):02d}"


def patient_resource(person: Person, last_updated: int) -> Resource:
    place = person.place
    resource: Resource = {
        "resourceType": "Patient",
        "id": person.id,
        "meta": {"versionId": "1", "lastUpdated": clock.instant(last_updated)},
        "identifier": [
            {"system": MRN, "value": person.mrn},
            {"system": SSN, "value": person.ssn},
        ],
        "name": [{"family": person.family, "given": [person.given]}],
        "gender": person.gender,
        "birthDate": clock.day_text(person.birth_day),
    }
    if person.deceased_at is not None:
        resource["deceasedDateTime"] = clock.instant(person.deceased_at)
    resource["address"] = [
        {
            "line": [person.street],
            "city": place.city,
            "district": place.county,
            "state": place.state,
            "postalCode": person.zip_code,
        }
    ]
    resource["telecom"] = [
        {"system": "phone", "value": person.phone},
        {"system": "email", "value": person.email},
    ]
    resource["maritalStatus"] = {
        "coding": [
            {
                "system": "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus",
                "code": person.marital_status,
            }
        ]
    }
    resource["communication"] = [
        {"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": person.language}]}}
    ]
    return resource
