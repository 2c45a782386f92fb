"""read_file's contract: bad input, the user's corrections, recipes, cell text as data, several files."""

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from kpi_core.readers import ReadError, combine, overlaps, read_file
from kpi_core.readers.recipe import Recipe, RecipeError, loads

EXPORTS = Path(__file__).parent / "fixtures" / "exports"


def read_text(text: str, name: str = "sheet.csv", **kw):
    return read_file(text.encode("utf-8"), name, **kw)


def error_of(data: bytes, name: str) -> str:
    with pytest.raises(ReadError) as info:
        read_file(data, name)
    return str(info.value)


@pytest.mark.parametrize("data, name, expect", [
    (b"", "empty.csv", "empty"),
    (b"\n\n  \n", "blank.csv", "blank"),
    (b"Day,Campaign,Cost\n", "header.csv", "no data rows"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "picture.csv", "PNG"),
    (b"<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body></body></html>\n", "report.csv", "web page"),
    (b'\xef\xbb\xbf<?xml version="1.0"?>\n<Workbook></Workbook>\n', "report.csv", "web page"),
    (b"Day,Cost\n2025-01-01,5\n", "report.xlsx", "xlsx"),
    (b"Name,Colour,Size\nA,red,L\nB,blue,M\n", "things.csv", "found columns Name, Colour, Size; none is a cost"),
])
def test_unusable_files_raise_one_clear_message_naming_the_file(data, name, expect):
    message = error_of(data, name)
    assert message.startswith(name) and expect in message
    assert "\n" not in message


def test_no_measure_column_says_what_to_do():
    message = error_of(b"Name,Colour\nA,red\n", "things.csv")
    assert "rename a header or use the mapping" in message


def test_mostly_ragged_file_is_refused_and_a_few_ragged_lines_are_excluded():
    ragged = "Day,Campaign,Cost\n" + "".join(f"2025-01-0{i},A,{i},extra,more\n" for i in range(1, 8))
    assert "ragged" in error_of(ragged.encode(), "ragged.csv")
    r = read_text("Day,Campaign,Cost\n2025-01-01,A,5\n2025-01-02,A,6,oops\n2025-01-03,A,7\n")
    assert r.frame["spend"].sum() == 12  # 5 + 7; line 3 is set aside, not half-read
    assert [e.line for e in r.rows_excluded] == [3] and "ragged" in r.rows_excluded[0].reason
    assert r.rows_read == r.rows_used + len(r.rows_excluded) == 3


def test_cell_text_is_data_formulas_and_markup_pass_through_unchanged():
    text = 'Date,Campaign,Cost\n2025-01-01,"=HYPERLINK(""http://x.io"",""a"")",5\n2025-01-02,<script>alert(1)</script>,6\n'
    r = read_text(text)
    assert r.frame["campaign"].to_list() == ['=HYPERLINK("http://x.io","a")', "<script>alert(1)</script>"]


def test_unrecognised_columns_are_listed_and_overrides_correct_the_mapping():
    text = "Dato,Kampanje,Kostnad,Budsjett,Salgsverdi\n2025-01-01,A,100,500,900\n2025-01-02,A,50,500,300\n"
    r = read_text(text)
    cols = {c.source: (c.canonical, c.rule) for c in r.columns}
    assert cols["Budsjett"] == (None, "unrecognised") and cols["Salgsverdi"] == (None, "unrecognised")
    fixed = read_text(text, overrides={"Salgsverdi": "revenue", "Kostnad": None})
    cols = {c.source: (c.canonical, c.rule) for c in fixed.columns}
    assert cols["Salgsverdi"] == ("revenue", "your mapping 'Salgsverdi' -> revenue")
    assert cols["Kostnad"] == (None, "ignored by the mapping you gave")
    assert fixed.frame["revenue"].sum() == 1200 and "spend" not in fixed.frame.columns  # 900 + 300
    wrong = read_text(text, overrides={"Budsjett": "budget"})
    assert {c.source: c.canonical for c in wrong.columns}["Budsjett"] is None


