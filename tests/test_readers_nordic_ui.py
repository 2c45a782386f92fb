"""Exports downloaded with a Norwegian, Swedish or Danish interface: the same numbers as the English
download of the same report (fixtures written from export-formats.md and the platforms' help pages,
totals by hand in each test)."""

from pathlib import Path

import polars as pl
import pytest

from kpi_core import leads
from kpi_core.readers import read_file

EXPORTS = Path(__file__).parent / "fixtures" / "exports"


def read(name: str):
    return read_file((EXPORTS / name).read_bytes(), name)


@pytest.mark.parametrize("name", ["meta_no_platform_placement.csv", "meta_sv_platform_placement.csv"])
def test_meta_platform_and_placement_in_norwegian_and_swedish_name_one_placement(name):
    # Plattform + Plassering/Placering: Facebook Feed 700.00, Instagram Feed 400.25, Instagram Stories
    # 300.25, Facebook Stories 99.50, Audience Network 10.00 (total 1,510.00).
    r = read(name)
    spend = dict(r.frame.group_by("placement").agg(pl.col("spend").sum()).iter_rows())
    assert spend["Facebook Feed"] == pytest.approx(700.0)
    assert spend["Instagram Feed"] == pytest.approx(400.25)
    assert spend["Instagram Stories"] == pytest.approx(300.25)
    assert spend["Facebook Stories"] == pytest.approx(99.5)
    assert sum(spend.values()) == pytest.approx(1510.0)
    assert not [f for f in r.findings if "double tracking" in f.message]


@pytest.mark.parametrize("name", ["hubspot_deals_no_lost.csv", "hubspot_deals_sv_lost.csv"])
def test_lost_deals_in_norwegian_and_swedish_are_closed(name):
    # One 'Lukket vunnet' / 'Stängd vunnen' and two 'Lukket tapt' / 'Stängd förlorad': win rate 1 / 3.
    r = read(name)
    summary = leads.deals_summary(r.records)
    assert summary["closed"].sum() == 3 and summary["won"].sum() == 1
    assert summary["closed"].sum() and summary["won"].sum() / summary["closed"].sum() == pytest.approx(1 / 3)


@pytest.mark.parametrize("name", ["ga4_no_comparison.csv", "ga4_sv_comparison.csv"])
def test_ga4_comparison_column_in_norwegian_and_swedish_keeps_the_first_period(name):
    # 'Datoperiode' / 'Datumintervall': March rows 4000 + 600 sessions, revenue 30000 + 9000; February's
    # two rows are the comparison, set aside with their line numbers.
    r = read(name)
    assert r.frame["sessions"].sum() == 4600 and r.frame["revenue"].sum() == pytest.approx(39000)
    assert [e.line for e in r.rows_excluded] == [12, 14]
    assert all("comparison" in e.reason for e in r.rows_excluded)
    assert r.rows_read == r.rows_used + len(r.rows_excluded) == 4


def test_ga4_comparison_lines_above_the_header_do_not_replace_the_period():
    # '# Start date (comparison): 20241201' follows '# Start date: 20250101'.
    r = read("ga4_comparison_lines.csv")
    assert [d.isoformat() for d in r.date_range] == ["2025-01-01", "2025-01-31"]
    assert r.frame["sessions"].sum() == 6000


def test_meta_website_purchases_are_the_conversions_and_their_value_the_revenue():
    r = read("meta_website_purchases.csv")
    assert r.frame["conversions"].sum() == 50  # 41 + 9
    assert r.frame["revenue"].sum() == pytest.approx(60870.0)  # 51,870 + 9,000
    assert r.frame["spend"].sum() == pytest.approx(7077.40)


def test_google_ads_interactions_in_norwegian_are_no_engagements():
    r = read("google_ads_no_interactions.csv")
    assert "engagements" not in r.frame.columns
    assert r.frame["impressions"].sum() == 53000 and r.frame["clicks"].sum() == 320


@pytest.mark.parametrize(("name", "impressions", "views", "spend"), [
    ("google_ads_sv_video_views.csv", 230000, 57500, 8700.0),  # 'Visningar' first, then 'Exp.'
    ("google_ads_da_video_views.csv", 120000, 30000, 4500.0),  # 'Visninger' first, 'Eksp.' later
])
def test_google_ads_swedish_and_danish_views_beside_exp_are_video_views(name, impressions, views, spend):
    r = read(name)
    assert r.frame["impressions"].sum() == impressions
    assert r.frame["video_views"].sum() == views
    assert r.frame["spend"].sum() == pytest.approx(spend)
    rules = {c.source: c.canonical for c in r.columns}
    assert rules[next(h for h in rules if h.startswith("Visning"))] == "video_views"


