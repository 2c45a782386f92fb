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
