"""PHI at a glance in dbt docs: tags and a classification table derived from `config.meta.phi`.

`config.meta.phi` on each column stays the one source of truth. From it this module derives, in the model
and snapshot YAML files:

- column tags: `phi` and `phi:<category>` for a PHI column, `phi:quasi` for a quasi-identifier, none for
  `none`; node tags: `phi` and every `phi:<category>` of its columns (so `dbt ls -s tag:phi` and the docs
  graph filter `tag:phi:ssn` work: dbt selects nodes by their own tags, not their columns');
- a generated `_<folder>__classification.md` next to each YAML, one docs block per node with a table of
  column, category and what every access tier reads, and a `{{ doc("phi_classification__<node>") }}` at
  the end of the node's description, so the classification shows on the model page without clicking.

`python -m aegis.governance.phi_docs` writes them (small text edits: the YAML files are hand-written and
keep their layout); `--check` (part of `make test`) fails when anything is stale. It also checks that
`meta.contains_phi` agrees with the columns. It reads the YAML files, not the manifest: no dbt parse.
"""

from __future__ import annotations

import argparse
import copy
import itertools
import json
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]  # no types-PyYAML in the pinned toolchain

from aegis.artifacts import merged_meta
from aegis.governance.classification import GovernanceSettings

NON_PHI = {"none", "quasi"}
SECTIONS = ("models", "snapshots")
WIDTH = 116


def column_tags(category: object) -> list[str]:
    if not isinstance(category, str) or category == "none":
        return []
    if category == "quasi":
        return ["phi:quasi"]
    return ["phi", f"phi:{category}"]


def node_tags(columns: list[dict[str, Any]]) -> list[str]:
    """`contains_phi` when any column is not `none` (as meta.contains_phi), `phi` when one is an identifier."""
    categories = {merged_meta(column).get("phi") for column in columns} - {None, "none"}
    if not categories:
        return []
    tags = {"contains_phi"}
    for category in categories:
        tags.update(column_tags(category))
    return sorted(tags, key=lambda t: (t != "contains_phi", t != "phi", t))


def doc_name(node: str) -> str:
    return f"phi_classification__{node}"


def doc_ref(node: str) -> str:
    return '{{ doc("' + doc_name(node) + '") }}'


def classification_block(node: dict[str, Any], settings: GovernanceSettings) -> str:
    """The docs block of one node: column, category and what each tier reads."""
    meta = merged_meta(node)
    aggregate_safe = bool(meta.get("aggregate_safe"))
    lines = [
        "{% docs " + doc_name(str(node["name"])) + " %}",
        "**PHI classification** (generated from each column's `config.meta.phi` by "
        "`python -m aegis.governance.phi_docs`; see docs/classification.md). A tier column says what "
        "that access tier reads.",
        "",
        "| column | category | " + " | ".join(settings.tiers) + " |",
        "|---|---|" + "---|" * len(settings.tiers),
    ]
    for column in node.get("columns") or []:
        cmeta = merged_meta(column)
        category = cmeta.get("phi")
        overrides = cmeta.get("phi_strategy") or {}
        cells = []
        for tier in settings.tiers:
            readable = tier != "aggregate" or aggregate_safe
            cells.append(settings.strategy_for(tier, str(category), overrides) if readable else "deny")
        shown = f"**{category}**" if category not in NON_PHI else str(category)
        lines.append(f"| `{column['name']}` | {shown} | " + " | ".join(cells) + " |")
    if not aggregate_safe:
        lines += ["", "Not `aggregate_safe`: the aggregate tier reads nothing of it."]
    row_column = meta.get("sensitive_row_column")
    if row_column:
        group = meta.get("sensitive_row_group") or settings.default_sensitive_group
        allowed = (settings.sensitive_groups.get(group) or {}).get("allowed_tiers", [])
        lines += [
            "",
            f"Rows marked by `{row_column}` ({group}) are visible to {', '.join(allowed) or 'no tier'} only.",
        ]
    lines.append("{% enddocs %}")
    return "\n".join(lines)


