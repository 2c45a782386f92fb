"""The public marketing data sets of export-formats.md §9 read as customer tables: iFood's
marketing_campaign.csv (tab-separated) and its marketing_data.csv variant. The KAG ads file is in
tests/test_readers_platforms.py. Fixtures: tests/fixtures/make_fixtures.py, public_datasets()."""

import hashlib
from datetime import date

import polars as pl
import pytest
from test_readers_platforms import mapping, read, rules, totals

from kpi_core.engine import compute
from kpi_core.readers import overlaps, read_file
from kpi_core.schema import RECORD_COLUMNS

# marketing_campaign.csv, per customer (Mnt wines + fruits + meat + fish + sweets + gold; web + catalogue + store):
# 1001 Graduation Single    600 + 80 + 500 + 150 + 80 + 90 = 1500;  8 + 10 + 4 = 22 purchases
# 1002 Graduation Single     10 +  1 +   6 +   2 +  1 +  5 =   25;  1 +  1 + 2 =  4
# 1003 Master     Together  400 + 50 + 120 + 110 + 20 + 40 =  740;  8 +  2 + 10 = 20
# 1004 PhD        Married    10 +  4 +  20 +  10 +  3 +  5 =   52;  1 +  0 + 0 =  1 (2 discounted: a warning)
# 1005 PhD        Married   170 + 40 + 110 +  40 + 30 + 10 =  400;  5 +  3 + 6 = 14
# revenue 1500 + 25 + 740 + 52 + 400 = 2717; orders 22 + 4 + 20 + 1 + 14 = 61; 5 customers, 4 with 2+ purchases.
IFOOD_TOTALS = {"customers": 5, "orders": 61, "revenue": 2717, "repeat_customers": 4}


def test_ifood_tab_separated_customer_table():
    r = read("ifood_marketing_campaign.csv", salt=b"s")
    assert (r.platform, r.kind, r.currency) == ("ifood_customers", "customers", None)  # no '$': currency unknown
    assert r.rows_read == 5 and r.rows_used == 5 and r.rows_excluded == []
    assert totals(r) == IFOOD_TOTALS
    assert set(r.frame["source"]) == {"ifood_customers"} and "date" not in r.frame.columns
    # The people of a customer table add up (one row each): aov 2717 / 61 = 44.5410; ltv 2717 / 5 = 543.40;
    # repeat purchase rate 4 / 5 = 0.8.
    kpis = compute(r.frame, ["aov", "ltv", "repeat_purchase_rate"]).row(0)
    assert kpis["aov"] == pytest.approx(2717 / 61) and kpis["ltv"] == pytest.approx(543.4)
    assert kpis["repeat_purchase_rate"] == pytest.approx(0.8) and kpis["customers"] == 5


def test_ifood_mapping_says_what_each_column_is_and_why_it_is_not_read():
    r = read("ifood_marketing_campaign.csv")
    m, why = mapping(r), rules(r)
    assert m["ID"] == "customer_id" and "salted hash" in why["ID"]
    assert [m[c] for c in ("MntWines", "MntGoldProds", "NumWebPurchases", "NumStorePurchases")] == [
        "revenue", "revenue", "orders", "orders"]
    assert m["Education"] == "education" and m["Marital_Status"] == "marital_status" and m["Dt_Customer"] == "since"
    assert m["NumDealsPurchases"] is None and "count twice" in why["NumDealsPurchases"]
    for personal in ("Year_Birth", "Income", "Kidhome", "Teenhome"):
        assert m[personal] is None and "personal attribute" in why[personal] and "not read" in why[personal]
    assert m["Response"] is None and "no KPI of the catalog" in why["Response"] and "last campaign" in why["Response"]
    assert m["Z_CostContact"] is None and "constant" in why["Z_CostContact"]
    assert m["Recency"] is None and "not read" in why["Recency"]
    assert "unrecognised" not in why.values()


def test_ifood_segments_by_education_and_personal_data():
    r = read("ifood_marketing_campaign.csv", salt=b"s")
    # Graduation 1500 + 25 = 1525, 2 customers; Master 740, 1; PhD 52 + 400 = 452, 2.
    seg = compute(r.frame, ["ltv"], by=["education"]).frame.sort("education")
    assert seg["education"].to_list() == ["Graduation", "Master", "PhD"]
    assert seg["revenue"].to_list() == [1525, 740, 452] and seg["customers"].to_list() == [2, 1, 2]
    assert seg["ltv"].to_list() == pytest.approx([762.5, 740, 226])
    assert r.records.columns == list(RECORD_COLUMNS["customers"])
    assert r.records["customer_id"][0] == hashlib.sha256(b"s1001").hexdigest()[:16]
    assert r.records["total_spent"].to_list() == [1500, 25, 740, 52, 400]
    # dd-mm-yyyy although every day is 12 or less: 04-09-2012 is 4 September.
    assert r.records["since"].to_list() == [date(2012, 9, 4), date(2014, 3, 8), date(2013, 1, 10), date(2014, 2, 10),
                                            date(2014, 1, 12)]
    text = r.records.write_csv() + r.frame.write_csv()
    assert "52000" not in text and "1960" not in text  # income and birth year are not read
    messages = [f.message for f in r.findings]
    assert any("Year_Birth, Income, Kidhome, Teenhome dropped as personal data" in m for m in messages)
    # Enrolments: 2012: 1001; 2013: 1003; 2014: 1002, 1004, 1005.
    assert any("2012-09-04 to 2014-03-08" in m and "2012: 1, 2013: 1, 2014: 3" in m for m in messages)
    deals = [f for f in r.findings if "more discounted purchases" in f.message]
    assert [(f.level, f.where) for f in deals] == [("warning", "line 5")]  # customer 1004


