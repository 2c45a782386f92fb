"""What a marketer saw in the browser review, held in place: no empty charts for KPIs that have no
value, no value-less bars, tables rounded to the decimals they show."""

import math
from pathlib import Path

from conftest import chart_rows

ROOT_EXPORTS = Path(__file__).parent / "fixtures" / "exports"


def _use(app, set_id: str):
    app.selectbox(key="w_dataset").set_value(f"sample:{set_id}").run()
    assert not app.exception
    return app


def test_brand_set_segments_open_on_cpm_and_never_offer_a_kpi_without_values(app):
    # The brand set has ad spend (Meta, TikTok) and GA4 revenue: ROAS is computable on paper but a
    # ratio is never formed across two tools, so it is null in every campaign. It must not be offered
    # (it drew an empty bar chart, a "NaN" legend and a "0.00× → 0.00×" waterfall).
    _use(app, "brand").switch_page("pages/segments.py").run()
    assert not app.exception
    options = app.selectbox(key="w_seg_kpi").options
    assert "Return on ad spend (ROAS)" not in options
    assert app.selectbox(key="w_seg_kpi").value == "cpm"  # the awareness goal's efficiency KPI
    bars = chart_rows(app, 0)
    assert bars and all(r["value"] is not None for r in bars)  # every bar drawn has a value


def test_webshop_segments_name_the_segment_without_a_value_instead_of_an_empty_bar(app):
    app.switch_page("pages/segments.py").run()
    assert not app.exception
    # GA4 rows have no campaign and no spend: "(not set)" has sessions but no ROAS.
    assert "(not set)" not in [r["segment"] for r in chart_rows(app, 0)]
    # the caption names it (markdown-escaped, as every data value in text is)
    assert any("No Return on ad spend (ROAS) for \\(not set\\)" in c.value for c in app.caption)
    share = chart_rows(app, 1)
    assert "(not set)" not in {r["segment"] for r in share}  # no spend and no revenue: no empty row
    table = app.dataframe[0].value
    spend = [v for v in table["spend"].tolist() if v is not None and not math.isnan(v)]
    assert spend and all(round(v, 2) == v for v in spend)  # rounded, not cut off by the grid
    assert table["engagement_seconds"].dropna().map(float.is_integer).all()  # whole seconds


def test_loyalty_tables_are_rounded_to_what_they_show(app):
    app.switch_page("pages/loyalty.py").run()
    assert not app.exception
    ltv = app.dataframe[0].value  # LTV per cohort at 3, 6, 12 months
    values = [v for v in ltv["ltv_3m"].tolist() if v is not None and not math.isnan(v)]
    assert values and all(round(v, 2) == v for v in values)
    assert ltv["ltv_12m"].isna().all()  # June–December: no cohort is 12 months old (shown as "–")
    by_month = app.dataframe[2].value
    rates = [v for v in by_month["repeat_purchase_rate"].tolist() if v is not None and not math.isnan(v)]
    assert rates and all(round(v, 4) == v for v in rates)  # 0.190650… shows as 19.07 %, not a cut 19.06 %


def test_a_monthly_sheet_trends_by_month_and_says_so(app):
    # generic_monthly_no.csv: one row per month (2025-01, 2025-02), dated on the 1st. A day chart of
    # it was two lonely dots; it is drawn by month, and the page says why the grain differs.
    from conftest import upload

    at = upload(app, "generic_monthly_no.csv", (ROOT_EXPORTS / "generic_monthly_no.csv").read_bytes())
    at.switch_page("pages/trends.py").run()
    assert not at.exception
    assert at.get("segmented_control")[0].value == "day"  # what was asked for …
    assert any(c.value.startswith("Shown by month") for c in at.caption)  # … and what is shown


def test_data_page_says_what_a_file_holds_in_the_chosen_language(app):
    app.session_state["lang"] = "nb"
    app.switch_page("pages/data.py").run()
    assert not app.exception
    table = app.dataframe[0].value  # the files of the active sample set
    assert "Google Ads" in table["platform"].tolist()  # the platform's name, not "google_ads"
    assert "kampanjeresultater" in table["table"].tolist() and "butikkordrer" in table["table"].tolist()


def test_brand_set_trends_open_on_kpis_that_draw_and_explain_an_empty_one(app):
    # Reach and frequency count people: Meta and TikTok give reach per campaign and day, which cannot be
    # added up, so a daily line of them is empty. The page opened on Reach, Impressions, Frequency (two
    # empty frames); it opens on KPIs with values, and an empty one chosen by hand says why.
    _use(app, "brand").switch_page("pages/trends.py").run()
    assert not app.exception
    chosen = app.multiselect(key="w_trend_kpis").value
    assert "reach" not in chosen and "frequency" not in chosen and len(chosen) == 3
    assert all(any(r["value"] is not None for r in chart_rows(app, i)) for i in range(len(chosen)))
    app.multiselect(key="w_trend_kpis").set_value(["reach", "impressions"]).run()
    assert not app.exception
    assert len(app.get("vega_lite_chart")) == 1  # impressions only
    assert any(i.value.startswith("Reach has no value by day here") for i in app.info)


def test_a_goal_without_a_headline_says_what_it_takes(app):
    # The B2B set has no revenue: Sales has neither POAS nor ROAS. The page went straight to the
    # stages; it now says which KPI would lead and what the data lacks.
    _use(app, "b2b")
    app.selectbox(key="w_goal").set_value("sales").run()
    assert not app.exception
    assert any(i.value.startswith("No headline KPI yet: Profit on ad spend (POAS) / Return on ad spend (ROAS)")
               and "needs a revenue or conversion value column" in i.value for i in app.info)