@dataclass
class _Span:
    """Where one YAML node or column sits in the file (line indexes, end exclusive)."""

    name: str
    start: int
    end: int
    key_indent: int
    config: int | None = None
    description: tuple[int, int] | None = None
    columns: list[_Span] = field(default_factory=list)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _block_end(lines: list[str], start: int, indent: int) -> int:
    """First line after `start` that is not blank and indented at most `indent`."""
    i = start + 1
    while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) > indent):
        i += 1
    # Trailing blank lines belong to what follows.
    while i > start + 1 and not lines[i - 1].strip():
        i -= 1
    return i


_ITEM = re.compile(r"^(?P<indent>\s*)- name:\s*(?P<name>\S+)\s*$")
_ANCHORED = re.compile(r"^(?P<indent>\s*)- &\S+\s*$")
_KEY_NAME = re.compile(r"^\s*name:\s*(?P<name>\S+)\s*$")


def _items(lines: list[str], start: int, end: int) -> list[_Span]:
    """The `- name:` items of a list that spans lines [start, end)."""
    spans: list[_Span] = []
    item_indent: int | None = None
    for i in range(start, end):
        match = _ITEM.match(lines[i])
        anchored = _ANCHORED.match(lines[i])
        if anchored and i + 1 < end:
            # `- &id001` then `name: x` on the next line: a column other columns reuse as `- *id001`.
            name = _KEY_NAME.match(lines[i + 1])
            if name and _indent(lines[i + 1]) == len(anchored.group("indent")) + 2:
                match = None
                indent = len(anchored.group("indent"))
                item_indent = indent if item_indent is None else item_indent
                if indent == item_indent:
                    spans.append(_Span(name.group("name"), i, end, indent + 2))
                continue
        if not match:
            continue
        indent = len(match.group("indent"))
        if item_indent is None:
            item_indent = indent
        if indent != item_indent:
            continue
        spans.append(_Span(match.group("name"), i, end, indent + 2))
    for before, after in itertools.pairwise(spans):
        before.end = after.start
    for span in spans:
        _fill(lines, span)
    return spans


def _fill(lines: list[str], span: _Span) -> None:
    for i in range(span.start, span.end):
        line = lines[i]
        text = line.strip()
        if i == span.start:
            continue
        if not text or _indent(line) != span.key_indent:
            continue
        if text == "config:":
            span.config = i
        elif text.startswith("description:"):
            span.description = (i, _block_end(lines, i, span.key_indent))
        elif text == "columns:":
            span.columns = _items(lines, i + 1, _block_end(lines, i, span.key_indent))


def _tags_edit(lines: list[str], span: _Span, tags: list[str]) -> list[tuple[int, int, list[str]]]:
    """Edits (start, end, replacement) that make the span's config.tags equal `tags`."""
    child = span.key_indent + 2
    rendered = _flow_list("tags", tags, child)
    if span.config is None:
        if not tags:
            return []
        return [(span.start + 1, span.start + 1, [" " * span.key_indent + "config:", *rendered])]
    config_end = _block_end(lines, span.config, span.key_indent)
    for i in range(span.config + 1, config_end):
        if _indent(lines[i]) == child and lines[i].strip().startswith("tags:"):
            return [(i, _block_end(lines, i, child), rendered if tags else [])]
    return [(span.config + 1, span.config + 1, rendered)] if tags else []


def _flow_list(key: str, items: list[str], indent: int) -> list[str]:
    """`key: ["a", "b"]`, continued on more-indented lines past the line width."""
    lines = [" " * indent + f"{key}: ["]
    for number, item in enumerate(items):
        piece = json.dumps(item) + (", " if number < len(items) - 1 else "]")
        if len(lines[-1]) + len(piece.rstrip()) > WIDTH and not lines[-1].endswith("["):
            lines[-1] = lines[-1].rstrip()
            lines.append(" " * (indent + 2))
        lines[-1] += piece
    return lines


def _folded(value: str, indent: int) -> list[str] | None:
    """`value` as a `>-` block at `indent`, or None when folding would not read back the same."""
    lines = ["description: >-"]
    for number, paragraph in enumerate(value.split("\n")):
        if number:
            lines.append("")
        lines += [
            " " * (indent + 2) + piece
            for piece in textwrap.wrap(
                paragraph, WIDTH - indent, break_long_words=False, break_on_hyphens=False
            )
        ]
    text = "\n".join(lines)
    if yaml.safe_load(text) != {"description": value}:
        return None
    return [" " * indent + lines[0], *lines[1:]]


