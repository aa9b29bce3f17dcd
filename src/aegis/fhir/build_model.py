"""Compile the official FHIR R4 StructureDefinitions into the element model the validator reads.

Input: the official R4 package `hl7.fhir.r4.examples` 4.0.1 (HL7, CC0-1.0), which ships every core
StructureDefinition with its snapshot. Output: `aegis/fhir/r4_model.json`, checked in, so that a fresh
clone validates without the 190 MB package. Run again only to move to another FHIR version:

    npm pack hl7.fhir.r4.examples@4.0.1 && tar xzf hl7.fhir.r4.examples-4.0.1.tgz
    python -m aegis.fhir.build_model --package package --out src/aegis/fhir/r4_model.json

What is kept, per type (resource, complex datatype, backbone element): each JSON property name with its
type, minimum cardinality, whether it is an array, and the choice group it belongs to (`value[x]` becomes
`valueQuantity`, `valueString`, ... in group `value`). Per primitive: its JSON type and the spec's regex.
Nothing is invented here: every entry comes from a snapshot element.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path
from typing import Any

import orjson

FHIR_TYPE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type"
REGEX_EXTENSION = "http://hl7.org/fhir/StructureDefinition/regex"
SYSTEM_STRING = "http://hl7.org/fhirpath/System.String"
# The JSON shape of each primitive (everything else is a JSON string).
PRIMITIVE_JSON = {
    "boolean": "boolean",
    "integer": "integer",
    "positiveInt": "integer",
    "unsignedInt": "integer",
    "decimal": "number",
}
# Element types that open a nested structure defined inline (its children follow in the snapshot).
INLINE_STRUCTURES = frozenset({"BackboneElement", "Element"})


def _extension_value(type_entry: dict[str, Any], url: str) -> str | None:
    for extension in type_entry.get("extension", []):
        if extension.get("url") == url:
            value = extension.get("valueUrl", extension.get("valueString"))
            return str(value) if value is not None else None
    return None


def _type_code(type_entry: dict[str, Any]) -> str:
    code = str(type_entry["code"])
    if code.startswith("http://hl7.org/fhirpath/System."):
        # id, extension url and primitive values are typed by FHIRPath system types in the snapshot; the
        # FHIR type they stand for is in the fhir-type extension.
        return _extension_value(type_entry, FHIR_TYPE_EXTENSION) or "string"
    return code


def _required_value_set(element: dict[str, Any], code: str) -> str:
    """The value set a `code` element is bound to with strength required ("" when none)."""
    binding = element.get("binding", {})
    if code != "code" or binding.get("strength") != "required" or "valueSet" not in binding:
        return ""
    return str(binding["valueSet"]).split("|")[0]


def _element_entries(
    structure: dict[str, Any], owner_of_children: set[str]
) -> dict[str, dict[str, list[Any]]]:
    """{owning type: {json name: [type, min, is_array, choice group, required value set]}} for one
    StructureDefinition."""
    types: dict[str, dict[str, list[Any]]] = {}
    root = structure["type"]
    elements = structure["snapshot"]["element"]
    for element in elements:
        path: str = element["path"]
        if "." not in path:
            types.setdefault(root, {})
            continue
        owner, name = path.rsplit(".", 1)
        owner = root if owner == structure["snapshot"]["element"][0]["path"] else owner
        minimum = int(element.get("min", 0))
        is_array = element.get("max", "1") != "1" and element.get("max") != "0"
        if element.get("max") == "0":
            continue
        entries = types.setdefault(owner, {})
        if "contentReference" in element:
            entries[name] = [element["contentReference"].lstrip("#"), minimum, is_array, "", ""]
            continue
        type_entries = element.get("type", [])
        if path in owner_of_children:
            entries[name] = [path, minimum, is_array, "", ""]
            types.setdefault(path, {})
            continue
        if name.endswith("[x]"):
            base = name[:-3]
            for type_entry in type_entries:
                code = _type_code(type_entry)
                entries[base + code[0].upper() + code[1:]] = [
                    code,
                    minimum,
                    is_array,
                    base,
                    _required_value_set(element, code),
                ]
            continue
        codes = {_type_code(type_entry) for type_entry in type_entries}
        if len(codes) != 1:
            raise ValueError(f"{path}: expected one type, found {sorted(codes)}")
        code = codes.pop()
        entries[name] = [code, minimum, is_array, "", _required_value_set(element, code)]
    return types


def _structures_with_children(structure: dict[str, Any]) -> set[str]:
    paths = [element["path"] for element in structure["snapshot"]["element"]]
    parents = {path.rsplit(".", 1)[0] for path in paths if "." in path}
    inline: set[str] = set()
    for element in structure["snapshot"]["element"]:
        codes = {type_entry.get("code") for type_entry in element.get("type", [])}
        if element["path"] in parents and codes & INLINE_STRUCTURES and "." in element["path"]:
            inline.add(element["path"])
    return inline


def _concept_codes(concepts: list[dict[str, Any]]) -> list[str]:
    """Every code of a CodeSystem's concept tree (concepts nest)."""
    found: list[str] = []
    for concept in concepts:
        found.append(concept["code"])
        found += _concept_codes(concept.get("concept", []))
    return found


