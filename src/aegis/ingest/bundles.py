"""Bundles as real senders make them: every entry judged on its own, whatever the Bundle type.

- collection, transaction, batch, searchset, history, message, document: each entry is one item. A
  transaction is not all-or-nothing here: the warehouse is an analytic copy, not the FHIR server that
  commits it, so its valid entries land and its invalid ones are quarantined with their reasons. Every
  item of one Bundle shares the event id before `#<entry index>`, so a transaction's landed and
  quarantined parts are found together.
- An entry without a resource that is not a deletion (a search request, a response) is `not_a_resource`.
- `urn:uuid:` references resolve within the Bundle to `<Type>/<id>`, as a FHIR server does when it
  processes a transaction; the envelope keeps each original under `original_references`.
- An entry whose request is `DELETE`, or a history entry that is a tombstone (no resource, response
  `410`), becomes a deletion the warehouse applies; a conditional delete (`Patient?identifier=...`)
  cannot be resolved without the sender's server and is quarantined as `unresolvable_delete`.
- A resource without `id` takes it from its entry's `fullUrl` (`urn:uuid:<uuid>` or `.../<Type>/<id>`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import orjson

from aegis.fhir.conformance import check_resource, check_value, resource_types
from aegis.ingest.errors import (
    INVALID_TYPE,
    MISSING_ID,
    NOT_A_RESOURCE,
    UNRESOLVABLE_DELETE,
    UNRESOLVED_REFERENCE,
    ValidationError,
)
from aegis.ingest.jsonio import Decoded, dump_exact
from aegis.ingest.validate import validate_resource

if TYPE_CHECKING:
    from aegis.ingest.records import Delivery, Outcome

_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")
# [base URL/]Type/id[/_history/version]
_LITERAL_REFERENCE = re.compile(
    r"(?:.*/)?(?P<type>[A-Z][A-Za-z]+)/(?P<id>[A-Za-z0-9\-.]{1,64})(?:/_history/(?P<version>[A-Za-z0-9\-.]{1,64}))?"
)
_CONDITIONAL_REFERENCE = re.compile(r"(?:.*/)?(?P<type>[A-Z][A-Za-z]+)\?.*")
_URN_UUID = "urn:uuid:"
_ETAG_VERSION = re.compile(r'(?:W/)?"(?P<version>[A-Za-z0-9\-.]{1,64})"')


@dataclass(frozen=True, slots=True)
class ParsedReference:
    """A reference in any literal form, split into its parts (`conditional` when it is a search)."""

    resource_type: str
    resource_id: str | None
    version: str | None = None
    conditional: bool = False


def parse_reference(reference: str) -> ParsedReference | None:
    """`Patient/1`, `https://x/fhir/Patient/1/_history/2`, `Patient?identifier=a|b` -> parts; else None."""
    match = _LITERAL_REFERENCE.fullmatch(reference)
    if match is not None and match["type"] in resource_types():
        return ParsedReference(match["type"], match["id"], match["version"])
    match = _CONDITIONAL_REFERENCE.fullmatch(reference)
    if match is not None and match["type"] in resource_types():
        return ParsedReference(match["type"], None, conditional=True)
    return None


@dataclass(slots=True)
class Item:
    """What an envelope says about one landed item, besides the resource itself."""

    resource_type: str
    resource_id: str
    version_id: str | None = None
    last_updated: str | None = None
    entry: int | None = None
    original_references: list[dict[str, str]] = field(default_factory=list)


def missing_id_error(path: str = "Resource") -> ValidationError:
    return ValidationError(MISSING_ID, f"{path}.id")


def _text(value: object) -> str | None:
    return value if type(value) is str and value else None


def bare_item(
    resource: dict[str, Any], fallback_id: str | None = None, entry: int | None = None
) -> Item | None:
    """The envelope fields of a conformant resource; None when it has no id (and no fallback)."""
    resource_id = _text(resource.get("id")) or fallback_id
    if resource_id is None:
        return None
    meta = resource.get("meta")
    meta = meta if type(meta) is dict else {}
    return Item(
        resource_type=resource["resourceType"],
        resource_id=resource_id,
        version_id=_text(meta.get("versionId")),
        last_updated=_text(meta.get("lastUpdated")),
        entry=entry,
    )


def _id_from_full_url(full_url: str | None, resource_type: str) -> str | None:
    if full_url is None:
        return None
    if full_url.startswith(_URN_UUID):
        candidate = full_url[len(_URN_UUID) :]
        return candidate if _ID.fullmatch(candidate) else None
    parsed = parse_reference(full_url)
    if parsed is not None and parsed.resource_type == resource_type and not parsed.conditional:
        return parsed.resource_id
    return None


# --- references inside a Bundle -------------------------------------------------------------------


def local_targets(entries: list[Any]) -> dict[str, str]:
    """`urn:uuid:...` fullUrl -> `<Type>/<id>` for every entry that carries a resource."""
    targets: dict[str, str] = {}
    for entry in entries:
        if type(entry) is not dict:
            continue
        full_url, resource = _text(entry.get("fullUrl")), entry.get("resource")
        if full_url is None or not full_url.startswith(_URN_UUID) or type(resource) is not dict:
            continue
        resource_type = _text(resource.get("resourceType"))
        resource_id = _text(resource.get("id")) or _id_from_full_url(full_url, resource_type or "")
        if resource_type is not None and resource_id is not None:
            targets[full_url] = f"{resource_type}/{resource_id}"
    return targets


def _resolve_references(
    node: Any, path: str, targets: dict[str, str], item: Item, findings: list[ValidationError]
) -> None:
    """Rewrite `urn:uuid:` references to their targets in place, keeping each original in `item`."""
    if type(node) is dict:
        for key, value in node.items():
            if key == "reference" and type(value) is str and value.startswith(_URN_UUID):
                target = targets.get(value)
                if target is None:
                    findings.append(ValidationError(UNRESOLVED_REFERENCE, f"{path}.{key}"))
                else:
                    item.original_references.append({"path": f"{path}.{key}", "reference": value})
                    node[key] = target
            elif type(value) is dict or type(value) is list:
                _resolve_references(value, f"{path}.{key}", targets, item, findings)
    elif type(node) is list:
        for index, value in enumerate(node):
            if type(value) is dict or type(value) is list:
                _resolve_references(value, f"{path}[{index}]", targets, item, findings)


# --- entries ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Judged:
    """One entry's verdict before outcomes are built (a transaction needs all verdicts first)."""

    index: int
    errors: list[ValidationError]
    payload: Any = None
    item: Item | None = None
    resource: dict[str, Any] | None = None
    modified: bool = False
    findings: list[ValidationError] = field(default_factory=list)


