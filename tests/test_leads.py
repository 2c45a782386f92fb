"""The lead funnel on a small contacts export, by hand.

    id  created     lead   mql    sql    opp    customer  stage now    original source
    1   2025-01-03  01-03  01-10  01-20  02-01  02-15     customer     Paid Social   (43 days lead → customer)
    2   2025-01-08  01-08  01-15                          mql          Paid Social
    3   2025-01-20  01-20                                 lead         Organic Search
    4   2025-02-02  02-02                       03-04     customer     Paid Search   (skipped MQL, SQL, opp; 30 days)
    5   2025-02-10                                        subscriber   Paid Social   (not a lead)
    6   2025-02-14  02-14  02-20  03-01                   opportunity  Paid Search   (no opportunity date)
    7   2025-02-20  02-20                       04-20     customer     Paid Social   (59 days)

A contact counts at a stage with that stage's date, a later one's, or a current stage at or past it:
leads 1 2 3 4 6 7 = 6; MQLs 1 2 4 6 7 = 5; SQLs 1 4 6 7 = 4; opportunities 1 4 6 7 = 4; customers 1 4 7 = 3.
"""

from datetime import date

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi_core import leads
from kpi_core.engine import Period

D = date
N = None
CONTACTS = [
    ("1", D(2025, 1, 3), D(2025, 1, 3), D(2025, 1, 10), D(2025, 1, 20), D(2025, 2, 1), D(2025, 2, 15),
     "customer", "Paid Social"),
    ("2", D(2025, 1, 8), D(2025, 1, 8), D(2025, 1, 15), N, N, N, "mql", "Paid Social"),
    ("3", D(2025, 1, 20), D(2025, 1, 20), N, N, N, N, "lead", "Organic Search"),
    ("4", D(2025, 2, 2), D(2025, 2, 2), N, N, N, D(2025, 3, 4), "customer", "Paid Search"),
    ("5", D(2025, 2, 10), N, N, N, N, N, "subscriber", "Paid Social"),
    ("6", D(2025, 2, 14), D(2025, 2, 14), D(2025, 2, 20), D(2025, 3, 1), N, N, "opportunity", "Paid Search"),
    ("7", D(2025, 2, 20), D(2025, 2, 20), N, N, N, D(2025, 4, 20), "customer", "Paid Social"),
]
SCHEMA = {"contact_id": pl.String, "create_date": pl.Date, "lead_date": pl.Date, "mql_date": pl.Date,
          "sql_date": pl.Date, "opportunity_date": pl.Date, "customer_date": pl.Date,
          "lifecycle_stage": pl.String, "channel": pl.String}
STEP_COLUMNS = ["leads", "mqls", "sqls", "opportunities", "new_customers"]


def contacts(rows=CONTACTS) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=SCHEMA, orient="row")


def test_total_funnel_counts_and_step_rates():
    row = leads.funnel(contacts(), by=()).row(0, named=True)
    assert [row[c] for c in STEP_COLUMNS] == [6.0, 5.0, 4.0, 4.0, 3.0]
    assert row["contacts"] == 7
    assert row["lead_to_mql_rate"] == pytest.approx(5 / 6)
    assert row["mql_to_sql_rate"] == pytest.approx(4 / 5)
    assert row["sql_to_opportunity_rate"] == 1.0  # 4 / 4
    assert row["opportunity_to_customer_rate"] == pytest.approx(3 / 4)
    assert row["lead_to_customer_rate"] == 0.5  # 3 / 6
    assert row["median_days_to_customer"] == 43.0  # median of 43, 30, 59