def _expand_value_sets(package: Path, wanted: set[str]) -> dict[str, list[str]]:
    """Codes of each wanted value set that the package can expand by itself: includes of whole code
    systems of the package or of listed concepts, no filters, no excludes. Others are left out (their
    elements are then checked for format only), and the model says which."""
    code_systems: dict[str, list[str]] = {}
    value_sets: dict[str, dict[str, Any]] = {}
    for file in package.glob("CodeSystem-*.json"):
        system = orjson.loads(file.read_bytes())
        if system.get("content") == "complete":
            code_systems[system["url"]] = _concept_codes(system.get("concept", []))
    for file in package.glob("ValueSet-*.json"):
        value_set = orjson.loads(file.read_bytes())
        value_sets[value_set["url"]] = value_set
    expanded: dict[str, list[str]] = {}
    for url in sorted(wanted):
        compose = value_sets.get(url, {}).get("compose")
        if not compose or compose.get("exclude"):
            continue
        codes: list[str] = []
        for include in compose.get("include", []):
            if include.get("filter") or include.get("valueSet") or "system" not in include:
                codes = []
                break
            if "concept" in include:
                codes += [concept["code"] for concept in include["concept"]]
            elif include["system"] in code_systems:
                codes += code_systems[include["system"]]
            else:
                codes = []
                break
        if codes:
            expanded[url] = sorted(set(codes))
    return expanded


def build_model(package: Path) -> dict[str, Any]:
    primitives: dict[str, dict[str, Any]] = {}
    types: dict[str, dict[str, Any]] = {}
    for file in sorted(package.glob("StructureDefinition-*.json")):
        structure = orjson.loads(file.read_bytes())
        # Profiles (constraints) and logical models are not base types; Element and Resource have no
        # derivation at all, being the roots.
        if structure.get("derivation") == "constraint" or structure.get("kind") == "logical":
            continue
        kind = structure["kind"]
        name = structure["type"]
        if kind == "primitive-type":
            value = next(e for e in structure["snapshot"]["element"] if e["path"] == f"{name}.value")
            regex = _extension_value(value["type"][0], REGEX_EXTENSION)
            primitives[name] = {"json": PRIMITIVE_JSON.get(name, "string"), "regex": regex}
            continue
        owned = _element_entries(structure, _structures_with_children(structure))
        for owner, elements in owned.items():
            types[owner] = {
                "kind": ("resource" if kind == "resource" else "complex") if owner == name else "backbone",
                "abstract": bool(structure.get("abstract")) if owner == name else False,
                "elements": dict(sorted(elements.items())),
            }
    # The R4 snapshots type Resource.id as a plain string; the specification defines it as `id`.
    for type_name, spec in types.items():
        if spec["kind"] == "resource" and "id" in spec["elements"]:
            spec["elements"]["id"][0] = "id"
        del type_name
    wanted = {spec[4] for t in types.values() for spec in t["elements"].values() if spec[4]}
    value_sets = _expand_value_sets(package, wanted)
    # Bindings the package cannot expand (filters, external systems such as BCP-47 or MIME types) are
    # dropped from the element, so the validator checks exactly what the model lists.
    for spec_type in types.values():
        for spec in spec_type["elements"].values():
            if spec[4] and spec[4] not in value_sets:
                spec[4] = ""
    return {
        "primitives": dict(sorted(primitives.items())),
        "types": dict(sorted(types.items())),
        "value_sets": value_sets,
        "unexpanded_required_bindings": sorted(wanted - set(value_sets)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=Path, required=True, help="the unpacked package/ folder")
    parser.add_argument("--out", type=Path, required=True)
    arguments = parser.parse_args()
    manifest = orjson.loads((arguments.package / "package.json").read_bytes())
    digest = hashlib.sha256()
    for file in sorted(arguments.package.glob("StructureDefinition-*.json")):
        digest.update(file.read_bytes())
    model = {
        "fhirVersion": manifest["fhirVersions"][0],
        "source": {
            "package": f"{manifest['name']}@{manifest['version']}",
            "license": manifest["license"],
            "structure_definitions_sha256": digest.hexdigest(),
        },
        **build_model(arguments.package),
    }
    arguments.out.write_bytes(orjson.dumps(model, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))
    print(f"{arguments.out}: {len(model['types'])} types, {len(model['primitives'])} primitives")


if __name__ == "__main__":
    main()
