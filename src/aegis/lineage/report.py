"""The audit report for people (text), machines (JSON) and eyes (an HTML page with an SVG flow graph).

Only names, categories and paths appear: the audit never reads data values.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from dataclasses import dataclass

from aegis.lineage.audit import AuditReport
from aegis.lineage.categories import (
    STRICTNESS_DATES_GEO,
    STRICTNESS_DIRECT,
    STRICTNESS_QUASI,
    is_phi,
    strictness,
)

COLOURS = {STRICTNESS_DIRECT: "#c0392b", STRICTNESS_DATES_GEO: "#e67e22", STRICTNESS_QUASI: "#b7950b"}
BOX_WIDTH, BOX_HEIGHT, COLUMN_GAP, ROW_GAP, MARGIN = 230, 26, 120, 14, 20


def render_text(report: AuditReport) -> str:
    lines = [finding.text() for finding in report.findings]
    verdict = "clean" if report.clean else f"{len(report.findings)} finding(s)"
    lines.append(
        f"lineage audit ({report.dialect}): {report.models} models, {len(report.columns)} columns, "
        f"{verdict}, {report.seconds:.2f}s"
    )
    return "\n".join(lines)


def render_json(report: AuditReport) -> str:
    return json.dumps(report.to_dict(), indent=2, sort_keys=True)


@dataclass(frozen=True)
class Flow:
    upstream: str
    downstream: str
    category: str


def flows(report: AuditReport) -> dict[tuple[str, str], set[str]]:
    """(upstream relation, downstream relation) -> PHI categories flowing along that edge."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for column in report.columns:
        for upstream in column.upstream:
            if is_phi(upstream.category):
                found[(upstream.node, column.model)].add(upstream.category)
    return found


def _depths(edges: dict[tuple[str, str], set[str]]) -> dict[str, int]:
    """Longest distance from a root, so every edge points right."""
    parents: dict[str, set[str]] = defaultdict(set)
    names: set[str] = set()
    for upstream, downstream in edges:
        parents[downstream].add(upstream)
        names.update((upstream, downstream))
    depth: dict[str, int] = {}

    def visit(name: str, trail: frozenset[str]) -> int:
        if name not in depth:
            above = [visit(p, trail | {name}) for p in parents[name] if p not in trail]
            depth[name] = 1 + max(above) if above else 0
        return depth[name]

    for name in sorted(names):
        visit(name, frozenset())
    return depth


def render_svg(report: AuditReport) -> str:
    edges = flows(report)
    depth = _depths(edges)
    columns: dict[int, list[str]] = defaultdict(list)
    for name in sorted(depth):
        columns[depth[name]].append(name)
    position: dict[str, tuple[int, int]] = {}
    for level, names in columns.items():
        for row, name in enumerate(names):
            position[name] = (
                MARGIN + level * (BOX_WIDTH + COLUMN_GAP),
                MARGIN + row * (BOX_HEIGHT + ROW_GAP),
            )
    width = MARGIN * 2 + (max(columns, default=0) + 1) * (BOX_WIDTH + COLUMN_GAP)
    height = MARGIN * 2 + max((len(n) for n in columns.values()), default=1) * (BOX_HEIGHT + ROW_GAP)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        'font-family="sans-serif" font-size="11">'
    ]
    for (upstream, downstream), categories in sorted(edges.items()):
        (x1, y1), (x2, y2) = position[upstream], position[downstream]
        worst = max(strictness(c) for c in categories)
        label = html.escape(", ".join(sorted(categories)))
        parts.append(
            f'<path d="M{x1 + BOX_WIDTH},{y1 + BOX_HEIGHT // 2} C{x1 + BOX_WIDTH + 60},'
            f'{y1 + BOX_HEIGHT // 2} {x2 - 60},{y2 + BOX_HEIGHT // 2} {x2},{y2 + BOX_HEIGHT // 2}" '
            f'fill="none" stroke="{COLOURS[worst]}" stroke-width="{worst}" opacity="0.7">'
            f"<title>{html.escape(upstream)} -&gt; {html.escape(downstream)}: {label}</title></path>"
        )
    flagged = {f.model for f in report.findings}
    for name, (x, y) in sorted(position.items()):
        stroke = "#c0392b" if name in flagged else "#555"
        parts.append(
            f'<rect x="{x}" y="{y}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="4" fill="#fdfefe" '
            f'stroke="{stroke}" stroke-width="{3 if name in flagged else 1}"/>'
            f'<text x="{x + 6}" y="{y + 17}">{html.escape(name[:36])}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def render_html(report: AuditReport) -> str:
    by_category: dict[str, list[str]] = defaultdict(list)
    for column in report.columns:
        for upstream in column.upstream:
            if is_phi(upstream.category):
                by_category[upstream.category].append(
                    f"{upstream.label()} -> {column.model}.{column.column} [{column.declared}]"
                )
    rows = "".join(
        f"<h3>{html.escape(category)}</h3><ul>"
        + "".join(f"<li>{html.escape(item)}</li>" for item in sorted(set(items)))
        + "</ul>"
        for category, items in sorted(by_category.items(), key=lambda kv: (-strictness(kv[0]), kv[0]))
    )
    findings = (
        "".join(f"<li><pre>{html.escape(f.text())}</pre></li>" for f in report.findings) or "<li>none</li>"
    )
    legend = " ".join(
        f'<span style="color:{colour}">&#9632; {label}</span>'
        for label, colour in (
            ("direct identifiers", COLOURS[STRICTNESS_DIRECT]),
            ("dates / geography", COLOURS[STRICTNESS_DATES_GEO]),
            ("quasi", COLOURS[STRICTNESS_QUASI]),
        )
    )
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>Aegis PHI lineage</title></head><body>"
        f"<h1>Where PHI flows</h1><p>{html.escape(render_text(report).splitlines()[-1])}</p><p>{legend}; "
        f"a red box is a model with findings.</p>{render_svg(report)}<h2>Findings</h2><ul>{findings}</ul>"
        f"<h2>Flows by category</h2>{rows}</body></html>"
    )
