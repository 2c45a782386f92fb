"""Goal & KPIs page through AppTest, on the hand-computed fixture (see tests/test_views.py)."""

from conftest import colour, fixture_bytes, metrics, upload

NB = "\u00a0"


def test_no_data_sends_the_user_to_the_data_page(app, monkeypatch, tmp_path):
    import ui

    monkeypatch.setattr(ui, "SAMPLE_DIR", tmp_path)  # a copy of the app without sample data
    app.run()
    assert not app.exception
    assert "No data yet" in app.info[0].value


def test_uploaded_file_gives_the_hand_computed_scorecard(app):
    at = upload(app, "tidy.csv", fixture_bytes("tidy.csv"))
    at.switch_page("pages/goal.py").run()
    assert not at.exception
    m = metrics(at)
    assert m["Return on ad spend (ROAS)"] == ("7.20×", "+2.9%")  # 18000/2500 vs 14000/2000
    assert m["CPM (cost per 1,000 impressions)"] == ("41.67" + NB + "NOK", "+4.2%")  # 1000×2500/60000 vs 40
    assert m["Click-through rate (CTR)"][0] == "1.83%"  # 1100 / 60000
    assert m["Cost per acquisition (CPA)"][0] == "62.50" + NB + "NOK"  # 2500 / 40
    assert m["Average order value (AOV)"][0] == "450.00" + NB + "NOK"  # 18000 / 40
    # Lower is better for costs: a falling CPA is green, a rising CPM red; a rising CTR green.
    by_label = {x.label: x for x in at.metric}
    assert colour(by_label["Cost per acquisition (CPA)"]) == "GREEN"  # 62.50 vs 66.67
    assert colour(by_label["CPM (cost per 1,000 impressions)"]) == "RED"  # 41.67 vs 40.00
    assert colour(by_label["Click-through rate (CTR)"]) == "GREEN"  # 1.83 % vs 1.80 %
    missing = [e for e in at.expander if "cannot answer" in e.label][0]
    assert "Bounce rate" in missing.markdown[0].value


def test_goal_change_changes_the_headline(app):
    at = upload(app, "tidy.csv", fixture_bytes("tidy.csv"))
    at.switch_page("pages/goal.py").run()
    at.selectbox(key="w_goal").set_value("traffic").run()
    assert at.metric[0].label == "Cost per session"
    assert at.metric[0].value == "2.84" + NB + "NOK"  # 2500 / 880
    assert at.metric[0].delta == "-0.6%"  # vs 2000 / 700 = 2.857
    # The goal is remembered across pages.
    at.switch_page("pages/funnel.py").run()
    at.switch_page("pages/goal.py").run()
    assert at.selectbox(key="w_goal").value == "traffic"


def test_margin_turns_the_headline_into_poas(app):
    at = upload(app, "tidy.csv", fixture_bytes("tidy.csv"))
    at.switch_page("pages/goal.py").run()
    at.text_input(key="w_margin_pct").set_value("40.0").run()
    assert at.metric[0].label == "Profit on ad spend (POAS)"
    assert at.metric[0].value == "2.88×"  # 0.4 × 18000 / 2500


def test_filters_apply_and_survive_a_page_switch(app):
    at = upload(app, "tidy.csv", fixture_bytes("tidy.csv"))
    at.multiselect(key="f_campaign").set_value(["NO_Search_Brand"]).run()
    at.switch_page("pages/goal.py").run()
    assert at.multiselect(key="f_campaign").value == ["NO_Search_Brand"]
    # Only NO_Search_Brand: 15000 / 1200 = 12.5 now, 10000 / 1000 = 10 before: +25 %.
    assert metrics(at)["Return on ad spend (ROAS)"] == ("12.5×", "+25.0%")
    at.switch_page("pages/segments.py").run()
    assert at.multiselect(key="f_campaign").value == ["NO_Search_Brand"]


def test_norwegian_labels_and_decimal_commas(app):
    at = upload(app, "tidy.csv", fixture_bytes("tidy.csv"))
    at.switch_page("pages/goal.py").run()
    at.selectbox(key="lang").set_value("nb").run()
    m = metrics(at)
    assert m["Avkastning på annonsekroner (ROAS)"][0] == "7,20×"
    assert m["Klikkrate (CTR)"][0] == "1,83" + NB + "%"
    assert at.title[0].value == "Hva skal markedsføringen oppnå?"


def test_data_without_dates_explains_why_there_is_no_scorecard(app):
    at = upload(app, "totals.csv", b"campaign,spend,clicks,impressions\nA,100,10,1000\nB,50,5,800\n")
    at.switch_page("pages/goal.py").run()
    assert not at.exception
    assert at.info[0].value.startswith("This data has no dates")
    at.switch_page("pages/segments.py").run()  # breakdowns need no dates
    assert not at.exception and len(at.get("vega_lite_chart")) >= 1


