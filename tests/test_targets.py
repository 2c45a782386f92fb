"""Targets, status, pacing, benchmark ranges and the workspace file, against hand-computed values."""

import json
from datetime import date, timedelta

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi_core.engine import Inputs, Period
from kpi_core.targets import (
    Benchmark,
    Target,
    Workspace,
    WorkspaceError,
    benchmark_text,
    check,
    check_benchmark,
    from_json,
    is_cumulative,
    pace,
    status,
    to_json,
    with_baseline,
)

JAN1 = date(2025, 1, 1)


@pytest.fixture
def ten_days() -> pl.DataFrame:
    """Jan 1-10: Search spends 60 a day (3 conversions, 50 sessions), Social 40 (1 conversion, 50 sessions)."""
    rows = []
    for i in range(10):
        d = JAN1 + timedelta(days=i)
        rows.append(dict(date=d, channel="Search", spend=60.0, conversions=3.0, sessions=50.0, revenue=200.0))
        rows.append(dict(date=d, channel="Social", spend=40.0, conversions=1.0, sessions=50.0, revenue=100.0))
    return pl.DataFrame(rows)


@pytest.mark.parametrize("metric, actual, goal, expected", [
    ("cpa", 48.0, 50.0, "on_track"),  # lower is better: at or below 50
    ("cpa", 54.0, 50.0, "at_risk"),  # 4 over, within 10 % of 50 = 5
    ("cpa", 56.0, 50.0, "off_track"),  # 6 over
    ("conversion_rate", 0.05, 0.05, "on_track"),
    ("conversion_rate", 0.046, 0.05, "at_risk"),  # 0.004 short, band 0.005
    ("conversion_rate", 0.044, 0.05, "off_track"),
    ("frequency", 3.2, 3.0, "on_track"),  # neither: |0.2| within 0.3
    ("frequency", 3.5, 3.0, "at_risk"),  # |0.5| within 2 × 0.3
    ("frequency", 2.3, 3.0, "off_track"),  # |0.7|
    ("spend", 10500.0, 10000.0, "at_risk"),  # a budget: 500 over, band 1000
    ("roi", -0.05, -0.1, "on_track"),  # negative targets: band on |target|
    ("cpa", None, 50.0, None),
])
def test_status_from_direction_and_band(metric, actual, goal, expected):
    assert status(metric, actual, goal) == expected


def test_band_is_a_parameter():
    assert status("cpa", 54.0, 50.0, band=0.05) == "off_track"  # 4 over, band 2.5


def test_relative_target_on_a_measured_baseline(ten_days):
    t = Target("conversion_rate", change=0.10, due=date(2025, 4, 1))
    t = with_baseline(t, ten_days, Period(JAN1, date(2025, 1, 10)))
    # conversions 40 / sessions 1000 = 0.04; raise by 10 % -> 0.044
    assert t.baseline == pytest.approx(0.04)
    assert t.goal_value == pytest.approx(0.044)
    assert t.problems() == []


def test_cumulative_targets_pace_to_the_period_end(ten_days):
    assert is_cumulative("spend") and is_cumulative("sessions") and not is_cumulative("cpa")
    assert not is_cumulative("reach")  # counts people
    spend = check(Target("spend", value=3000.0, start=JAN1, due=date(2025, 1, 30)), ten_days)
    # 10 days × 100 = 1000 so far; 1000 × 30 / 10 = 3000 projected: on budget
    assert spend.actual == pytest.approx(1000.0)
    assert spend.pacing.projected == pytest.approx(3000.0)
    assert spend.pacing.expected_by_now == pytest.approx(1000.0)  # 3000 × 10 / 30
    assert spend.status == "on_track" and spend.judged == pytest.approx(3000.0)
    revenue = check(Target("revenue", value=4000.0, start=JAN1, due=date(2025, 1, 30)), ten_days)
    # 10 × 300 = 3000 -> 9000 projected: beats 4000
    assert revenue.pacing.projected == pytest.approx(9000.0) and revenue.status == "on_track"
    sessions = check(Target("sessions", value=5000.0, start=JAN1, due=date(2025, 1, 31)), ten_days)
    # 1000 × 31 / 10 = 3100 projected; 1900 short of 5000, band 500 -> off track
    assert sessions.pacing.projected == pytest.approx(3100.0) and sessions.status == "off_track"


