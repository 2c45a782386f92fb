"""Export layouts the first fixtures missed, each read with totals summed by hand from the data rows.

The fixtures are written by tests/fixtures/make_fixtures.py (``holdout_gaps`` and later functions).
"""

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from kpi_core.readers import ReadError, read_file
from kpi_core.schema import MEASURES

EXPORTS = Path(__file__).parent / "fixtures" / "exports"


def read(name: str):
    return read_file((EXPORTS / name).read_bytes(), name)


def totals(r) -> dict[str, float]:
    return {m: pytest.approx(r.frame[m].sum()) for m in r.frame.columns if m in MEASURES}


def mapping(r) -> dict[str, str | None]:
    return {c.source: c.canonical for c in r.columns}


def test_norwegian_ga4_totale_inntekter_is_revenue():
    r = read("ga4_no_totale.csv")
    assert r.platform == "ga4"
    assert mapping(r)["Totale inntekter"] == "revenue"
    # sessions 6 843 + 2 690 = 9 533; key events 212 + 37 = 249; revenue 84 210,5 + 9 120 = 93 330,5
    assert totals(r) == {"sessions": 9533, "conversions": 249, "revenue": 93330.5}


def test_google_ads_xlsx_with_only_the_minimal_columns_is_google_ads():
    r = read("google_ads_min.xlsx")
    assert (r.platform, r.currency) == ("google_ads", "NOK")
    assert r.date_range == (date(2025, 1, 1), date(2025, 1, 31))
    # the 'Total: Account' row (line 6) is set aside; impressions 1200 + 1045 = 2245; clicks 80 + 57 = 137;
    # cost 310.50 + 248.04 = 558.54; conversions 2 + 2 = 4; conv. value 1800 + 1640 = 3440
    assert [e.line for e in r.rows_excluded] == [6]
    assert totals(r) == {"impressions": 2245, "clicks": 137, "spend": 558.54, "conversions": 4, "revenue": 3440}


def test_hubspot_internal_values_and_leads_without_a_lead_date():
    r = read("hubspot_internal.csv")
    assert r.platform == "hubspot_contacts"
    assert r.records["lifecycle_stage"].to_list() == ["customer", "mql", "lead", "subscriber"]
    assert r.records["channel"].to_list() == ["Paid Social", "Organic Search", "Organic Social", "Paid Search"]
    # leads: contact 1 (2025-01-02), 2 (2025-01-04), and 3 on its Create Date 2025-01-05 (stage lead, no
    # lead date); contact 4 is a subscriber: not a lead. MQLs 1 + 2 = 2; customers: contact 1.
    # No SQL or opportunity date column: those counts are unknown (no value), not zero.
    assert totals(r) == {"leads": 3, "mqls": 2, "new_customers": 1}
    leads = r.frame.filter(r.frame["leads"] > 0)
    assert leads.select("date", "channel").rows() == [(date(2025, 1, 2), "Paid Social"),
                                                      (date(2025, 1, 4), "Organic Search"),
                                                      (date(2025, 1, 5), "Organic Social")]
    # first date: lead 2025-01-02; last: customer 2025-01-15
    assert r.date_range == (date(2025, 1, 2), date(2025, 1, 15))


@pytest.mark.parametrize(("name", "first", "last"), [
    ("tiktok_ads.csv", date(2025, 1, 3), date(2025, 1, 4)),  # rows of 3 and 4 January (no preamble)
    ("shopify_orders.csv", date(2025, 1, 3), date(2025, 1, 4)),  # orders #1043 (3 Jan) … #1045 (4 Jan)
    ("hubspot_contacts.csv", date(2024, 11, 2), date(2025, 1, 15)),  # first lead date … last customer date
])
def test_files_without_a_preamble_cover_the_days_of_their_rows(name, first, last):
    assert read(name).date_range == (first, last)


def test_danish_ga4_names_and_period():
    r = read("ga4_da.csv")
    assert r.platform == "ga4"
    assert r.date_range == (date(2025, 1, 1), date(2025, 1, 31))  # '# Slutdato:' is Danish for end date
    assert mapping(r) == {"Sessionens primære kanalgruppe (standardkanalgruppe)": "channel",
                          "Aktive brugere": "users", "Sessioner": "sessions",
                          "Engagerede sessioner": "engaged_sessions",
                          "Nøglehændelser": "conversions", "Samlet omsætning": "revenue"}
    # dots group thousands: sessions 1.200 + 600 = 1 800; engaged 800 + 300 = 1 100; key events 10 + 5 = 15;
    # revenue 5.000,50 + 1.000,00 = 6 000,50; users 1.000 + 500 = 1 500 (kept per row, never summed by the engine)
    assert totals(r) == {"users": 1500, "sessions": 1800, "engaged_sessions": 1100, "conversions": 15,
                         "revenue": 6000.5}


def test_snapchat_ad_squads_and_currency():
    r = read("snapchat_squads.csv")
    assert (r.platform, r.currency) == ("snapchat_ads", "NOK")
    assert r.frame["ad_group"].to_list() == ["Squad A", "Squad B"]
    # impressions 1000 + 2000 = 3000; swipe ups 10 + 20 = 30; spend 100 + 200 = 300
    assert totals(r) == {"impressions": 3000, "clicks": 30, "spend": 300}


