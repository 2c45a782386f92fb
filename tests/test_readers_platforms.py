"""Every fixture export read as the marketer downloaded it: platform, currency, rows, mapping, totals.

The fixtures are written by tests/fixtures/make_fixtures.py; the expected totals below are summed by
hand from the data rows there (the arithmetic is in the comments), never from the file's own total rows.
"""

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from kpi_core.readers import read_file
from kpi_core.schema import MEASURES, RECORD_COLUMNS

EXPORTS = Path(__file__).parent / "fixtures" / "exports"
ALL = sorted(p.name for p in EXPORTS.iterdir())


def read(name: str, **kw):
    return read_file((EXPORTS / name).read_bytes(), name, **kw)


def totals(r) -> dict[str, float]:
    return {m: pytest.approx(r.frame[m].sum()) for m in r.frame.columns if m in MEASURES}


def mapping(r) -> dict[str, str | None]:
    return {c.source: c.canonical for c in r.columns}


def rules(r) -> dict[str, str]:
    return {c.source: c.rule for c in r.columns}


def excluded(r) -> list[tuple[int, str]]:
    return [(e.line, e.reason) for e in r.rows_excluded]


@pytest.mark.parametrize("name", ALL)
def test_rows_read_equal_rows_used_plus_rows_excluded(name):
    r = read(name)
    assert r.rows_read == r.rows_used + len(r.rows_excluded)
    assert r.rows_read > 0


# Google Ads data rows: impressions 1,245 + 18,902 + 312 + 2,004 = 22,463; clicks 87 + 211 + 19 + 140 = 457;
# cost 358.44 + 1432.55 + 74.10 + 560.00 = 2,425.09; conversions 3 + 2.5 + 0 + 5 = 10.5;
# conv. value 2,940.00 + 2,089.46 + 0 + 4,100.50 = 9,129.96.
GOOGLE_TOTALS = {"impressions": 22463, "clicks": 457, "spend": 2425.09, "conversions": 10.5, "revenue": 9129.96}


@pytest.mark.parametrize("name", ["google_ads_en.csv", "google_ads_utf16.csv"])
def test_google_ads_english_utf8_and_utf16(name):
    r = read(name)
    assert (r.platform, r.kind, r.currency) == ("google_ads", "performance", "NOK")
    assert r.rows_read == 7 and r.rows_used == 4
    assert excluded(r) == [(8, "summary row 'Total: Search'"), (9, "summary row 'Total: Account'"),
                           (10, "summary row (dimension cells blank, measures filled)")]
    assert totals(r) == {k: pytest.approx(v) for k, v in GOOGLE_TOTALS.items()}
    m = mapping(r)
    assert m["Impr."] == "impressions" and m["Cost"] == "spend" and m["Conv. value"] == "revenue"
    assert m["CTR"] is None and rules(r)["CTR"] == "ratio, recomputed from totals"
    assert rules(r)["Impr."] == "Google Ads 'Impr.'"
    assert "normalised to mobile, desktop, tablet, other" in rules(r)["Device"]
    assert r.frame["device"].to_list() == ["mobile", "desktop", "tablet", "mobile"]
    assert r.date_range == (date(2025, 1, 1), date(2025, 1, 3))
    assert r.frame["date"].to_list()[2] == date(2025, 1, 2)


def test_google_ads_norwegian_decimal_comma_nbsp_and_semicolons():
    r = read("google_ads_no.csv")
    assert (r.platform, r.currency) == ("google_ads", "NOK")
    assert r.rows_read == 4 and excluded(r) == [(7, "summary row 'Totalt: Konto'")]
    # impressions 1 245 + 18 902 + 312 = 20 459; clicks 87 + 211 + 19 = 317; cost 358,44 + 1 432,55 + 74,10
    # = 1 865,09; conversions 3 + 2,5 + 0 = 5,5; value 2 940 + 2 089,46 + 0 = 5 029,46.
    assert totals(r) == {"impressions": 20459, "clicks": 317, "spend": pytest.approx(1865.09),
                         "conversions": pytest.approx(5.5), "revenue": pytest.approx(5029.46)}
    m = mapping(r)
    assert m["Visn."] == "impressions" and m["Kostnad"] == "spend" and m["Konv.verdi"] == "revenue"
    assert m["Klikkfrekvens"] is None and m["Gj.sn. CPC"] is None
    assert r.frame["device"].to_list() == ["mobile", "desktop", "tablet"]


def test_meta_csv_with_bom_currency_in_header_and_results_by_indicator():
    r = read("meta_nok.csv")
    assert (r.platform, r.currency) == ("meta_ads", "NOK")
    assert r.rows_read == 4 and excluded(r) == [(5, "summary row (dimension cells blank, measures filled)")]
    # spend 6265.00 + 812.40 + 400.50 = 7477.90; impressions 402118 + 40210 + 90050 = 532378;
    # link clicks 3120 + 611 + 1544 = 5275; reach summed per campaign row 151204 + 9921 + 61002 = 222127;
    # conversions: only the purchase row's 41 results (the link_click row's 1544 are not conversions).
    assert totals(r) == {"spend": pytest.approx(7477.90), "impressions": 532378, "clicks": 5275,
                         "reach": 222127, "conversions": 41, "revenue": pytest.approx(51870.0)}
    m = mapping(r)
    assert m["Amount spent (NOK)"] == "spend" and m["Link clicks"] == "clicks"
    assert m["CTR (link click-through rate)"] is None and m["CPC (cost per link click) (NOK)"] is None
    assert m["Reporting starts"] == "date" and m["Reporting ends"] == "date_end"
    assert r.frame["date_end"].to_list() == [date(2025, 1, 31)] * 3
    assert r.date_range == (date(2025, 1, 1), date(2025, 1, 31))
    assert r.frame["campaign"].to_list() == ["Vinter – Prospecting", "Retarget, 30d", "Traffic – Blog"]
    assert any("other than purchases or leads" in f.message for f in r.findings)


def test_meta_norwegian_headers_with_decimal_comma():
    r = read("meta_no.csv")
    assert (r.platform, r.currency) == ("meta_ads", "NOK")
    # spend 1026,00 + 250,75 = 1276,75; impressions 40210 + 30500 = 70710; clicks 510 + 120 = 630;
    # reach 20100 + 22000 = 42100; conversions 12 (indicator actions:lead), which are the leads too (no
    # Leads column).
    assert totals(r) == {"spend": pytest.approx(1276.75), "impressions": 70710, "clicks": 630, "reach": 42100,
                         "conversions": 12, "leads": 12}
    assert mapping(r)["Beløp brukt (NOK)"] == "spend" and mapping(r)["Klikk på lenke"] == "clicks"
    assert r.date_range == (date(2025, 1, 1), date(2025, 1, 7))


