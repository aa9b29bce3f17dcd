"""Freshness SLOs declared once, measured end to end, alerted once.

The declaration is the source's own dbt `freshness` (its `warn_after` is the SLO threshold, so `dbt source
freshness` and Aegis read one number) plus `config.meta.slo` naming it and, optionally, the end-to-end lag
target (`lag_p95: {count, period}`) that marts built from the source must meet. See
`models/staging/fhir/_fhir__sources.yml` and docs/observability.md.

Lags: for each staging model (one per resource type), built_at - received_at over the events received
since the previous recorded build; for each mart, the same over the events of every staging model upstream
of it, with the mart's own built_at. Percentiles come from SQL (`percentile_cont`), so no row leaves the
warehouse.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from aegis.artifacts import nodes
from aegis.observe import history
from aegis.observe.alerts import Alert, dispatch
from aegis.observe.history import Store

PERIOD_SECONDS = {"minute": 60, "hour": 3600, "day": 86400}


@dataclass(frozen=True)
class FreshnessSlo:
    name: str
    source: str  # the dbt source name (fhir)
    tables: tuple[str, ...]  # source tables (unique ids) the SLO covers
    max_age_s: float  # dbt freshness warn_after
    lag_p95_s: float | None  # end-to-end lag target for marts built from the source


def _seconds(spec: dict[str, Any] | None) -> float | None:
    if not spec or spec.get("count") is None or spec.get("period") not in PERIOD_SECONDS:
        return None
    return float(spec["count"]) * PERIOD_SECONDS[str(spec["period"])]


def _hours(seconds: float) -> str:
    return f"{seconds / 3600:.1f} h"


def declared_slos(manifest: dict[str, Any]) -> list[FreshnessSlo]:
    """One SLO per source whose config.meta declares `slo`, over its tables with a dbt freshness."""
    by_source: dict[tuple[str, str], list[tuple[str, float]]] = {}
    lag: dict[tuple[str, str], float | None] = {}
    for unique_id, source in sorted((manifest.get("sources") or {}).items()):
        config = source.get("config") or {}
        meta = {**(source.get("source_meta") or {}), **(config.get("meta") or {})}
        slo = meta.get("slo")
        freshness = config.get("freshness") or source.get("freshness") or {}
        max_age = _seconds(freshness.get("warn_after"))
        if not isinstance(slo, dict) or not slo.get("name") or max_age is None:
            continue
        key = (str(slo["name"]), str(source["source_name"]))
        by_source.setdefault(key, []).append((unique_id, max_age))
        lag[key] = _seconds(slo.get("lag_p95"))
    return [
        FreshnessSlo(
            name=name,
            source=source,
            tables=tuple(uid for uid, _ in tables),
            max_age_s=min(age for _, age in tables),
            lag_p95_s=lag[(name, source)],
        )
        for (name, source), tables in sorted(by_source.items())
    ]


# --- lags -----------------------------------------------------------------------------------------


def _built_at(run_results: dict[str, Any]) -> dict[str, str]:
    found: dict[str, str] = {}
    for result in run_results.get("results") or []:
        for timing in result.get("timing") or []:
            if (
                timing.get("name") == "execute"
                and timing.get("completed_at")
                and result.get("status") == "success"
            ):
                found[str(result["unique_id"])] = str(timing["completed_at"])
    return found


def _upstream(manifest: dict[str, Any], unique_id: str) -> set[str]:
    seen: set[str] = set()
    stack = [unique_id]
    while stack:
        node = (manifest.get("nodes") or {}).get(stack.pop()) or {}
        for parent in (node.get("depends_on") or {}).get("nodes") or []:
            if parent not in seen:
                seen.add(parent)
                stack.append(parent)
    return seen


def _epoch(value: str) -> float:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


def lag_rows(store: Store, manifest: dict[str, Any], run_results: dict[str, Any]) -> list[dict[str, Any]]:
    from aegis.observe.record import staging_models

    invocation = str((run_results.get("metadata") or {}).get("invocation_id"))
    built = _built_at(run_results)
    from aegis.observe.record import existing_relations

    existing = existing_relations(store)
    staged = {
        n.unique_id: n
        for n in staging_models(manifest)
        if n.unique_id in built and (n.schema, n.alias) in existing
    }
    if not staged:
        return []
    marker = "?" if store.engine == "duckdb" else "%s"
    previous = store.execute(
        f"select max(generated_at) from {history.SCHEMA}.invocations "
        f"where command in ('build', 'run') and invocation_id <> {marker}",
        [invocation],
    )
    since = previous[0][0] if previous and previous[0][0] is not None else None
    window = f" and received_at > cast({marker} as timestamptz)" if since else ""
    params_since = [str(since)] if since else []

    def percentiles(models: list[Any], built_at: str) -> tuple[int, float, float, float] | None:
        union = " union all ".join(
            f'select received_at from "{m.schema}"."{m.alias}" where received_at <= cast({marker} as timestamptz){window}'
            for m in models
        )
        params: list[Any] = []
        for _ in models:
            params.extend([built_at, *params_since])
        rows = store.execute(
            "select count(*), percentile_cont(0.5) within group (order by extract(epoch from received_at)), "
            "percentile_cont(0.05) within group (order by extract(epoch from received_at)), "
            f"min(extract(epoch from received_at)) from ({union}) as events",
            params,
        )
        count, median, p05, oldest = rows[0]
        if not count:
            return None
        end = _epoch(built_at)
        # The lag's p95 is built_at minus the 5th percentile of received_at (the older events lag more).
        return int(count), end - float(median), end - float(p05), end - float(oldest)

    out: list[dict[str, Any]] = []

    def add(kind: str, subject: str, models: list[Any], built_at: str) -> None:
        measured = percentiles(models, built_at)
        if measured:
            count, p50, p95, worst = measured
            out.append(
                {
                    "invocation_id": invocation,
                    "subject_kind": kind,
                    "subject": subject,
                    "events": count,
                    "p50_s": round(p50, 3),
                    "p95_s": round(p95, 3),
                    "max_s": round(worst, 3),
                }
            )

    for model in staged.values():
        add("resource_type", model.name, [model], built[model.unique_id])
    for node in nodes(manifest, ("model",)):
        if Path(node.path).parts[:1] != ("marts",) or node.unique_id not in built:
            continue
        upstream = [staged[u] for u in sorted(_upstream(manifest, node.unique_id)) if u in staged]
        if upstream:
            add("mart", node.name, upstream, built[node.unique_id])
    return out


# --- evaluation -----------------------------------------------------------------------------------


def freshness_alerts(store: Store, manifest: dict[str, Any], link: str) -> list[Alert]:
    """One alert per SLO whose source tables are older than the SLO in the newest freshness snapshot."""
    rows = store.rows("source_freshness")
    if not rows:
        return []
    latest: dict[str, dict[str, Any]] = {}
    for row in rows:
        uid = str(row["unique_id"])
        if uid not in latest or str(row["snapshotted_at"]) > str(latest[uid]["snapshotted_at"]):
            latest[uid] = row
    alerts: list[Alert] = []
    for slo in declared_slos(manifest):
        stale = [
            (uid, float(latest[uid]["age_s"]))
            for uid in slo.tables
            if uid in latest
            and latest[uid]["age_s"] is not None
            and float(latest[uid]["age_s"]) > slo.max_age_s
        ]
        if stale:
            names = ", ".join(uid.rsplit(".", 1)[-1] for uid, _ in stale)
            alerts.append(
                Alert(
                    slo=slo.name,
                    relation=f"source {slo.source} ({names})",
                    metric="age of the newest received_at",
                    expected=f"<= {_hours(slo.max_age_s)}",
                    observed=_hours(max(age for _, age in stale)),
                    link=link,
                )
            )
    return alerts


def lag_alerts(store: Store, manifest: dict[str, Any], link: str) -> list[Alert]:
    """Marts whose p95 end-to-end lag in the newest recorded build exceeds their source's lag target."""
    slos = [s for s in declared_slos(manifest) if s.lag_p95_s is not None]
    rows = store.rows("freshness_lags")
    if not slos or not rows:
        return []
    newest = max(
        (r for r in store.rows("invocations") if r["command"] in ("build", "run")),
        key=lambda r: str(r["generated_at"]),
        default=None,
    )
    if newest is None:
        return []
    alerts: list[Alert] = []
    for slo in slos:
        assert slo.lag_p95_s is not None
        late = [
            r
            for r in rows
            if r["invocation_id"] == newest["invocation_id"]
            and r["subject_kind"] == "mart"
            and float(r["p95_s"]) > slo.lag_p95_s
        ]
        for row in late:
            alerts.append(
                Alert(
                    slo=f"{slo.name}_lag",
                    relation=f"mart {row['subject']}",
                    metric="p95 lag received_at -> mart built",
                    expected=f"<= {_hours(slo.lag_p95_s)}",
                    observed=_hours(float(row["p95_s"])),
                    link=link,
                )
            )
    return alerts


def evaluate_and_alert(store: Store, manifest: dict[str, Any], recorded_at: str) -> list[Alert]:
    from aegis.observe.anomaly import volume_alerts
    from aegis.observe.record import report_link

    link = report_link()
    alerts = freshness_alerts(store, manifest, link) + lag_alerts(store, manifest, link)
    alerts += volume_alerts(store, link)
    return dispatch(store, alerts, recorded_at)