def test_klaviyo_flow_export():
    r = read("klaviyo_flow.csv")
    assert r.platform == "klaviyo"
    assert mapping(r)["Message Name"] == "ad" and mapping(r)["Flow Name"] == "campaign"
    # delivered 100 + 80 = 180; opens 50 + 40 = 90; clicks 10 + 8 = 18; unsubscribes 1 + 0 = 1;
    # placed orders 2 + 1 = 3; placed order value 300 + 150 = 450
    assert totals(r) == {"emails_delivered": 180, "email_opens": 90, "email_clicks": 18, "unsubscribes": 1,
                         "orders": 3, "revenue": 450}


def test_linkedin_conversion_breakdown_counts_the_delivery_once():
    r = read("linkedin_conversions.csv")
    assert (r.platform, r.currency) == ("linkedin_ads", "NOK")
    # 2 January repeats spend 1000 / impressions 10000 / clicks 100 on both conversion rows: counted once.
    # spend 1000 + 250.50 = 1250.50; impressions 10000 + 2000 = 12000; clicks 100 + 20 = 120;
    # post-click conversions 3 + 4 + 1 = 8 (summed over the conversion actions)
    assert totals(r) == {"spend": 1250.5, "impressions": 12000, "clicks": 120, "conversions": 8}
    assert r.rows_used == 3
    assert not any("double tracking" in f.message for f in r.findings)
    assert any("conversion breakdown" in f.message for f in r.findings)


def test_repeated_rows_without_a_conversion_name_are_still_reported(tmp_path):
    text = ("Start Date (in UTC),Campaign Name,Currency,Total Spent,Impressions,Clicks\n"
            "1/2/2025,CFO,NOK,100.00,1000,10\n1/2/2025,CFO,NOK,100.00,1000,10\n")
    r = read_file(text.encode(), "linkedin.csv")
    assert r.platform == "linkedin_ads"
    assert any("double tracking" in f.message for f in r.findings)
    assert totals(r)["spend"] == 200.0  # 100 + 100: nothing says the second row repeats the first


def test_woocommerce_plugin_orders_export():
    r = read("woocommerce_orders.csv")
    assert (r.platform, r.kind, r.currency) == ("woocommerce_orders", "orders", "NOK")
    rec = r.records
    # MM/DD/YYYY: 01/03/2025 is 3 January, 02/01/2025 is 1 February
    assert rec["date"].to_list() == [date(2025, 1, 3), date(2025, 1, 4), date(2025, 1, 15), date(2025, 2, 1),
                                     date(2025, 2, 2)]
    assert rec["cancelled"].to_list() == [False, False, True, False, False]
    assert rec["returned"].to_list() == [False, False, False, False, True]
    # one customer for anne@x.no and Anne@X.no (e-mails are hashed in lower case)
    assert rec["customer_id"][0] == rec["customer_id"][3]
    # counted: 101 (796.30), 102 (500.00), 104 (300.00), 105 (150.00, refunded in full: net 0); 103 is cancelled.
    # orders 4; net revenue 796.30 + 500 + 300 + 0 = 1596.30; returned 1 (105); new customers anne, bo, cy = 3
    assert totals(r) == {"orders": 4, "revenue": 1596.3, "returned_orders": 1, "new_customers": 3}
    assert r.date_range == (date(2025, 1, 3), date(2025, 2, 2))
    # a 'failed' or 'pending' order is no sale either: the note does not call them all cancelled
    assert "1 order(s) that are no sale (cancelled, failed, pending…) left out of the totals: 103." in [
        f.message for f in r.findings]
    rule = {c.source: c.rule for c in r.columns}
    assert "salted hash" in rule["customer_email"] and rule["billing_first_name"] == "personal data, not read"


def test_own_sheet_with_months_written_as_year_month():
    r = read("generic_monthly_no.csv")
    assert (r.platform, r.currency) == ("generic", "NOK")
    assert r.frame["date"].to_list() == [date(2025, 1, 1), date(2025, 2, 1)]  # '2025-01', '2025-02'
    assert r.date_range == (date(2025, 1, 1), date(2025, 2, 28))  # monthly rows: through the end of February
    assert [e.line for e in r.rows_excluded] == [4]  # 'Sum'
    # cost 1 000,50 + 500 = 1 500,50; impressions 10 000 + 5 000 = 15 000; clicks 150; conversions 7; revenue 6 000
    assert totals(r) == {"spend": 1500.5, "impressions": 15000, "clicks": 150, "conversions": 7, "revenue": 6000}


def test_own_sheet_with_iso_weeks():
    r = read_file(b"Uke;Kampanje;Kostnad;Klikk\n2025-W02;A;100;10\n2025-W03;A;200;20\n", "uker.csv")
    assert r.frame["date"].to_list() == [date(2025, 1, 6), date(2025, 1, 13)]  # the weeks' Mondays
    assert r.date_range == (date(2025, 1, 6), date(2025, 1, 19))  # weekly rows: through the last week's Sunday
    assert not [f for f in r.findings if f.level == "warning"]  # no 'missing days' between weekly rows
    assert totals(r) == {"spend": 300, "clicks": 30}


