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
from aegis.synth.versions import can_update, with_versions

THREE_VERSIONS_SHARE = 0.25


class PatientEmitter:
    def __init__(self, rng: random.Random, options: SynthOptions, tally: Tally) -> None:
        self.rng = rng
        self.options = options
        self.tally = tally
        self.lines: list[bytes] = []
        self.later: list[bytes] = []
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
            self._deliver(versions[0], self.lines)
            for version in versions[1:]:
                self._deliver(version, self.later)
        else:
            count = 1
            self._deliver(resource, self.lines)
        self.tally.resource(resource["resourceType"], count)
        if resource["resourceType"] == "ExplanationOfBenefit":
            self.tally.eob_items += len(resource["item"])

    def bundle(self, resources: list[Resource]) -> None:
        """A Bundle (collection or transaction) of valid, single-version resources."""
        kind = "transaction" if self.rng.random() < 0.5 else "collection"
        entries = []
        for resource in resources:
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

    def _deliver(self, resource: Resource, queue: list[bytes]) -> None:
        line = orjson.dumps(resource)
        queue.append(line)
        self.tally.valid_record()
        if self.rng.random() < self.options.duplicate_rate:  # at-least-once delivery: sent again later
            self.later.append(line)
            self.tally.valid_record()
            self.tally.duplicate_records += 1
        self._maybe_defect(resource, queue)

    def _maybe_defect(self, template: Resource, queue: list[bytes]) -> None:
        if self.rng.random() < self.defect_odds:
            line, reason = defective_record(self.rng, template)
            queue.append(line)
            self.tally.defective_record(reason)

    def drain(self) -> list[bytes]:
        """Everything this patient delivers, in delivery order."""
        return self.lines + self.later