def _deletion(entry: dict[str, Any], index: int, path: str) -> _Judged | None:
    """A DELETE request or a history tombstone as a deletion item; None when the entry is not one."""
    request = entry.get("request") if type(entry.get("request")) is dict else {}
    response = entry.get("response") if type(entry.get("response")) is dict else {}
    assert isinstance(request, dict) and isinstance(response, dict)
    is_delete = request.get("method") == "DELETE"
    is_tombstone = "resource" not in entry and str(response.get("status", "")).startswith("410")
    if not (is_delete or is_tombstone):
        return None
    url = _text(request.get("url")) or _text(entry.get("fullUrl")) or ""
    parsed = parse_reference(url)
    if parsed is None or parsed.resource_id is None:
        return _Judged(index, [ValidationError(UNRESOLVABLE_DELETE, f"{path}.request.url")], entry)
    etag = _ETAG_VERSION.fullmatch(str(response.get("etag", "")))
    item = Item(
        resource_type=parsed.resource_type,
        resource_id=parsed.resource_id,
        version_id=etag["version"] if etag else None,
        last_updated=_text(response.get("lastModified")),
        entry=index,
    )
    return _Judged(index, [], entry, item)


def _judge_entry(entry: Any, index: int, delivery: Delivery, targets: dict[str, str]) -> _Judged:
    path = f"Bundle.entry[{index}]"
    if type(entry) is not dict:
        return _Judged(index, [ValidationError(INVALID_TYPE, path)], entry)
    shell = {key: value for key, value in entry.items() if key != "resource"}
    errors = check_value(shell, "Bundle.entry", path) if shell else []
    if errors:
        return _Judged(index, errors, entry)
    deletion = _deletion(entry, index, path)
    if deletion is not None:
        return deletion
    resource = entry.get("resource")
    if resource is None:
        # A search request or a response without content: an entry, but no resource to land.
        return _Judged(index, [ValidationError(NOT_A_RESOURCE, f"{path}.resource")], entry)
    errors, findings = validate_resource(resource, now=delivery.received_at)
    if errors:
        return _Judged(index, [error._replace(path=f"{path}.{error.path}") for error in errors], resource)
    item = bare_item(
        resource, _id_from_full_url(_text(entry.get("fullUrl")), resource["resourceType"]), index
    )
    if item is None:
        return _Judged(index, [missing_id_error(f"{path}.resource")], resource)
    judged = _Judged(index, [], resource, item, resource, findings=findings)
    if targets:
        before = len(item.original_references)
        _resolve_references(resource, resource["resourceType"], targets, item, judged.findings)
        judged.modified = len(item.original_references) > before
    return judged