def test_google_ads_month_segment_written_as_month_name():
    r = read("google_ads_monthly.csv")
    assert r.platform == "google_ads"
    assert r.frame["date"].to_list() == [date(2025, 1, 1), date(2025, 2, 1)]  # 'January 2025', 'February 2025'
    assert not [f for f in r.findings if "could not be read" in f.message]
    # impressions 1,000 + 2,000 = 3,000; clicks 10 + 20 = 30; cost 50 + 70 = 120; conversions 1 + 2 = 3
    assert totals(r) == {"impressions": 3000, "clicks": 30, "spend": 120, "conversions": 3}


def test_ga4_by_source_medium_sets_the_blank_total_row_aside():
    r = read("ga4_source_medium.csv")
    assert mapping(r)["Session source / medium"] == "channel"
    assert [e.line for e in r.rows_excluded] == [6]  # ',150,3,400' repeats the sum
    # sessions 100 + 50 = 150; key events 2 + 1 = 3; revenue 300 + 100 = 400
    assert totals(r) == {"sessions": 150, "conversions": 3, "revenue": 400}


def test_tiktok_xlsx_ad_level_with_a_counted_summary_line_on_top():
    r = read("tiktok_ads_age.xlsx")
    assert (r.platform, r.currency) == ("tiktok_ads", "SEK")
    assert [(e.line, e.reason) for e in r.rows_excluded] == [(2, "summary row 'Total of 2 results'")]
    assert r.frame["age"].to_list() == ["18-24", "25-34"]
    # cost 100.25 + 50 = 150.25; impressions 1000 + 500 = 1500; clicks 10 + 5 = 15; conversions 1 + 0 = 1;
    # video views 500 + 200 = 700
    assert totals(r) == {"spend": 150.25, "impressions": 1500, "clicks": 15, "conversions": 1, "video_views": 700}
    assert r.date_range == (date(2025, 1, 3), date(2025, 1, 4))


def test_a_report_of_only_summary_rows_is_refused_naming_the_line():
    text = "Day,Campaign,Impr.,Clicks,Cost\nTotal: Account,,100,10,5.00\n"
    with pytest.raises(ReadError, match=r"totals\.csv.*only summary rows.*line 2"):
        read_file(text.encode(), "totals.csv")


def test_a_short_hubspot_contacts_export_is_still_hubspot():
    text = ("Record ID,Email,Lifecycle Stage,Create Date,Original Source\n"
            "1,a@b.no,lead,2025-01-02 10:00,DIRECT_TRAFFIC\n2,c@d.no,subscriber,2025-01-03 10:00,Direct Traffic\n")
    r = read_file(text.encode(), "contacts.csv")
    assert r.platform == "hubspot_contacts"
    # no 'Became a Lead Date' column: each contact past subscriber is a lead on its Create Date -> 1 lead
    assert totals(r)["leads"] == 1
    assert r.records["channel"].to_list() == ["Direct Traffic", "Direct Traffic"]


def test_woocommerce_orders_without_a_total_are_refused():
    text = "order_id,order_date,status,order_currency,customer_email\n1,01/02/2025 10:00:00,completed,NOK,a@x.no\n"
    with pytest.raises(ReadError, match=r"woo\.csv.*order_total"):
        read_file(text.encode(), "woo.csv")


def test_linkedin_with_an_empty_conversion_name_column_is_no_breakdown():
    text = ("Start Date (in UTC),Campaign Name,Conversion Name,Total Spent,Impressions,Clicks,Conversions\n"
            "1/2/2025,A,,100,1000,10,1\n1/2/2025,A,,100,1000,10,2\n")
    r = read_file(text.encode(), "li.csv")
    # nothing says the rows repeat each other: spend 100 + 100 = 200, and the repetition is reported
    assert totals(r)["spend"] == 200
    assert any("double tracking" in f.message for f in r.findings)


def test_meta_in_swedish():
    r = read("meta_sv.csv")
    assert (r.platform, r.currency) == ("meta_ads", "SEK")
    assert r.date_range == (date(2025, 1, 1), date(2025, 1, 31))
    # spend 1234,50 + 99,95 = 1334,45; impressions 10000 + 1000 = 11000; link clicks 120 + 12 = 132;
    # purchases 4 + 1 = 5; purchase value 5000 + 250 = 5250; reach 8000 + 900 (kept per row, not summed by the engine)
    assert totals(r) == {"spend": 1334.45, "impressions": 11000, "reach": 8900, "clicks": 132, "conversions": 5,
                         "revenue": 5250}


