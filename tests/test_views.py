"""The page-facing functions on a small tidy fixture whose numbers are worked out by hand.

tests/fixtures/app/tidy.csv (NOK) has two rows in the previous period (1-14 Jan) and three in the
current one (15-28 Jan):

    period    campaign              spend  impr.   clicks sessions conv. revenue
    previous  NO_Search_Brand        1000  10000    500    400      20   10000
    previous  Vinter – Prospecting   1000  40000    400    300      10    4000
    current   NO_Search_Brand        1200  12000    600    500      30   15000
    current   Vinter – Prospecting    800  38000    400    300      10    3000
    current   <script>…               500  10000    100     80       0       0

Current totals: spend 2500, impressions 60000, clicks 1100, sessions 880, conversions 40,
revenue 18000. Previous: 2000, 50000, 900, 700, 30, 14000.
"""

from datetime import date

import polars as pl
import pytest
from conftest import fixture_bytes
from hypothesis import given
from hypothesis import strategies as st

from kpi_core import views
from kpi_core.engine import Inputs, Period
from kpi_core.readers import combine, read_file

NB = "\u00a0"
CURRENT = Period(date(2026, 1, 15), date(2026, 1, 28))


@pytest.fixture(scope="module")
def frame() -> pl.DataFrame:
    return combine([read_file(fixture_bytes("tidy.csv"), "tidy.csv")])


def cards(sc: views.Scorecard) -> dict[str, views.Card]:
    out = {c.kpi: c for s in sc.stages for c in s.cards}
    if sc.headline:
        out[sc.headline.kpi] = sc.headline
    return out


def test_default_period_is_the_second_half_of_short_data():
    # 28 days of data: the last 14 are analysed, the 14 before are the comparison.
    assert views.default_period(date(2026, 1, 1), date(2026, 1, 28)) == CURRENT
    # From 56 days on: the last 28 days (four whole weeks).
    assert views.default_period(date(2026, 1, 1), date(2026, 3, 31)) == Period(date(2026, 3, 4), date(2026, 3, 31))


def test_sales_scorecard_values_and_changes(frame):
    sc = views.scorecard(frame, "sales", CURRENT)
    assert sc.previous == Period(date(2026, 1, 1), date(2026, 1, 14))
    assert sc.currency == "NOK"
    # No margin: POAS cannot lead, ROAS does. 18000 / 2500 = 7.2 vs 14000 / 2000 = 7.0: +2.857 %.
    assert sc.headline.kpi == "roas"
    assert (sc.headline.text, sc.headline.previous_text, sc.headline.delta) == ("7.20×", "7.00×", "+2.9%")
    assert "Profit on ad spend (POAS)" in sc.headline_note
    c = cards(sc)
    assert c["cpm"].text == "41.67" + NB + "NOK"  # 1000 × 2500 / 60000
    assert c["cpm"].delta == "+4.2%" and c["cpm"].delta_color == "inverse"  # 41.67 / 40 - 1, lower is better
    assert c["cpm"].verdict == "bad"
    assert c["ctr"].text == "1.83%"  # 1100 / 60000
    assert c["cpa"].text == "62.50" + NB + "NOK" and c["cpa"].verdict == "good"  # 2500 / 40, was 2000 / 30
    assert c["aov"].text == "450.00" + NB + "NOK"  # 18000 / 40 (no orders: per conversion)
    assert c["conversion_rate"].text == "4.55%"  # 40 / 880
    missing = dict(sc.missing)
    assert "bounces" in missing["Bounce rate"]
    # Stages run awareness -> loyalty; the headline is not repeated inside its stage.
    assert [s.stage for s in sc.stages] == ["awareness", "consideration", "conversion", "loyalty"]
    assert "roas" not in [x.kpi for s in sc.stages for x in s.cards]


def test_margin_puts_poas_in_the_lead(frame):
    sc = views.scorecard(frame, "sales", CURRENT, Inputs(margin=0.4))
    assert sc.headline.kpi == "poas"
    assert sc.headline.text == "2.88×"  # 0.4 × 18000 / 2500
    assert sc.headline_note is None


def test_scorecard_in_norwegian(frame):
    sc = views.scorecard(frame, "traffic", CURRENT, lang="nb")
    assert sc.goal_label == "Trafikk"
    assert sc.headline.kpi == "cost_per_session"
    assert sc.headline.text == "2,84" + NB + "NOK"  # 2500 / 880
    assert sc.headline.delta == "-0,6" + NB + "%"  # 2.841 / (2000 / 700) - 1 = -0.57 %


