"""Unit checks behind the browser review: names in every language, rounding, empty rows, chart locale."""

import polars as pl

from kpi_core import fmt, sources, views
from kpi_core.charts import locale, localized
from kpi_core.charts import segments as seg_charts
from kpi_core.schema import MEASURES


def test_every_measure_has_a_name_in_each_language():
    # A table column header is a measure's name: "Engaged sessions" must not stay English in nb/sv.
    missing = [(m, lg) for m in MEASURES for lg in ("en", "nb", "sv") if m not in fmt.NAMES or lg not in fmt.NAMES[m]]
    assert missing == []
    assert fmt.name("mqls", "sv") == "MQL:er" and fmt.name("engaged_sessions", "nb") == "Engasjerte økter"


def test_rounded_rounds_half_away_from_zero_and_leaves_other_columns():
    frame = pl.DataFrame({"spend": [2227.887, 0.125, None], "rate": [0.19066, 0.0, 1.0], "name": ["a", "b", "c"]})
    out = views.rounded(frame, {"spend": 2, "rate": 4, "name": 2, "absent": 1})
    assert out["spend"].to_list() == [2227.89, 0.13, None]  # 0.125 -> 0.13, not banker's 0.12
    assert out["rate"].to_list() == [0.1907, 0.0, 1.0]  # shown as 19.07 %, not a cut-off 19.06 %
    assert out["name"].to_list() == ["a", "b", "c"]


def test_shares_leave_out_a_segment_with_neither_spend_nor_result():
    chart = pl.DataFrame({"campaign": ["A", "B", "(not set)"], "spend": [300.0, 100.0, None],
                          "revenue": [600.0, 600.0, None], "sessions": [None, None, 500.0]})
    seg = views.Segments("campaign", chart, chart, ("roas",), "NOK")
    share = views.shares(seg)
    assert set(share["segment"]) == {"A", "B"}
    # A: 300 / 400 = 75 % of spend, 600 / 1200 = 50 % of revenue
    a = {r["measure"]: r["share"] for r in share.filter(pl.col("segment") == "A").iter_rows(named=True)}
    assert a == {"Spend": 0.75, "Revenue": 0.5}


def test_platform_ids_read_as_their_names():
    assert sources.label("ga4") == "GA4" and sources.label("shopify_orders") == "Shopify orders"
    assert sources.label("my_sheet") == "my_sheet"  # unknown sources are shown as they are


def test_heatmap_text_is_white_only_on_the_darkest_cells():
    heat = pl.DataFrame({"a": ["x", "y", "z"], "b": ["p", "p", "p"], "value": [1.0, 5.0, 10.0],
                         "text": ["1", "5", "10"]})
    spec = seg_charts.heatmap(heat, "A", "B", "ROAS", good_high=True).to_dict()
    colour = spec["layer"][1]["encoding"]["color"]
    # range 1-10: white above 1 + 0.6 × 9 = 6.4 (the dark end of a higher-is-better scale)
    (cond,) = colour["condition"]
    assert "datum.value > 6.39" in cond["test"] and cond["value"] == "white"
    assert colour["value"] == "#222"


def test_chart_locale_per_language():
    assert locale("en") is None
    nb = locale("nb")
    assert nb["number"]["decimal"] == "," and nb["time"]["shortMonths"][11] == "des"
    assert locale("sv")["time"]["months"][4] == "maj"
    chart = seg_charts.heatmap(pl.DataFrame({"a": ["x"], "b": ["p"], "value": [1.0], "text": ["1"]}), "A", "B", "K",
                               True)
    assert localized(chart, "sv").to_dict()["config"]["locale"]["number"]["thousands"] == "\u00a0"
    assert "config" not in localized(chart, "en").to_dict() or "locale" not in localized(chart, "en").to_dict()[
        "config"]