def test_ratio_target_per_segment_is_judged_as_it_stands(ten_days):
    c = check(Target("cpa", value=19.0, segment=("channel", "Search"), due=date(2025, 3, 31)), ten_days)
    # Search: 600 / 30 = 20; 1 over 19, within 1.9 -> at risk; no pacing for a ratio
    assert c.actual == pytest.approx(20.0) and c.status == "at_risk" and c.pacing is None
    assert c.period == Period(JAN1, date(2025, 3, 31))
    social = check(Target("cpa", value=19.0, segment=("channel", "Social")), ten_days)
    assert social.actual == pytest.approx(40.0) and social.status == "off_track"  # 400 / 10
    # without dates a target covers the period analysed: Jan 9-10, Social 80 / 2 = 40 again; Search 120 / 6
    late = check(Target("cpa", value=19.0, segment=("channel", "Search")), ten_days,
                 within=Period(date(2025, 1, 9), date(2025, 1, 10)))
    assert late.period == Period(date(2025, 1, 9), date(2025, 1, 10)) and late.actual == pytest.approx(20.0)
    nothing = check(Target("cpa", value=19.0, segment=("channel", "TikTok")), ten_days)
    assert nothing.status is None and nothing.note == "no rows for this segment"


def test_pace_clamps_to_the_period():
    p = Period(JAN1, date(2025, 1, 20))
    # 5 days of 20 elapsed: 250 × 20 / 5 = 1000
    assert pace(250.0, p, date(2025, 1, 5), goal=800.0).projected == pytest.approx(1000.0)
    assert pace(250.0, p, date(2025, 1, 5), goal=800.0).expected_by_now == pytest.approx(200.0)
    assert pace(250.0, p, date(2025, 3, 1)).projected == pytest.approx(250.0)  # after the end: as is


@given(st.floats(0, 1e6), st.floats(0, 1e6), st.floats(1, 1e6), st.floats(0.01, 0.5))
def test_a_better_value_never_gets_a_worse_status(a, b, goal, band):
    rank = {"on_track": 0, "at_risk": 1, "off_track": 2}
    lo, hi = min(a, b), max(a, b)
    assert rank[status("cpa", lo, goal, band)] <= rank[status("cpa", hi, goal, band)]  # lower is better
    assert rank[status("roas", hi, goal, band)] <= rank[status("roas", lo, goal, band)]  # higher is better
    assert status("cpa", goal, goal, band) == status("roas", goal, goal, band) == "on_track"


def test_benchmark_ranges_entered_by_the_user(ten_days):
    # conversion rate overall 40 / 1000 = 0.04; Search 30 / 500 = 0.06; Social 10 / 500 = 0.02
    overall = check_benchmark(Benchmark("conversion_rate", 0.03, 0.05), ten_days)
    assert overall.value == pytest.approx(0.04) and overall.position == "within" and overall.verdict == "neutral"
    search = check_benchmark(Benchmark("conversion_rate", 0.03, 0.05, channel="Search"), ten_days)
    assert search.position == "above" and search.verdict == "good"
    social = check_benchmark(Benchmark("cpa", 20.0, 30.0, channel="Social"), ten_days)
    assert social.value == pytest.approx(40.0) and social.position == "above" and social.verdict == "bad"
    assert Benchmark("ctr", 0.05, 0.01).problems() == ["low 0.05 is above high 0.01"]
    assert benchmark_text(social, "NOK") == "40.00\u00a0NOK, above the range 20.00\u00a0NOK – 30.00\u00a0NOK"
    assert benchmark_text(overall, lang="nb") == "4,00\u00a0%, innenfor området 3,00\u00a0% – 5,00\u00a0%"
    assert benchmark_text(check_benchmark(Benchmark("cpa", 1, 2, channel="TikTok"), ten_days)) is None


