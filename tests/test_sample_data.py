"""The bundled sample data: every file goes through the real readers as its platform, the generator
rewrites the files byte for byte, and the headline totals the readers produce agree with totals
computed here straight from the CSV text (stdlib csv, no reader code), including the platforms'
own ``Total: Account`` rows. A few tests check that the stories in sample_data/README.md are really
in the numbers, since a consultant demonstrates the app with them.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from kpi_core import engine
from kpi_core.catalog import GOAL_IDS
from kpi_core.readers import read_file

SAMPLES = Path(__file__).resolve().parents[1] / "sample_data"
MANIFEST = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))

# file -> (platform, kind, currency). GA4 and HubSpot exports carry no currency code.
EXPECTED = {
    "webshop/google_ads_campaigns.csv": ("google_ads", "performance", "NOK"),
    "webshop/meta_ads_age.csv": ("meta_ads", "performance", "NOK"),
    "webshop/ga4_traffic_acquisition.csv": ("ga4", "performance", None),
    "webshop/orders_export.csv": ("shopify_orders", "orders", "NOK"),
    "b2b/linkedin_campaign_performance.csv": ("linkedin_ads", "performance", "NOK"),
    "b2b/google_ads_campaigns.csv": ("google_ads", "performance", "NOK"),
    "b2b/hubspot_contacts.csv": ("hubspot_contacts", "contacts", None),
    "brand/meta_ads_placement.csv": ("meta_ads", "performance", "SEK"),
    "brand/tiktok_campaigns.csv": ("tiktok_ads", "performance", "SEK"),
    "brand/ga4_traffic_acquisition.csv": ("ga4", "performance", None),
    "traffic/google_ads_kampanjer.csv": ("google_ads", "performance", "NOK"),
    "traffic/ga4_traffic_acquisition.csv": ("ga4", "performance", None),
}
FIRST_DAY, LAST_DAY = date(2025, 6, 1), date(2025, 12, 31)


def rows(rel: str, skip: int = 0) -> list[dict[str, str]]:
    """The data rows of a sample file as dicts, read with the stdlib only (lines above the header skipped)."""
    raw = (SAMPLES / rel).read_bytes()
    text = raw.decode("utf-16") if raw[:2] == b"\xff\xfe" else raw.decode("utf-8-sig")
    header = text.splitlines()[skip]
    delimiter = max("\t;,", key=header.count)
    return list(csv.DictReader(io.StringIO("\n".join(text.splitlines()[skip:])), delimiter=delimiter))


def number(text: str, decimal: str = ".") -> float:
    """An export's cell -> float ("1,245.50", or "1 245,50" with ``decimal=","``); missing markers give 0."""
    text = text.strip()
    if decimal == ",":
        text = text.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    text = text.replace(",", "")
    return 0.0 if text in ("", "--", "<5") else float(text)


def column_sum(table: list[dict[str, str]], column: str, decimal: str = ".") -> float:
    return sum(number(r[column], decimal) for r in table)


@pytest.fixture(scope="module")
def results():
    return {rel: read_file((SAMPLES / rel).read_bytes(), Path(rel).name) for rel in EXPECTED}


def frame_sum(results, rel: str, measure: str) -> float:
    return results[rel].frame[measure].sum()


# --- the folder and the manifest --------------------------------------------------------------


def test_manifest_lists_the_three_sets_with_the_webshop_first():
    sets = MANIFEST["sets"]
    assert [(s["id"], s["goal"], s["currency"]) for s in sets] == [
        ("webshop", "sales", "NOK"), ("b2b", "leads", "NOK"), ("brand", "awareness", "SEK"),
        ("traffic", "traffic", "NOK")]
    assert sets[0]["title"] == "Nordlys Ull – nettbutikk"
    assert all(s["goal"] in GOAL_IDS and s["description"] and s["title"] for s in sets)
    assert [f for s in sets for f in s["files"]] == list(EXPECTED)
    assert all(f.startswith(s["id"] + "/") for s in sets for f in s["files"])


def test_files_are_small_enough_for_a_fast_start():
    sizes = {p.relative_to(SAMPLES).as_posix(): p.stat().st_size for p in SAMPLES.rglob("*") if p.is_file()}
    assert all(sizes[rel] < 3_000_000 for rel in EXPECTED), sizes
    assert sum(sizes.values()) < 12_000_000


def test_generator_rewrites_every_file_byte_for_byte(tmp_path):
    subprocess.run([sys.executable, str(SAMPLES / "generate.py"), str(tmp_path)], check=True, capture_output=True)
    generated = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert sorted(generated) == sorted([*EXPECTED, "manifest.json"])
    changed = [rel for rel, data in generated.items() if data != (SAMPLES / rel).read_bytes()]
    assert changed == [], "run `python sample_data/generate.py` and commit the files"