def _payload_bytes(payload: Any, raw: bytes | None) -> bytes:
    """The quarantined entry as JSON; the whole record when the entry cannot be written back."""
    try:
        return dump_exact(payload)
    except (TypeError, RecursionError, orjson.JSONEncodeError):
        if raw is not None:
            return raw
        return json.dumps(payload, default=str).encode()


def shell_errors(bundle: dict[str, Any]) -> list[ValidationError]:
    """Conformance errors of the Bundle itself, its entries left out (they are judged one by one)."""
    errors = check_resource({key: value for key, value in bundle.items() if key != "entry"})
    if "entry" in bundle and type(bundle["entry"]) is not list:
        errors.append(ValidationError(INVALID_TYPE, "Bundle.entry"))
    return errors


def entry_outcomes(
    entries: Iterable[tuple[Any, list[ValidationError]]],
    delivery: Delivery,
    targets: dict[str, str],
    canonical: bool,
    raw: bytes | None = None,
) -> Iterator[Outcome]:
    """One outcome per entry, in order; `entries` pairs each entry with errors found while decoding it."""
    for index, (entry, decoding_errors) in enumerate(entries):
        verdict = (
            _Judged(index, decoding_errors, entry)
            if decoding_errors
            else _judge_entry(entry, index, delivery, targets)
        )
        if verdict.errors or verdict.item is None:
            yield delivery.quarantine(verdict.errors, _payload_bytes(verdict.payload, raw), verdict.index)
            continue
        resource_bytes: bytes | None = None
        if verdict.resource is not None:
            exact = canonical and not verdict.modified
            resource_bytes = orjson.dumps(verdict.resource) if exact else dump_exact(verdict.resource)
        yield delivery.land(verdict.item, resource_bytes, verdict.findings)


def unbundle(bundle: dict[str, Any], decoded: Decoded, delivery: Delivery) -> list[Outcome]:
    """The outcomes of an in-memory Bundle: one per entry, or one for a Bundle that is itself unusable."""
    errors = shell_errors(bundle)
    if errors:
        return [delivery.quarantine(errors, decoded.text)]
    entries = bundle.get("entry", [])
    pairs: Iterator[tuple[Any, list[ValidationError]]] = ((entry, []) for entry in entries)
    return list(entry_outcomes(pairs, delivery, local_targets(entries), decoded.canonical, decoded.text))