def test_workspace_round_trip():
    ws = Workspace(
        goal="sales", inputs=Inputs(margin=0.4, other_costs=2500.0),
        targets=(Target("conversion_rate", change=0.1, baseline=0.04, start=JAN1, due=date(2025, 3, 31)),
                 Target("cpa", value=180.0, segment=("channel", "Paid Social"))),
        benchmarks=(Benchmark("ctr", 0.01, 0.02, channel="Paid Search", source="our 2024 average"),),
        recipes={"meta_ads": {"Beløp brukt (NOK)": "spend", "Resultater": None}},
        filters={"channel": ("Paid Search", "Paid Social")},
    )
    text = to_json(ws)
    assert from_json(text) == ws
    doc = json.loads(text)
    assert set(doc) == {"version", "goal", "inputs", "targets", "benchmarks", "recipes", "filters"}
    assert doc["targets"][0] == {"metric": "conversion_rate", "change": 0.1, "baseline": 0.04,
                                 "start": "2025-01-01", "due": "2025-03-31"}


@pytest.mark.parametrize("text, words", [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "expected a JSON object"),
    ('{"version": 2}', "version 2 is not supported"),
    ('{"version": 1, "rows": [[1, 2]]}', "unexpected field(s) rows"),
    ('{"version": 1, "goal": "fame"}', "goal: unknown goal 'fame'"),
    ('{"version": 1, "inputs": {"margin": 40}}', "inputs.margin: 40 is not a margin"),
    ('{"version": 1, "inputs": {"other_costs": "a lot"}}', "inputs.other_costs: expected a number"),
    ('{"version": 1, "targets": [{"metric": "cpx", "value": 1}]}', "targets[0]: unknown KPI or measure 'cpx'"),
    ('{"version": 1, "targets": [{"metric": "cpa"}]}', "targets[0]: give either a target value"),
    ('{"version": 1, "targets": [{"metric": "cpa", "value": 1, "due": "31.03.2025"}]}',
     "targets[0].due: '31.03.2025' is not a date"),
    ('{"version": 1, "targets": [{"metric": "cpa", "value": 1, "segment": "Meta"}]}', "targets[0].segment"),
    ('{"version": 1, "benchmarks": [{"kpi": "ctr", "low": 2, "high": 1}]}', "benchmarks[0]: low 2 is above"),
    ('{"version": 1, "recipes": {"meta_ads": {"Kost": "money"}}}', "recipes.meta_ads.Kost: 'money' is not"),
    ('{"version": 1, "filters": {"planet": ["Mars"]}}', "filters.planet: unknown dimension"),
    ('{"version": 1, "filters": {"channel": "Search"}}', "filters.channel: expected a list"),
])
def test_bad_workspace_files_say_where_and_what(text, words):
    with pytest.raises(WorkspaceError) as err:
        from_json(text, name="acme.json")
    assert str(err.value).startswith("acme.json: ")
    assert words in str(err.value)


def test_bullet_ranges_follow_the_direction(ten_days):
    from kpi_core.charts.context import bullet_chart, bullet_frame

    c = check(Target("cpa", value=19.0, segment=("channel", "Search")), ten_days)  # actual 20
    f = {r["kind"]: (r["start"], r["end"]) for r in bullet_frame(c).iter_rows(named=True)}
    # lower is better: on track 0-19, at risk 19-20.9 (band 1.9), off track beyond, to 19 × 1.3 = 24.7
    assert f["on_track"] == (0.0, 19.0)
    assert f["at_risk"] == pytest.approx((19.0, 20.9))
    assert f["off_track"] == pytest.approx((20.9, 24.7))
    assert f["value"] == (0.0, 20.0) and f["target"] == (19.0, 19.0)
    up = check(Target("sessions", value=5000.0, start=JAN1, due=date(2025, 1, 31)), ten_days)
    g = {r["kind"]: (r["start"], r["end"]) for r in bullet_frame(up).iter_rows(named=True)}
    # higher is better; the value drawn is the projection 3100
    assert g["off_track"] == (0.0, 4500.0) and g["at_risk"] == (4500.0, 5000.0) and g["value"] == (0.0, 3100.0)
    assert len(bullet_chart(bullet_frame(c)).to_dict()["layer"]) == 3