def test_meta_xlsx_raw_sheet_header_at_b3():
    r = read("meta_raw.xlsx")
    assert (r.platform, r.currency) == ("meta_ads", "SEK")
    assert r.rows_read == 2 and r.rows_excluded == []
    # spend 1200.5 + 980.25 = 2180.75; impressions 30000 + 25100 = 55100; clicks 410 + 322 = 732;
    # purchases 5 + 3 = 8; value 6000 + 4150.75 = 10150.75.
    assert totals(r) == {"spend": pytest.approx(2180.75), "impressions": 55100, "clicks": 732,
                         "conversions": 8, "revenue": pytest.approx(10150.75)}
    assert mapping(r)["Purchases"] == "conversions" and mapping(r)["Results"] is None
    assert rules(r)["Results"] == "also conversions; 'Purchases' is used"
    assert r.date_range == (date(2025, 1, 1), date(2025, 1, 2))


def test_ga4_comment_block_grand_total_and_average_engagement_times_sessions():
    r = read("ga4.csv")
    assert (r.platform, r.currency) == ("ga4", None)
    assert r.rows_read == 4 and excluded(r) == [(11, "summary row 'Grand total'")]
    # sessions 6843 + 2690 + 1200 = 10733; engaged 4410 + 1104 + 600 = 6114; key events 212 + 37 + 10 = 259;
    # revenue 84210.5 + 9120 + 0 = 93330.5; users 5120 + 2214 + 1000 = 8334 (per channel row);
    # engagement seconds 52.8103 × 6843 + 21.44 × 2690 + 30 × 1200 = 361380.8829 + 57673.6 + 36000 = 455054.4829.
    assert totals(r) == {"users": 8334, "sessions": 10733, "engaged_sessions": 6114,
                         "engagement_seconds": pytest.approx(455054.4829), "conversions": 259,
                         "revenue": pytest.approx(93330.5)}
    m = mapping(r)
    assert m["Session primary channel group (Default Channel Group)"] == "channel"
    assert m["Key events"] == "conversions" and m["Engagement rate"] is None
    assert rules(r)["Average engagement time per session"] == "GA4 'Average engagement time per session' × sessions"
    assert r.date_range == (date(2025, 1, 1), date(2025, 1, 31))
    # the '#' lines were resaved with trailing commas: the note quotes their text, not the padding
    skipped = next(f.message for f in r.findings if "above the header skipped" in f.message)
    assert "Account: Nordlys AS; Property: nordlys.no - GA4…" in skipped and ",," not in skipped


def test_universal_analytics_second_table_dollars_durations_and_percent():
    r = read("universal_analytics.csv")
    assert (r.platform, r.currency) == ("universal_analytics", "USD")
    assert r.rows_used == 2
    assert excluded(r)[0] == (10, "summary row (dimension cells blank, measures filled)")
    assert [line for line, _ in excluded(r)] == [10, 11, 12, 13, 14]  # blank line, then the Day Index table
    # sessions 3,990 + 1,500 = 5,490; bounces 48.12% × 3990 + 40% × 1500 = 1919.988 + 600 = 2519.988;
    # pageviews 2.31 × 3990 + 3.00 × 1500 = 9216.9 + 4500 = 13716.9; engagement 00:02:07 = 127 s × 3990 +
    # 60 s × 1500 = 506730 + 90000 = 596730; transactions 14 + 10 = 24; revenue $1,804.20 + $2,000.00 = 3804.20.
    assert totals(r) == {"users": 4304, "sessions": 5490, "bounces": pytest.approx(2519.988),
                         "pageviews": pytest.approx(13716.9), "engagement_seconds": pytest.approx(596730),
                         "orders": 24, "revenue": pytest.approx(3804.20)}
    assert r.date_range == (date(2019, 1, 1), date(2019, 1, 31))
    assert any("second table" in f.message for f in r.findings)


@pytest.mark.parametrize("name", ["linkedin_ads.csv", "linkedin_ads_utf16.csv"])
def test_linkedin_preamble_month_first_dates(name):
    r = read(name)
    assert (r.platform, r.currency) == ("linkedin_ads", "NOK")
    assert r.rows_read == 3 and r.rows_excluded == []
    # spend 1432.18 + 980.00 + 210.50 = 2622.68; impressions 10211 + 8000 + 2100 = 20311;
    # clicks 88 + 60 + 15 = 163; reach 6020 + 5000 + 1800 = 12820; leads 5 + 3 + 0 = 8; conversions 2 + 1 + 0 = 3.
    assert totals(r) == {"spend": pytest.approx(2622.68), "impressions": 20311, "clicks": 163, "reach": 12820,
                         "leads": 8, "conversions": 3}
    assert r.frame["date"].to_list() == [date(2025, 1, 2), date(2025, 1, 13), date(2025, 1, 13)]
    assert mapping(r)["Total Spent"] == "spend"
    assert r.date_range == (date(2025, 1, 1), date(2025, 1, 31))


def test_tiktok_masked_low_values_and_full_width_bracket():
    r = read("tiktok_ads.csv")
    assert (r.platform, r.currency) == ("tiktok_ads", "NOK")
    assert excluded(r) == [(5, "summary row 'Total'")]
    # cost 812.44 + 0 + 790.10 = 1602.54; impressions 61204 + (<5: empty) + 58010 = 119214;
    # clicks 402 + 0 + 380 = 782; reach 40122 + (--) + 39000 = 79122; conversions 9 + 0 + 7 = 16.
    assert totals(r) == {"spend": pytest.approx(1602.54), "impressions": 119214, "reach": 79122, "clicks": 782,
                         "conversions": 16}
    assert r.frame["impressions"].null_count() == 1
    masked = [f for f in r.findings if f.message.startswith("masked low values")]
    assert len(masked) == 1 and "'Impressions'" in masked[0].message
    assert rules(r)["Website URL (Ad level）"] == "TikTok 'Website URL (Ad level）': not used by any KPI"