def test_sparkline_is_one_point_per_day_with_data(frame):
    roas = views.scorecard(frame, "sales", CURRENT).headline
    assert roas.spark == (12.5, 3.75, 0.0)  # 15000/1200, 3000/800, 0/500
    assert roas.spark_dates == (date(2026, 1, 15), date(2026, 1, 22), date(2026, 1, 28))


def test_filters(frame):
    f = views.Filters(CURRENT.start, CURRENT.end, campaigns=("NO_Search_Brand",))
    assert views.filter_all(frame, f)["spend"].to_list() == [1200.0]
    assert views.filter_dimensions(frame, f)["spend"].to_list() == [1000.0, 1200.0]  # both periods
    assert views.filter_options(frame)["source"] == ["google_ads", "meta_ads"]


def test_segments_are_ratios_of_sums(frame):
    now = views.filter_all(frame, views.Filters(CURRENT.start, CURRENT.end))
    seg = views.segments(now, "campaign")
    rows = {r["campaign"]: r for r in seg.table.iter_rows(named=True)}
    assert rows["NO_Search_Brand"]["roas"] == pytest.approx(12.5)  # 15000 / 1200
    assert rows["<script>alert(1)</script>"]["cpa"] is None  # 0 conversions: no CPA, not 0 or inf
    bars = views.kpi_bars(seg, "cpa")
    assert bars["segment"].to_list()[0] == "NO_Search_Brand"  # lower CPA is better: 40 before 80
    # 0 conversions: no CPA, so no empty bar either; the page names the segment instead.
    assert bars["segment"].to_list() == ["NO_Search_Brand", "Vinter – Prospecting"]  # 1200/30 = 40, 800/10 = 80
    assert views.no_value(seg, "cpa") == ["<script>alert(1)</script>"]
    assert views.no_value(seg, "roas") == []  # 0 revenue / 500 spend = 0.00×, a value


def test_other_segment_sums_before_dividing(frame):
    # Keep the top campaign by spend (NO_Search_Brand, 2200); the rest becomes "Other":
    # spend 1000 + 800 + 500 = 2300, revenue 4000 + 3000 + 0 = 7000, ROAS 7000 / 2300.
    seg = views.segments(frame, "campaign", top=1)
    other = seg.chart.filter(pl.col("campaign") == "Other")
    assert other["roas"][0] == pytest.approx(7000 / 2300)
    assert seg.table.height == 3  # the table keeps every campaign


def test_shares_and_bubbles(frame):
    seg = views.segments(frame, "source")
    share = views.shares(seg)
    spend = {r["segment"]: r["share"] for r in share.filter(pl.col("measure") == "Spend").iter_rows(named=True)}
    assert spend["Google Ads"] == pytest.approx(2200 / 4500)  # sources by name, not id
    bub = views.bubbles(seg)
    assert bub.filter(pl.col("segment") == "Meta")["efficiency"][0] == pytest.approx(7000 / 2300)
    # a click on 'Meta' picks the meta_ads rows
    assert views.only_segment(frame, "source", "Meta")["source"].unique().to_list() == ["meta_ads"]


def test_heatmap_cells(frame):
    heat = views.heatmap(frame, "campaign", "device", "ctr")
    cell = heat.filter((pl.col("a") == "NO_Search_Brand") & (pl.col("b") == "desktop"))
    assert cell["text"][0] == "5.00%"  # 600 / 12000


def test_trend_overlays_the_previous_period(frame):
    tr = views.trend(frame, ["roas"], CURRENT, "day")
    prev = tr.filter(pl.col("series") == "Previous period")
    # 1 Jan (10000/1000) and 8 Jan (4000/1000) drawn 14 days later, over 15 and 22 Jan.
    assert prev["date"].to_list() == [date(2026, 1, 15), date(2026, 1, 22)]
    assert prev["value"].to_list() == [10.0, 4.0]