def test_an_override_wins_over_the_platform_rule_for_the_same_measure():
    text = "Day,Campaign,Impr.,Clicks,Cost,Conversions,All conv.\n2025-01-01,A,100,10,5,1,3\n"
    r = read_text(text, overrides={"All conv.": "conversions"})
    assert r.frame["conversions"].to_list() == [3]
    assert {c.source: c.rule for c in r.columns}["Conversions"] == "also conversions; 'All conv.' is used"


def test_recipe_round_trip_and_validation_messages():
    recipe = Recipe("google_ads", {"Konv. (alle)": "conversions", "Budsjett": None})
    assert loads(recipe.to_json()) == recipe
    with pytest.raises(RecipeError) as info:
        loads('{"version": 2, "platform": "myspace", "columns": {"A": "sales"}, "extra": 1}')
    problems = info.value.problems
    assert len(problems) == 4
    assert "version must be 1" in problems[0] and "'myspace' is unknown" in problems[1]
    assert "'sales' is no canonical measure" in problems[2] and "unknown keys extra" in problems[3]
    with pytest.raises(RecipeError, match="not valid JSON"):
        loads("{version: 1")


def test_currency_from_symbols_and_the_ambiguous_kr():
    usd = read_text("Date,Campaign,Cost\n2025-01-01,A,$5.00\n2025-01-02,A,$7.50\n")
    assert usd.currency == "USD" and usd.frame["spend"].sum() == 12.5
    kr = read_text("Date,Campaign,Cost\n2025-01-01,A,5 kr\n2025-01-02,A,7 kr\n")
    assert kr.currency is None and any("'kr'" in f.message for f in kr.findings)
    mixed = read_text("Date,Campaign,Cost,Currency\n2025-01-01,A,5,NOK\n2025-01-01,B,7,SEK\n")
    assert mixed.currency is None and any("mixed currencies NOK, SEK" in f.message for f in mixed.findings)


def test_an_average_without_its_denominator_is_left_out_with_a_warning():
    text = ("Date,Average engagement time per session,Engaged sessions,Key events\n"
            "20250101,52.1,10,1\n20250102,40,12,2\n")
    r = read_text(text)
    assert r.platform == "ga4" and "engagement_seconds" not in r.frame.columns
    assert any("no sessions column" in f.message for f in r.findings)


def test_meta_results_without_an_indicator_are_not_conversions():
    text = "Reporting starts,Reporting ends,Campaign name,Amount spent (USD),Impressions,Results\n" \
           "2025-01-01,2025-01-01,A,10,1000,7\n"
    r = read_text(text)
    assert r.platform == "meta_ads" and r.currency == "USD" and "conversions" not in r.frame.columns
    assert "date_end" not in r.frame.columns  # one-day rows: date_end adds nothing


def test_combine_gives_one_frame_with_source_and_overlaps_are_reported():
    google = read_file((EXPORTS / "google_ads_en.csv").read_bytes(), "jan.csv")
    again = read_file((EXPORTS / "google_ads_utf16.csv").read_bytes(), "jan-again.csv")
    ms = read_file((EXPORTS / "microsoft_ads.csv").read_bytes(), "ms.csv")
    frame = combine([google, ms])
    assert frame.height == 4 + 3 and set(frame["source"]) == {"google_ads", "microsoft_ads"}
    assert frame.filter(pl.col("source") == "microsoft_ads")["currency"].to_list() == ["EUR"] * 3
    found = overlaps([google, again, ms])
    # The two Google files share 3 days × 2 campaigns minus the pairs not present: (1 Jan, Brand), (1 Jan, PMax),
    # (2 Jan, Brand), (3 Jan, Brand) = 4 date and campaign combinations.
    overlap = [f for f in found if "both hold google_ads data" in f.message]
    assert len(overlap) == 1 and "4 date and campaign combination(s)" in overlap[0].message
    assert any("mixed currencies EUR, NOK" in f.message for f in found)
    # Google 1-3 January, Microsoft all of January: the files cover different days, said with the days shared.
    pair = overlaps([google, ms])
    assert [f for f in pair if "mixed" in f.message] == [f for f in found if "mixed" in f.message]
    differ = [f.message for f in pair if "cover different days" in f.message]
    assert differ == [f for f in differ if "(ms.csv: 2025-01-01 to 2025-01-31); all of them cover 2025-01-01 to "
                                           "2025-01-03" in f] and len(differ) == 1
    assert len(pair) == 2