def test_files_carry_the_quirks_of_real_downloads():
    head = {rel: (SAMPLES / rel).read_bytes()[:400] for rel in EXPECTED}
    assert head["b2b/google_ads_campaigns.csv"].startswith(b"\xff\xfeC\x00a\x00m\x00")  # UTF-16LE with BOM
    assert head["webshop/meta_ads_age.csv"].startswith(b"\xef\xbb\xbf")  # UTF-8 BOM
    assert head["webshop/google_ads_campaigns.csv"].startswith(b'Campaign report\n"June 1, 2025 - December 31, 2025"')
    assert head["webshop/ga4_traffic_acquisition.csv"].startswith(b"# ----")
    assert head["b2b/linkedin_campaign_performance.csv"].startswith(b"Campaign Performance Report (in UTC)\n")
    tiktok = rows("brand/tiktok_campaigns.csv")
    assert any(r["Impressions"] == "<5" and r["Reach"] == "--" for r in tiktok)
    shop = rows("webshop/orders_export.csv")
    assert any(r["Financial Status"] == "" and r["Lineitem name"] for r in shop)  # continuation rows
    assert all(r["Billing Zip"].startswith("'") for r in shop if r["Financial Status"])


# --- every file through the real reader -------------------------------------------------------


@pytest.mark.parametrize("rel", EXPECTED)
def test_every_file_reads_as_its_platform_without_errors_or_warnings(results, rel):
    r = results[rel]
    assert (r.platform, r.kind, r.currency) == EXPECTED[rel]
    # the demo's Data page should show a clean bill of health (info notes only)
    assert [f.message for f in r.findings if f.level != "info"] == []
    assert r.rows_read == r.rows_used + len(r.rows_excluded)
    assert r.rows_used > 0
    if r.kind == "performance":
        assert r.frame["date"].min() == FIRST_DAY and r.frame["date"].max() == LAST_DAY


# --- headline totals: reader output against the CSV text ---------------------------------------


ENGLISH = {"Cost": "spend", "Clicks": "clicks", "Impr.": "impressions", "Conversions": "conversions"}
NORWEGIAN = {"Kostnad": "spend", "Klikk": "clicks", "Visn.": "impressions", "Konverteringer": "conversions"}


@pytest.mark.parametrize(("rel", "day", "account", "columns", "decimal"), [
    ("webshop/google_ads_campaigns.csv", "Day", "Total: Account", ENGLISH, "."),
    ("b2b/google_ads_campaigns.csv", "Day", "Total: Account", ENGLISH, "."),
    ("traffic/google_ads_kampanjer.csv", "Dag", "Totalt: Konto", NORWEGIAN, ","),
])
def test_google_ads_totals_match_the_total_account_row(results, rel, day, account, columns, decimal):
    table = rows(rel, skip=2)
    data = [r for r in table if not r[day].startswith("Total")]
    total = next(r for r in table if r[day] == account)
    # the summary rows (Account, then one per campaign type) are set aside, never summed
    assert len(results[rel].rows_excluded) == len(table) - len(data) >= 3
    for column, measure in columns.items():
        assert column_sum(data, column, decimal) == pytest.approx(number(total[column], decimal), abs=0.01)
        assert frame_sum(results, rel, measure) == pytest.approx(number(total[column], decimal), abs=0.01)


def test_webshop_google_ads_headline(results):
    # Pinned from the export's own "Total: Account" row: Cost 550889.13, Conv. value "2,471,313.82",
    # so ROAS = 2,471,313.82 / 550,889.13 = 4.486 (the row's Conv. value / cost says 4.49).
    kpis = engine.totals(results["webshop/google_ads_campaigns.csv"].frame, ["roas"])
    assert frame_sum(results, "webshop/google_ads_campaigns.csv", "spend") == pytest.approx(550889.13, abs=0.01)
    assert kpis["roas"] == pytest.approx(2471313.82 / 550889.13, rel=1e-9)


