"""Trends page through AppTest."""

from conftest import chart_rows, fixture_bytes, upload


def test_trend_opens_on_the_goal_kpis_with_the_previous_period(app):
    at = upload(app, "tidy.csv", fixture_bytes("tidy.csv"))
    at.switch_page("pages/trends.py").run()
    assert not at.exception
    assert at.multiselect(key="w_trend_kpis").value == ["roas", "cpm", "ctr"]  # sales: headline, then funnel order
    rows = [r for r in chart_rows(at, 0) if r["kpi"] == "Return on ad spend (ROAS)"]
    current = sorted((str(r["date"]), r["value"]) for r in rows if r["series"] == "This period")
    previous = sorted((str(r["date"]), r["value"]) for r in rows if r["series"] == "Previous period")
    assert current == [("2026-01-15", 12.5), ("2026-01-22", 3.75), ("2026-01-28", 0.0)]
    assert previous == [("2026-01-15", 10.0), ("2026-01-22", 4.0)]  # 1 and 8 Jan, moved 14 days on


def test_week_grain_and_one_kpi(app):
    at = upload(app, "tidy.csv", fixture_bytes("tidy.csv"))
    at.switch_page("pages/trends.py").run()
    at.multiselect(key="w_trend_kpis").set_value(["ctr"]).run()
    at.button_group(key="w_trend_grain").set_value("week").run()
    assert not at.exception
    rows = [r for r in chart_rows(at, 0) if r["series"] == "This period"]
    # ISO weeks of 15-28 Jan 2026 start on 12, 19 and 26 Jan: 600/12000, 400/38000, 100/10000.
    assert sorted((str(r["date"]), round(r["value"], 6)) for r in rows) == [
        ("2026-01-12", 0.05), ("2026-01-19", round(400 / 38000, 6)), ("2026-01-26", 0.01)]