def test_targets_as_a_user_types_them(ten_days):
    from kpi_core.targets import from_input, status_text

    base = Period(JAN1, date(2025, 1, 5))
    rate = from_input("conversion_rate", "value", 4.5, ten_days, base, due=date(2025, 3, 31))
    assert rate.value == pytest.approx(0.045)  # typed in percent
    up = from_input("conversion_rate", "change", 10.0, ten_days, base)
    # baseline Jan 1-5: 20 conversions / 500 sessions = 0.04; +10 % -> 0.044
    assert up.baseline == pytest.approx(0.04) and up.goal_value == pytest.approx(0.044)
    assert from_input("spend", "value", 3000.0, ten_days, base).value == 3000.0
    c = check(rate, ten_days)  # 40 / 1000 = 0.04: 0.005 short of 0.045, band 0.0045 -> off track
    assert status_text(c, "NOK") == "off track: 4.00% vs target 4.50% by 2025-03-31"
    assert status_text(c, "NOK", "nb") == "ikke i rute: 4,00\u00a0% mot målet 4,50\u00a0% innen 2025-03-31"
    paced = check(Target("spend", value=3000.0, start=JAN1, due=date(2025, 1, 30)), ten_days)
    assert status_text(paced, "NOK") == "on track: projected 3,000 NOK vs target 3,000 NOK by 2025-01-30".replace(
        " NOK", "\u00a0NOK")
    assert status_text(check(Target("cpa", value=1.0, segment=("channel", "TikTok")), ten_days)) is None


def test_suggested_targets_are_ten_percent_better_than_the_baseline(ten_days):
    from kpi_core.targets import suggest

    base = Period(JAN1, date(2025, 1, 5))
    got = {t.metric: t for t in suggest(["cpa", "conversion_rate", "frequency", "roas"], ten_days, base)}
    # Jan 1-5: CPA 500 / 20 = 25 -> 22.5; conversion rate 20 / 500 = 0.04 -> 0.044; ROAS 1500 / 500 = 3 -> 3.3
    assert got["cpa"].goal_value == pytest.approx(22.5) and got["cpa"].change == -0.1
    assert got["conversion_rate"].goal_value == pytest.approx(0.044)
    assert got["roas"].goal_value == pytest.approx(3.3)
    assert "frequency" not in got  # no better direction (and no reach in the data)


def test_a_relative_target_for_one_segment_measures_its_own_baseline(ten_days):
    from kpi_core.targets import from_input

    t = from_input("cpa", "change", -10.0, ten_days, Period(JAN1, date(2025, 1, 5)), segment=("channel", "Social"),
                   goal="sales")
    # Social Jan 1-5: 200 / 5 = 40 (not the overall 25); 10 % lower -> 36
    assert t.baseline == pytest.approx(40.0) and t.goal_value == pytest.approx(36.0) and t.goal == "sales"


def test_workspace_keeps_the_period_analysed():
    ws = Workspace(goal="leads", period=(date(2025, 3, 1), date(2025, 3, 31)))
    text = to_json(ws)
    assert json.loads(text)["period"] == ["2025-03-01", "2025-03-31"]
    assert from_json(text) == ws
    with pytest.raises(WorkspaceError, match="period: give the period as"):
        from_json('{"version": 1, "period": ["2025-03-31", "2025-03-01"]}')