def test_funnel_by_original_source():
    by = {r["channel"]: r for r in leads.funnel(contacts()).iter_rows(named=True)}
    assert [by["Paid Social"][c] for c in STEP_COLUMNS] == [3.0, 3.0, 2.0, 2.0, 2.0]  # 1 2 7; 1 2 7; 1 7…
    assert by["Paid Social"]["contacts"] == 4  # the subscriber is a contact, not a lead
    assert by["Paid Social"]["median_days_to_customer"] == 51.0  # (43 + 59) / 2
    assert [by["Paid Search"][c] for c in STEP_COLUMNS] == [2.0, 2.0, 2.0, 2.0, 1.0]
    assert [by["Organic Search"][c] for c in STEP_COLUMNS] == [1.0, 0.0, 0.0, 0.0, 0.0]
    assert by["Organic Search"]["mql_to_sql_rate"] is None  # 0 / 0: no MQLs, no rate


def test_funnel_by_create_month():
    rows = leads.funnel(contacts(), by=("month",)).select("month", *STEP_COLUMNS).rows()
    assert rows == [
        (D(2025, 1, 1), 3.0, 2.0, 1.0, 1.0, 1.0),  # contacts 1 2 3
        (D(2025, 2, 1), 3.0, 3.0, 3.0, 3.0, 2.0),  # contacts 4 5 6 7
    ]


def test_internal_stage_values_and_missing_dates():
    only_stage = contacts().select("contact_id", "create_date", "channel").with_columns(
        pl.Series("lifecycle_stage", ["customer", "marketingqualifiedlead", "Lead", "salesqualifiedlead",
                                      "subscriber", "other", "evangelist"]))
    row = leads.funnel(only_stage, by=()).row(0, named=True)
    # Leads: all but subscriber and other = 5; MQL+: customer, mql, sql, evangelist = 4; SQL+: 3; opp+: 2.
    assert [row[c] for c in STEP_COLUMNS] == [5.0, 4.0, 3.0, 2.0, 2.0]
    assert row["median_days_to_customer"] is None


def test_steps_long_for_the_chart():
    long = leads.steps_long(leads.funnel(contacts(), by=()), by=())
    assert long["step"].to_list() == ["Lead", "MQL", "SQL", "Opportunity", "Customer"]
    assert long["count"].to_list() == [6.0, 5.0, 4.0, 4.0, 3.0]
    assert long["rate"][0] is None  # the first step has no step before it
    assert long["rate"].to_list()[1:] == pytest.approx([5 / 6, 4 / 5, 1.0, 3 / 4])
    nb = leads.steps_long(leads.funnel(contacts(), by=()), by=(), lang="nb")
    assert nb["step"].to_list() == ["Lead", "MQL", "SQL", "Salgsmulighet", "Kunde"]


def test_cpl_and_cac_per_source():
    spend = pl.DataFrame({
        "source": ["meta_ads", "linkedin_ads", "google_ads", "meta_ads"],
        "date": [D(2025, 1, 15), D(2025, 2, 1), D(2025, 2, 3), D(2025, 3, 5)],
        "spend": [600.0, 300.0, 200.0, 5000.0],  # March is outside the period
        "currency": ["NOK"] * 4,
    })
    result = leads.by_source_with_costs(contacts(), spend, Period(D(2025, 1, 1), D(2025, 2, 28)), "NOK")
    rows = {r["acquisition"]: r for r in result.frame.iter_rows(named=True)}
    assert list(rows) == ["Paid Social", "Paid Search", "Organic Search"]  # by spend, unpaid last
    social = rows["Paid Social"]
    # Paid Social gets Meta + LinkedIn = 900: CPL 900 / 3 leads = 300; CAC 900 / 2 customers = 450.
    assert (social["spend"], social["cpl"], social["cac"]) == (900.0, 300.0, 450.0)
    search = rows["Paid Search"]  # Google 200: CPL 200 / 2 = 100; CAC 200 / 1 = 200
    assert (search["spend"], search["cpl"], search["cac"]) == (200.0, 100.0, 200.0)
    organic = rows["Organic Search"]
    assert organic["spend"] is None and organic["cpl"] is None and organic["leads"] == 1.0
    assert any("Organic Search" in n for n in result.notes)