def test_norwegian_google_ads_visninger_alone_are_the_impressions():
    r = read_file(b"Dag,Kampanje,Visninger,Klikk,Kostnad\n2025-03-01,NO_Search,1 000,20,\"50,00\"\n", "g.csv")
    assert r.frame["impressions"].sum() == 1000 and "video_views" not in r.frame.columns


@pytest.mark.parametrize(("name", "labels"), [
    ("sheet_excel_subtotals_no.csv", ["Google Totalt", "Meta Totalt", "Totalsum"]),
    ("sheet_excel_subtotals_sv.csv", ["Google Summa", "Meta Summa", "Totalsumma"]),
    ("sheet_excel_subtotals_da.csv", ["Google I alt", "Meta I alt", "Hovedtotal"]),
    ("sheet_sum_rows_no.csv", ["Sum Google", "Sum Meta", "Sum alle"]),  # 'Sum Google' in the campaign column
])
def test_excel_subtotal_rows_are_set_aside_in_every_language(name, labels):
    # Excel's Data > Subtotal: Google 1000 + 1100, Meta 800 + 900, a subtotal under each and a grand
    # total (date blank). Spend 3800, impressions 83000, clicks 1030, conversions 18, revenue 13900.
    r = read(name)
    assert [e.line for e in r.rows_excluded] == [4, 7, 8]
    assert [e.reason for e in r.rows_excluded] == [f"summary row '{x}'" for x in labels]
    f = r.frame
    assert (f["spend"].sum(), f["impressions"].sum(), f["clicks"].sum()) == (pytest.approx(3800), 83000, 1030)
    assert (f["conversions"].sum(), f["revenue"].sum()) == (18, pytest.approx(13900))
    assert r.rows_read == r.rows_used + len(r.rows_excluded) == 7


def test_excel_subtotals_in_a_workbook():
    # Ten day rows (Google 5200, Meta 5250) with SUBTOTAL formulas' cached values under each channel.
    r = read("sheet_excel_subtotals.xlsx")
    assert [e.reason for e in r.rows_excluded] == ["summary row 'Google Totalt'", "summary row 'Meta Totalt'",
                                                   "summary row 'Totalsum'"]
    assert r.frame["spend"].sum() == pytest.approx(10450) and r.frame["clicks"].sum() == 1045


def test_a_campaign_whose_name_ends_in_total_is_data_when_no_rows_add_up_to_it():
    text = ("Dato;Kampanje;Kostnad;Klikk\n01.02.2025;Black Friday;100,00;10\n01.02.2025;Black Friday Total;50,00;5\n"
            "01.02.2025;Sum Vinter;30,00;3\n")
    r = read_file(text.encode(), "own.csv")
    assert r.rows_excluded == [] and r.frame["spend"].sum() == pytest.approx(180.0)


@pytest.mark.parametrize(("name", "said"), [
    ("workbook_hidden_old_sheet.xlsx", "Not read: '2024 (gammel)'"),  # a hidden sheet with 30 rows of 2024
    ("workbook_hidden_raw_sheet.xlsx", "Not read: 'Rådata (ikke bruk)'"),  # hidden, though named raw data
    ("workbook_budget_sheet.xlsx", "Not read: 'Budsjett'"),  # 12 months x 3 channels of planned spend
    ("workbook_summary_sheet_first.xlsx", "Sheet 'Oppsummering' could not be read"),  # SUMIFS per month
])
def test_a_workbook_is_read_from_its_visible_results_sheet(name, said):
    # The results: ten days 6-15 January 2025, spend 1000 + 1010 + ... = 10 450, clicks 1 045.
    r = read(name)
    assert [d.isoformat() for d in r.date_range] == ["2025-01-06", "2025-01-15"]
    assert r.frame["spend"].sum() == pytest.approx(10450) and r.frame["clicks"].sum() == 1045
    assert any(said in f.message for f in r.findings)