def test_tiktok_by_its_by_day_header_with_plain_clicks():
    # 'By Day' names TikTok even without its '(destination)' columns; the 'Total of 2 results' row is set aside.
    r = read("tiktok_plain_clicks.csv")
    assert (r.platform, r.currency) == ("tiktok_ads", "SEK")
    assert excluded(r) == [(4, "summary row 'Total of 2 results'")]
    # cost 100.00 + 50.50 = 150.50; impressions 10000 + 5000; clicks 50 + 25; conversions 2 + 1
    assert totals(r) == {"spend": pytest.approx(150.5), "impressions": 15000, "clicks": 75, "conversions": 3}
    assert r.frame["date"].to_list() == [date(2025, 3, 1), date(2025, 3, 2)]
    assert not [f for f in r.findings if f.level == "warning"]  # two days, not two rows of one day twice


def test_meta_in_danish_with_dot_thousands_and_decimal_commas():
    r = read("meta_da.csv")
    assert (r.platform, r.currency) == ("meta_ads", "DKK")  # 'Beløb brugt (DKK)'
    # spend 1.234,50 + 765,50 = 2 000,00; impressions 10.000 + 5.000 (dot thousands); link clicks 120 + 60;
    # results (purchases) 5 + 2; reach stays per row (the engine never adds it up: 8000 + 4000 is no total).
    assert totals(r) == {"spend": pytest.approx(2000.0), "impressions": 15000, "reach": 12000, "clicks": 180,
                         "conversions": 7}
    assert mapping(r)["Rapporteringsstart"] == "date" and mapping(r)["Link-klik"] == "clicks"
    assert r.frame["date"].to_list() == [date(2025, 1, 1), date(2025, 1, 2)]


def test_a_sheet_mixing_typed_in_text_and_number_cells():
    r = read("google_ads_mixed_cells.xlsx")
    assert (r.platform, r.currency) == ("google_ads", "NOK")
    assert any(f.message == "Read sheet 'Kampanjer' of 2 sheets." for f in r.findings)
    assert excluded(r)[-1] == (7, "summary row 'Totalt: Konto'")
    # cost '1 234,50' (text) + 765.5 (a number cell) = 2 000; conversions '4,00' + 2; value '4 800,00' + 1200
    assert totals(r) == {"spend": pytest.approx(2000.0), "impressions": 2200, "clicks": 140, "conversions": 6,
                         "revenue": pytest.approx(6000.0)}
    assert not [f for f in r.findings if "could not be read" in f.message]


def test_a_short_linkedin_download_in_utf16_be_with_tabs():
    # five title lines, two of them with a comma, above two tab-separated rows: the tab is the delimiter
    r = read("linkedin_short_utf16be.csv")
    assert (r.platform, r.currency, r.rows_used) == ("linkedin_ads", "NOK", 2)
    assert r.rows_read == 2 and any(f.where == "lines 1-5" and f.message.startswith("5 line(s) above the header")
                                    for f in r.findings)
    # spend 1,432.18 + 567.82 = 2 000; impressions 10,211 + 3,789 = 14 000; clicks 88 + 12; leads 5 + 0
    assert totals(r) == {"spend": pytest.approx(2000.0), "impressions": 14000, "clicks": 100, "leads": 5,
                         "engagements": 150}
    assert r.frame["date"].to_list() == [date(2025, 1, 2), date(2025, 1, 13)]


def test_microsoft_ads_key_value_preamble_and_footer():
    r = read("microsoft_ads.csv")
    assert (r.platform, r.currency) == ("microsoft_ads", "EUR")
    assert r.rows_used == 3 and excluded(r) == [(15, "blank line"), (16, "copyright line")]
    # impressions 1204 + 2210 + 500 = 3914; clicks 98 + 131 + 10 = 239; spend 314.58 + 377.28 + 15.00 = 706.86;
    # conversions 4 + 6 + 0 = 10.
    assert totals(r) == {"impressions": 3914, "clicks": 239, "spend": pytest.approx(706.86), "conversions": 10}
    assert r.frame["device"].to_list() == ["desktop", "mobile", "tablet"]
    assert r.date_range == (date(2025, 1, 1), date(2025, 1, 31))
    # Rows on 2 and 3 January only: the other 29 days of the report period lie before or after them, days
    # without activity that Microsoft leaves out (said, no warning); none is missing between the rows.
    edges = next(f for f in r.findings if "no activity on the days before or after" in f.message)
    assert edges.level == "info" and edges.message.startswith(
        "the report covers 2025-01-01 to 2025-01-31, its rows 2025-01-02 to 2025-01-03")
    assert not [f for f in r.findings if "have no rows" in f.message]


def test_mailchimp_campaigns_with_na_and_twelve_hour_send_dates():
    r = read("mailchimp.csv")
    assert (r.platform, r.kind) == ("mailchimp", "email")
    # delivered 4168 + 4250 = 8418; unique opens 1744 + 1800 = 3544; unique clicks 211 + 190 = 401;
    # unsubscribes 9 + 12 = 21; orders 14 + n/a = 14; revenue 11,820.00 + n/a = 11820.
    assert totals(r) == {"emails_delivered": 8418, "email_opens": 3544, "email_clicks": 401, "unsubscribes": 21,
                         "orders": 14, "revenue": pytest.approx(11820.0)}
    assert r.frame["date"].to_list() == [date(2025, 1, 7), date(2025, 1, 14)]
    assert mapping(r)["Open Rate"] is None


def test_klaviyo_campaigns():
    r = read("klaviyo.csv")
    assert (r.platform, r.kind, r.currency) == ("klaviyo", "email", None)
    # delivered 11961 + 12020 = 23981; opens 5210 + 5000 = 10210; clicks 402 + 300 = 702; unsub 21 + 15 = 36;
    # placed orders 96 + 50 = 146; revenue 71344.10 + 30000.00 = 101344.10.
    assert totals(r) == {"orders": 146, "revenue": pytest.approx(101344.10), "email_opens": 10210,
                         "email_clicks": 702, "unsubscribes": 36, "emails_delivered": 23981}
    assert r.frame["date"].to_list() == [date(2025, 1, 7), date(2025, 1, 21)]