def _description_edit(lines: list[str], span: _Span, current: str | None) -> list[tuple[int, int, list[str]]]:
    ref = doc_ref(span.name)
    if current is not None and current.rstrip().endswith(ref):
        return []
    value = f"{current.rstrip()}\n\n{ref}" if current else ref
    if span.description is not None and lines[span.description[0]].strip() in (
        "description: >-",
        "description: >",
    ):
        # A folded block keeps its lines; two blank lines fold to the paragraph break before the table.
        end = span.description[1]
        return [(end, end, ["", "", " " * (span.key_indent + 2) + ref])]
    replacement = _folded(value, span.key_indent) or [
        " " * span.key_indent + "description: " + json.dumps(value, ensure_ascii=False)
    ]
    if span.description is None:
        return [(span.start + 1, span.start + 1, replacement)]
    return [(span.description[0], span.description[1], replacement)]


def _expected(parsed: dict[str, Any]) -> dict[str, Any]:
    """The parsed YAML as it must read after the edits (what the text edit is verified against)."""
    expected: dict[str, Any] = copy.deepcopy(parsed)
    for section in SECTIONS:
        for node in expected.get(section) or []:
            columns = node.get("columns") or []
            for column in columns:
                _set_tags(column, column_tags(merged_meta(column).get("phi")))
            _set_tags(node, node_tags(columns))
            current = node.get("description")
            ref = doc_ref(str(node["name"]))
            if not (current or "").rstrip().endswith(ref):
                node["description"] = f"{current.rstrip()}\n\n{ref}" if current else ref
    return expected


def _set_tags(thing: dict[str, Any], tags: list[str]) -> None:
    config = thing.get("config")
    if tags:
        thing["config"] = config = config if config is not None else {}
        config["tags"] = tags
    elif config is not None:
        config.pop("tags", None)


def render_yaml(text: str, path: Path) -> str:
    """The YAML text with derived tags and description references (unchanged when up to date)."""
    parsed = yaml.safe_load(text) or {}
    lines = text.split("\n")
    edits: list[tuple[int, int, list[str]]] = []
    for section in SECTIONS:
        nodes = {str(n["name"]): n for n in parsed.get(section) or []}
        if not nodes:
            continue
        start = lines.index(f"{section}:")
        for span in _items(lines, start + 1, _block_end(lines, start, 0)):
            node = nodes[span.name]
            columns = {str(c["name"]): c for c in node.get("columns") or []}
            for column_span in span.columns:
                category = merged_meta(columns[column_span.name]).get("phi")
                edits += _tags_edit(lines, column_span, column_tags(category))
            edits += _tags_edit(lines, span, node_tags(list(columns.values())))
            edits += _description_edit(lines, span, node.get("description"))
    for start, end, replacement in sorted(edits, key=lambda e: e[0], reverse=True):
        lines[start:end] = replacement
    rendered = "\n".join(lines)
    if yaml.safe_load(rendered) != _expected(parsed):
        raise ValueError(f"{path}: the YAML layout is not one the tag writer understands; edit it by hand")
    return rendered


def docs_path(yaml_path: Path) -> Path:
    stem = yaml_path.stem.removesuffix("__models").removesuffix("__snapshots")
    return yaml_path.with_name(f"{stem}__classification.md")


def render_docs(parsed: dict[str, Any], yaml_name: str, settings: GovernanceSettings) -> str | None:
    blocks = [
        classification_block(node, settings)
        for section in SECTIONS
        for node in parsed.get(section) or []
        if node.get("columns")
    ]
    if not blocks:
        return None
    header = (
        "{#- Generated by `python -m aegis.governance.phi_docs` from config.meta.phi in "
        f"{yaml_name}; do not edit. -#}}\n"
    )
    return header + "\n\n".join(blocks) + "\n"


def yaml_files(project_dir: Path) -> list[Path]:
    found = sorted((project_dir / "models").rglob("_*.yml")) + sorted(
        (project_dir / "snapshots").rglob("_*.yml")
    )
    return [p for p in found if any((yaml.safe_load(p.read_text()) or {}).get(s) for s in SECTIONS)]