def test_record_tables_do_not_enter_combine_without_measures():
    deals = read_file((EXPORTS / "hubspot_deals.csv").read_bytes(), "deals.csv")
    assert deals.frame.is_empty() and combine([deals]).is_empty()


def test_meta_platform_and_placement_make_one_placement_and_reach_results_are_no_conversions():
    text = ("Reporting starts,Reporting ends,Campaign name,Platform,Placement,Results,Result indicator,"
            "Amount spent (SEK),Impressions,Post engagement,ThruPlays\n"
            "2025-06-01,2025-06-01,A,Facebook,Feed,7588,reach,441.20,9550,95,466\n"
            "2025-06-01,2025-06-01,A,Instagram,Feed,5961,reach,386.27,7664,72,470\n")
    r = read_text(text)
    assert r.frame["placement"].to_list() == ["Facebook Feed", "Instagram Feed"]
    assert {c.source: c.rule for c in r.columns}["Placement"] == "Meta 'Platform' + 'Placement'"
    assert not [f for f in r.findings if "double tracking" in f.message]
    assert "conversions" not in r.frame.columns  # results counted reach, not purchases or leads
    assert r.frame["engagements"].sum() == 167 and r.frame["video_views"].sum() == 936  # 95 + 72; 466 + 470


def test_a_file_over_the_size_limit_is_refused_before_parsing(monkeypatch):
    import kpi_core.readers as readers

    monkeypatch.setattr(readers, "MAX_BYTES", 10)
    assert "MB limit: export a shorter period" in error_of(b"Date,Cost\n2025-01-01,5\n", "big.csv")


def test_a_vertical_key_value_report_is_refused_with_what_to_export_instead():
    text = ('"Title:","Januarsalg"\n"Subject Line:","Opptil 40%"\n"Overall Stats"\n"Total Recipients:","4210"\n'
            '"Recipients Who Opened:","1744 (41.84%)"\n')
    assert "not a table: export the list of campaigns" in error_of(text.encode(), "campaign.csv")


def test_json_in_cells_passes_through_as_text():
    text = ('channelGrouping,date,totals,Sessions\n'
            'Organic Search,20160902,"{""visits"": ""1"", ""transactionRevenue"": ""1000000""}",1\n'
            'Direct,20160903,"{""visits"": ""1""}",2\n')
    r = read_text(text, overrides={"channelGrouping": "channel"})
    assert r.frame["channel"].to_list() == ["Organic Search", "Direct"] and r.frame["sessions"].sum() == 3
    assert r.frame["date"].to_list()[0].isoformat() == "2016-09-02"  # YYYYMMDD
    assert {c.source: c.rule for c in r.columns}["totals"] == "unrecognised"


def test_meta_day_breakdown_wins_over_the_reporting_period():
    text = ("Reporting starts,Reporting ends,Day,Campaign name,Amount spent (NOK),Impressions\n"
            "2025-01-01,2025-01-31,2025-01-05,A,10,100\n2025-01-01,2025-01-31,2025-01-06,A,20,200\n")
    r = read_text(text)
    assert r.frame["date"].to_list()[0].isoformat() == "2025-01-05" and "date_end" not in r.frame.columns
    rules = {c.source: (c.canonical, c.rule) for c in r.columns}
    assert rules["Reporting starts"] == (None, "also date; 'Day' is used") and rules["Reporting ends"][0] is None