def test_generic_swedish_sheet():
    r = read("generic_sv.csv")
    assert (r.platform, r.currency) == ("generic", "SEK")
    assert excluded(r) == [(5, "summary row 'Summa'")]
    # kostnad 1 234,50 + 987,25 + 0 = 2 221,75; visningar 10 000 + 8 500 + 0 = 18 500; klick 250 + 198 + 0 = 448.
    assert totals(r) == {"spend": pytest.approx(2221.75), "impressions": 18500, "clicks": 448}
    assert mapping(r) == {"Datum": "date", "Kampanj": "campaign", "Kostnad": "spend", "Visningar": "impressions",
                          "Klick": "clicks", "Valuta": "currency"}
    assert rules(r)["Kostnad"] == "synonym 'Kostnad'"


def test_shopify_orders_grouped_by_name_without_personal_data():
    r = read("shopify_orders.csv", salt=b"s")
    assert (r.platform, r.kind, r.currency) == ("shopify_orders", "orders", "NOK")
    assert r.rows_read == 6 and r.rows_used == 6  # six line-item rows, four orders
    rec = r.records
    assert rec.columns == list(RECORD_COLUMNS["orders"])
    assert rec["order_id"].to_list() == ["#1043", "#1044", "#1045", "#1046"]
    assert rec["cancelled"].to_list() == [False, False, False, True]
    assert rec["returned"].to_list() == [False, True, False, False]
    # '+0100' offsets: the local date as written (#1044 at 23:30 +0100 is still 3 January).
    assert rec["date"].to_list() == [date(2025, 1, 3), date(2025, 1, 3), date(2025, 1, 4), date(2025, 1, 4)]
    ids = rec["customer_id"].to_list()
    assert ids[0] == ids[2] and len(ids[0]) == 16  # anne@fjord.no and Anne@Fjord.no are one customer
    import hashlib
    assert ids[0] == hashlib.sha256(b"s" + b"anne@fjord.no").hexdigest()[:16]
    text = r.records.write_csv() + r.frame.write_csv()
    assert "@" not in text and "Storgata" not in text and "0150" not in text
    assert any("Email, Billing Name" in f.message and "personal data" in f.message for f in r.findings)
    # Daily measures without the cancelled #1046: 3 Jan (web) #1043 796.30 + #1044 (499.00 − 99.00 refunded)
    # = 1196.30, 2 orders, 1 returned, 2 new customers; 4 Jan (pos) #1045 299.00, repeat customer.
    f = r.frame.sort("date")
    assert f["orders"].to_list() == [2, 1] and f["revenue"].to_list() == pytest.approx([1196.30, 299.00])
    assert f["returned_orders"].to_list() == [1, 0] and f["new_customers"].to_list() == [2, 0]
    assert f["channel"].to_list() == ["web", "pos"] and set(f["source"]) == {"shopify_orders"}


def test_shopify_customers():
    r = read("shopify_customers.csv")
    assert (r.platform, r.kind) == ("shopify_customers", "customers")
    assert r.records.columns == list(RECORD_COLUMNS["customers"])
    assert r.records["total_spent"].sum() == pytest.approx(1495.30)  # 1095.30 + 400.00
    assert r.records["accepts_marketing"].to_list() == [True, False]
    assert r.records["country"].to_list() == ["NO", "NO"]
    # Lifetime totals as measures: 2 customers, orders 2 + 1 = 3, 1 repeat customer, spend 1495.30.
    assert totals(r) == {"customers": 2, "orders": 3, "repeat_customers": 1, "revenue": pytest.approx(1495.30)}


def test_older_shopify_customers_export_counts_only_customers_who_bought():
    # 'Accepts Marketing', 'Country Code'; Liv has no order (a subscriber in the list): no customer of a KPI.
    # Orders 2 + 1 + 3 = 6; spend 1000.00 + 250.50 + 3000.00 = 4250.50; repeat: Kari and Per, 2 of 3.
    r = read("shopify_customers_legacy.csv")
    assert (r.platform, r.rows_read, r.rows_used) == ("shopify_customers", 4, 4)
    assert totals(r) == {"customers": 3, "orders": 6, "repeat_customers": 2, "revenue": pytest.approx(4250.50)}
    assert r.records["accepts_marketing"].to_list() == [True, False, True, False]
    from kpi_core.engine import compute

    row = compute(r.frame, ["repeat_purchase_rate", "ltv", "aov"]).row(0)
    assert row["repeat_purchase_rate"] == pytest.approx(2 / 3) and row["ltv"] == pytest.approx(4250.50 / 3)
    assert row["aov"] == pytest.approx(4250.50 / 6)


def test_hubspot_contacts_daily_funnel_counts():
    r = read("hubspot_contacts.csv")
    assert (r.platform, r.kind) == ("hubspot_contacts", "contacts")
    assert r.records.columns == list(RECORD_COLUMNS["contacts"]) and r.rows_used == 5
    # leads: 51234 (2 Nov), 51235 and 51236 (4 Jan), 51238 (no lead date, but an MQL date: Create Date 6 Jan) = 4;
    # the subscriber 51237 is no lead. MQLs 51234, 51235, 51238 = 3; SQLs 51234, 51238 = 2; customers 51234 = 1.
    # No 'Became an Opportunity Date' column: opportunities are unknown (no value), not zero.
    assert totals(r) == {"leads": 4, "mqls": 3, "sqls": 2, "new_customers": 1}
    jan4 = r.frame.filter(pl.col("date") == date(2025, 1, 4)).sort("channel")
    assert jan4["channel"].to_list() == ["Organic Search", "Paid Social"] and jan4["leads"].to_list() == [1, 1]
    assert r.records["lifecycle_stage"].to_list() == ["customer", "mql", "lead", "subscriber", "sql"]
    assert any("First Name, Last Name, Email" in f.message for f in r.findings)


def test_hubspot_deals():
    r = read("hubspot_deals.csv")
    assert (r.platform, r.kind) == ("hubspot_deals", "deals")
    assert r.records["won"].to_list() == [True, False, False]
    assert r.records["amount"].sum() == pytest.approx(65000.50)  # 45000 + 12000.50 + 8000
    assert r.records["close_date"].to_list()[0] == date(2025, 1, 15)


def test_google_ads_xlsx_with_title_date_range_and_totals():
    r = read("google_ads.xlsx")
    assert (r.platform, r.currency) == ("google_ads", "NOK")
    assert [line for line, _ in excluded(r)] == [8, 9, 10]  # Total: Search, Total: Account, the blank one
    assert totals(r) == {k: pytest.approx(v) for k, v in GOOGLE_TOTALS.items()}
    assert r.date_range == (date(2025, 1, 1), date(2025, 1, 3))