def test_microsoft_ads_api_report_with_all_conversions_and_roas():
    text = ("TimePeriod\tCampaignName\tAdGroupName\tImpressions\tClicks\tSpend\tConversions\tAllConversions\tRevenue"
            "\tAllRevenue\tReturnOnAdSpend\tCostPerConversion\tCurrencyCode\n"
            "2025-01-02\tBrand\tAG1\t1204\t98\t314.58\t4\t5\t800.00\t900.00\t254.31%\t78.65\tEUR\n"
            "2025-01-03\tBrand\tAG1\t2210\t131\t377.28\t6\t6\t1200.00\t1200.00\t318.07%\t62.88\tEUR\n")
    r = read_file(text.encode(), "ms_api.tsv")
    assert (r.platform, r.currency) == ("microsoft_ads", "EUR")
    assert not [f for f in r.findings if "not recognised" in f.message]
    # 'Conversions' 4 + 6 = 10, not 'AllConversions'; revenue 800 + 1200 = 2000, not 'AllRevenue';
    # spend 314.58 + 377.28 = 691.86; impressions 1204 + 2210 = 3414; clicks 98 + 131 = 229
    assert totals(r) == {"impressions": 3414, "clicks": 229, "spend": 691.86, "conversions": 10, "revenue": 2000}


def test_klaviyo_campaign_channel_tells_sms_from_email():
    text = ("Campaign Name,Send Time,Successful Deliveries,Unique Opens,Unique Clicks,Unsubscribes,Campaign Channel\n"
            "Jan,2025-01-07 08:00:00,990,400,50,2,Email\nFeb,2025-02-07 08:00:00,980,0,40,1,SMS\n")
    r = read_file(text.encode(), "klaviyo.csv")
    assert r.platform == "klaviyo"
    e_mail = r.frame.filter(r.frame["channel"] == "Email")
    # the e-mail row alone: delivered 990, opens 400, clicks 50 (the SMS row's 980 deliveries are apart)
    assert e_mail.select("emails_delivered", "email_opens", "email_clicks").row(0) == (990, 400, 50)


def test_google_ads_search_terms_report():
    text = ('Search terms report\n"January 1, 2025 - January 31, 2025"\n'
            "Search term,Match type,Added/Excluded,Campaign,Currency code,Impr.,Clicks,Cost,Conversions,All conv.\n"
            "ull pledd,Exact match,None,Brand,NOK,100,10,20.00,1.00,2.00\n"
            "votter,Phrase match,Added,Brand,NOK,50,5,10.00,0.00,1.00\n"
            "Total: Account,,,,NOK,150,15,30.00,1.00,3.00\n")
    r = read_file(text.encode(), "search_terms.csv")
    assert (r.platform, r.currency) == ("google_ads", "NOK")
    assert r.frame["keyword"].to_list() == ["ull pledd", "votter"]
    assert not [f for f in r.findings if "not recognised" in f.message]
    # 'Total: Account' (line 6) set aside; impressions 100 + 50 = 150; clicks 15; cost 30; conversions 1 + 0 = 1
    # ('All conv.' 3 includes other actions: not the conversions)
    assert totals(r) == {"impressions": 150, "clicks": 15, "spend": 30, "conversions": 1}


@pytest.mark.parametrize("label", ["Totalsum", "Samlet", "Summering", "Totaler:", "Total of 2 results",
                                   "Results from 2 campaigns"])
def test_nordic_and_counted_summary_labels_are_set_aside(label):
    text = f"Dato;Kampanje;Kostnad;Klikk\n2025-01-01;A;100,50;10\n{label};;300,50;30\n2025-01-02;B;200;20\n"
    r = read_file(text.encode(), "egen.csv")
    assert [e.line for e in r.rows_excluded] == [3]
    assert totals(r) == {"spend": 300.5, "clicks": 30}  # 100,50 + 200 = 300,50; 10 + 20 = 30


def test_a_campaign_whose_name_starts_like_a_total_is_kept():
    text = "Dato;Kampanje;Kostnad;Klikk\n2025-01-01;Samlet salg;100;10\n2025-01-02;Summer;200;20\n"
    r = read_file(text.encode(), "egen.csv")
    assert r.rows_excluded == [] and totals(r) == {"spend": 300, "clicks": 30}


def test_woocommerce_analytics_orders_download():
    text = ("Date,Order #,Status,Customer,Customer type,Product(s),Items sold,Coupon(s),Net sales\n"
            "2025-01-03 10:12:44,101,Completed,Anne Fjord,new,Ullpledd,1,,717.30\n"
            "2025-01-04 09:00:00,102,Processing,Bo Berg,new,Lue,2,VINTER,400.00\n"
            "2025-01-20 09:00:00,103,Completed,Anne Fjord,returning,Votter,1,,240.00\n"
            "2025-01-21 09:00:00,104,Refunded,Cy Dahl,new,Skjerf,1,,0.00\n")
    r = read_file(text.encode(), "orders.csv")
    assert (r.platform, r.kind) == ("woocommerce_orders", "orders")
    assert {c.source: c.rule for c in r.columns}["Customer"].startswith("personal data: only a salted hash")
    assert r.records["customer_id"][0] == r.records["customer_id"][2]  # Anne's two orders, one customer
    # net sales 717.30 + 400 + 240 + 0 = 1357.30; orders 4; refunded 1 (104); new customers Anne, Bo, Cy = 3
    assert totals(r) == {"orders": 4, "revenue": 1357.3, "returned_orders": 1, "new_customers": 3}