def test_linkedin_post_click_conversions_are_preferred_and_allow_the_clicks_check():
    text = ("Start Date (in UTC),Campaign Name,Total Spent,Impressions,Clicks,Conversions,Post-Click Conversions,"
            "View-Through Conversions,Sessions (previous period)\n"
            "1/2/2025,A,100,1000,5,13,7,6,1\n")
    r = read_text(text)
    assert r.platform == "linkedin_ads" and r.frame["conversions"].to_list() == [7]
    assert any(f.message.startswith("more conversions than clicks") for f in r.findings)  # 7 post-click > 5
    rules = {c.source: c.rule for c in r.columns}
    assert rules["Conversions"] == "also conversions; 'Post-Click Conversions' is used"
    assert rules["View-Through Conversions"] == "LinkedIn 'View-Through Conversions': not used by any KPI"


def test_ga4_comparison_reads_the_first_period_and_sets_the_other_aside():
    text = ("Session default channel group,Date range,Sessions,Key events\n"
            "Organic Search,Jan 1 - Jan 31 2025,100,5\nOrganic Search,Dec 1 - Dec 31 2024,80,4\n"
            "Direct,Jan 1 - Jan 31 2025,50,2\nDirect,Dec 1 - Dec 31 2024,40,1\n")
    r = read_text(text)
    assert r.platform == "ga4" and r.frame["sessions"].sum() == 150  # 100 + 50, January only
    assert [(e.line, e.reason) for e in r.rows_excluded] == [
        (3, "comparison period 'Dec 1 - Dec 31 2024' (only 'Jan 1 - Jan 31 2025' is read)"),
        (5, "comparison period 'Dec 1 - Dec 31 2024' (only 'Jan 1 - Jan 31 2025' is read)")]
    assert r.rows_read == r.rows_used + len(r.rows_excluded) == 4


@pytest.mark.parametrize("header, row", [
    ("Dag;Kampanj;Enhet;Valutakod;Exp.;Klick;Gen. CPC;Kostnad;Konverteringar;Konv.värde",
     "2025-01-01;SE_Brand;Datorer;SEK;1 200;40;2,50;100,00;2,00;1 500,00"),
    ("Dag;Kampagne;Enhed;Valutakode;Visninger;Klik;Gns. CPC;Omkostninger;Konverteringer;Konv. værdi",
     "2025-01-01;DK_Brand;Computere;DKK;1.200;40;2,50;100,00;2,00;1.500,00"),
])
def test_swedish_and_danish_google_ads_headers(header, row):
    r = read_text(f"{header}\n{row}\n")
    assert r.platform == "google_ads"
    assert r.frame.select("impressions", "clicks", "spend", "conversions", "revenue").row(0) == (
        1200, 40, 100.0, 2.0, 1500.0)
    assert r.frame["device"].to_list() == ["desktop"]


def test_two_breakdowns_of_one_period_are_an_overlap_without_a_date_column():
    age = read_file((EXPORTS / "google_ads_age.csv").read_bytes(), "google_ads_age.csv")
    gender = read_file((EXPORTS / "google_ads_gender.xlsx").read_bytes(), "google_ads_gender.xlsx")
    # each file: 'Total: Account' set aside, the three rows of campaign NO_Search for 1-31 March 2025;
    # cost 600 + 380 + 40 = 1020.00 (age) and 600.50 + 380.25 + 40 = 1020.75 (gender, numbers as numbers)
    assert [e.reason for e in age.rows_excluded] == ["summary row 'Total: Account'"]
    assert [e.reason for e in gender.rows_excluded] == ["summary row 'Total: Account'", "summary row 'Total: Search'"]
    assert (age.frame["spend"].sum(), gender.frame["spend"].sum()) == (pytest.approx(1020.0), pytest.approx(1020.75))
    assert age.date_range == gender.date_range == (date(2025, 3, 1), date(2025, 3, 31))
    found = overlaps([age, gender])
    assert len(found) == 1 and "1 campaign(s) (NO_Search) for 2025-03-01 to 2025-03-31" in found[0].message
    assert found[0].level == "warning"
    # another campaign, or another month, is no overlap
    header = "Campaign,Currency code,Impr.,Clicks,Cost\n"
    display = read_text('Device report\n"March 1, 2025 - March 31, 2025"\n' + header + "NO_Display,NOK,100,1,10\n")
    april = read_text('Device report\n"April 1, 2025 - April 30, 2025"\n' + header + "NO_Search,NOK,100,1,10\n")
    assert display.platform == april.platform == "google_ads"
    assert overlaps([age, display]) == []
    # another month counts nothing twice; it is said to share no day with March
    assert [f.message.split(" share ")[0] for f in overlaps([age, april])] == [
        "google_ads_age.csv (2025-03-01 to 2025-03-31) and sheet.csv (2025-04-01 to 2025-04-30)"]