def test_ga4_norwegian_headers_inferred_variant():
    r = read("ga4_no.csv")
    assert r.platform == "ga4"
    assert excluded(r) == [(9, "summary row 'Totalt'")]
    # økter 6 843 + 2 690 = 9 533; engasjerte 4 410 + 1 104 = 5 514; nøkkelhendelser 212 + 37 = 249;
    # inntekter 84 210,50 + 9 120,00 = 93 330,50; brukere 5 120 + 2 214 = 7 334.
    assert totals(r) == {"users": 7334, "sessions": 9533, "engaged_sessions": 5514, "conversions": 249,
                         "revenue": pytest.approx(93330.5)}
    assert mapping(r)["Øktens primære kanalgruppe (standard kanalgruppe)"] == "channel"
    assert r.date_range == (date(2025, 1, 1), date(2025, 1, 31))


def test_snapchat_low_confidence_layout():
    r = read("snapchat_ads.csv")
    assert r.platform == "snapchat_ads"
    # impressions 12040 + 11002 = 23042; swipe ups 96 + 88 = 184; spend 310.50 + 295.25 = 605.75.
    assert totals(r) == {"impressions": 23042, "clicks": 184, "spend": pytest.approx(605.75)}
    assert r.frame["date"].to_list() == [date(2025, 1, 1), date(2025, 1, 2)] and "date_end" not in r.frame.columns


def test_klaviyo_newer_reporting_export_names():
    r = read("klaviyo_reporting.csv")
    assert (r.platform, r.kind) == ("klaviyo", "email")
    # delivered 11961 + 12020 = 23981; conversions 96 + 50 = 146; value 71344.10 + 30000.00 = 101344.10.
    assert totals(r) == {"emails_delivered": 23981, "email_opens": 10210, "email_clicks": 702, "unsubscribes": 36,
                         "conversions": 146, "revenue": pytest.approx(101344.10)}


def test_older_hubspot_export_without_lead_dates_uses_create_date():
    r = read("hubspot_contacts_old.csv")
    assert r.platform == "hubspot_contacts"
    # No 'Became a Lead Date' column: all three contacts are leads on their Create Date (2, 2 and 3 Jan);
    # MQLs 101 and 103 = 2; customer 101 = 1. Lowercase internal stage values are normalised.
    # No SQL or opportunity date column: those counts are unknown (no value), not zero.
    assert totals(r) == {"leads": 3, "mqls": 2, "new_customers": 1}
    assert r.records["lifecycle_stage"].to_list() == ["customer", "lead", "mql"]


def test_kag_facebook_ads_one_row_per_ad_with_float_artifacts():
    r = read("kag_conversion_data.csv")
    assert (r.platform, r.kind, r.currency) == ("meta_ads", "performance", None)
    assert r.rows_read == 4 and r.rows_used == 4 and r.rows_excluded == []
    # Spent 1.429999948 + 1.820000023 + 0 + 1.25 = 4.499999971; impressions 7350 + 17861 + 693 + 4259 = 30163;
    # clicks 1 + 2 + 0 + 1 = 4; Total_Conversion 2 + 2 + 1 + 1 = 6 (Approved_Conversion 1 + 0 + 0 + 0 is not added).
    assert totals(r) == {"impressions": 30163, "clicks": 4, "spend": pytest.approx(4.499999971), "conversions": 6}
    assert mapping(r) == {"ad_id": "ad", "xyz_campaign_id": "campaign", "fb_campaign_id": "ad_group", "age": "age",
                          "gender": "gender", "interest": "audience", "Impressions": "impressions",
                          "Clicks": "clicks", "Spent": "spend", "Total_Conversion": "conversions",
                          "Approved_Conversion": None}
    assert "interest code" in rules(r)["interest"] and "ad set" in rules(r)["fb_campaign_id"]
    assert "subset of Total_Conversion" in rules(r)["Approved_Conversion"]
    assert "map this column to conversions" in rules(r)["Approved_Conversion"]
    assert r.frame["ad"].to_list() == ["708746", "708749", "708771", "708815"]
    assert r.frame["audience"].to_list() == ["15", "16", "20", "15"] and "date" not in r.frame.columns
    messages = [f.message for f in r.findings]
    # Lines 2 and 5 share campaign 916, audience 15, 30-34 and M, but they are two ads: no duplicate warning.
    assert not any("double tracking" in m for m in messages)
    assert not any(m.startswith("not recognised") for m in messages)
    # 2 conversions on 1 click (line 2), 1 on 0 clicks (line 4): view-through, said as an info, not a warning.
    above = [f for f in r.findings if f.message.startswith("conversions above clicks")]
    assert [(f.level, f.where) for f in above] == [("info", "lines 2, 4")] and "view-through" in above[0].message
    assert not any(m.startswith("more conversions than clicks") for m in messages)


def test_kag_approved_conversions_are_a_choice_in_the_mapping():
    r = read("kag_conversion_data.csv", overrides={"Approved_Conversion": "conversions"})
    # Approved_Conversion 1 + 0 + 0 + 0 = 1; Total_Conversion is left out, saying why.
    assert totals(r)["conversions"] == 1
    assert rules(r)["Total_Conversion"] == "also conversions; 'Approved_Conversion' is used"


def test_a_sheet_with_an_interest_column_alone_stays_generic():
    text = b"Date,Campaign,interest,Impressions,Clicks,Spent\n2025-01-01,A,15,100,5,10\n"
    r = read_file(text, "mine.csv")
    assert r.platform == "generic" and mapping(r)["interest"] is None


def test_record_exports_show_their_mapping_and_the_personal_columns():
    r = read("shopify_orders.csv")
    cols = {c.source: (c.canonical, c.rule) for c in r.columns}
    assert cols["Name"] == ("order_id", "Shopify orders 'Name'")
    assert cols["Email"] == ("customer_id", "personal data: only a salted hash is kept (customer_id)")
    assert cols["Billing Street"] == (None, "personal data, not read")
    assert cols["Lineitem name"] == (None, "Shopify orders 'Lineitem name': not used")
    assert r.to_dict()["columns"]["Total"] == "revenue"