def contains_phi_errors(parsed: dict[str, Any], path: Path) -> list[str]:
    errors = []
    for section in SECTIONS:
        for node in parsed.get(section) or []:
            columns = node.get("columns") or []
            if not columns:
                continue
            declared = merged_meta(node).get("contains_phi")
            derived = "contains_phi" in node_tags(columns)
            if declared is not None and bool(declared) != derived:
                errors.append(
                    f"{path}: {node['name']} declares meta.contains_phi: {str(declared).lower()} but its "
                    f"columns say {str(derived).lower()} (true when any column's phi is not none)"
                )
    return errors


def run(project_dir: Path, check: bool) -> list[str]:
    """Write (or with `check`, compare) every derived file; returns the problems (stale files, mismatches)."""
    settings = GovernanceSettings.load(project_dir)
    problems: list[str] = []
    files = yaml_files(project_dir)
    if not files:
        return [f"{project_dir}: no model or snapshot YAML found (nothing to check)"]
    for path in files:
        text = path.read_text()
        shown = path.relative_to(project_dir)
        parsed = yaml.safe_load(text) or {}
        problems += contains_phi_errors(parsed, shown)
        wanted = {path: render_yaml(text, shown)}
        docs = render_docs(parsed, path.name, settings)
        if docs is not None:
            wanted[docs_path(path)] = docs
        for target, content in wanted.items():
            current = target.read_text() if target.exists() else None
            if current == content:
                continue
            if check:
                problems.append(
                    f"{target.relative_to(project_dir)} is stale: run `python -m aegis.governance.phi_docs`"
                )
            else:
                target.write_text(content)
    return problems


def check_docs_page(
    target_dir: Path, model: str, screenshot: Path, project_dir: Path | None = None
) -> list[str]:
    """Open `model`'s page of the generated dbt docs in headless Chromium; the problems found.

    The classification must be in the rendered DOM without a click: the table's title and, for every
    column, a row with its name and category. The screenshot must not be blank and the console silent.
    """
    from aegis.browser import distinct_colours, render, serve_directory

    manifest = json.loads((target_dir / "manifest.json").read_text())
    node = manifest["nodes"].get(f"model.{manifest['metadata']['project_name']}.{model}")
    if node is None:
        return [f"{target_dir}/manifest.json has no model {model}: run dbt docs generate first"]
    columns = [(str(c["name"]), merged_meta(c).get("phi")) for c in node["columns"].values()]
    if not columns:
        return [f"{model} declares no columns: nothing to check on its docs page"]
    with serve_directory(target_dir) as base:
        page = render(f"{base}/index.html#!/model/{node['unique_id']}", screenshot)
    problems = [f"console: {line}" for line in page.console]
    cells = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "|", page.dom))
    # Rendered markdown, not the raw text the (hidden) search results hold for every model.
    if not re.search(r"<strong[^>]*>PHI classification</strong>", page.dom):
        problems.append(f"{model}: no PHI classification table on its docs page")
    for name, category in columns:
        if not re.search(rf"\|\s*{re.escape(name)}\s*\|[|\s]*{re.escape(str(category))}\s*\|", cells):
            problems.append(f"{model}.{name}: its category {category} is not shown next to it on the page")
    colours = distinct_colours(page.screenshot)
    if colours < 16:
        problems.append(f"{model}: the screenshot {page.screenshot} looks blank ({colours} colours)")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="fail when a derived tag or doc is stale")
    parser.add_argument("--project-dir", type=Path, default=Path.cwd())
    parser.add_argument(
        "--docs-page",
        type=Path,
        metavar="TARGET_DIR",
        help="instead: open a model page of the dbt docs generated in TARGET_DIR in headless Chromium",
    )
    parser.add_argument("--model", default="dim_patient", help="the model page --docs-page opens")
    parser.add_argument("--screenshot", type=Path, help="where --docs-page saves its PNG")
    args = parser.parse_args(argv)
    if args.docs_page:
        shot = args.screenshot or args.docs_page / "phi-docs-page.png"
        problems = check_docs_page(args.docs_page, args.model, shot)
        for problem in problems:
            print(problem, file=sys.stderr)
        if not problems:
            print(f"{args.model}: classification shown on its dbt docs page ({shot})")
        return 1 if problems else 0
    problems = run(args.project_dir.resolve(), args.check)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print("PHI tags and classification docs are up to date" if args.check else "PHI tags and docs written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