def test_costs_of_one_month_count_that_months_contacts_only():
    spend = pl.DataFrame({"source": ["meta_ads", "meta_ads"], "date": [D(2025, 1, 15), D(2025, 2, 15)],
                          "spend": [600.0, 120.0]})
    result = leads.by_source_with_costs(contacts(), spend, Period(D(2025, 2, 1), D(2025, 2, 28)))
    social = result.frame.filter(pl.col("acquisition") == "Paid Social").row(0, named=True)
    # February Paid Social contacts: 5 (subscriber) and 7 (lead, later customer): CPL = CAC = 120 / 1.
    assert (social["contacts"], social["leads"], social["cpl"], social["cac"]) == (2, 1.0, 120.0, 120.0)


def test_a_table_without_dates_or_stage_is_refused():
    with pytest.raises(leads.CrmProblem, match="neither lifecycle stage dates nor a lifecycle stage"):
        leads.funnel(contacts().select("contact_id", "create_date", "channel"))
    with pytest.raises(leads.CrmProblem, match="no 'create_date' column"):
        leads.funnel(contacts().drop("create_date"))


stage_dates = st.lists(st.tuples(*[st.one_of(st.none(), st.integers(0, 90)) for _ in range(5)],
                                 st.sampled_from(["lead", "mql", "sql", "opportunity", "customer", "subscriber", None]),
                                 st.sampled_from(["Paid Social", "Paid Search", "Organic Search"])),
                       min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(stage_dates)
def test_funnel_never_widens_and_sources_add_up(rows):
    base = D(2025, 1, 1)
    frame = pl.DataFrame(
        [(str(i), base, *[None if d is None else D(2025, 1, 1 + d % 28) for d in r[:5]], r[5], r[6])
         for i, r in enumerate(rows)],
        schema=SCHEMA, orient="row",
    )
    total = leads.funnel(frame, by=()).row(0, named=True)
    counts = [total[c] for c in STEP_COLUMNS]
    assert counts == sorted(counts, reverse=True)
    per_source = leads.funnel(frame)
    assert [per_source[c].sum() for c in STEP_COLUMNS] == counts


def test_deals_by_create_month():
    deals = pl.DataFrame(
        [("d1", D(2025, 1, 5), D(2025, 2, 4), "Closed Won", True, 50000.0),
         ("d2", D(2025, 1, 9), D(2025, 1, 30), "Closed Lost", False, 20000.0),
         ("d3", D(2025, 1, 20), N, "Proposal", False, 10000.0),
         ("d4", D(2025, 2, 1), D(2025, 2, 11), "closedwon", True, 30000.0)],
        schema={"deal_id": pl.String, "create_date": pl.Date, "close_date": pl.Date, "stage": pl.String,
                "won": pl.Boolean, "amount": pl.Float64}, orient="row")
    jan, feb = leads.deals_summary(deals).iter_rows(named=True)
    # January: 3 deals, 2 closed (d1 won, d2 lost), win rate 1 / 2; won 50000 in 30 days.
    assert (jan["deals"], jan["closed"], jan["won"], jan["win_rate"]) == (3.0, 2.0, 1.0, 0.5)
    assert (jan["won_amount"], jan["avg_won_amount"], jan["median_days_to_close"]) == (50000.0, 50000.0, 30.0)
    assert (feb["win_rate"], feb["median_days_to_close"]) == (1.0, 10.0)
    total = leads.deals_summary(deals, by=()).row(0, named=True)
    assert total["win_rate"] == pytest.approx(2 / 3) and total["avg_won_amount"] == 40000.0  # 80000 / 2


def test_the_counting_rule_is_stated_in_each_language():
    assert "CRMs skip stages" in leads.definition("en")
    assert "hopper over steg" in leads.definition("nb") and "hoppar över steg" in leads.definition("sv")
    assert leads.definition("da") == leads.definition("en")  # no Danish yet: English