def test_fitting_grain_keeps_charts_small():
    year = Period(date(2025, 1, 1), date(2025, 12, 31))
    assert views.fitting_grain(year, "day", 2) == "day"  # 2 × 2 × 367 = 1468 points
    assert views.fitting_grain(year, "day", 6) == "day"  # 2 × 6 × 367 = 4404
    two_years = Period(date(2024, 1, 1), date(2025, 12, 31))  # 731 days
    assert views.fitting_grain(two_years, "day", 6) == "week"  # 2 × 6 × 733 > 5000; 2 × 6 × 106 is not
    # Ten years: 2 × 6 × (3652 // 7 + 2) = 6276 weekly points, too many; months it is.
    assert views.fitting_grain(Period(date(2016, 1, 1), date(2025, 12, 31)), "day", 6) == "month"


def test_funnel_marks_the_biggest_drop(frame):
    fu = views.funnel(views.filter_all(frame, views.Filters(CURRENT.start, CURRENT.end)))
    assert fu.stages["volume"].to_list() == [60000.0, 1100.0, 880.0, 40.0]
    assert fu.steps["rate_text"].to_list() == ["1.83%", "80.0%", "4.55%"]  # 1100/60000, 880/1100, 40/880
    assert fu.biggest == ("Impressions", "Clicks", "1.83%")


def test_funnel_steps_stay_within_one_tool():
    frame = pl.DataFrame({
        "source": ["google_ads", "ga4"],
        "impressions": [10000.0, None], "clicks": [200.0, None],
        "sessions": [None, 450.0],  # all traffic, organic included: more than the ad clicks
        "conversions": [8.0, 30.0],  # GA4's 30 are set aside: the ad platform's 8 count
    })
    fu = views.funnel(frame)
    # Impressions → clicks → conversions (Google Ads reports all three); no "clicks → sessions 225 %".
    assert fu.stages["stage"].to_list() == ["impressions", "clicks", "conversions"]
    assert fu.steps["rate_text"].to_list() == ["2.00%", "4.00%"]  # 200 / 10000, 8 / 200
    assert len(fu.notes) == 1 and fu.notes[0].startswith("Sessions are left out")


def test_downloads_neutralise_formulas():
    df = pl.DataFrame({"campaign": ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "Vinter"], "spend": [1.0] * 5})
    safe = views.neutralise(df)
    assert safe["campaign"].to_list() == ["'=HYPERLINK(\"x\")", "'+1", "'-2", "'@SUM(A1)", "Vinter"]
    assert pl.read_csv(views.to_csv(df))["Campaign"][0] == "'=HYPERLINK(\"x\")"
    assert views.to_xlsx(df)[:2] == b"PK"  # an XLSX workbook is a zip file


def test_downloads_open_as_the_user_reads_them():
    import io
    import zipfile

    df = pl.DataFrame({"campaign": ["=HYPERLINK(\"x\")", "Vinter – Prospecting"], "spend": [1234.5, 26.666666666666668],
                       "ctr": [0.0812, 0.02]})
    nb = views.to_csv(df, "nb", "NOK")
    assert nb.startswith(b"\xef\xbb\xbf")  # a BOM: Excel reads the en dash right
    lines = nb.decode("utf-8-sig").splitlines()
    assert lines[0] == "Kampanje;Kostnad (NOK);Klikkrate (CTR)"
    assert lines[2] == "Vinter – Prospecting;26,666667;0,02"
    assert views.to_csv(df, "en").decode("utf-8-sig").splitlines()[0] == "Campaign,Spend,Click-through rate (CTR)"
    book = zipfile.ZipFile(io.BytesIO(views.to_xlsx(df, "sv", "SEK")))
    sheet, strings = book.read("xl/worksheets/sheet1.xml").decode(), book.read("xl/sharedStrings.xml").decode()
    assert "<f>" not in sheet  # text cells, never formulas: the name is kept exactly as written
    assert "<t>=HYPERLINK(\"x\")</t>" in strings and "Kostnad (SEK)" in strings
    styles = book.read("xl/styles.xml").decode()
    assert 'formatCode="0.00%"' in styles and 'formatCode="#,##0.00"' in styles


def test_recipe_round_trip(frame):
    result = read_file(fixture_bytes("tidy.csv"), "tidy.csv")
    recipe = views.recipe_json(result)
    assert views.recipe_overrides(recipe)["spend"] == "spend"
    with pytest.raises(ValueError, match="x.json: not a KPI Compass mapping recipe"):
        views.recipe_overrides(b"[1, 2]", "x.json")
    with pytest.raises(ValueError, match="unknown column names bogus"):
        views.recipe_overrides(b'{"columns": {"Cost": "bogus"}}', "y.json")