def test_currency_codes_in_money_cells():
    text = ('Start Date (in UTC),Campaign Name,Total Spent,Impressions,Clicks\n'
            '1/2/2025,CFO,"NOK 1,432.18",10211,88\n1/3/2025,CFO,NOK 980.00,8000,50\n')
    r = read_file(text.encode(), "linkedin.csv")
    assert r.currency == "NOK"
    assert totals(r)["spend"] == 2412.18  # 1,432.18 + 980.00


def test_two_currencies_in_one_money_column_are_never_added():
    text = "Dato;Kampanje;Kostnad;Klikk\n2025-01-01;A;100,50 SEK;10\n2025-01-02;B;200 NOK;20\n"
    r = read_file(text.encode(), "egen.csv")
    assert r.currency is None
    assert any("mixed currencies NOK, SEK" in f.message for f in r.findings)
    assert r.frame.select("currency", "spend").rows() == [("SEK", 100.5), ("NOK", 200.0)]


def test_norwegian_hubspot_contacts_read_as_the_english_labels():
    r = read("hubspot_contacts_no.csv")
    assert (r.platform, r.kind) == ("hubspot_contacts", "contacts")
    assert mapping(r)["Livssyklusstadium"] == "lifecycle_stage"
    assert mapping(r)["Ble en markedsføringskvalifisert lead-dato"] == "mql_date"
    assert mapping(r)["Fornavn"] is None and mapping(r)["E-post"] is None  # personal data: not read
    assert r.records["lifecycle_stage"].to_list() == ["customer", "mql", "lead"]
    assert r.records["channel"].to_list() == ["Paid Social", "Organic Search", "Paid Search"]
    # leads: 101 (2025-01-02), 102 (2025-01-04), 103 on its Opprettelsesdato 2025-01-06 (stage Lead, no
    # lead date); MQLs 101 + 102 = 2; SQL 101; customer 101 (2025-01-20)
    assert totals(r) == {"leads": 3, "mqls": 2, "sqls": 1, "new_customers": 1}  # no opportunity date column
    assert r.date_range == (date(2025, 1, 2), date(2025, 1, 20))


def test_norwegian_hubspot_deals_know_lukket_vunnet():
    r = read("hubspot_deals_no.csv")
    assert r.platform == "hubspot_deals"
    # 'Lukket vunnet' is Closed Won, 'Lukket tapt' Closed Lost; amounts 45 000 and 12 000
    assert r.records.select("won", "amount").rows() == [(True, 45000.0), (False, 12000.0)]


def test_spanish_meta_export():
    r = read("meta_es.csv")
    assert (r.platform, r.currency) == ("meta_ads", "MXN")  # 'Importe gastado (MXN)'
    assert mapping(r)["Día"] == "date" and mapping(r)["Nombre de la campaña"] == "campaign"
    assert r.frame["date"].to_list() == [date(2025, 1, 1), date(2025, 1, 2)]
    # spend 100.50 + 50.25 = 150.75; impressions 1000 + 500 = 1500; conversions from 'Compras' 2 + 1 = 3
    # ('Resultados' is left for 'Compras'; its 40 link clicks are no conversions)
    assert totals(r) == {"spend": 150.75, "impressions": 1500, "conversions": 3}


def test_slash_dates_that_could_be_either_order_are_read_month_first_and_said_so():
    r = read("generic_slash_dates.csv")
    # no part above 12: read month first, as US exports write them (1, 2 and 3 January)
    assert r.frame["date"].to_list() == [date(2025, 1, 1), date(2025, 1, 2), date(2025, 1, 3)]
    warning = [f for f in r.findings if "no day or month above 12" in f.message]
    assert len(warning) == 1 and warning[0].level == "warning"
    assert "read month first ('01/02/2025' = 2 January 2025)" in warning[0].message
    # spend 1000.50 + 980.25 + 1012.00 = 2992.75; clicks 100 + 90 + 110 = 300; revenue 2500 + 2100 + 2600.50
    assert totals(r) == {"spend": 2992.75, "clicks": 300, "revenue": 7200.5}


def test_month_first_platforms_and_dotted_dates_raise_no_doubt():
    text = ("Start Date (in UTC),Campaign Name,Currency,Total Spent,Impressions\n"
            "1/2/2025,A,NOK,10,100\n2/1/2025,A,NOK,5,50\n")
    linkedin = read_file(text.encode(), "linkedin.csv")
    assert linkedin.platform == "linkedin_ads"  # LinkedIn writes M/D/YYYY: 2 January and 1 February
    assert linkedin.frame["date"].to_list() == [date(2025, 1, 2), date(2025, 2, 1)]
    assert not [f for f in linkedin.findings if "no day or month above 12" in f.message]
    dotted = read_file(b"Dato;Kostnad\n01.02.2025;10,50\n02.03.2025;5,25\n", "dots.csv")
    assert dotted.frame["date"].to_list() == [date(2025, 2, 1), date(2025, 3, 2)]  # day first, no finding
    assert not [f for f in dotted.findings if "no day or month above 12" in f.message]


