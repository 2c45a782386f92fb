from datetime import date

from kpi_core.goals import plan

ADS = {"spend", "impressions", "clicks", "conversions", "revenue"}


def test_sales_without_margin_leads_with_roas_and_says_why():
    p = plan("sales", ADS)
    assert p.headline == "roas"
    assert "margin" in p.headline_note
    assert p.status("poas").missing.startswith("enter your gross margin")
    assert p.status("cpa").available


def test_sales_with_margin_leads_with_poas():
    p = plan("sales", ADS | {"gross_profit"})
    assert p.headline == "poas" and p.headline_note is None


def test_leads_falls_back_from_cac_to_cpl():
    p = plan("leads", {"spend", "impressions", "clicks", "leads"})
    assert p.headline == "cpl"
    assert "new customers" in p.status("cac").missing
    assert plan("leads", {"spend", "leads", "new_customers"}).headline == "cac"


def test_plan_lists_stages_in_funnel_order_and_headline_first():
    p = plan("traffic", ADS | {"sessions", "pageviews", "bounces"})
    assert [s for s, _ in p.stages] == ["awareness", "consideration", "conversion", "loyalty"]
    assert p.kpis[0] == "cost_per_session"
    assert p.available == p.kpis  # everything computable


def test_unavailable_kpis_say_what_is_missing():
    p = plan("loyalty", {"spend"})
    missing = {s.kpi: s.missing for s in p.unavailable}
    assert "orders export" in missing["repeat_purchase_rate"]
    assert "e-mail campaign export" in missing["email_open_rate"]


def test_what_a_kpi_lacks_is_said_in_each_language_and_english_is_unchanged():
    from kpi_core.engine import missing_text

    why = missing_text(["revenue", "impressions", "gross_profit"])
    assert why == ("enter your gross margin (or upload data with gross profit or cost of goods); needs an "
                   "impressions column; needs a revenue or conversion value column")
    assert why.text("nb") == ("legg inn bruttomarginen (eller last opp data med bruttofortjeneste eller varekostnad); "
                              "trenger en kolonne for visninger; trenger en kolonne for omsetning eller "
                              "konverteringsverdi")
    assert why.text("sv").startswith("ange bruttomarginalen")


def test_the_scorecard_lists_what_is_missing_in_norwegian():
    import polars as pl

    from kpi_core import views
    from kpi_core.engine import Period

    df = pl.DataFrame({"date": [date(2026, 1, 1), date(2026, 1, 2)], "spend": [10.0, 20.0],
                       "clicks": [5.0, 8.0], "impressions": [100.0, 150.0]})
    sc = views.scorecard(df, "sales", Period(date(2026, 1, 2), date(2026, 1, 2)), lang="nb")
    missing = dict(sc.missing)
    assert missing["Avkastning på annonsekroner (ROAS)"] == "trenger en kolonne for omsetning eller konverteringsverdi"
