"""Segments page through AppTest (current period 15-28 Jan of the fixture; see tests/test_views.py)."""

import json

from conftest import chart_rows, fixture_bytes, upload


def test_breakdown_by_campaign_shows_bars_share_bubbles_heatmap_and_table(app):
    at = upload(app, "tidy.csv", fixture_bytes("tidy.csv"))
    at.switch_page("pages/segments.py").run()
    assert not at.exception
    assert at.selectbox(key="w_seg_kpi").value == "roas"
    assert at.selectbox(key="w_seg_dim").value == "campaign"
    assert len(at.get("vega_lite_chart")) == 5  # bars, share, bubbles, heatmap, why-did-it-move waterfall
    bars = chart_rows(at, 0)
    # Best first: 15000/1200 = 12.5, 3000/800 = 3.75, 0/500 = 0.
    assert [(r["segment"], r["text"]) for r in bars] == [
        ("NO_Search_Brand", "12.5×"), ("Vinter – Prospecting", "3.75×"), ("<script>alert(1)</script>", "0.00×")]
    assert json.loads(at.get("vega_lite_chart")[0].proto.spec)["params"][0]["name"] == "pick"
    table = at.dataframe[0].value
    assert table["campaign"].tolist() == ["NO_Search_Brand", "Vinter – Prospecting", "<script>alert(1)</script>"]
    assert table["spend"].tolist() == [1200.0, 800.0, 500.0]
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download XLSX"]


def test_changing_kpi_and_dimension(app):
    at = upload(app, "tidy.csv", fixture_bytes("tidy.csv"))
    at.switch_page("pages/segments.py").run()
    at.selectbox(key="w_seg_dim").set_value("device").run()
    at.selectbox(key="w_seg_kpi").set_value("cpa").run()
    assert not at.exception
    # desktop: 1200 / 30 = 40; mobile: (800 + 500) / (10 + 0) = 130. Lower CPA first.
    assert [(r["segment"], r["text"]) for r in chart_rows(at, 0)] == [
        ("desktop", "40.00\u00a0NOK"), ("mobile", "130.00\u00a0NOK")]
    # The choice is remembered across pages.
    at.switch_page("pages/goal.py").run()
    at.switch_page("pages/segments.py").run()
    assert at.selectbox(key="w_seg_dim").value == "device"


def test_segments_in_two_currencies_are_not_set_side_by_side_in_money(app):
    # Google Ads in SEK next to Meta in NOK: a share of spend or a CPC axis would add SEK to NOK. The CTR
    # (no money) is charted; money KPIs send the user to the table, the currency filter or exchange rates.
    rows = "".join(f"2025-01-{d:02d},NO_Brand,NOK,20,4,200,400\n2025-01-{d:02d},SE_Brand,SEK,25,5,232,500\n"
                   for d in range(1, 29))
    at = upload(app, "two.csv", ("date,campaign,currency,spend,clicks,revenue,impressions\n" + rows).encode())
    at.switch_page("pages/segments.py").run()
    at.selectbox(key="w_seg_dim").set_value("campaign").run()
    at.selectbox(key="w_seg_kpi").set_value("cpc").run()
    assert not at.exception
    assert any("the segments' money is in different currencies" in i.value for i in at.info)
    assert any("need one currency" in c.value for c in at.caption)
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    assert not any("share" in json.dumps(s.get("encoding", {})) for s in specs)
    at.selectbox(key="w_seg_kpi").set_value("ctr").run()  # 4 / 400 = 1.00 %, 5 / 500 = 1.00 %
    assert [r["text"] for r in chart_rows(at, 0)] == ["1.00%", "1.00%"]
    table = at.dataframe[0].value
    assert sorted(table["spend"].tolist()) == [20.0 * 14, 25.0 * 14]  # each in its own currency