def test_meta_lead_campaign_results_are_the_leads():
    r = read("meta_leads.xlsx")
    assert (r.platform, r.currency) == ("meta_ads", "USD")
    # sheet row 6 is the summary row (names blank); 'Results' count leads on the 'Website leads' row only
    # (10), not the 9000 reached people of the Reach row: leads = conversions = 10; spend 200 + 100 = 300
    assert [e.line for e in r.rows_excluded] == [6]
    assert totals(r) == {"spend": 300, "impressions": 30000, "clicks": 400, "conversions": 10, "leads": 10}
    assert any("1 lead row(s) are the leads" in f.message for f in r.findings)


def test_meta_purchase_results_are_no_leads():
    text = ("Reporting starts,Reporting ends,Campaign name,Amount spent (NOK),Results,Result indicator\n"
            "2025-01-01,2025-01-31,Shop,100,4,actions:offsite_conversion.fb_pixel_purchase\n")
    r = read_file(text.encode(), "meta.csv")
    assert totals(r) == {"spend": 100, "conversions": 4}  # purchases: conversions, no leads column


def test_ga4_bounce_and_engagement_rates_become_counts_with_the_sessions():
    r = read("ga4_pages_rates.csv")
    assert mapping(r)["Bounce rate"] == "bounces" and mapping(r)["Engagement rate"] == "engaged_sessions"
    # bounces 0.4 × 1000 + 0.75 × 400 = 700; engaged 60 % × 1000 + 25 % × 400 = 700;
    # engagement seconds 45.5 × 1000 + 10 × 400 = 49 500; views 3000 + 500; sessions 1000 + 400
    assert totals(r) == {"pageviews": 3500, "sessions": 1400, "bounces": 700, "engaged_sessions": 700,
                         "engagement_seconds": 49500, "conversions": 10}


def test_ga4_engaged_sessions_count_wins_over_the_engagement_rate():
    r = read("ga4.csv")
    assert mapping(r)["Engaged sessions"] == "engaged_sessions" and mapping(r)["Engagement rate"] is None


def test_summary_rows_in_many_languages_are_set_aside_and_campaigns_like_them_are_kept():
    r = read("generic_totals_languages.csv")
    # lines 5-14 are the ten summary rows; 'Total Fitness', 'Summer sale' and 'Overall brand' are campaigns
    assert [e.line for e in r.rows_excluded] == list(range(5, 15))
    assert r.rows_excluded[3].reason == "summary row 'Totalt alle kampanjer'"
    assert r.frame["campaign"].to_list() == ["Total Fitness", "Summer sale", "Overall brand"]
    # cost 10 + 20 + 5.50 = 35.50; impressions 100 + 200 + 50 = 350; clicks 5 + 10 + 1 = 16
    assert totals(r) == {"spend": 35.5, "impressions": 350, "clicks": 16}


def test_a_month_title_over_rows_of_the_same_table_is_no_second_table():
    r = read("generic_month_sections.csv")
    assert not [f for f in r.findings if "second table" in f.message]
    # line 4 blank, line 5 'Februar' (one field: ragged, left out); the February rows are read
    assert [(e.line, e.reason.split(":")[0]) for e in r.rows_excluded] == [(4, "blank line"), (5, "ragged line")]
    assert r.rows_read == r.rows_used + len(r.rows_excluded) == 6
    # cost 10,50 + 20,00 + 30,25 + 40,00 = 100,75; clicks 5 + 10 + 15 + 20 = 50
    assert totals(r) == {"spend": 100.75, "clicks": 50}


def test_norwegian_excel_sheet_with_minus_kr_and_whole_kroner():
    r = read("generic_excel_nb.csv")
    assert r.platform == "generic" and [e.reason for e in r.rows_excluded] == ["summary row 'Sum'"]
    assert r.frame["campaign"].to_list() == ["Påskeøl", "Påskeøl", "Blåbær"]  # Windows-1252 æøå
    # cost 1 234,50 − 150,00 + 99 = 1 183,50; clicks 120 + 0 + 15 = 135; revenue 4 000 + 0 + 1 250,75
    assert totals(r) == {"spend": 1183.5, "clicks": 135, "revenue": 5250.75}
    assert any("negative spend on 1 row(s)" in f.message for f in r.findings)


def test_a_date_column_read_as_nothing_gives_a_warning_not_a_crash():
    # '0/0/2025' has no part above 12 (the order is in doubt) but is no date: no date to show the doubt on
    r = read_file(b"Date,Campaign,Cost\n0/0/2025,A,10\n0/0/2025,B,20\n", "zeros.csv")
    assert r.frame["date"].null_count() == 2 and totals(r) == {"spend": 30}
    assert any("2 cell(s) in 'Date' could not be read" in f.message for f in r.findings)
    assert not [f for f in r.findings if "no day or month above 12" in f.message]


def test_dots_group_thousands_in_a_semicolon_sheet_of_whole_numbers():
    r = read("generic_da_whole.csv")
    # ';' is what Excel writes where the comma is the decimal mark: 1.234 kr + 500 = 1 734;
    # impressions 12.000 + 8.500 = 20 500; clicks 300 + 200
    assert totals(r) == {"spend": 1734, "impressions": 20500, "clicks": 500}


