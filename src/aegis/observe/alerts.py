"""Alerts: a Slack-compatible webhook and SNS, de-duplicated, with no PHI.

An alert is built only from names and numbers Aegis computed (an SLO's name, a relation's name, a metric,
the expected value or band, the observed value) and a link to the report. No constructor takes a row or a
message from the warehouse, so no data value can reach a channel.

De-duplication: an alert key (SLO + relation) that fired within the re-notify interval is recorded as
`held` and not sent again; after the interval it is sent again while the breach lasts.
"""

from __future__ import annotations

import json
import os
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from aegis.observe import history
from aegis.observe.history import Store

RENOTIFY_DEFAULT = timedelta(hours=4)


@dataclass(frozen=True)
class Alert:
    slo: str
    relation: str
    metric: str
    expected: str
    observed: str
    link: str

    @property
    def key(self) -> str:
        return f"{self.slo}|{self.relation}|{self.metric}"

    def text(self) -> str:
        return (
            f"[aegis] SLO {self.slo} breached on {self.relation}: {self.metric} observed {self.observed}, "
            f"expected {self.expected}. Report: {self.link}"
        )

    def slack_payload(self) -> dict[str, Any]:
        return {
            "text": self.text(),
            "blocks": [
                {"type": "section", "text": {"type": "mrkdwn", "text": f"*SLO {self.slo} breached*"}},
                {
                    "type": "section",
                    "fields": [
                        {"type": "mrkdwn", "text": f"*Table*\n{self.relation}"},
                        {"type": "mrkdwn", "text": f"*Metric*\n{self.metric}"},
                        {"type": "mrkdwn", "text": f"*Expected*\n{self.expected}"},
                        {"type": "mrkdwn", "text": f"*Observed*\n{self.observed}"},
                    ],
                },
                {
                    "type": "section",
                    "text": {"type": "mrkdwn", "text": f"<{self.link}|Observability report>"},
                },
            ],
        }


@dataclass(frozen=True)
class Channels:
    webhook_url: str | None = None
    sns_topic_arn: str | None = None
    sns_endpoint_url: str | None = None
    region: str = "us-east-1"
    renotify: timedelta = RENOTIFY_DEFAULT

    @classmethod
    def from_env(cls) -> Channels:
        minutes = os.environ.get("AEGIS_ALERT_RENOTIFY_MINUTES")
        return cls(
            webhook_url=os.environ.get("AEGIS_ALERT_WEBHOOK_URL") or None,
            sns_topic_arn=os.environ.get("AEGIS_ALERT_SNS_TOPIC_ARN") or None,
            sns_endpoint_url=os.environ.get("AEGIS_SNS_ENDPOINT_URL") or None,
            region=os.environ.get("AWS_DEFAULT_REGION", "us-east-1"),
            renotify=timedelta(minutes=float(minutes)) if minutes else RENOTIFY_DEFAULT,
        )


def post_webhook(url: str, alert: Alert) -> None:
    body = json.dumps(alert.slack_payload()).encode("utf-8")
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()


def publish_sns(channels: Channels, alert: Alert) -> None:
    from aegis.aws_client import bounded_client

    client = bounded_client("sns", channels.sns_endpoint_url, channels.region)
    client.publish(
        TopicArn=channels.sns_topic_arn,
        Subject=f"Aegis SLO {alert.slo} breached"[:100],
        Message=alert.text(),
    )


def _parse(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))


def _deliver(channels: Channels, alert: Alert) -> tuple[list[str], list[str]]:
    """(channels that took the alert, channels that failed). A failure is named, never quoted: a webhook
    URL carries its secret token and an error message may repeat it."""
    used: list[str] = []
    failed: list[str] = []
    senders: tuple[tuple[str, str | None, Callable[[], None]], ...] = (
        ("webhook", channels.webhook_url, lambda: post_webhook(str(channels.webhook_url), alert)),
        ("sns", channels.sns_topic_arn, lambda: publish_sns(channels, alert)),
    )
    for name, configured, send in senders:
        if not configured:
            continue
        try:
            send()
            used.append(name)
        except Exception:  # one channel down must not silence the other or lose the record
            failed.append(name)
    return used, failed


def dispatch(
    store: Store, alerts: list[Alert], sent_at: str, channels: Channels | None = None
) -> list[Alert]:
    """Send the alerts not sent within the re-notify interval; record every one. Returns those sent.

    Raises UserError after recording when a channel failed (that alert is due again at the next record).
    """
    channels = channels or Channels.from_env()
    now = _parse(sent_at)
    last_sent: dict[str, datetime] = {}
    for row in store.rows("alerts"):
        if row["channels"] != "held" and not str(row["channels"]).startswith("failed"):
            when = _parse(row["sent_at"])
            if row["alert_key"] not in last_sent or when > last_sent[row["alert_key"]]:
                last_sent[row["alert_key"]] = when
    sent: list[Alert] = []
    rows: list[dict[str, Any]] = []
    failures: set[str] = set()
    for alert in alerts:
        previous = last_sent.get(alert.key)
        due = previous is None or now - previous >= channels.renotify
        used: list[str] = []
        failed: list[str] = []
        if due:
            used, failed = _deliver(channels, alert)
            failures.update(failed)
            if used or not failed:
                sent.append(alert)
        if not due:
            recorded = "held"
        elif used or failed:
            recorded = ",".join(used + [f"{name} failed" for name in failed])
            if not used:
                recorded = "failed: " + recorded
        else:
            recorded = "none configured"
        rows.append(
            {
                "alert_key": alert.key,
                "slo": alert.slo,
                "relation": alert.relation,
                "metric": alert.metric,
                "expected": alert.expected,
                "observed": alert.observed,
                "sent_at": sent_at,
                "channels": recorded,
            }
        )
    store.append("alerts", rows)
    if failures:
        from aegis.errors import UserError

        raise UserError(
            f"alert delivery failed on {', '.join(sorted(failures))} (check AEGIS_ALERT_WEBHOOK_URL / "
            "AEGIS_ALERT_SNS_TOPIC_ARN and the endpoint); the alerts are recorded and due again at the next record"
        )
    return sent


__all__ = ["Alert", "Channels", "dispatch", "history"]