def test_hubspot_contacts_with_only_the_lifecycle_stage_count_each_stage_reached():
    # Swedish UI, Windows-1252, 'Livscykelfas' and no 'Blev en … datum' column: each contact counts for
    # every stage up to its current one, on its create date. Kund 201; MQL 202; Lead 203; SQL 205;
    # Affärsmöjlighet 206; the subscriber 204 is no lead. Leads 5; MQLs 201, 202, 205, 206 = 4;
    # SQLs 201, 205, 206 = 3; opportunities 201, 206 = 2; customers 201 = 1.
    r = read("hubspot_contacts_sv_stages.csv")
    assert r.platform == "hubspot_contacts" and mapping(r)["Livscykelfas"] == "lifecycle_stage"
    assert totals(r) == {"leads": 5, "mqls": 4, "sqls": 3, "opportunities": 2, "new_customers": 1}
    assert r.records["lifecycle_stage"].to_list() == ["customer", "mql", "lead", "subscriber", "sql", "opportunity"]
    feb6 = r.frame.filter(pl.col("date") == date(2025, 2, 6))
    assert (feb6["leads"].sum(), feb6["opportunities"].sum(), feb6["new_customers"].sum()) == (1, 1, 0)
    note = next(f.message for f in r.findings if "current lifecycle stage" in f.message)
    assert note.startswith("The file has no 'Became a … Date' columns past the lead")


def test_a_search_term_or_campaign_called_total_is_data_and_a_subtotal_is_not():
    # Search terms 'total' and 'sum' are users' queries: kept. The 'Total: …' lines are the totals
    # (2,300 impressions = 1,200 + 800 + 300; cost 410.20 + 250.00 + 30.00 = 690.20).
    r = read("google_ads_search_terms.csv")
    assert excluded(r) == [(7, "summary row 'Total: Search terms'"), (8, "summary row 'Total: Account'")]
    assert totals(r) == {"impressions": 2300, "clicks": 242, "spend": pytest.approx(690.20), "conversions": 9,
                         "revenue": pytest.approx(7500.0)}
    # A sheet with a daily subtotal under Kampanje ('Totalt' 140 = Brand 100 + 'Total' 40: set aside) and a
    # day total under Kanal (line 7, nothing else filled): the campaign named 'Total' (40 clicks) is data.
    r = read("generic_subtotals_no.csv")
    assert excluded(r) == [(4, "summary row 'Totalt'"), (7, "summary row 'Totalt'")]
    assert totals(r) == {"clicks": 290, "spend": pytest.approx(1370.0)}  # 100 + 40 + 60 + 90; 500 + 120 + 300 + 450
    assert "Total" in r.frame["campaign"].cast(pl.String).to_list()


def test_google_ads_totals_under_a_column_that_is_not_read():
    # 'Campaign status' comes first in the Campaigns view, so 'Total: Campaigns' / 'Total: Account' stand in a
    # column no KPI reads, and the dimensions of those rows are ' --', not blank.
    r = read("google_ads_status_first.csv")
    assert excluded(r) == [(6, "summary row 'Total: Campaigns'"), (7, "summary row 'Total: Account'")]
    assert totals(r) == {"impressions": 201470, "clicks": 2980, "spend": pytest.approx(17909.95),
                         "conversions": pytest.approx(55.5), "revenue": pytest.approx(150294.60)}


def test_pinterest_campaign_report():
    r = read("pinterest_campaigns.csv")
    assert (r.platform, r.currency) == ("pinterest_ads", None)  # 'Spend in account currency' names none
    # spend 402.18 + 398.02 + 1204.00 = 2004.20; outbound clicks (to the site) 568 + 553 + 1687 = 2808, not
    # the Pin clicks; conversions 14 + 11 + 51 = 76; order value 1680.00 + 1320.45 + 6110.90 = 9111.35.
    assert totals(r) == {"spend": pytest.approx(2004.20), "impressions": 209402, "clicks": 2808, "conversions": 76,
                         "revenue": pytest.approx(9111.35)}
    assert mapping(r)["Pin clicks"] is None and mapping(r)["Total ROAS (Checkout)"] is None


def test_tiktok_payment_value_is_revenue_and_a_rate_in_brackets_is_no_currency():
    # BOM, CRLF, quoted thousands; 'Conversion rate (CVR)' once read as a currency 'CVR' beside NOK.
    r = read("tiktok_shop_payments.csv")
    assert (r.platform, r.currency) == ("tiktok_ads", "NOK") and excluded(r) == [(4, "summary row 'Total'")]
    assert not [f for f in r.findings if "currenc" in f.message]
    # cost 4812.44 + 4790.10 = 9602.54; payment value 21050.00 + 19870.50 = 40920.50.
    assert totals(r) == {"spend": pytest.approx(9602.54), "impressions": 319214, "clicks": 2782, "conversions": 56,
                         "revenue": pytest.approx(40920.50)}


def test_snapchat_purchases_and_their_value_with_apostrophe_thousands():
    r = read("snapchat_purchases_chf.csv")
    assert (r.platform, r.currency) == ("snapchat_ads", "CHF")
    # spend 1310.50 + 1295.25 = 2605.75; impressions 112040 + 101002 = 213042; purchases 12 + 10;
    # value 2400.00 + 1999.90 = 4399.90.
    assert totals(r) == {"spend": pytest.approx(2605.75), "impressions": 213042, "clicks": 1840, "conversions": 22,
                         "revenue": pytest.approx(4399.90)}


def test_norwegian_universal_analytics_is_not_taken_for_ga4():
    # '# ----' block, ';', space thousands, '50,00 %', 'kr 1 804,20', and the totals row with a blank channel.
    r = read("universal_analytics_no.csv")
    assert r.platform == "universal_analytics" and excluded(r) == [(10, "summary row (dimension cells blank, "
                                                                         "measures filled)")]
    # Rates back to totals per row: bounces 50 % × 4 000 + 40 % × 2 000 = 2 800; pageviews 2,50 × 4 000 +
    # 3,00 × 2 000 = 16 000; seconds 120 × 4 000 + 60 × 2 000 = 600 000. Users stay per channel (3 104 and
    # 1 200; the sum below is this helper's, the engine never adds people up).
    assert totals(r) == {"sessions": 6000, "bounces": pytest.approx(2800), "pageviews": pytest.approx(16000),
                         "engagement_seconds": pytest.approx(600000), "orders": 14 + 10,
                         "revenue": pytest.approx(3804.20), "users": pytest.approx(3104 + 1200)}
    assert mapping(r)["Sider/økt"] == "pageviews" and mapping(r)["Nye brukere"] is None