def test_dotted_counts_are_thousands_and_dotted_money_stays_decimal_in_a_comma_file():
    r = read_file(b"Date,Campaign,Cost,Impressions\n2025-02-01,A,1.234,12.000\n2025-02-02,A,500.5,8.500\n", "en.csv")
    # impressions count whole things: 12 000 + 8 500; cost 1.234 + 500.5 (a comma file, dot decimals)
    assert totals(r) == {"spend": 501.734, "impressions": 20500}


def test_danish_google_ads_conversion_value_without_a_space():
    r = read("google_ads_da.csv")
    assert (r.platform, r.currency) == ("google_ads", "DKK")
    assert mapping(r)["Konv.værdi"] == "revenue" and mapping(r)["Eksp."] == "impressions"
    assert [e.reason for e in r.rows_excluded] == ["summary row 'I alt: Konto'"]
    # impressions 1.245 + 312 = 1 557; clicks 87 + 19; cost 358,44 + 74,10 = 432,54; conv. 3; value 2 940
    assert totals(r) == {"impressions": 1557, "clicks": 106, "spend": 432.54, "conversions": 3, "revenue": 2940}


def test_meta_result_types_in_the_ui_language():
    text = ("Day,Campaign name,Result type,Results,Amount spent (SEK)\n"
            "2025-01-01,Vår,Köp på webbplatsen,4,100\n2025-01-01,Vår,Räckvidd,900,50\n"
            "2025-01-02,Vår,Leads på webbplatsen,2,30\n")
    r = read_file(text.encode(), "meta_sv.csv")
    # purchases 4 + leads 2 are conversions (the 900 reached are not); the 2 leads are the leads
    assert totals(r) == {"spend": 180, "conversions": 6, "leads": 2}


def test_own_b2b_sheet_with_mql_and_sql_columns():
    r = read("generic_b2b_no.csv")
    assert mapping(r)["MQL"] == "mqls" and mapping(r)["SQL"] == "sqls"
    assert r.frame["date"].to_list() == [date(2025, 1, 1), date(2025, 2, 1)]  # months: their first day
    # cost 10 000 + 8 000; leads 40 + 30; MQL 12 + 10; SQL 5 + 4; new customers 2 + 1
    assert totals(r) == {"spend": 18000, "leads": 70, "mqls": 22, "sqls": 9, "new_customers": 3}


def test_own_shop_sheet_with_carts_gross_profit_and_returns():
    r = read("generic_shop_no.csv")
    assert r.platform == "generic"
    assert {mapping(r)[h] for h in ("Handlekurver", "Konverteringsverdi", "Bruttofortjeneste", "Returer")} == {
        "carts", "revenue", "gross_profit", "returned_orders"}
    # cost 100 + 150,50; clicks 50 + 70; carts 10 + 15; orders 4 + 5; value 2 000 + 2 600,50;
    # gross profit 800 + 1 040; returns 1 + 0
    assert totals(r) == {"spend": 250.5, "clicks": 120, "carts": 25, "orders": 9, "revenue": 4600.5,
                         "gross_profit": 1840, "returned_orders": 1}


def test_currency_written_after_money_headers():
    kr = read("generic_kr_headers.csv")
    assert mapping(kr)["Kostnad (kr)"] == "spend" and mapping(kr)["Omsetning i kr"] == "revenue"
    assert kr.currency is None  # 'kr' could be NOK, SEK or DKK, and the reader says so for each money column
    warned = [f.where for f in kr.findings if f.level == "warning"]
    assert warned == ["column 'Kostnad (kr)'", "column 'Omsetning i kr'"]
    # cost 1 000,50 + 499,50 = 1 500; clicks 10 + 5; revenue 2 500 + 0
    assert totals(kr) == {"spend": 1500, "clicks": 15, "revenue": 2500}
    eur = read("generic_eur_headers.csv")
    assert (mapping(eur)["Cost (€)"], mapping(eur)["Revenue EUR"], eur.currency) == ("spend", "revenue", "EUR")
    assert totals(eur) == {"spend": 15, "clicks": 15, "revenue": 25}  # 10.50 + 4.50; 25 + 0
    assert read_file(b"Dato,Salg kr\n2025-01-01,900\n", "s.csv").frame["revenue"].to_list() == [900]


def test_own_sheets_in_everyday_words_stay_generic_and_map():
    en = read("generic_aliases_en.csv")
    assert en.platform == "generic"  # 'Purchases' alone does not make a sheet a Meta export
    # spend 120.50 + 79.50 = 200; imps 4000 + 6000; clicks 200 + 100; visits 180 + 90; purchases 6 + 2
    assert totals(en) == {"spend": 200, "impressions": 10000, "clicks": 300, "sessions": 270, "conversions": 8}
    no = read("generic_aliases_no.csv")
    assert no.platform == "generic"
    # spend 1 200,50 + 799,50 = 2 000; clicks 300; transactions 6 + 2 orders; revenue 4 800 + 1 600
    assert totals(no) == {"spend": 2000, "clicks": 300, "orders": 8, "revenue": 6400}