def test_mapping_table_round_trip():
    result = read_file(fixture_bytes("tidy.csv"), "tidy.csv")
    table = views.mapping_table(result)
    edited = table.with_columns(pl.when(pl.col("column") == "sessions").then(pl.lit("ignore"))
                                .otherwise(pl.col("maps_to")).alias("maps_to"))
    overrides = views.mapping_overrides(edited)
    assert overrides["sessions"] is None and overrides["spend"] == "spend"


@given(st.lists(st.tuples(st.sampled_from("abcde"), st.floats(0, 1e6), st.floats(0, 1e6)), min_size=1, max_size=30))
def test_shares_add_up_to_one(rows):
    df = pl.DataFrame({"date": [date(2026, 1, 1)] * len(rows), "campaign": [r[0] for r in rows],
                       "spend": [r[1] for r in rows], "revenue": [r[2] for r in rows]})
    share = views.shares(views.segments(df, "campaign", top=3))
    for _, part in share.group_by("measure"):
        total = part["share"].sum()
        if part["share"].null_count() == 0 and total == total:  # all-zero measures give null shares
            assert total == pytest.approx(1.0)


def test_kpi_without_a_value_in_either_period_is_listed_as_missing():
    # Carts are exported but zero on every day, so cart abandonment (1 − orders / carts) has a zero
    # denominator in both periods: listed with the missing KPIs rather than shown as a bare "–".
    df = pl.DataFrame({"date": [date(2026, 1, 1), date(2026, 1, 2)], "spend": [10.0, 10.0],
                       "revenue": [50.0, 40.0], "carts": [0.0, 0.0], "orders": [3.0, 2.0]})
    sc = views.scorecard(df, "sales", Period(date(2026, 1, 2), date(2026, 1, 2)))
    shown = [c.kpi for s in sc.stages for c in s.cards]
    assert "cart_abandonment_rate" not in shown
    assert "no value in either period" in dict(sc.missing)["Cart abandonment rate"]
    assert sc.headline.text == "4.00×"  # ROAS 40 / 10 on 2 Jan
    assert [c.text for c in sc.stages[2].cards if c.kpi == "aov"] == ["20.00"]  # 40 / 2 orders, no currency given


def test_period_at_the_start_of_the_data_has_no_previous_values(frame):
    # 1-14 Jan is the first fortnight: the previous period (18-31 Dec) has no rows at all.
    sc = views.scorecard(frame, "sales", Period(date(2026, 1, 1), date(2026, 1, 14)))
    assert sc.headline.text == "7.00×"  # 14000 / 2000
    assert sc.headline.delta is None and sc.headline.previous_text == "–"
    assert any("does not cover the whole previous period" in n for n in sc.notes)


def test_unchanged_kpi_is_grey_without_an_arrow():
    # CPC 10 / 5 = 2.00 on both days: no change, so no colour whichever way the KPI points.
    df = pl.DataFrame({"date": [date(2026, 1, 1), date(2026, 1, 2)], "spend": [10.0, 10.0],
                       "clicks": [5.0, 5.0], "impressions": [100.0, 200.0]})
    c = cards(views.scorecard(df, "traffic", Period(date(2026, 1, 2), date(2026, 1, 2))))
    assert (c["cpc"].delta, c["cpc"].delta_color) == ("±0.0%", "off")
    assert (c["impressions"].delta, c["impressions"].delta_color) == ("+100.0%", "normal")  # 200 vs 100


def test_table_columns_and_heatmap_axis(frame):
    seg = views.segments(frame, "campaign")
    assert "campaign" in views.filled_columns(seg.table)
    empty = seg.table.with_columns(pl.lit(None, dtype=pl.Float64).alias("reach"))
    assert "reach" not in views.filled_columns(empty)
    assert views.second_dimension(["source", "channel", "campaign", "device"], "campaign") == "device"
    assert views.second_dimension(["source", "campaign"], "campaign") == "source"


@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c", "d", None]), st.floats(0, 1e4), st.floats(0, 1e4)),
                min_size=1, max_size=40), st.integers(1, 4))