# marketing_data.csv: 2001 SP 190 + 100 + 380 + 110 + 190 + 220 = 1190, 4 + 4 + 6 = 14; 2002 CA 460 + 5 + 60 + 0 + 2
# + 30 = 557, 7 + 3 + 7 = 17; 2003 US 130 + 10 + 400 + 20 + 0 + 0 = 560, 3 + 2 + 5 = 10; 2004 SP 10 + 0 + 3 + 0 + 0 + 1
# = 14, 1 + 0 + 0 = 1. Revenue 2321, orders 42, 4 customers, 3 with 2+ purchases.
def test_marketing_data_variant_with_dollar_incomes_and_countries():
    r = read("ifood_marketing_data.csv")
    assert (r.platform, r.currency) == ("ifood_customers", "USD")  # '$84,000.00 ' in ' Income '
    assert totals(r) == {"customers": 4, "orders": 42, "revenue": 2321, "repeat_customers": 3}
    assert mapping(r)["Country"] == "country"
    assert any(c.source.strip() == "Income" and c.canonical is None and "personal attribute" in c.rule
               for c in r.columns)
    seg = compute(r.frame, ["ltv"], by=["country"]).frame.sort("country")
    # SP 1190 + 14 = 1204 over 2 customers = 602; CA 557; US 560.
    assert seg["country"].to_list() == ["CA", "SP", "US"] and seg["ltv"].to_list() == pytest.approx([557, 602, 560])
    # M/D/YY, the order decided from 6/16/14: 5/3/14 is 3 May.
    assert r.records["since"].to_list()[2] == date(2014, 5, 3)
    assert "84000" not in r.records.write_csv() + r.frame.write_csv()


def test_a_repeated_customer_id_is_counted_once():
    text = ("ID\tEducation\tMntWines\tNumWebPurchases\tNumStorePurchases\tDt_Customer\tResponse\n"
            "1\tPhD\t100\t1\t1\t01-02-2013\t0\n2\tPhD\t50\t1\t0\t01-02-2013\t1\n1\tPhD\t100\t1\t1\t01-02-2013\t0\n")
    r = read_file(text.encode(), "marketing_campaign.csv")
    assert r.platform == "ifood_customers"
    assert r.rows_read == 3 and r.rows_used == 2 and r.rows_read == r.rows_used + len(r.rows_excluded)
    assert [(e.line, e.reason) for e in r.rows_excluded] == [(4, "the same customer ID as line 2: counted once")]
    # customers 1 and 2: revenue 100 + 50 = 150, orders 2 + 1 = 3, repeat customers 1 (customer 1).
    assert totals(r) == {"customers": 2, "orders": 3, "revenue": 150, "repeat_customers": 1}


def test_two_customer_tables_of_one_kind_are_flagged():
    a, b = read("ifood_marketing_campaign.csv"), read("ifood_marketing_data.csv")
    found = [f for f in overlaps([a, b]) if "both customer tables" in f.message]
    assert len(found) == 1 and found[0].level == "warning"


def test_people_of_a_customer_table_never_add_up_with_another_source():
    # 5 customers from the table, and an ad export's reach of 100 people: adding them would mix two kinds of
    # people count, so each stays only where one source carries it.
    table = read("ifood_marketing_campaign.csv").frame
    ads = pl.DataFrame({"source": ["meta_ads"], "customers": [7.0]})
    both = compute(pl.concat([table, ads], how="diagonal_relaxed"), ["ltv"]).row(0)
    assert both["customers"] is None and both["ltv"] is None


def test_unreadable_cells_are_named_with_their_line_as_written():
    text = ("ID\tEducation\tMntWines\tNumWebPurchases\tDt_Customer\n"
            "1\tPhD\t1oo\t2\t31-02-2013\n2\tPhD\t50\t1\tsoon\n")
    r = read_file(text.encode(), "marketing_campaign.csv")
    warnings = [f.message for f in r.findings if f.level == "warning"]
    assert "1 cell(s) in 'MntWines' could not be read and are left empty (line 2: '1oo')." in warnings
    # 31 February does not exist; the cell is shown as the file writes it, not as made ISO.
    assert ("2 cell(s) in 'Dt_Customer' could not be read and are left empty (line 2: '31-02-2013', "
            "line 3: 'soon').") in warnings
    # Revenue: customer 1's only amount is unreadable, so only customer 2's 50 counts; orders 2 + 1 = 3.
    assert totals(r) == {"customers": 2, "orders": 3, "revenue": 50, "repeat_customers": 1}