def test_headers_that_say_total_or_number_of():
    r = read("generic_total_words.csv")
    assert r.platform == "generic"
    assert mapping(r) == {"Dato": "date", "Kampanje": "campaign", "Kostnad totalt": "spend", "Antall klikk": "clicks",
                          "Total revenue": "revenue", "Number of orders": "orders"}
    # cost 100,25 + 99,75 = 200; clicks 10 + 5; revenue 500 + 250,50; orders 2 + 1
    assert totals(r) == {"spend": 200, "clicks": 15, "revenue": 750.5, "orders": 3}


def test_two_downloads_joined_into_one_file():
    r = read("google_ads_joined.csv")
    assert r.platform == "google_ads"
    # lines 5 and 10: totals; 6-7: the second title and date line (ragged); 8: the header again
    assert [(e.line, e.reason.split(" (")[0].split(":")[0]) for e in r.rows_excluded] == [
        (5, "summary row 'Total"), (6, "ragged line"), (7, "ragged line"), (8, "the header repeated"),
        (10, "summary row 'Total")]
    assert r.rows_read == r.rows_used + len(r.rows_excluded) and r.rows_used == 2
    # impressions 1,000 + 2,000; clicks 50 + 70; cost 200.00 + 300.50
    assert totals(r) == {"impressions": 3000, "clicks": 120, "spend": 500.5}


def test_meta_norwegian_workbook_reads_the_raw_data_sheet():
    r = read("meta_no_raw.xlsx")
    assert (r.platform, r.currency) == ("meta_ads", "NOK")
    assert any("Read sheet 'Rådatarapport'" in f.message for f in r.findings)
    # spend 100.50 + 99.50 = 200; impressions 1000 + 900; link clicks 20 + 15
    assert totals(r) == {"spend": 200, "impressions": 1900, "clicks": 35}


def test_ga4_ecommerce_items_report_gives_its_revenue():
    r = read("ga4_items.csv")
    assert r.platform == "ga4" and r.date_range == (date(2025, 1, 1), date(2025, 1, 31))
    assert mapping(r)["Item revenue"] == "revenue" and mapping(r)["Items added to cart"] is None  # items, not carts
    assert totals(r) == {"revenue": 12970.5}  # 11 980 + 990,50


def test_own_norwegian_email_sheet():
    r = read("generic_email_no.csv")
    assert mapping(r)["Levert"] == "emails_delivered" and mapping(r)["Unike åpninger"] == "email_opens"
    # delivered 4 168 + 990 = 5 158; unique clicks 211 + 50; unsubscribes 9 + 2 (unique opens count people:
    # kept per send-out, 1 744 and 400)
    assert totals(r) == {"emails_delivered": 5158, "email_opens": 2144, "email_clicks": 261, "unsubscribes": 11}


def test_gender_is_one_vocabulary_across_platforms_and_languages():
    """Meta's 'female', Google Ads' 'Female', KAG's 'F' and a Norwegian sheet's 'Kvinner' are one
    segment; a value no rule knows stays as written."""
    sheet = ("Dato;Kjønn;Kostnad;Klikk\n2025-01-01;Kvinner;100;10\n2025-01-01;Menn;50;5\n"
             "2025-01-01;F;25;2\n2025-01-01;Ukjent;5;1\n2025-01-01;Ikke-binær;1;1\n").encode()
    r = read_file(sheet, "kjonn.csv")
    assert r.frame["gender"].cast(pl.String).to_list() == ["female", "male", "female", "unknown", "Ikke-binær"]
    # female: 100 + 25 = 125 spend, 10 + 2 = 12 clicks
    by = r.frame.group_by("gender").agg(pl.col("spend").sum(), pl.col("clicks").sum())
    assert by.filter(pl.col("gender") == "female").row(0)[1:] == (125.0, 12.0)
    rule = {c.source: c.rule for c in r.columns}["Kjønn"]
    assert rule.endswith("(values normalised to female, male, unknown)")


def test_an_own_sheet_with_a_total_cost_column_is_not_taken_for_tiktok():
    sheet = b"Date,Campaign,Total cost,Clicks\n2025-01-01,Vinter,100.50,10\n2025-01-02,Vinter,49.50,5\n"
    r = read_file(sheet, "ark.csv")
    assert r.platform == "generic"
    # spend 100.50 + 49.50 = 150; clicks 10 + 5 = 15
    assert (r.frame["spend"].sum(), r.frame["clicks"].sum()) == (150.0, 15.0)
    # TikTok's own minimal export (By Day, Campaign name, Ad name, Clicks (all), …) is still TikTok
    assert read("tiktok_ads_age.xlsx").platform == "tiktok_ads"


def test_meta_placements_name_their_platform_once():
    text = (b"Day,Campaign name,Ad set name,Platform,Placement,Amount spent (NOK),Impressions,Reach,Results\n"
            b"2025-01-01,Vinter,Alle,instagram,instagram_stories,10.00,100,90,1\n"
            b"2025-01-01,Vinter,Alle,Instagram,Feed,20.00,200,150,2\n"
            b"2025-01-01,Vinter,Alle,facebook,facebook_reels,30.00,300,250,3\n")
    r = read_file(text, "meta.csv")
    assert r.platform == "meta_ads"
    assert r.frame["placement"].cast(pl.String).to_list() == ["instagram_stories", "Instagram Feed", "facebook_reels"]