def test_trailing_delimiters_make_no_findings():
    r = read_text("Date,Campaign,Cost,Clicks,,\n2025-01-01,A,10,1,,\n2025-01-02,B,20,2,,\n")
    assert r.frame["spend"].sum() == 30 and r.findings == []  # 10 + 20; columns 5 and 6: no header, no cells
    named = read_text("Date,Campaign,Cost,Notes\n2025-01-01,A,10,\n")
    assert any("column 'Notes' is empty in every row" in f.message for f in named.findings)


def test_files_of_periods_that_share_no_day_are_said_to_mix_periods():
    january = read_file(b"Dato;Kanal;Kostnad\n10.01.2025;Google;100\n12.01.2025;Google;50\n", "januar.csv")
    april = read_file(b"Date,Channel,Sessions\n2025-04-01,Organic,300\n2025-04-03,Organic,200\n", "april.csv")
    found = [f for f in overlaps([april, january]) if "share no day" in f.message]
    assert [f.message for f in found] == [
        "januar.csv (2025-01-10 to 2025-01-12) and april.csv (2025-04-01 to 2025-04-03) share no day: KPIs over both "
        "divide one period's numbers by the other's (spend by customers, revenue by spend). Choose a period, or load "
        "files of the same period."]
    same = read_file(b"Date,Channel,Sessions\n2025-01-12,Organic,300\n", "same.csv")
    assert not [f for f in overlaps([january, same]) if "share no day" in f.message]


def test_overlapping_orders_exports_of_one_shop_count_each_order_once():
    # shopify_orders.csv: #1043 (Anne, 796.30), #1044 (Bjørn, 499.00 with a refund), #1045 (Anne again),
    # #1046 voided: 3 orders, revenue 1495.30 net, 2 new customers. A second export of the same shop
    # holds #1045 again and a new #1047 (Dina, 300.00): together 4 orders, 3 new customers.
    from kpi_core.readers import merge_orders

    text = (EXPORTS / "shopify_orders.csv").read_text(encoding="utf-8")
    header, *rows = text.splitlines()
    again = next(r for r in rows if r.startswith("#1045"))
    later = "\n".join([header, again, again.replace("#1045", "#1047").replace("Anne@Fjord.no", "dina@z.no")
                       .replace("2025-01-04 09:00", "2025-01-05 09:00").replace("299.00", "300.00")]) + "\n"
    first = read_file(text.encode(), "jan_a.csv")
    second = read_file(later.encode(), "jan_b.csv")
    merged = merge_orders([first, second])
    assert merged[0] is first
    assert merged[1].records["order_id"].to_list() == ["#1047"]
    assert any("1 order(s) of this file are also in jan_a.csv (the same order number, e.g. #1045)" in f.message
               for f in merged[1].findings)
    frame = combine(merged)
    assert frame["orders"].sum() == 4 and frame["new_customers"].sum() == 3
    assert not [f for f in overlaps(merged) if "both hold shopify_orders" in f.message]
    # Another shop's '#1045' (another day and amount) is another order: both stay, and the overlap is said.
    other = read_file(later.replace("2025-01-04 09:00", "2025-02-04 09:00").encode(), "other_shop.csv")
    kept = merge_orders([first, other])
    assert kept[1] is other and combine(kept)["orders"].sum() == 3 + 2