def test_top_segments_plus_other_keep_the_totals(rows, top):
    df = pl.DataFrame({"campaign": [r[0] for r in rows], "spend": [r[1] for r in rows],
                       "revenue": [r[2] for r in rows]}, schema={"campaign": pl.String, "spend": pl.Float64,
                                                                 "revenue": pl.Float64})
    seg = views.segments(df, "campaign", top=top)
    assert seg.chart.height <= top + 1  # the top segments and at most one "Other"
    assert seg.chart["spend"].sum() == pytest.approx(df["spend"].sum())
    assert seg.table["revenue"].sum() == pytest.approx(df["revenue"].sum())


def test_awareness_headline_gives_way_to_impressions_when_reach_cannot_be_added_up():
    # Reach per day: two days of the period, two of the period before. Summing it would count a
    # person seen on both days twice, so the period has no reach and the headline is impressions.
    days = [date(2025, 3, d) for d in (1, 2, 3, 4)]
    frame = pl.DataFrame({"date": days, "source": ["meta_ads"] * 4, "spend": [10.0, 10.0, 20.0, 20.0],
                          "impressions": [1000.0, 1000.0, 1500.0, 1500.0], "reach": [800.0, 700.0, 900.0, 950.0]})
    sc = views.scorecard(frame, "awareness", Period(date(2025, 3, 3), date(2025, 3, 4)))
    assert sc.headline.kpi == "impressions"
    assert sc.headline.value == 3000.0  # 1500 + 1500
    assert sc.headline_note.startswith("Reach would lead here, but it has no value")


def test_a_headline_without_a_value_in_either_period_gives_way_to_what_it_needs():
    # Spend only on 1 Jan (an ad platform), revenue only on 2-3 Jan (a shop): in 3 Jan and the day
    # before there is no spend, so ROAS (revenue / spend) has no value in either period.
    df = pl.DataFrame({"date": [date(2026, 1, 1), date(2026, 1, 2), date(2026, 1, 3)],
                       "source": ["google_ads", "shopify_orders", "shopify_orders"],
                       "spend": [100.0, None, None], "revenue": [None, 500.0, 700.0],
                       "orders": [None, 5.0, 7.0]})
    sc = views.scorecard(df, "sales", Period(date(2026, 1, 3), date(2026, 1, 3)))
    # ROAS (no spend on 2 or 3 Jan) has no value: no bare "–" card, the page says what it lacks.
    assert sc.headline is None
    assert dict(sc.missing)["Return on ad spend (ROAS)"].startswith("no value in either period")
    gap = views.headline_gap(sc)
    assert "Profit on ad spend (POAS) / Return on ad spend (ROAS) would lead" in gap and "no value" in gap


def test_the_last_day_with_spend():
    frame = pl.DataFrame({"date": [date(2025, 3, 1), date(2025, 3, 30), date(2025, 4, 30)],
                          "spend": [100.0, 50.0, None], "leads": [None, None, 3.0]})
    assert views.last_spend_day(frame) == date(2025, 3, 30)
    assert views.last_spend_day(frame.drop("spend")) is None


def test_what_the_headline_needs_is_said_once_each():
    # GA4 alone: POAS needs a margin and spend, ROAS needs spend: 'a cost or amount spent column' once.
    df = pl.DataFrame({"date": [date(2026, 1, 1), date(2026, 1, 2)], "source": ["ga4", "ga4"],
                       "sessions": [100.0, 120.0], "revenue": [500.0, 700.0]})
    gap = views.headline_gap(views.scorecard(df, "sales", Period(date(2026, 1, 2), date(2026, 1, 2))))
    assert gap.count("needs a cost or amount spent column") == 1, gap


def test_a_money_kpi_without_value_in_two_currencies_says_why():
    df = pl.DataFrame({"date": [date(2026, 1, 1), date(2026, 1, 2)] * 2, "source": ["google_ads"] * 4,
                       "currency": ["NOK", "NOK", "SEK", "SEK"], "spend": [100.0, 120.0, 90.0, 80.0],
                       "clicks": [10.0, 12.0, 9.0, 8.0], "impressions": [1000.0, 1100.0, 900.0, 800.0],
                       "conversions": [1.0, 2.0, 1.0, 1.0], "revenue": [500.0, 700.0, 400.0, 300.0]})
    sc = views.scorecard(df, "sales", Period(date(2026, 1, 2), date(2026, 1, 2)))
    why = dict(sc.missing)["Cost per click (CPC)"]
    assert why.startswith("no value: the data mixes currencies") and "exchange rates" in why
    assert "the data mixes currencies" in views.headline_gap(sc)
