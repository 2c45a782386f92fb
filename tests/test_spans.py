"""Rows that cover several days as a whole (a GA4 report downloaded without a date column, a Meta
export without a day breakdown): they count in a period that covers all of their days, in no shorter
one, and in no single day of a time series; the app's default period covers them and says when a
period leaves them out."""

from datetime import date

import polars as pl
from conftest import ROOT, metrics

from kpi_core import views
from kpi_core.engine import Period, compute, in_period
from kpi_core.readers import combine, overlaps, read_file

EXPORTS = ROOT / "tests" / "fixtures" / "exports"
GA4 = "ga4.csv"  # Traffic acquisition, no Date column, '# Start date: 20250101' / '# End date: 20250131'
ADS = "google_ads_en.csv"  # daily rows 1-3 January 2025
NB = "\u00a0"


def _read(name: str):
    return read_file((EXPORTS / name).read_bytes(), name)


def test_a_report_without_dates_covers_the_period_named_above_its_header():
    r = _read(GA4)
    assert r.frame["date"].unique().to_list() == [date(2025, 1, 1)]
    assert r.frame["date_end"].unique().to_list() == [date(2025, 1, 31)]
    assert r.date_range == (date(2025, 1, 1), date(2025, 1, 31))
    assert any("no date column: every row covers the report's period, 2025-01-01 to 2025-01-31" in f.message
               for f in r.findings)
    assert r.frame["sessions"].sum() == 6843 + 2690 + 1200  # Grand total set aside


def test_a_row_covering_a_month_counts_only_in_a_period_that_covers_all_of_it():
    frame = pl.DataFrame({"date": [date(2025, 1, 1), date(2025, 1, 2)], "date_end": [date(2025, 1, 31), None],
                          "sessions": [100.0, 7.0]})
    assert in_period(frame, Period(date(2025, 1, 1), date(2025, 1, 31)))["sessions"].sum() == 107
    assert in_period(frame, Period(date(2024, 12, 1), date(2025, 2, 28)))["sessions"].sum() == 107
    assert in_period(frame, Period(date(2025, 1, 1), date(2025, 1, 15)))["sessions"].sum() == 7  # the day row alone
    assert in_period(frame, Period(date(2025, 1, 3), date(2025, 1, 31))).is_empty()
    left = views.left_out_spans(frame, Period(date(2025, 1, 1), date(2025, 1, 15)))
    assert left == (1, [], Period(date(2025, 1, 1), date(2025, 1, 31)))
    assert views.left_out_spans(frame, Period(date(2025, 1, 1), date(2025, 1, 31))) is None
    assert views.left_out_spans(frame, Period(date(2025, 2, 1), date(2025, 2, 28))) is None  # not touched
    assert views.latest_span(frame) == Period(date(2025, 1, 1), date(2025, 1, 31))
    assert views.date_bounds(frame) == (date(2025, 1, 1), date(2025, 1, 31))


def test_a_time_series_leaves_out_rows_of_several_days_and_says_so():
    frame = pl.DataFrame({"date": [date(2025, 1, 1), date(2025, 1, 2), date(2025, 1, 1)],
                          "date_end": [date(2025, 1, 31), None, None], "sessions": [100.0, 7.0, 5.0]})
    daily = compute(frame, ["sessions"], grain="day")
    assert daily.frame["sessions"].to_list() == [5.0, 7.0]
    assert any("1 row(s) cover several days as a whole" in n for n in daily.notes)
    monthly = compute(frame, ["sessions"], grain="month")  # the month holds all of it
    assert monthly.frame["sessions"].to_list() == [112.0]
    assert not any("cover several days" in n for n in monthly.notes)


def test_two_breakdowns_of_one_period_without_dates_are_still_one_period_overlap():
    age, gender = _read("google_ads_age.csv"), _read("google_ads_gender.xlsx")
    found = overlaps([age, gender])
    assert len(found) == 1 and "for 2025-03-01 to 2025-03-31" in found[0].message


def test_the_app_default_period_covers_the_ga4_report_next_to_daily_ads(app):
    # Google Ads 1-3 January, GA4 for all of January without dates: the default period (the ads' last
    # day alone, half of a 3-day span) is stretched over January, so GA4's sessions count.
    app.switch_page("pages/data.py").run()
    app.file_uploader[0].set_value([("google_ads_en.csv", (EXPORTS / ADS).read_bytes(), "text/csv"),
                                    ("ga4.csv", (EXPORTS / GA4).read_bytes(), "text/csv")]).run()
    assert not app.exception
    assert app.session_state["f_dates"] == (date(2025, 1, 1), date(2025, 1, 31))
    at = app.switch_page("pages/goal.py").run()
    at.selectbox(key="w_goal").set_value("traffic").run()
    assert not at.exception
    assert metrics(at)["Sessions"][0] == "10,733"  # 6843 + 2690 + 1200
    assert not [i for i in at.info if "as a whole" in i.value]
    # A shorter period leaves the GA4 rows out, and the page says so and how to see them.
    at.session_state["f_dates"] = (date(2025, 1, 1), date(2025, 1, 3))
    at.run()
    note = [i.value for i in at.info if "as a whole" in i.value]
    assert note and "3 row(s) from GA4 cover 2025-01-01 to 2025-01-31" in note[0]
    assert "Sessions" not in metrics(at) or metrics(at)["Sessions"][0] != "10,733"


def test_combined_frames_keep_the_span():
    frame = combine([_read(ADS), _read(GA4)])
    assert frame.filter(pl.col("source") == "ga4")["date_end"].unique().to_list() == [date(2025, 1, 31)]
    ads = frame.filter(pl.col("source") == "google_ads")
    assert ads.height == 4 and ads["date_end"].null_count() == 4  # day rows: no span


def test_trends_say_why_the_ga4_report_has_no_daily_line(app):
    app.switch_page("pages/data.py").run()
    app.file_uploader[0].set_value([("google_ads_en.csv", (EXPORTS / ADS).read_bytes(), "text/csv"),
                                    ("ga4.csv", (EXPORTS / GA4).read_bytes(), "text/csv")]).run()
    at = app.switch_page("pages/trends.py").run()
    at.multiselect(key="w_trend_kpis").set_value(["sessions"]).run()
    at.segmented_control(key="w_trend_grain").set_value("day").run()
    assert not at.exception
    assert any("cover several days as a whole" in i.value for i in at.info)
    at.segmented_control(key="w_trend_grain").set_value("month").run()  # January holds the whole report
    assert not any("cover several days as a whole" in i.value for i in at.info)