@pytest.mark.parametrize(("rel", "pairs"), [
    ("webshop/meta_ads_age.csv", [("Amount spent (NOK)", "spend"), ("Impressions", "impressions"),
                                  ("Link clicks", "clicks"), ("Purchases", "conversions"),
                                  ("Purchases conversion value", "revenue")]),
    ("brand/meta_ads_placement.csv", [("Amount spent (SEK)", "spend"), ("Impressions", "impressions"),
                                      ("Link clicks", "clicks")]),
    ("b2b/linkedin_campaign_performance.csv", [("Total Spent", "spend"), ("Impressions", "impressions"),
                                               ("Clicks", "clicks"), ("Leads", "leads")]),
    ("brand/tiktok_campaigns.csv", [("Cost", "spend"), ("Impressions", "impressions"),
                                    ("Clicks (destination)", "clicks"), ("Video views", "video_views")]),
    ("webshop/ga4_traffic_acquisition.csv", [("Sessions", "sessions"), ("Engaged sessions", "engaged_sessions"),
                                             ("Key events", "conversions"), ("Total revenue", "revenue")]),
    ("brand/ga4_traffic_acquisition.csv", [("Sessions", "sessions"), ("Key events", "conversions")]),
    ("traffic/ga4_traffic_acquisition.csv", [("Sessions", "sessions"), ("Engaged sessions", "engaged_sessions")]),
])
def test_reader_totals_match_the_csv(results, rel, pairs):
    skip = {"b2b/linkedin_campaign_performance.csv": 5}.get(rel, 9 if "ga4" in rel else 0)
    table = rows(rel, skip=skip)
    assert len(table) == results[rel].rows_used
    for column, measure in pairs:
        assert frame_sum(results, rel, measure) == pytest.approx(column_sum(table, column), abs=0.01), column


def test_ga4_engagement_time_becomes_total_seconds(results):
    # "Average engagement time per session" is a ratio: the reader turns it back into seconds
    # (average × sessions per row) so that any breakdown recomputes the average correctly.
    rel = "webshop/ga4_traffic_acquisition.csv"
    seconds = sum(float(r["Average engagement time per session"]) * int(r["Sessions"]) for r in rows(rel, skip=9))
    assert frame_sum(results, rel, "engagement_seconds") == pytest.approx(seconds, rel=1e-6)


def test_tiktok_masked_impressions_stay_unknown(results):
    rel = "brand/tiktok_campaigns.csv"
    masked = sum(r["Impressions"] == "<5" for r in rows(rel))
    assert masked > 50
    assert results[rel].frame["impressions"].null_count() == masked


def test_shopify_orders_customers_and_refunds(results):
    table = rows("webshop/orders_export.csv")
    orders = [r for r in table if r["Financial Status"]]  # first row of each order
    records = results["webshop/orders_export.csv"].records
    assert records.height == len(orders) == len({r["Name"] for r in table})
    assert records["revenue"].sum() == pytest.approx(sum(float(r["Total"]) for r in orders), abs=0.01)
    assert records["refunded"].sum() == pytest.approx(sum(float(r["Refunded Amount"]) for r in orders), abs=0.01)
    assert records["cancelled"].sum() == sum(bool(r["Cancelled at"]) for r in orders)
    # Repeat customers make cohorts meaningful: the same e-mail, the same salted hash.
    per_email: dict[str, int] = {}
    for r in orders:
        per_email[r["Email"]] = per_email.get(r["Email"], 0) + 1
    repeaters = sum(n >= 2 for n in per_email.values())
    per_hash = records.group_by("customer_id").len()
    assert per_hash.height == len(per_email)
    assert (per_hash["len"] >= 2).sum() == repeaters
    assert 0.2 < repeaters / len(per_email) < 0.35
    assert not any("@" in str(v) for v in records.row(0))  # no e-mail reaches the records


def test_people_are_invented():
    # Shop customers and CRM contacts only use the reserved example.no domain.
    emails = [r["Email"] for rel in ("webshop/orders_export.csv", "b2b/hubspot_contacts.csv") for r in rows(rel)]
    assert emails and all(e.endswith("@example.no") for e in emails)


def test_hubspot_funnel_counts_every_stage_date(results):
    table = rows("b2b/hubspot_contacts.csv")
    frame = results["b2b/hubspot_contacts.csv"].frame
    stages = [("Became a Lead Date", "leads"), ("Became a Marketing Qualified Lead Date", "mqls"),
              ("Became a Sales Qualified Lead Date", "sqls"), ("Became a Customer Date", "new_customers")]
    for column, measure in stages:
        assert frame[measure].sum() == sum(bool(r[column]) for r in table), column
    leads, mqls, sqls, customers = (frame[m].sum() for m in ("leads", "mqls", "sqls", "new_customers"))
    assert leads > mqls > sqls > customers > 0


# --- the stories a consultant tells -------------------------------------------------------------


def test_webshop_mobile_clicks_more_but_converts_worse(results):
    by_device = engine.compute(results["webshop/google_ads_campaigns.csv"].frame, ["ctr", "cpa"], by=["device"])
    kpi = {r["device"].lower(): r for r in by_device.frame.iter_rows(named=True)}
    mobile = next(v for k, v in kpi.items() if k.startswith("mobile"))  # "Mobile phones", or normalised
    desktop = next(v for k, v in kpi.items() if k in ("computers", "desktop"))
    assert mobile["ctr"] > desktop["ctr"]
    assert mobile["cpa"] > 2 * desktop["cpa"]


