"""The volume anomaly detector against elementary's known weaknesses, and the evaluation goals."""

from __future__ import annotations

from aegis.observe.anomaly import (
    Settings,
    detect,
    detect_elementary_default,
    evaluate,
    misses_goals,
    render_evaluation,
    synthetic_feed,
)

WEEK = [1000.0, 1040.0, 980.0, 1010.0, 1020.0, 500.0, 450.0]


def weeks(n: int) -> list[float | None]:
    return [v * (1 + 0.01 * ((i * 7) % 5 - 2)) for i in range(n) for v in WEEK]


def test_the_detection_day_is_not_in_its_own_training() -> None:
    series = weeks(6)
    day = len(series) - 3  # a Friday
    normal = detect(series, day)
    series[day] = 3000.0
    spiked = detect(series, day)
    assert (normal.expected, normal.low, normal.high) == (spiked.expected, spiked.low, spiked.high)
    assert normal.status == "ok" and spiked.anomalous
    # elementary's default puts the spike into its own mean and stddev
    assert (
        detect_elementary_default(series, day).expected != detect_elementary_default(weeks(6), day).expected
    )


def test_short_history_is_not_enough_never_a_pass() -> None:
    series = weeks(2)
    verdict = detect(series, len(series) - 1)
    assert verdict.status == "not enough history" and "need 3" in verdict.reason
    series[-1] = 0.0
    assert detect(series, len(series) - 1).status == "not enough history"


def test_a_segment_with_too_few_rows_is_skipped_with_a_reason() -> None:
    series: list[float | None] = [float(3 + i % 4) for i in range(42)]
    verdict = detect(series, 41)
    assert verdict.status == "too few rows" and "pool this segment" in verdict.reason


def test_weekly_seasonality_is_expected_and_a_weekday_drop_is_not() -> None:
    series = weeks(6)
    saturday = len(series) - 2
    assert detect(series, saturday).status == "ok"  # half the weekday volume is normal on Saturday
    series[saturday - 1] = 600.0  # a Friday at Saturday's level: a 40 % drop
    assert detect(series, saturday - 1).anomalous


def test_an_earlier_outlier_neither_moves_the_expectation_nor_widens_the_band() -> None:
    clean = weeks(6)
    dirty = list(clean)
    dirty[len(dirty) - 10] = 9000.0
    a, b = detect(clean, len(clean) - 3), detect(dirty, len(dirty) - 3)
    assert a.expected is not None and b.expected is not None and a.high is not None and b.high is not None
    assert abs(a.expected - b.expected) / a.expected < 0.02 and abs(a.high - b.high) / a.high < 0.05


def test_a_missing_day_on_a_table_that_expects_rows_is_an_anomaly() -> None:
    series = weeks(6)
    series[-3] = None
    assert detect(series, len(series) - 3).reason == "no rows on a day that expects rows"


def test_the_feed_has_seasonality_and_injected_anomalies() -> None:
    feed = synthetic_feed(days=90, seed=3)
    assert len(feed.tables) == 12 and all(len(s) == 90 for s in feed.tables.values())
    assert len(feed.injected) >= 20
    assert all(d >= 7 for _, d in feed.injected)


def test_evaluation_meets_the_goals_and_beats_the_baseline() -> None:
    results = evaluate(days=90, seeds=[1, 2, 3, 4, 5])
    print("\n" + render_evaluation(results, 90))
    assert misses_goals(results) == []
    for _, ours, baseline in results:
        assert ours.injected == baseline.injected > 0
        assert ours.recall > baseline.recall
    assert Settings().sensitivity > 3.0
