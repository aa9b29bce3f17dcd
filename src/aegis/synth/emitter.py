"""Delivery order of one patient's records: versions, duplicates, out-of-order versions, bundles, defects.

Records go out in the order a producer would send them; later versions and duplicate deliveries follow at the
end of the patient's stream, except out-of-order ones, whose version 2 goes out where version 1 should have.
"""

from __future__ import annotations

import random

import orjson

from aegis.synth.defects import defective_record
from aegis.synth.ids import new_id
from aegis.synth.options import Resource, SynthOptions
from aegis.synth.tally import Tally
from aegis.synth.variety import vary, without_meta
from aegis.synth.versions import can_update, with_versions

THREE_VERSIONS_SHARE = 0.25
# Share of patients for whom the sender later deletes one observation (entered in error): a transaction
# Bundle with one DELETE entry, which the warehouse applies.
DELETE_SHARE = 0.05


class PatientEmitter:
    def __init__(
        self, rng: random.Random, options: SynthOptions, tally: Tally, variety: random.Random | None = None
    ) -> None:
        self.rng = rng
        # Shapes come from a stream of their own: the population and its defects stay those of the seed.
        self.variety = variety or random.Random(0)
        self.options = options
        self.tally = tally
        self.lines: list[bytes] = []
        self.later: list[bytes] = []
        self.deletable: list[str] = []
        # defect_rate is the share of all records that are defective: one after a valid one with these odds.
        self.defect_odds = options.defect_rate / (1.0 - options.defect_rate)

    def single(self, resource: Resource) -> None:
        """One resource, possibly updated (2-3 versions) and possibly delivered out of order."""
        options = self.options
        draw = self.rng.random()
        if draw < options.update_rate + options.out_of_order_rate and can_update(resource):
            count = 3 if self.rng.random() < THREE_VERSIONS_SHARE else 2
            versions = with_versions(self.rng, resource, count)
            if draw >= options.update_rate:
                versions[0], versions[1] = versions[1], versions[0]
                self.tally.out_of_order_resources += 1
            else:
                self.tally.updated_resources += 1
            self._deliver(vary(self.variety, versions[0]), self.lines, versions[0])
            for version in versions[1:]:
                self._deliver(vary(self.variety, version), self.later, version)
        else:
            count = 1
            self._deliver(without_meta(self.variety, vary(self.variety, resource)), self.lines, resource)
            if resource["resourceType"] == "Observation":
                self.deletable.append(resource["id"])
        self.tally.resource(resource["resourceType"], count)
        if resource["resourceType"] == "ExplanationOfBenefit":
            self.tally.eob_items += len(resource["item"])

    def bundle(self, resources: list[Resource]) -> None:
        """A Bundle (collection or transaction) of valid, single-version resources."""
        kind = "transaction" if self.rng.random() < 0.5 else "collection"
        entries = []
        local = {f"{r['resourceType']}/{r['id']}": f"urn:uuid:{r['id']}" for r in resources}
        for original in resources:
            resource = vary(self.variety, original)
            if kind == "transaction":
                # Inside a transaction, senders point at the other entries by their urn:uuid fullUrl.
                resource = _with_local_references(resource, local)
            entry: Resource = {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}
            if kind == "transaction":
                entry["request"] = {"method": "PUT", "url": f"{resource['resourceType']}/{resource['id']}"}
            entries.append(entry)
            self.tally.resource(resource["resourceType"], 1)
        bundle = {
            "resourceType": "Bundle",
            "id": new_id(self.rng),
            "meta": {"versionId": "1", "lastUpdated": max(r["meta"]["lastUpdated"] for r in resources)},
            "type": kind,
            "entry": entries,
        }
        self.lines.append(orjson.dumps(bundle))
        self.tally.valid_record(len(resources))
        self.tally.bundles[kind] += 1
        self.tally.bundled_items += len(resources)
        self._maybe_defect(resources[0], self.lines)

    def _deliver(self, resource: Resource, queue: list[bytes], template: Resource) -> None:
        """Send `resource` (as shaped for delivery); a defect, if any, is a broken copy of `template`."""
        line = orjson.dumps(resource)
        queue.append(line)
        self.tally.valid_record()
        if self.rng.random() < self.options.duplicate_rate:  # at-least-once delivery: sent again later
            self.later.append(line)
            self.tally.valid_record()
            self.tally.duplicate_records += 1
        self._maybe_defect(template, queue)

    def _maybe_defect(self, template: Resource, queue: list[bytes]) -> None:
        if self.rng.random() < self.defect_odds:
            line, reason = defective_record(self.rng, template)
            queue.append(line)
            self.tally.defective_record(reason)

    def drain(self) -> list[bytes]:
        """Everything this patient delivers, in delivery order."""
        if self.deletable and self.variety.random() < DELETE_SHARE:
            self._delete(self.variety.choice(self.deletable))
        return self.lines + self.later

    def _delete(self, observation_id: str) -> None:
        """A later transaction that deletes one observation delivered earlier (entered in error)."""
        bundle = {
            "resourceType": "Bundle",
            "type": "transaction",
            "entry": [{"request": {"method": "DELETE", "url": f"Observation/{observation_id}"}}],
        }
        self.later.append(orjson.dumps(bundle))
        self.tally.valid_record()
        self.tally.deletion("Observation")
        self.tally.bundles["transaction"] += 1


def _with_local_references(resource: Resource, local: dict[str, str]) -> Resource:
    """A copy whose top-level references to other entries of the Bundle use their urn:uuid fullUrl."""
    copy = dict(resource)
    for key, value in resource.items():
        if isinstance(value, dict) and value.get("reference") in local:
            copy[key] = {**value, "reference": local[value["reference"]]}
    return copy
