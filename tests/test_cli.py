"""The command-line contract: ``python -m kpi_core summarize … --json``."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kpi_core.cli import main

TIDY = """date,campaign,device,spend,impressions,clicks,conversions,revenue,currency
2025-01-01,NO_Brand,Mobile,120.50,1000,40,4,2000,NOK
2025-01-01,NO_Prospecting,Mobile,300.00,20000,100,2,900,NOK
2025-01-02,NO_Brand,Desktop,79.50,500,35,1,500,NOK
2025-01-02,NO_Prospecting,Desktop,0,0,0,0,0,NOK
"""


# NO_Brand in NOK, SE_Brand in SEK: money never added across them unless rates are given
TWO_CURRENCIES = ("date,campaign,spend,clicks,conversions,revenue,currency\n"
                  "2025-01-01,NO_Brand,500,100,5,5000,NOK\n2025-01-01,SE_Brand,700,150,6,6500,SEK\n")


@pytest.fixture
def tidy(tmp_path: Path) -> Path:
    p = tmp_path / "tidy.csv"
    p.write_text(TIDY, encoding="utf-8")
    return p


def run_json(capsys, *args) -> dict:
    assert main(["summarize", *map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_totals_kpis_and_sources(capsys, tidy):
    out = run_json(capsys, tidy)
    assert out["currency"] == "NOK"
    # spend 120.50 + 300 + 79.50 = 500; impressions 21500; clicks 175; conversions 7; revenue 3400
    assert out["totals"] == {"spend": 500.0, "impressions": 21500, "clicks": 175, "conversions": 7,
                             "revenue": 3400.0}
    assert out["kpis"]["ctr"] == pytest.approx(175 / 21500)
    assert out["kpis"]["cpc"] == pytest.approx(500 / 175)
    assert out["kpis"]["roas"] == pytest.approx(6.8)
    assert out["kpis"]["cpa"] == pytest.approx(500 / 7)
    assert "poas" not in out["kpis"]  # needs a margin
    src = out["sources"][0]
    assert src["file"] == "tidy.csv" and src["rows_read"] == 4 and src["rows_used"] == 4
    assert src["rows_excluded"] == []


def test_segments_sorted_by_spend_with_null_for_zero_denominators(capsys, tidy):
    out = run_json(capsys, tidy, "--by", "campaign")
    segs = out["segments"]
    assert [s["campaign"] for s in segs] == ["NO_Prospecting", "NO_Brand"]
    brand = segs[1]
    # NO_Brand: spend 200, clicks 75, impressions 1500, conversions 5, revenue 2500
    assert brand["spend"] == 200.0 and brand["clicks"] == 75
    assert brand["ctr"] == pytest.approx(0.05)
    assert brand["roas"] == pytest.approx(12.5)
    by_device = run_json(capsys, tidy, "--by", "device")["segments"]
    desktop = next(s for s in by_device if s["device"] == "desktop")  # device names are normalised
    assert desktop["ctr"] == pytest.approx(35 / 500)
    assert set(segs[0]) >= {"campaign", "spend", "ctr", "roas"}


def test_margin_and_goal(capsys, tidy):
    out = run_json(capsys, tidy, "--margin", "0.4", "--goal", "sales")
    assert out["kpis"]["poas"] == pytest.approx(3400 * 0.4 / 500)
    assert out["goal"]["headline"] == "poas"
    conversion = {i["kpi"]: i for i in out["goal"]["stages"]["conversion"]}
    assert conversion["cpa"]["value"] == pytest.approx(500 / 7)
    assert conversion["cart_abandonment_rate"]["missing"]


def test_readable_table_without_json(capsys, tidy):
    assert main(["summarize", str(tidy), "--by", "campaign"]) == 0
    text = capsys.readouterr().out
    assert "Click-through rate (CTR)" in text and "0.81 %" in text  # 175 / 21500
    assert "NO_Prospecting" in text


@pytest.mark.parametrize("content, expect", [
    (b"", "empty"),
    (None, "no such file"),
])
def test_unusable_file_exits_2_with_one_line_naming_it(tmp_path, content, expect):
    p = tmp_path / "bad.csv"
    if content is not None:
        p.write_bytes(content)
    proc = subprocess.run([sys.executable, "-m", "kpi_core", "summarize", str(p), "--json"],
                          capture_output=True, text=True, cwd=Path(__file__).parents[1])
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.csv" in lines[0] and expect in lines[0]
    assert "Traceback" not in proc.stderr


def test_unknown_dimension_exits_2(tmp_path, tidy, capsys):
    assert main(["summarize", str(tidy), "--by", "keyword"]) == 2
    assert "keyword" in capsys.readouterr().err


def test_margin_out_of_range_exits_2(tidy, capsys):
    assert main(["summarize", str(tidy), "--margin", "40"]) == 2
    assert "fraction" in capsys.readouterr().err


EXPORTS = Path(__file__).parent / "fixtures" / "exports"


def test_platform_export_through_the_cli_with_kind_and_date_range(capsys):
    out = run_json(capsys, EXPORTS / "google_ads_en.csv")
    src = out["sources"][0]
    assert (src["platform"], src["kind"], src["currency"]) == ("google_ads", "performance", "NOK")
    assert src["date_range"] == ["2025-01-01", "2025-01-03"]
    assert src["rows_read"] == 7 and src["rows_used"] == 4
    assert src["rows_excluded"][1] == {"line": 9, "reason": "summary row 'Total: Account'"}
    assert src["columns"]["Impr."] == "impressions" and src["columns"]["CTR"] is None
    # The platform's own totals (Total: Account line): 22,463 impressions, 457 clicks, cost 2425.09.
    assert out["totals"]["impressions"] == 22463 and out["totals"]["clicks"] == 457
    assert out["totals"]["spend"] == pytest.approx(2425.09)
    assert out["kpis"]["ctr"] == pytest.approx(457 / 22463)


def test_google_ads_campaign_type_is_a_segment(capsys):
    out = run_json(capsys, EXPORTS / "google_ads_en.csv", "--by", "campaign_type")
    assert out["sources"][0]["columns"]["Campaign type"] == "campaign_type"
    pmax, search = out["segments"]  # sorted by spend: 1432.55, then 358.44 + 74.10 + 560.00 = 992.54
    assert pmax["campaign_type"] == "Performance Max" and pmax["spend"] == pytest.approx(1432.55)
    # Search: the 'Total: Search' line's own figures, 3,561 impressions, 246 clicks, 8 conversions,
    # 7,040.50 in conversion value; CTR 246 / 3561, ROAS 7040.50 / 992.54.
    assert search["campaign_type"] == "Search" and search["spend"] == pytest.approx(992.54)
    assert (search["impressions"], search["clicks"], search["conversions"]) == (3561, 246, 8)
    assert search["ctr"] == pytest.approx(246 / 3561) and search["roas"] == pytest.approx(7040.50 / 992.54)


def test_shop_orders_next_to_ads_are_not_counted_twice(capsys):
    out = run_json(capsys, EXPORTS / "google_ads_en.csv", EXPORTS / "shopify_orders.csv")
    assert [s["kind"] for s in out["sources"]] == ["performance", "orders"]
    # Revenue stays the ad platform's 9129.96 (the shop's 1495.30 is set aside); the shop's 2 new customers count.
    assert out["totals"]["revenue"] == pytest.approx(9129.96)
    assert out["totals"]["new_customers"] == 2
    assert any("Shopify orders" in n and "twice" in n for n in out["notes"])


def test_the_same_export_twice_is_reported_as_an_overlap(capsys):
    out = run_json(capsys, EXPORTS / "google_ads_en.csv", EXPORTS / "google_ads_utf16.csv")
    assert any("both hold google_ads data" in f["message"] for f in out["findings"])


def test_an_image_renamed_csv_exits_2_naming_the_file(tmp_path):
    p = tmp_path / "photo.csv"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    proc = subprocess.run([sys.executable, "-m", "kpi_core", "summarize", str(p)], capture_output=True, text=True,
                          cwd=Path(__file__).parents[1])
    assert proc.returncode == 2 and "photo.csv" in proc.stderr and "PNG" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


ORDERS = """Name,Email,Financial Status,Accepts Marketing,Currency,Total,Created at,Cancelled at,Refunded Amount,Source
#2001,kari@x.no,paid,yes,NOK,1000.00,2025-03-01 10:00:00 +0100,,0.00,web
#2002,ola@x.no,partially_refunded,no,NOK,600.00,2025-03-05 10:00:00 +0100,,100.00,web
#2003,KARI@x.no,paid,yes,NOK,400.00,2025-03-20 10:00:00 +0100,,0.00,web
#2004,per@x.no,voided,no,NOK,250.00,2025-03-21 10:00:00 +0100,2025-03-21 12:00:00 +0100,0.00,web
"""
ADS = """date,campaign,spend,impressions,clicks,currency
2025-03-02,NO_Brand,300.00,10000,200,NOK
2025-03-10,NO_Brand,100.00,5000,50,NOK
"""


def test_loyalty_kpis_come_from_the_orders_export(capsys, tmp_path):
    (tmp_path / "orders_export.csv").write_text(ORDERS, encoding="utf-8")
    (tmp_path / "ads.csv").write_text(ADS, encoding="utf-8")
    out = run_json(capsys, tmp_path / "orders_export.csv", tmp_path / "ads.csv", "--goal", "loyalty")
    kpis = out["kpis"]
    # #2004 is cancelled, so per@x.no is no customer; kari (#2001, #2003: e-mail case ignored) and ola (#2002).
    # repeat purchase rate: 1 customer with 2+ orders / 2 customers = 0.5
    assert kpis["repeat_purchase_rate"] == pytest.approx(0.5)
    # LTV: net revenue (1000 + (600 − 100 refunded) + 400 = 1900) / 2 customers = 950
    assert kpis["ltv"] == pytest.approx(950.0)
    # CAC: spend (300 + 100) / 2 new customers = 200; LTV:CAC = 950 / 200 = 4.75
    assert kpis["cac"] == pytest.approx(200.0)
    assert kpis["ltv_cac_ratio"] == pytest.approx(4.75)
    # churn needs 90 days of orders before 2025-03-01: unknown, and the plan says so instead of "needs an orders export"
    assert kpis["churn_rate"] is None
    loyalty_stage = {s["kpi"]: s for s in out["goal"]["stages"]["loyalty"]}
    assert loyalty_stage["repeat_purchase_rate"]["value"] == pytest.approx(0.5)
    assert loyalty_stage["ltv"]["value"] == pytest.approx(950.0)
    assert loyalty_stage["churn_rate"]["missing"].startswith("Churn needs 90 days of orders before the period")
    assert out["goal"]["headline"] == "repeat_purchase_rate"
    assert any("Churn needs 90 days" in n for n in out["notes"])


def test_readable_output_lists_the_goal_by_stage(capsys, tidy):
    assert main(["summarize", str(tidy), "--goal", "sales"]) == 0
    out = capsys.readouterr().out
    assert "Goal: Sales (e-commerce) (headline: Return on ad spend (ROAS))" in out
    # ROAS 3400 / 500 = 6.80×; POAS needs a margin and says so.
    assert "Return on ad spend (ROAS)                            6.80×" in out
    assert "Profit on ad spend (POAS)               – enter your gross margin" in out


def test_two_currencies_are_reported_per_currency_and_never_added(capsys, tmp_path):
    p = tmp_path / "two.csv"
    p.write_text(TWO_CURRENCIES, encoding="utf-8")
    out = run_json(capsys, p, "--by", "campaign")
    assert out["currency"] is None and out["totals"]["spend"] is None  # 500 NOK + 700 SEK is no number
    per = {r["currency"]: r for r in out["by_currency"]}
    assert (per["NOK"]["spend"], per["SEK"]["spend"]) == (500, 700)
    assert per["SEK"]["cpa"] == pytest.approx(700 / 6)
    assert {(s["campaign"], s["currency"]) for s in out["segments"]} == {("NO_Brand", "NOK"), ("SE_Brand", "SEK")}
    assert main(["summarize", str(p), "--by", "campaign"]) == 0
    text = capsys.readouterr().out
    assert "By currency (money is not added across currencies)" in text
    assert "  SEK     spend 700.00 SEK   revenue 6,500.00 SEK" in text
    assert "  SE_Brand (SEK)" in text


def test_a_recipe_corrects_the_mapping_of_its_platforms_files(capsys, tmp_path):
    export = Path(__file__).parent / "fixtures" / "exports" / "google_ads_status_first.csv"
    recipe = tmp_path / "google_ads.json"
    recipe.write_text('{"version": 1, "platform": "google_ads", "columns": {"Campaign status": "channel"}}')
    out = run_json(capsys, export, "--recipe", recipe, "--by", "channel")
    assert out["sources"][0]["columns"]["Campaign status"] == "channel"
    # Enabled 3,584.40 and Paused 14,325.55; the two 'Total: …' rows stay out.
    assert {s["channel"]: s["spend"] for s in out["segments"]} == {"Enabled": 3584.40, "Paused": 14325.55}
    other = tmp_path / "meta.json"
    other.write_text('{"version": 1, "platform": "meta_ads", "columns": {"Campaign status": "channel"}}')
    assert run_json(capsys, export, "--recipe", other)["sources"][0]["columns"]["Campaign status"] is None
    broken = tmp_path / "broken.json"
    broken.write_text('{"version": 1, "platform": "google_ads", "columns": {"Cost": "money"}}')
    assert main(["summarize", str(export), "--recipe", str(broken)]) == 2
    assert "'money' is no canonical measure or dimension" in capsys.readouterr().err


def test_exchange_rates_on_the_command_line(capsys, tmp_path):
    p = tmp_path / "two.csv"
    p.write_text(TWO_CURRENCIES, encoding="utf-8")
    out = run_json(capsys, p, "--currency", "nok", "--rate", "SEK=0,95")  # a decimal comma is fine
    assert out["currency"] == "NOK" and out["totals"]["spend"] == pytest.approx(1165.0)  # 500 + 700 × 0.95
    assert "by_currency" not in out and out["kpis"]["cpa"] == pytest.approx(1165 / 11)
    assert main(["summarize", str(p), "--currency", "NOK", "--rate", "SEK"]) == 2
    assert "write it as CODE=RATE" in capsys.readouterr().err


def test_exchange_rates_reach_the_loyalty_kpis_of_orders_in_two_currencies(capsys):
    export = Path(__file__).parent / "fixtures" / "exports" / "shopify_orders_two_currencies.csv"
    refused = run_json(capsys, export)
    assert "ltv" not in refused["kpis"] and any("choose one currency" in n for n in refused["notes"])
    out = run_json(capsys, export, "--currency", "NOK", "--rate", "SEK=0.95")
    # 1 000 NOK + 1 500 SEK × 0.95 = 2 425 NOK over 2 customers; one of them ordered twice.
    assert out["kpis"]["ltv"] == pytest.approx(2425 / 2)
    assert out["kpis"]["repeat_purchase_rate"] == pytest.approx(0.5)


def test_currency_and_rate_convert_a_file_in_one_other_currency(tmp_path, capsys):
    # A Swedish account reported in NOK: spend 1000 + 500 SEK at 0.98 = 1470 NOK; revenue 4000 SEK = 3920 NOK.
    path = tmp_path / "sv.csv"
    path.write_text("Dag;Kampanj;Valutakod;Kostnad;Klick;Konv. värde\n2025-03-01;A;SEK;1 000,00;10;4 000,00\n"
                    "2025-03-02;A;SEK;500,00;5;0,00\n", encoding="utf-8")
    from kpi_core.cli import summarize

    out = summarize([str(path)], currency="NOK", rates=["SEK=0.98"])
    assert out["currency"] == "NOK"
    assert out["totals"]["spend"] == pytest.approx(1470.0) and out["totals"]["revenue"] == pytest.approx(3920.0)
    out = summarize([str(path)], currency="NOK")  # no rate: stays SEK, and says so
    assert out["currency"] == "SEK" and out["totals"]["spend"] == pytest.approx(1500.0)
    assert any("Money is not reported in NOK: give a rate for SEK" in n for n in out["notes"])


def test_loyalty_kpis_of_orders_in_two_currencies_say_why_they_have_no_value():
    from kpi_core.cli import summarize

    out = summarize([str(EXPORTS / "shopify_orders_two_currencies.csv")], goal="loyalty")
    loyal = {x["kpi"]: x for x in out["goal"]["stages"]["loyalty"]}
    assert loyal["repeat_purchase_rate"]["value"] is None
    assert "the orders are in" in loyal["repeat_purchase_rate"]["missing"]
    assert "--currency and --rate" in loyal["repeat_purchase_rate"]["missing"]
    assert "needs an orders export" not in loyal["ltv"]["missing"]


def test_from_and_to_analyse_the_days_every_file_covers():
    from kpi_core.cli import summarize

    ads, shop = str(EXPORTS / "google_ads_march.csv"), str(EXPORTS / "shopify_orders_q1.csv")
    whole = summarize([ads, shop], goal="sales")
    # Ads for March, orders for 3 January - 31 March: the files are said to cover different days.
    differ = [f for f in whole["findings"] if "cover different days" in f["message"]]
    assert differ and "shopify_orders_q1.csv: 2025-01-03 to 2025-03-31" in differ[0]["message"]
    assert whole["kpis"]["cac"] == pytest.approx(3000 / 6)  # March's spend over the quarter's 6 customers
    march = summarize([ads, shop], goal="sales", start="2025-03-01", end="2025-03-31")
    assert march["period"] == ["2025-03-01", "2025-03-31"]
    assert march["kpis"]["cac"] == pytest.approx(3000 / 2)  # the 2 first-time customers of March
    assert march["kpis"]["ltv"] == pytest.approx(850.0)


def test_from_gives_churn_the_orders_before_the_period():
    from kpi_core.cli import UsageProblem, summarize

    path = str(EXPORTS / "shopify_orders_history.csv")  # 11 orders, 5 October 2024 - 30 March 2025
    out = summarize([path], goal="loyalty", start="2025-01-05")
    # Active in the 90 days before 5 January: a, b, c, d; b and d ordered nothing in the 90 days up to
    # 30 March: churn 2 / 4. In the period e ordered twice of 5 customers (a, c, e, f, g): 1 / 5.
    assert out["kpis"]["churn_rate"] == pytest.approx(0.5)
    assert out["kpis"]["repeat_purchase_rate"] == pytest.approx(0.2)
    with pytest.raises(UsageProblem, match="YYYY-MM-DD"):
        summarize([path], start="5.1.2025")


def test_a_recipe_is_matched_whatever_the_case_and_says_what_it_could_not_apply(tmp_path):
    from kpi_core.cli import summarize

    export = str(EXPORTS / "generic_custom_headers_no.csv")  # 'Pengebruk' is nothing any reader knows
    recipe = tmp_path / "r.json"
    recipe.write_text('{"version": 1, "platform": "generic", "columns": {"pengebruk": "spend", "Nope": "orders"}}')
    out = summarize([export], recipes=[str(recipe)])
    assert out["totals"]["spend"] == pytest.approx(1800.5)  # 1 000,00 + 800,50
    said = [f["message"] for f in out["sources"][0]["findings"] if f["level"] == "warning"]
    assert said == ["the recipe names column(s) this file does not have: 'Nope'; they were not applied."]
    other = tmp_path / "g.json"
    other.write_text('{"version": 1, "platform": "google_ads", "columns": {"Pengebruk": "spend"}}')
    out = summarize([export], recipes=[str(other)])
    assert any("the recipe for google_ads was not applied: no file given is of that platform "
               "(generic_custom_headers_no.csv is generic)" in f["message"] for f in out["sources"][0]["findings"])
    assert "spend" not in out["totals"]
