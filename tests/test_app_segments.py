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