def test_klaviyo_sms_campaigns_are_no_emails_and_ab_variants_no_duplicates():
    # Variants A and B of one campaign, same send time: two rows, not double tracking. The SMS campaign's
    # 2 970 sends, 90 clicks and 25 unsubscribes are no e-mails; its 15 orders and 7 000.00 count.
    r = read("klaviyo_sms_variants.csv")
    assert r.platform == "klaviyo" and mapping(r)["Variant"] == "ad"
    assert totals(r) == {"emails_delivered": 5960 + 5980, "email_opens": 2400 + 2100, "email_clicks": 180 + 150,
                         "unsubscribes": 12 + 10, "orders": 30 + 20 + 15, "revenue": pytest.approx(31000.0)}
    assert not [f for f in r.findings if "double tracking" in f.message]
    assert any(f.message.startswith("1 SMS campaign row(s)") for f in r.findings)


def test_campaigns_sent_on_mondays_are_no_weekly_rows():
    # Three sends, each a Monday: the period ends on the last send (17 Feb), not the Sunday after it.
    # Delivered 4950 + 5040 + 5150; clicks 300 + 250 + 280; orders 20 + n/a + 5; revenue 14500.00 + 2400.50.
    r = read("mailchimp_mondays.csv")
    assert r.platform == "mailchimp" and r.date_range == (date(2025, 2, 3), date(2025, 2, 17))
    assert excluded(r) == [(5, "blank line"), (6, "blank line")]
    assert totals(r) == {"emails_delivered": 15140, "email_opens": 6000, "email_clicks": 830, "unsubscribes": 33,
                         "orders": 25, "revenue": pytest.approx(16900.50)}


def test_ga4_grand_total_under_the_date_with_a_rate_column_left_unread():
    # 'Engagement rate' is read for nothing ('Engaged sessions' is): it must not hide the 'Grand total' row,
    # whose only dimension is the date. Sessions 500 + 520 + 480 + 650 + 600 = 2750; revenue 6500.75.
    r = read("ga4_daily_grand_total.csv")
    assert r.platform == "ga4" and r.rows_used == 5
    assert excluded(r)[0] == (16, "summary row 'Grand total'")
    assert r.frame["sessions"].sum() == 2750 and r.frame["revenue"].sum() == pytest.approx(6500.75)


def test_microsoft_ads_summary_report_by_its_preamble_with_a_dashed_total():
    # No date column ('Report Aggregation: Summary'); the 'Total' row stands under 'Account name', a column no
    # KPI reads, its other dimensions '-'. Spend 314.58 + 377.28 = 691.86; impressions 1,204 + 2,210 = 3,414.
    r = read("microsoft_ads_summary.csv")
    assert (r.platform, r.currency) == ("microsoft_ads", "NOK")
    assert excluded(r) == [(14, "summary row 'Total'"), (15, "blank line"), (16, "copyright line")]
    assert totals(r) == {"spend": pytest.approx(691.86), "impressions": 3414, "clicks": 229, "conversions": 10}


def test_subtotals_and_totals_labelled_under_the_date():
    # 'Sum;Google;;…' (420 clicks = 200 + 220) and 'Sum;Meta;;…' (610 = 300 + 310) are the channels' subtotals,
    # 'Totalt;;;…' the file's: all three set aside. Spend 1000 + 1100 + 800 + 900 = 3800; clicks 1030.
    r = read("generic_channel_subtotals_no.csv")
    assert [line for line, _ in excluded(r)] == [4, 7, 8]
    assert totals(r) == {"spend": pytest.approx(3800.0), "impressions": 83000, "clicks": 1030, "conversions": 18,
                         "revenue": pytest.approx(13900.0)}
    # 'Totalt;Alle kanaler;Alle kampanjer': the other cells name everything, so this is the total too.
    r = read("generic_total_alle_kanaler_no.csv")
    assert excluded(r) == [(6, "summary row 'Totalt'")] and r.frame["spend"].sum() == pytest.approx(3800.0)
    # A campaign called 'Total' whose clicks happen to be the day's other clicks (150 = 100 + 50) but not its
    # impressions (9000, not 7000) is data: nothing set aside. Spend 400 + 300 + 620 + 410 + 330 = 2060.
    r = read("generic_campaign_total_no.csv")
    assert excluded(r) == [] and r.frame["spend"].sum() == pytest.approx(2060.0)


def test_a_cover_page_does_not_hide_the_table_on_sheet_two():
    # The cover has more filled cells (39) than the table (35) but no numbers; the days are Excel day
    # numbers: 45663 = 2025-01-06 … 45684 = 2025-01-27. Spend 3100 + 3200 + 2500 + 2600 = 11400.
    r = read("sheet_cover_then_data.xlsx")
    assert r.rows_used == 4 and any(f.message == "Read sheet 'Tall' of 2 sheets." for f in r.findings)
    assert r.frame["date"].to_list() == [date(2025, 1, 6), date(2025, 1, 13), date(2025, 1, 20), date(2025, 1, 27)]
    assert totals(r) == {"spend": pytest.approx(11400.0), "impressions": 243500, "clicks": 3560, "conversions": 61,
                         "revenue": pytest.approx(47500.0)}
    assert not [f for f in r.findings if f.level == "warning"]


def test_weeks_written_out_take_their_monday():
    # 'Uke 2 2025' … 'Uke 6 2025': ISO weeks, Monday 6 January to Monday 3 February; weekly rows run to the
    # Sunday of the last week (9 February). Spend 3000 + 3010.50 + 3021 + 3031.50 + 3042 = 15105.
    r = read("generic_uke_no.csv")
    assert r.frame["date"].to_list() == [date(2025, 1, 6), date(2025, 1, 13), date(2025, 1, 20), date(2025, 1, 27),
                                         date(2025, 2, 3)]
    assert r.date_range == (date(2025, 1, 6), date(2025, 2, 9)) and r.frame["spend"].sum() == pytest.approx(15105.0)
    assert not [f for f in r.findings if f.level == "warning"]
    # Danish 'Uge 2 2025', Windows-1252, dot thousands, an 'I alt' row; DKK from the column.
    r = read("generic_uge_da.csv")
    assert (r.currency, r.rows_used, excluded(r)) == ("DKK", 5, [(7, "summary row 'I alt'")])
    assert r.frame["date"].min() == date(2025, 1, 6) and r.frame["spend"].sum() == pytest.approx(10155.0)