def test_webshop_lookalike_cpa_rises_in_december(results):
    meta = results["webshop/meta_ads_age.csv"].frame.filter(pl.col("campaign") == "Nordlys_Prospekt_LAL1%_Kjøpere")
    monthly = engine.compute(meta, ["cpa"], grain="month").frame
    cpa = dict(zip(monthly[engine.PERIOD].dt.month(), monthly["cpa"], strict=True))
    assert cpa[12] > 1.6 * cpa[10] and cpa[12] > 1.6 * cpa[11]


def test_b2b_cheapest_leads_qualify_worst(results):
    linkedin = engine.compute(results["b2b/linkedin_campaign_performance.csv"].frame, ["cpl"], by=["campaign"])
    cpl = dict(zip(linkedin.frame["campaign"], linkedin.frame["cpl"], strict=True))
    assert min((v, k) for k, v in cpl.items() if v is not None)[1] == "NO_Leadgen_IT-ledere"
    contacts = [r for r in rows("b2b/hubspot_contacts.csv") if r["Original Source Drill-Down 1"] == "LinkedIn"]

    def mql_rate(campaign: str) -> float:
        leads = [r for r in contacts if r["Original Source Drill-Down 2"] == campaign]
        return sum(bool(r["Became a Marketing Qualified Lead Date"]) for r in leads) / len(leads)

    assert mql_rate("NO_Leadgen_IT-ledere") < 0.1 < 0.3 < mql_rate("NO_Leadgen_Økonomisjefer")
    # cost per MQL = CPL / MQL rate: the expensive leads are the cheaper MQLs
    assert (cpl["NO_Leadgen_Økonomisjefer"] / mql_rate("NO_Leadgen_Økonomisjefer")
            < 0.5 * cpl["NO_Leadgen_IT-ledere"] / mql_rate("NO_Leadgen_IT-ledere"))


def test_brand_placements_stay_apart(results):
    # Meta's Platform and Placement columns together name the placement (Instagram Stories…).
    placements = results["brand/meta_ads_placement.csv"].frame["placement"].n_unique()
    assert placements == len({(r["Platform"], r["Placement"]) for r in rows("brand/meta_ads_placement.csv")}) == 6


def test_brand_launch_audience_fatigues(results):
    # Frequency = impressions / reach per row (reach is only valid at the export's grain).
    launch = [r for r in rows("brand/meta_ads_placement.csv") if r["Campaign name"] == "SE_Lansering_Havredryck"]

    def frequency(month: str) -> float:
        part = [r for r in launch if r["Reporting starts"].startswith(month)]
        return sum(int(r["Impressions"]) for r in part) / sum(int(r["Reach"]) for r in part)

    assert frequency("2025-12") > 1.5 * frequency("2025-09")
    meta = results["brand/meta_ads_placement.csv"].frame.filter(pl.col("campaign") == "SE_Lansering_Havredryck")
    monthly = engine.compute(meta, ["cpm"], grain="month").frame
    cpm = dict(zip(monthly[engine.PERIOD].dt.month(), monthly["cpm"], strict=True))
    assert cpm[12] > 1.15 * cpm[11] > 1.15 * cpm[9]


def test_traffic_display_is_the_cheapest_click_and_the_least_engaged_visit(results):
    ads = engine.compute(results["traffic/google_ads_kampanjer.csv"].frame, ["cpc"], by=["campaign"]).frame
    cheapest = ads.sort("cpc")["campaign"][0]
    assert cheapest == "NO_Display_Inspirasjon"
    ga4 = engine.compute(results["traffic/ga4_traffic_acquisition.csv"].frame, ["bounce_rate"], by=["channel"]).frame
    bounce = dict(zip(ga4["channel"], ga4["bounce_rate"], strict=True))
    assert bounce["Display"] == max(bounce.values()) and bounce["Display"] > 2 * bounce["Paid Search"]


def test_webshop_black_friday_is_the_busiest_day(results):
    orders = results["webshop/orders_export.csv"].records
    per_day = orders.group_by("date").len().sort(["len", "date"], descending=True)
    assert per_day["date"][0] == date(2025, 11, 28)


def test_b2b_weekends_and_fellesferie_are_quiet(results):
    spend = results["b2b/linkedin_campaign_performance.csv"].frame.group_by("date").agg(pl.col("spend").sum())
    weekend = spend.filter(pl.col("date").dt.weekday() >= 6)["spend"].mean()
    weekday = spend.filter(pl.col("date").dt.weekday() <= 5)["spend"].mean()
    assert weekend < 0.5 * weekday
    july = spend.filter(pl.col("date").dt.month() == 7)["spend"].sum()
    september = spend.filter(pl.col("date").dt.month() == 9)["spend"].sum()
    assert july < 0.6 * september