def test_a_customer_list_alone_is_not_called_missing_data(app):
    from conftest import ROOT

    # A Shopify customer list gives customers, orders and spend, without dates: the goal page says
    # why it shows no scorecard, and the Loyalty page what the list gives.
    path = ROOT / "tests" / "fixtures" / "exports" / "shopify_customers.csv"
    at = upload(app, path.name, path.read_bytes())
    at.switch_page("pages/goal.py").run()
    assert at.info[0].value.startswith("This data has no dates, so there are no periods to compare")
    at.switch_page("pages/loyalty.py").run()
    assert not at.exception and "one row per customer with totals but no order dates" in at.info[0].value


def test_two_currencies_get_a_currency_filter_and_exchange_rates(app):
    import ui

    # NO_Brand in NOK (spend 500, revenue 5 000), SE_Brand in SEK (700, 6 500), 2025-01-01 … 2025-01-28.
    rows = "".join(f"2025-01-{d:02d},NO_Brand,NOK,20,4,200\n2025-01-{d:02d},SE_Brand,SEK,25,5,232.14\n"
                   for d in range(1, 29))
    at = upload(app, "two.csv", ("date,campaign,currency,spend,clicks,revenue\n" + rows).encode())
    assert at.multiselect(key=ui.F_CURRENCY).options == ["NOK", "SEK"]
    at.switch_page("pages/goal.py").run()
    assert "Return on ad spend (ROAS)" not in metrics(at)  # NOK and SEK are not added
    at.selectbox(key="w_report_currency").set_value("NOK").run()
    at.text_input(key="w_rate_SEK").set_value("0.95").run()
    # last 14 days: spend 14 × 20 + 14 × 25 × 0.95 = 612.50 NOK; revenue 14 × 200 + 14 × 232.14 × 0.95
    spend, revenue = 14 * 20 + 14 * 25 * 0.95, 14 * 200 + 14 * 232.14 * 0.95
    assert metrics(at)["Return on ad spend (ROAS)"][0] == f"{revenue / spend:.2f}×"
    said = [e.value for kind in ("caption", "info", "markdown") for e in getattr(at, kind)]
    assert any("at your rates (1 SEK = 0.95 NOK)" in text for text in said)
    # or one currency picked in the sidebar: SEK alone, 232.14 / 25
    at.selectbox(key="w_report_currency").set_value("").run()
    at.multiselect(key=ui.F_CURRENCY).set_value(["SEK"]).run()
    assert metrics(at)["Return on ad spend (ROAS)"][0] == f"{232.14 / 25:.2f}×"


def test_business_inputs_read_decimal_commas_and_refuse_text_that_is_no_number(app):
    # A Nordic user types as they write: '40,5' % margin, '12 500,50' of other costs. The browser's number
    # field took '12500,50' for 1 250 050; these are text fields read by fmt.parse_amount. (In English here:
    # AppTest loses the form's translated selectbox options when it reruns a page in nb.)
    at = upload(app, "tidy.csv", fixture_bytes("tidy.csv"))
    at.switch_page("pages/goal.py").run()
    at.text_input(key="w_margin_pct").set_value("40,5").run()
    assert at.session_state["margin_pct"] == 40.5
    assert at.metric[0].value == "2.92×"  # POAS 0.405 × 18000 / 2500 = 2.916
    at.text_input(key="w_other_costs").set_value("12 500,50").run()
    assert at.session_state["other_costs"] == 12500.5
    assert at.text_input(key="w_other_costs").value == "12500.5"  # shown back the way it was read
    at.text_input(key="w_margin_pct").set_value("forty").run()
    assert at.session_state["margin_pct"] == 40.5  # unchanged
    assert "'forty' is not a number" in at.error[0].value
    at.text_input(key="w_margin_pct").set_value("140").run()
    assert at.session_state["margin_pct"] == 40.5 and "'140' is outside 0 to 100" in at.error[0].value
    at.text_input(key="w_margin_pct").set_value("").run()
    assert not at.error and at.metric[0].label == "Return on ad spend (ROAS)"


def test_loyalty_cards_say_they_come_from_the_shops_orders(app):
    # The web-shop sample: LTV and repeat purchase rate come from Shopify's orders, not from the rows the
    # explanation sums; "where does this number come from" says so instead of "Not computable".
    at = app.switch_page("pages/goal.py").run()
    at.selectbox(key="w_goal").set_value("loyalty").run()
    assert not at.exception
    said = [e.value for kind in ("caption", "markdown") for e in getattr(at, kind)]
    assert not [x for x in said if "Not computable" in x]
    assert any("from the shop's orders" in x for x in said)


def test_the_leads_goal_says_how_its_stage_rates_count(app):
    # The b2b sample (LinkedIn, Google Ads, HubSpot contacts): Lead → MQL on the Goal page counts stages by
    # the day reached; the Funnel page follows contacts. The page says which, so the two can be told apart.
    at = app.switch_page("pages/data.py").run()
    at.session_state["dataset"] = "sample:b2b"
    at = at.switch_page("pages/goal.py").run()
    at.selectbox(key="w_goal").set_value("leads").run()
    assert not at.exception
    said = [e.value for kind in ("caption", "markdown") for e in getattr(at, kind)]
    assert any("count each stage on the day it was reached" in x for x in said)
