"""Charts through their Vega-Lite specs: the right fields, the selection, the row limit."""

from datetime import date

import polars as pl
import pytest
from conftest import fixture_bytes

from kpi_core import views
from kpi_core.charts import MAX_ROWS, check_size
from kpi_core.charts import funnel as funnel_charts
from kpi_core.charts import segments as seg_charts
from kpi_core.charts.scorecard import headline_trend
from kpi_core.charts.trends import trend_line
from kpi_core.engine import Period
from kpi_core.readers import combine, read_file

CURRENT = Period(date(2026, 1, 15), date(2026, 1, 28))


@pytest.fixture(scope="module")
def frame() -> pl.DataFrame:
    return combine([read_file(fixture_bytes("tidy.csv"), "tidy.csv")])


def rows_of(spec: dict) -> list[dict]:
    return [r for values in spec.get("datasets", {}).values() for r in values]


def test_kpi_bars_carry_the_pick_selection(frame):
    bars = views.kpi_bars(views.segments(frame, "campaign"), "roas")
    spec = seg_charts.kpi_bars(bars, "ROAS", "multiple").to_dict()
    assert spec["params"][0]["name"] == "pick"
    assert spec["params"][0]["select"]["fields"] == ["segment"]
    assert spec["encoding"]["y"]["sort"] == ["NO_Search_Brand", "Vinter – Prospecting", "<script>alert(1)</script>"]
    assert len(rows_of(spec)) == 3


def test_picked_segment_is_highlighted_in_the_other_views(frame):
    seg = views.segments(frame, "campaign")
    spec = seg_charts.share_bars(views.shares(seg), picked="NO_Search_Brand").to_dict()
    assert "NO_Search_Brand" in str(spec["encoding"]["opacity"])
    bubble = seg_charts.spend_efficiency(views.bubbles(seg), "ROAS", "multiple", "NOK").to_dict()
    assert bubble["encoding"]["x"]["title"] == "Spend (NOK)"


def test_heatmap_darker_is_better_either_way(frame):
    heat = views.heatmap(frame, "campaign", "device", "cpa")
    spec = seg_charts.heatmap(heat, "Campaign", "Device", "CPA", good_high=False).to_dict()
    assert spec["layer"][0]["encoding"]["color"]["scale"] == {"scheme": "blues", "reverse": True}


def test_trend_line_per_kpi_with_its_own_axis_and_marks(frame):
    tr = views.trend(frame, ["roas", "ctr"], CURRENT, "day")
    spec = trend_line(tr, "Click-through rate (CTR)", "rate", "This period", "Previous period").to_dict()
    assert spec["encoding"]["y"]["axis"]["format"] == ".1%"
    assert {r["kpi"] for r in rows_of(spec)} == {"Click-through rate (CTR)"}  # only its own rows ship
    marks = pl.DataFrame({"date": [date(2026, 1, 22)], "kpi": ["Return on ad spend (ROAS)"], "value": [3.75],
                          "verdict": ["bad"], "note": ["unusual"]})
    with_marks = trend_line(tr, "Return on ad spend (ROAS)", "multiple", "This period", "Previous period",
                            marks).to_dict()
    assert len(with_marks["layer"]) == 2
    assert with_marks["resolve"]["scale"]["color"] == "independent"  # verdict colours stay out of the legend


def test_funnel_biggest_drop_is_red(frame):
    fu = views.funnel(frame)
    spec = funnel_charts.step_rates(fu.steps).to_dict()
    assert spec["layer"][0]["encoding"]["color"]["condition"]["value"] == "#c62828"
    assert len(funnel_charts.stage_volumes(fu.stages).to_dict()["layer"]) == 2


def test_headline_trend(frame):
    card = views.scorecard(frame, "sales", CURRENT).headline
    spec = headline_trend(views.spark_frame(card), card.unit).to_dict()
    assert [r["value"] for r in rows_of(spec)] == [12.5, 3.75, 0.0]


def test_no_chart_ships_more_than_the_limit():
    check_size(MAX_ROWS)
    with pytest.raises(ValueError, match="aggregate"):
        check_size(MAX_ROWS + 1)
    big = pl.DataFrame({"date": [date(2026, 1, 1)] * (MAX_ROWS + 1), "value": [1.0] * (MAX_ROWS + 1)})
    with pytest.raises(ValueError):
        headline_trend(big, "count")
