"""How strict each PHI category is: the one strictness order the lineage audit uses.

The categories themselves, the tiers and the strategy matrix are read by aegis.governance.classification
(from dbt_project.yml vars); this module only ranks categories, for inheritance through lineage.
"""

from __future__ import annotations

from collections.abc import Iterable

# Safe Harbor items that identify a person on their own (items 1, 4-18 and the street of item 2).
DIRECT_IDENTIFIERS = frozenset(
    {
        "name",
        "street_address",
        "phone",
        "fax",
        "email",
        "ssn",
        "mrn",
        "health_plan_id",
        "account_number",
        "license_number",
        "vehicle_id",
        "device_id",
        "url",
        "ip_address",
        "biometric",
        "photo",
        "other_id",
    }
)
# Dates and geography smaller than a state (items 2 and 3): what a Limited Data Set keeps.
DATES_AND_GEOGRAPHY = frozenset(
    {
        "city",
        "county",
        "geo_point",
        "zip",
        "birth_date",
        "death_date",
        "event_date",
        "age",
    }
)
NOT_PHI = "none"
QUASI = "quasi"

# The one strictness order: direct identifiers > dates/geography > quasi-identifiers > none.
STRICTNESS_DIRECT = 3
STRICTNESS_DATES_GEO = 2
STRICTNESS_QUASI = 1
STRICTNESS_NONE = 0


def strictness(category: str) -> int:
    """How strict a category is; unknown categories count as direct identifiers (fail closed)."""
    if category == NOT_PHI:
        return STRICTNESS_NONE
    if category == QUASI:
        return STRICTNESS_QUASI
    if category in DATES_AND_GEOGRAPHY:
        return STRICTNESS_DATES_GEO
    return STRICTNESS_DIRECT


def strictest(categories: Iterable[str]) -> str:
    """The strictest category of several (ties keep the first seen, so results are stable)."""
    best = NOT_PHI
    for category in categories:
        if strictness(category) > strictness(best):
            best = category
    return best


def is_phi(category: str) -> bool:
    return strictness(category) > STRICTNESS_NONE