def test_a_semicolon_sheet_reads_slash_dates_no_cell_decides_day_first():
    # Norwegian Excel's CSV: '1/1/2025' … '1/4/2025' under 'Måned' are the 1st of January to April, not
    # 1-4 January; said in a warning, as any order the file cannot tell.
    r = read("generic_monthly_slash_no.csv")
    assert r.frame["date"].to_list() == [date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1), date(2025, 4, 1)]
    assert r.date_range == (date(2025, 1, 1), date(2025, 4, 30))
    assert any("read day first ('1/2/2025' = 1 February 2025)" in f.message for f in r.findings)


def test_a_day_column_wins_over_a_week_number_column():
    r = read("generic_uke_and_dato_no.csv")
    assert mapping(r)["Dato"] == "date" and mapping(r)["Uke"] is None
    assert r.date_range == (date(2025, 2, 3), date(2025, 2, 4))
    assert not [f for f in r.findings if "double tracking" in f.message]


def test_a_note_under_the_table_is_no_row():
    r = read("generic_note_below_no.csv")
    assert excluded(r) == [(7, "summary row 'Sum'"), (8, "blank line"), (9, "a note under the table (no numbers)")]
    assert r.rows_used == 5 and r.rows_read == 8 and r.frame["spend"].sum() == pytest.approx(5652.90)
    assert not [f for f in r.findings if "could not be read" in f.message]


def test_search_terms_that_read_like_totals_are_data():
    # 'total all inclusive mallorca' and 'results from 2024 election' are queries (their ad groups are filled);
    # the 'Total: …' lines are the totals: 2400 + 900 + 1100 = 4400 impressions, 540 + 32 + 285 = 857.00 SEK.
    r = read("google_ads_search_phrases_sv.csv")
    assert excluded(r) == [(7, "summary row 'Total: Search terms'"), (8, "summary row 'Total: Account'")]
    assert totals(r) == {"impressions": 4400, "clicks": 315, "spend": pytest.approx(857.0), "conversions": 6,
                         "revenue": pytest.approx(55000.0)}
    # A term 'total' whose impressions happen to be its ad group's other impressions (30 = 12 + 18) but not its
    # clicks or cost: data. Spend 9.20 + 2.10 + 4.40 + 168.00 = 183.70.
    r = read("google_ads_search_term_total.csv")
    assert r.rows_used == 4 and r.frame["spend"].sum() == pytest.approx(183.70) and r.frame["impressions"].sum() == 1180


def test_ga4_pages_reports_with_their_grand_total_and_unmapped_number_columns():
    # 'Returning users' (unread, a number) is no dimension: the 'Grand total' row under the page title is the
    # total. Views 9000 + 7000 + 4000 = 20000; key events 50 + 60 + 40 = 150; revenue 45000.
    r = read("ga4_pages_returning_users.csv")
    assert excluded(r) == [(11, "summary row 'Grand total'")]
    assert (r.frame["pageviews"].sum(), r.frame["conversions"].sum(), r.frame["revenue"].sum()) == (20000, 150, 45000)
    # Swedish: 'Visningar' are page views (not ad impressions), 'Antal händelser' not read.
    r = read("ga4_pages_sv.csv")
    assert mapping(r)["Visningar"] == "pageviews" and mapping(r)["Antal händelser"] is None
    assert excluded(r) == [(11, "summary row 'Totalt'")] and r.frame["pageviews"].sum() == 20000
    # Norwegian landing pages: 'Landingsside + søkestreng' is the landing page dimension.
    r = read("ga4_landing_no.csv")
    assert mapping(r)["Landingsside + søkestreng"] == "landing_page" and r.frame["sessions"].sum() == 12500


def test_linkedin_breakdown_of_two_campaigns_with_one_name():
    # 'Retargeting' in NO Q2 (id 300001) and SE Q2 (300002): delivery counted once per id and day, not per name.
    # Spend 1000 + 600 + 250.50 = 1850.50; impressions 10000 + 7000 + 2000 = 19000; clicks 100 + 50 + 20 = 170.
    r = read("linkedin_conversions_same_name.csv")
    assert totals(r)["spend"] == pytest.approx(1850.50)
    assert (r.frame["impressions"].sum(), r.frame["clicks"].sum()) == (19000, 170)
    assert not [f for f in r.findings if "double tracking" in f.message]


def test_measures_only_in_the_total_row_are_said():
    # Segmented by conversion action: every row has ' --' for Impr., Clicks and Cost; only 'Total: Account'
    # (line 9) holds them. Conversions 12 + 20.5 + 3 = 35.5 are right; the missing spend is said.
    r = read("google_ads_conversion_action.csv")
    assert totals(r)["conversions"] == pytest.approx(35.5) and r.frame["spend"].null_count() == r.frame.height
    said = next(f for f in r.findings if "no row gives them" in f.message)
    assert said.level == "warning" and said.message.startswith("Impr., Clicks, Cost: no row gives them")
    assert said.where == "line 9"


def test_woocommerce_analytics_download_of_a_swedish_shop():
    # 'Nettoförsäljning', 'Kund', Swedish statuses 'Slutförd', 'Behandlar', 'Återbetald'. Line 4 is the
    # Analytics download's refund row: '-299,00', already the amount taken off, not an order to refund again.
    # Revenue 598,00 + 270,00 − 299,00 = 569,00.
    r = read("woocommerce_analytics_sv.csv")
    assert r.platform == "woocommerce_orders"
    assert r.frame["revenue"].sum() == pytest.approx(569.0) and r.frame["returned_orders"].sum() == 1
    assert r.records["status"].to_list() == ["completed", "processing", "refunded"]


def test_ga4_ecommerce_purchases_are_the_orders():
    # No key events: the purchases are the orders, so AOV = 93 330,50 / 150 and the conversion rate is
    # orders per session, 150 / 9 533.
    r = read("ga4_ecommerce_purchases.csv")
    assert mapping(r)["Ecommerce purchases"] == "orders" and r.frame["orders"].sum() == 150
    from kpi_core.engine import compute

    row = compute(r.frame, ["aov", "conversion_rate"]).row(0)
    assert row["aov"] == pytest.approx(93330.50 / 150) and row["conversion_rate"] == pytest.approx(150 / 9533)
