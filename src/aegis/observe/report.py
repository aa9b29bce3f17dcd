"""`aegis observe report`: one self-contained HTML page over the observability history.

The page holds SLO status per source and mart with a lag chart, daily volumes with the expected band and
the flagged days, test pass rates per build, quarantine (DLQ) rates by reason, schema drift events, and
links to the access matrix and the lineage audit. Chart.js is inlined from `vendor/chartjs` (no network
when the page is opened). Everything shown is a name, a count, a duration or a status from the history
tables: the page has no way to show a data value.
"""

from __future__ import annotations

import html
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from aegis.observe.anomaly import detect, series_by_relation
from aegis.observe.history import Store
from aegis.observe.slo import declared_slos
from aegis.paths import Paths

VENDOR = Path(__file__).parent / "vendor" / "chartjs"


def chartjs_source() -> str:
    return (VENDOR / "chart.umd.js").read_text(encoding="utf-8")


def _h(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _table(headers: list[str], rows: list[list[Any]], empty: str) -> str:
    if not rows:
        return f'<p class="empty">{_h(empty)}</p>'
    head = "".join(f"<th>{_h(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_h(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _latest_build(store: Store) -> dict[str, Any] | None:
    builds = [r for r in store.rows("invocations") if r["command"] in ("build", "run")]
    return max(builds, key=lambda r: str(r["generated_at"]), default=None)


def collect(store: Store, manifest: dict[str, Any] | None) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready data."""
    latest = _latest_build(store)
    lags = [
        r for r in store.rows("freshness_lags") if latest and r["invocation_id"] == latest["invocation_id"]
    ]
    freshness: dict[str, dict[str, Any]] = {}
    for row in store.rows("source_freshness"):
        uid = str(row["unique_id"])
        if uid not in freshness or str(row["snapshotted_at"]) > str(freshness[uid]["snapshotted_at"]):
            freshness[uid] = row
    slo_rows: list[list[Any]] = []
    for slo in declared_slos(manifest or {}):
        for uid in slo.tables:
            measured = freshness.get(uid)
            age = float(measured["age_s"]) if measured and measured["age_s"] is not None else None
            status = "no measurement" if age is None else ("breached" if age > slo.max_age_s else "met")
            slo_rows.append(
                [
                    slo.name,
                    f"source {uid.rsplit('.', 1)[-1]}",
                    f"<= {slo.max_age_s / 3600:g} h",
                    "-" if age is None else f"{age / 3600:.2f} h",
                    status,
                ]
            )
        if slo.lag_p95_s is not None:
            for lag in (r for r in lags if r["subject_kind"] == "mart"):
                p95 = float(lag["p95_s"])
                slo_rows.append(
                    [
                        f"{slo.name}_lag",
                        f"mart {lag['subject']}",
                        f"p95 <= {slo.lag_p95_s / 3600:g} h",
                        f"{p95 / 3600:.2f} h",
                        "breached" if p95 > slo.lag_p95_s else "met",
                    ]
                )
    volumes = []
    for relation, (first, series) in sorted(series_by_relation(store.rows("volumes")).items()):
        points = []
        for i, value in enumerate(series):
            verdict = detect(series, i)
            points.append(
                {
                    "day": str(first + timedelta(days=i)),
                    "observed": value,
                    "low": verdict.low,
                    "high": verdict.high,
                    "status": verdict.status,
                    "reason": verdict.reason,
                }
            )
        volumes.append({"relation": relation, "points": points})
    invocation_time = {str(r["invocation_id"]): str(r["generated_at"]) for r in store.rows("invocations")}
    tests: dict[str, list[int]] = {}
    for row in store.rows("test_results"):
        counts = tests.setdefault(str(row["invocation_id"]), [0, 0])
        counts[1] += 1
        counts[0] += int(row["status"] == "pass")
    test_rates = sorted(
        (
            {"at": invocation_time.get(i, i)[:19], "rate": 100.0 * p / n, "tests": n}
            for i, (p, n) in tests.items()
        ),
        key=lambda r: str(r["at"]),
    )
    loads = {str(r["load_id"]): r for r in store.rows("load_reports")}
    quarantine: list[dict[str, Any]] = []
    for row in store.rows("load_counts"):
        load = loads.get(str(row["load_id"]))
        if row["kind"] == "quarantined" and load and load["items_in"]:
            quarantine.append(
                {
                    "load": str(load["started_at"])[:19],
                    "reason": row["label"],
                    "rate": 100.0 * float(row["items"]) / float(load["items_in"]),
                    "items": row["items"],
                }
            )
    drift = [
        [
            str(r["detected_at"])[:19],
            r["scope"],
            r["relation"],
            r["column_name"],
            r["change"],
            r["old_type"] or "",
            r["new_type"] or "",
        ]
        for r in store.rows("drift_events", order_by="detected_at desc, relation, column_name")
    ]
    alerts = [
        [
            str(r["sent_at"])[:19],
            r["slo"],
            r["relation"],
            r["metric"],
            r["expected"],
            r["observed"],
            r["channels"],
        ]
        for r in store.rows("alerts", order_by="sent_at desc")
    ]
    return {
        "latest_build": latest and str(latest["generated_at"])[:19],
        "slo_rows": slo_rows,
        "lags": [
            {
                "subject": f"{r['subject_kind']}: {r['subject']}",
                "p50_h": float(r["p50_s"]) / 3600,
                "p95_h": float(r["p95_s"]) / 3600,
            }
            for r in lags
        ],
        "volumes": volumes,
        "tests": test_rates,
        "quarantine": quarantine,
        "drift": drift,
        "alerts": alerts,
    }


_SCRIPT = """
const data = JSON.parse(document.getElementById('aegis-data').textContent);
Chart.defaults.animation = false;
function chart(id, config) { const el = document.getElementById(id); if (el) new Chart(el, config); }
chart('lag-chart', {type: 'bar', data: {labels: data.lags.map(r => r.subject), datasets: [
  {label: 'p50 lag (h)', data: data.lags.map(r => r.p50_h), backgroundColor: '#4e79a7'},
  {label: 'p95 lag (h)', data: data.lags.map(r => r.p95_h), backgroundColor: '#f28e2b'}]},
  options: {indexAxis: 'y', responsive: false}});
data.volumes.forEach((v, i) => chart('volume-' + i, {type: 'line', data: {labels: v.points.map(p => p.day), datasets: [
  {label: 'expected low', data: v.points.map(p => p.low), borderColor: '#bab0ac', pointRadius: 0, fill: false},
  {label: 'expected high', data: v.points.map(p => p.high), borderColor: '#bab0ac', backgroundColor: 'rgba(186,176,172,0.25)', pointRadius: 0, fill: '-1'},
  {label: 'rows', data: v.points.map(p => p.observed), borderColor: '#4e79a7',
   pointBackgroundColor: v.points.map(p => p.status === 'anomaly' ? '#e15759' : '#4e79a7'),
   pointRadius: v.points.map(p => p.status === 'anomaly' ? 6 : 3)}]},
  options: {responsive: false}}));
chart('test-chart', {type: 'line', data: {labels: data.tests.map(t => t.at), datasets: [
  {label: 'tests passed (%)', data: data.tests.map(t => t.rate), borderColor: '#59a14f'}]},
  options: {responsive: false, scales: {y: {min: 0, max: 100}}}});
const reasons = [...new Set(data.quarantine.map(q => q.reason))].sort();
const loads = [...new Set(data.quarantine.map(q => q.load))].sort();
const palette = ['#4e79a7','#f28e2b','#e15759','#76b7b2','#59a14f','#edc948','#b07aa1','#ff9da7','#9c755f','#bab0ac'];
chart('quarantine-chart', {type: 'bar', data: {labels: loads, datasets: reasons.map((reason, i) => ({
  label: reason, backgroundColor: palette[i % palette.length],
  data: loads.map(l => (data.quarantine.find(q => q.load === l && q.reason === reason) || {rate: 0}).rate)}))},
  options: {responsive: false, scales: {x: {stacked: true}, y: {stacked: true, title: {display: true, text: '% of items'}}}}});
"""

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; text-align: left; font-size: 0.9rem; }
th { background: #f0f0f0; }
.empty { color: #777; font-style: italic; }
h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; }
"""


def render_html(data: dict[str, Any]) -> str:
    slo_table = _table(
        ["SLO", "subject", "target", "observed", "status"],
        data["slo_rows"],
        "No SLO declared or measured yet (declare config.meta.slo on a source; run dbt source freshness)",
    )
    volume_blocks = (
        "".join(
            f"<h3>{_h(v['relation'])}</h3><p>last day: {_h(v['points'][-1]['status'])} "
            f'{_h(v["points"][-1]["reason"])}</p><canvas id="volume-{i}" width="900" height="220"></canvas>'
            for i, v in enumerate(data["volumes"])
        )
        or '<p class="empty">No volumes recorded yet.</p>'
    )
    payload = json.dumps(data, default=str).replace("</", "<\\/")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Aegis observability</title>
<style>{_STYLE}</style></head>
<body>
<h1>Aegis observability</h1>
<p>Latest recorded build: {_h(data["latest_build"] or "none")}. Counts, durations and statuses only.
See also the <a href="../access-matrix/access-matrix.html">access matrix</a> and the
<a href="../lineage/lineage-audit.html">lineage audit</a>.</p>
<h2>Freshness SLOs</h2>
{slo_table}
<h3>End-to-end lag (received_at to built), latest build</h3>
<canvas id="lag-chart" width="900" height="{max(160, 24 * len(data["lags"]) + 60)}"></canvas>
<h2>Alerts</h2>
{
        _table(
            ["sent at", "SLO", "subject", "metric", "expected", "observed", "channels"],
            data["alerts"],
            "No alerts.",
        )
    }
<h2>Daily volumes (expected band; red points are anomalies)</h2>
{volume_blocks}
<h2>Test pass rate per build</h2>
<canvas id="test-chart" width="900" height="220"></canvas>
<h2>Quarantine (DLQ) rate by reason, per load</h2>
<canvas id="quarantine-chart" width="900" height="260"></canvas>
<h2>Schema drift</h2>
{
        _table(
            ["detected at", "scope", "relation", "column", "change", "old type", "new type"],
            data["drift"],
            "No drift detected between recorded runs.",
        )
    }
<script id="aegis-data" type="application/json">{payload}</script>
<script>{chartjs_source()}</script>
<script>{_SCRIPT}</script>
</body></html>
"""


def write_report(
    target: str = "dev", paths: Paths | None = None, manifest: dict[str, Any] | None = None
) -> Path:
    from aegis.observe.record import open_store

    paths = paths or Paths.from_env()
    store = open_store(target, paths)
    try:
        store.ensure()
        data = collect(store, manifest)
    finally:
        store.close()
    out = paths.reports_dir / "observability" / "index.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(data), encoding="utf-8")
    return out