@pytest.mark.parametrize("name", ["sheet_months_mm_yyyy.csv", "sheet_months_mon_yy.csv", "sheet_months_januar_yy.csv"])
def test_months_written_as_excel_shows_them_are_monthly_rows(name):
    # '01.2025', 'Jan-25' (en-US mmm-yy), 'januar-25': January to March 2025, one row each.
    r = read(name)
    assert [d.isoformat() for d in r.frame["date"].to_list()] == ["2025-01-01", "2025-02-01", "2025-03-01"]
    assert [d.isoformat() for d in r.date_range] == ["2025-01-01", "2025-03-31"]
    assert r.frame["spend"].sum() == pytest.approx(6000.75)


@pytest.mark.parametrize("name", ["sheet_long_dates_sv.csv", "sheet_long_dates_en.csv"])
def test_long_dates_with_a_weekday_are_dates(name):
    # 'den 3 februari 2025', 'Monday, February 3, 2025' (Excel's Long Date): 3 and 4 February.
    r = read(name)
    assert [d.isoformat() for d in r.frame["date"].to_list()] == ["2025-02-03", "2025-02-04"]


def test_excel_day_numbers_in_a_csv_date_column_are_dates():
    r = read("sheet_serial_dates.csv")  # 45691 = 3 February 2025 (days since 30 December 1899)
    assert [d.isoformat() for d in r.date_range] == ["2025-02-03", "2025-02-05"]
    assert r.frame["spend"].sum() == pytest.approx(4950.0)


def test_a_sheet_with_a_channel_column_is_an_own_sheet_not_an_ad_platform_export():
    # 'Lenkeklikk' is a Meta header, but 'Kanal' (Google, Meta) names several channels: the marketer's sheet.
    r = read("sheet_channels_lenkeklikk_no.csv")
    assert r.platform == "generic"
    assert dict(r.frame.group_by("channel").agg(pl.col("spend").sum()).iter_rows()) == {"Google": 1000.0,
                                                                                         "Meta": 800.0}


def test_a_decimal_point_cell_in_a_decimal_comma_column_is_read_and_said():
    # Kostnad: 1 234,50 + 1234.50 + 99,90 + 1.099,90 = 3 668,80; Inntekt: 4 000,00 + 4000.00 + 500 + 500,00.
    r = read("sheet_mixed_decimal_marks_no.csv")
    assert r.frame["spend"].sum() == pytest.approx(3668.80) and r.frame["revenue"].sum() == pytest.approx(9000.0)
    said = [f.message for f in r.findings if f.level == "warning"]
    assert any("column 'Kostnad' writes decimals with a comma, but some cells with a point (line 3: '1234.50')" in m
               for m in said)
    assert not any("could not be read" in m for m in said)


@pytest.mark.parametrize(("name", "spend", "clicks"), [
    ("sheet_subtotals_general_decimals_no.csv", 2886.15, 846),  # '1200', '358,5', '432,55' (Excel's General)
    ("sheet_subtotals_negative_sv.csv", 2980.0, 1010),  # a -120,00 credit and a refund row under 'Google Summa'
    ("sheet_subtotal_formulas.xlsx", 2886.15, 846),  # SUBTOTAL(9, …) with cached values, number cells
])
def test_excel_subtotals_are_recognised_whatever_the_decimals_and_signs(name, spend, clicks):
    r = read(name)
    assert len(r.rows_excluded) == 3 and all("summary row" in e.reason for e in r.rows_excluded)
    assert r.frame["spend"].sum() == pytest.approx(spend) and r.frame["clicks"].sum() == clicks


def test_a_currency_symbol_in_a_currency_column_is_its_code():
    text = "Datum;Kanal;Valuta;Kostnad;Klick\n2025-01-06;Meta;EUR;80,00;90\n2025-01-07;Meta;€;90,00;95\n"
    r = read_file(text.encode(), "sv.csv")
    assert r.frame["currency"].cast(pl.String).to_list() == ["EUR", "EUR"] and r.currency == "EUR"


def test_an_ad_platform_export_without_its_cost_is_warned_about():
    # Microsoft Advertising with a cost header no reader knows: every cost KPI would be missing silently.
    text = "Time period,Campaign name,Impressions,Clicks,Outlay\n2025-01-01,Brand,1000,50,120.00\n"
    r = read_file(text.encode(), "msads.csv")
    assert r.platform == "microsoft_ads"
    assert any(f.level == "warning" and "no cost column was recognised in this Microsoft Advertising export"
               in f.message for f in r.findings)
