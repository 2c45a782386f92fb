"""AppTest: targets, diagnostics, "where does it come from", "why did it move" and unusual days in the app.

The upload below is small enough to check by hand. Its dates run 3-10 February 2026, so the app's
default period is the second half, 7-10 February (the rows of the 10th), against 3-6 February:

    previous (3 Feb)  Search: spend 1000, conversions 20 (CPA 50), clicks 500, impressions 10 000
                      Social: spend 2000, conversions 20 (CPA 100), clicks 500, impressions 50 000
    current (10 Feb)  Search: spend 1650, conversions 30 (CPA 55), clicks 600, impressions 12 000
                      Social: spend  900, conversions 10 (CPA 90), clicks 400, impressions 40 000

CPA 3000 / 40 = 75 -> 2550 / 40 = 63.75; its split is worked out in test_explain.py.
"""

import json
from datetime import date, timedelta

import pytest
from conftest import chart_rows, upload

NBSP = "\u00a0"
CSV = b"""date,source,channel,campaign,spend,impressions,clicks,sessions,conversions,revenue,currency
2026-02-03,google_ads,Search,NO_Search_Generic,1000,10000,500,400,20,5000,NOK
2026-02-03,meta_ads,Social,Meta - Retarget,2000,50000,500,400,20,4000,NOK
2026-02-10,google_ads,Search,NO_Search_Generic,1650,12000,600,500,30,9900,NOK
2026-02-10,meta_ads,Social,Meta - Retarget,900,40000,400,300,10,1800,NOK
"""


def upload_csv(app, data: bytes):
    """Upload ``data`` as a CSV and open the Goal & KPIs page."""
    return upload(app, "why.csv", data).switch_page("pages/goal.py").run()


def plain(text: str) -> str:
    return text.replace(NBSP, " ").replace("\\", "")  # fmt.md escapes Markdown characters


def captions(app) -> list[str]:
    return [plain(c.value) for c in app.caption]


def findings(app) -> list[tuple[str, str]]:
    """The Goal page's diagnostics as (finding, next step), in the order shown."""
    return [tuple(plain(m.value).split("  \n")) for m in app.markdown if m.value.startswith(":material/")]


def add_target(app, metric: str, kind: str, amount: float):
    app.selectbox(key="target_metric_en").set_value(metric)
    app.radio(key="target_kind_en").set_value(kind)
    app.text_input(key="target_amount").set_value(str(amount))
    return app.button(key="FormSubmitter:target_form-Add target").click().run()


def test_targets_show_their_status_on_the_cards(app):
    at = upload_csv(app, CSV)
    # CPA 63.75 against 60: 3.75 over, within 10 % of 60 (6) -> at risk
    at = add_target(at, "cpa", "value", 60.0)
    assert "Target: at risk: 63.75 NOK vs target 60.00 NOK by 2026-02-10" in captions(at)
    # a relative target replaces it: 10 % below the previous period's 75 = 67.50; 63.75 meets it
    at = add_target(at, "cpa", "change", -10.0)
    assert "Target: on track: 63.75 NOK vs target 67.50 NOK by 2026-02-10" in captions(at)
    assert not any("60.00 NOK" in c for c in captions(at))
    # conversion rate typed in percent: 40 / 800 sessions = 5.00 % against 6 %: 1 point short, beyond 0.6
    at = add_target(at, "conversion_rate", "value", 6.0)
    assert "Target: off track: 5.00% vs target 6.00% by 2026-02-10" in captions(at)
    # the missed target is also a finding
    assert any("Conversion rate: 5.00% against a target of 6.00% by 2026-02-10: off track." in plain(m.value)
               for m in at.markdown)
    at.button(key="target_rm_cpa_").click().run()
    assert not any("vs target 67.50" in c for c in captions(at))


def test_a_target_for_one_channel(app):
    at = upload_csv(app, CSV)
    at.selectbox(key="target_channel_en").set_value("Social")
    # Social's CPA was 2000 / 20 = 100; 10 % lower is 90, and it is now 900 / 10 = 90: on track
    at = add_target(at, "cpa", "change", -10.0)
    assert any(plain(m.value) == "**Cost per acquisition (CPA) (Social)**  \non track: 90.00 NOK vs target 90.00 NOK "
               "by 2026-02-10" for m in at.markdown)
    assert not any(c.startswith("Target:") for c in captions(at))  # a channel's target is not the card's


def test_a_workspace_brings_its_column_mappings_along(app):
    at = upload_csv(app, CSV)
    assert at.metric[0].label == "Return on ad spend (ROAS)"
    doc = {"version": 1, "goal": "sales", "recipes": {"why.csv": {"revenue": None}}}
    at.file_uploader(key="workspace_upload").set_value(
        ("ws.json", json.dumps(doc).encode(), "application/json")).run()
    # the upload is read again with revenue ignored, so there is no ROAS card any more
    assert "Return on ad spend (ROAS)" not in [m.label for m in at.metric]
    assert at.session_state["uploads"][next(iter(at.session_state["uploads"]))].overrides == (("revenue", None),)


def test_workspace_round_trip_and_a_bad_file(app):
    at = upload_csv(app, CSV)
    at = add_target(at, "cpa", "value", 60.0)
    saved = next(b for b in at.get("download_button") if b.proto.id and "workspace" in b.proto.label.lower())
    assert saved.proto.label == "Save workspace"
    at.session_state["targets"] = ()
    doc = {"version": 1, "goal": "sales", "inputs": {"margin": 0.5, "other_costs": 0},
           "targets": [{"metric": "roas", "value": 4.0}], "benchmarks": [], "recipes": {}, "filters": {}}
    at.file_uploader(key="workspace_upload").set_value(
        ("ws.json", json.dumps(doc).encode(), "application/json")).run()
    # ROAS 11 700 / 2550 = 4.588 ≥ 4 -> on track; the margin 50 % now gives POAS 5850 / 2550 = 2.29
    assert "Target: on track: 4.59× vs target 4.00×" in captions(at)  # no dates: the period analysed
    assert at.text_input(key="w_margin_pct").value == "50"
    assert at.metric[0].label == "Profit on ad spend (POAS)" and at.metric[0].value == "2.29×"
    bad = {"version": 1, "rows": [[1, 2]]}
    at.file_uploader(key="workspace_upload").set_value(("bad.json", json.dumps(bad).encode(), "application/json"))
    at.run()
    assert not at.exception
    assert at.error[0].value == ("bad.json: unexpected field(s) rows; a workspace holds settings only, never data")


def test_suggested_targets_and_benchmark_ranges(app):
    at = upload_csv(app, CSV)
    at.button(key="suggest_targets").click().run()
    # 10 % better than 3-6 February: CPA 75 -> 67.50 (63.75 meets it); ROAS 9000 / 3000 = 3 -> 3.30 (4.59 meets it)
    assert "Target: on track: 63.75 NOK vs target 67.50 NOK" in captions(at)
    assert "Target: on track: 4.59× vs target 3.30×" in captions(at)
    # CTR 1000 / 52 000 = 1.92 %: above a 1-1.5 % range is good news; typed in percent
    at.selectbox(key="bm_kpi_en").set_value("ctr")
    at.text_input(key="bm_low").set_value("1.0")
    at.text_input(key="bm_high").set_value("1.5")
    at.text_input(key="bm_source").set_value("our 2025 average")
    at.button(key="FormSubmitter:benchmark_form-Add range").click().run()
    assert "Benchmark: 1.92%, above the range 1.00% – 1.50% (our 2025 average)" in captions(at)
    # a range for one channel: Social CPA 900 / 10 = 90 against 40-60 NOK
    at.selectbox(key="bm_kpi_en").set_value("cpa")
    at.selectbox(key="bm_channel_en").set_value("Social")
    at.text_input(key="bm_low").set_value("40.0")
    at.text_input(key="bm_high").set_value("60.0")
    at.text_input(key="bm_source").set_value("")
    at.button(key="FormSubmitter:benchmark_form-Add range").click().run()
    assert any(plain(m.value) == "**Cost per acquisition (CPA)** (Social): 90.00 NOK, above the range 40.00 NOK – "
               "60.00 NOK" for m in at.markdown)
    assert [b.channel for b in at.session_state["benchmarks"]] == [None, "Social"]


def test_explain_this_number_lists_the_sums_rows_and_filters(app):
    at = upload_csv(app, CSV)
    texts = [plain(m.value) for m in at.markdown]
    cpa = next(t for t in texts if t.startswith("Cost per acquisition (CPA) = spend / conversions"))
    # 1650 + 900 = 2550 spend over 30 + 10 = 40 conversions, from the 2 rows of 10 February
    assert cpa.split("  \n") == ["Cost per acquisition (CPA) = spend / conversions", "Σ spend = 2,550 NOK",
                                 "Σ conversions = 40", "2 rows summed", "Period analysed: 2026-02-07:2026-02-10"]


def test_diagnostics_name_segments_with_their_numbers(app):
    at = upload_csv(app, CSV)
    # CPC on Search 1000 / 500 = 2.00 -> 1650 / 600 = 2.75 (+38 %), 600 clicks × 0.75 = 450 NOK at stake;
    # CPM on Search 100 -> 137.50, 12 000 / 1000 × 37.50 = 450; Social CPA 90 ≥ 63.75 × 1.2, 900 − 10 × 63.75 = 262.50
    assert [f for f, _ in findings(at)] == [
        ":material/warning: NO_Search_Generic: CPC rose 38% to 2.75 NOK (from 2.00 NOK) on 600 clicks.",
        ":material/warning: NO_Search_Generic: CPM rose 38% to 137.50 NOK (from 100.00 NOK) on 12,000 impressions.",
        ":material/warning: Meta - Retarget: CPA 90.00 NOK vs 63.75 NOK overall, 900.00 NOK spend (262.50 NOK "
        "above the overall CPA).",
    ]
    assert "segments by Campaign" in " ".join(captions(at))


def test_diagnostics_in_norwegian(app):
    """The Goal page in Norwegian: the same three findings as above, in Norwegian with its number formats.

    AppTest cannot switch the sidebar's language on this page, so the language is set in the session state
    (ui.LANG, "lang") before the first run, as a Norwegian browser locale would set it.
    """
    app.session_state["lang"] = "nb"
    at = upload_csv(app, CSV)
    found = findings(at)
    assert [f for f, _ in found] == [
        ":material/warning: NO_Search_Generic: CPC steg 38 % til 2,75 NOK (fra 2,00 NOK) på 600 klikk.",
        ":material/warning: NO_Search_Generic: CPM steg 38 % til 137,50 NOK (fra 100,00 NOK) på 12 000 visninger.",
        ":material/warning: Meta - Retarget: CPA 90,00 NOK mot 63,75 NOK totalt, 900,00 NOK i annonsekostnad "
        "(262,50 NOK mer enn samlet CPA tilsier).",
    ]
    assert found[0][1] == ("*Neste steg:* Se over budstrategi, målgruppeinnstillinger og valg av "
                                         "søkeord; budsjettet kan trenge justering.")
    assert "segmenter etter Kampanje" in " ".join(captions(at))


def waterfall(at) -> list[dict]:
    """The waterfall's steps in order: the one chart with bars from y to y2."""
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    index = next(i for i, s in enumerate(specs) if "y2" in s.get("encoding", {}))
    return sorted(chart_rows(at, index), key=lambda r: r["order"])


def test_segments_page_explains_the_cpa_change_with_a_waterfall(app):
    at = upload_csv(app, CSV).switch_page("pages/segments.py").run()
    at.selectbox(key="w_seg_kpi").set_value("cpa").run()
    at.selectbox(key="w_seg_dim").set_value("channel").run()
    assert not at.exception
    caption = next(c for c in captions(at) if c.startswith("Cost per acquisition (CPA): "))
    # 75 -> 63.75 is −15 %; mix −6.40625 − 4.21875 = −10.625, rate −3.75 + 3.125 = −0.625
    assert caption.startswith("Cost per acquisition (CPA): 75.00 NOK → 63.75 NOK (-15.0%) = mix -10.62 NOK + "
                              "rate -0.62 NOK.")
    steps = waterfall(at)
    assert [s["label"] for s in steps] == ["Previous period", "Social", "Search", "This period"]
    # Social −10.15625 then Search −1.09375: the bars land on the current CPA
    assert [s["end"] for s in steps] == pytest.approx([75.0, 64.84375, 63.75, 63.75])
    at.toggle(key="why_split").set_value(True).run()
    split = waterfall(at)
    assert [s["delta"] for s in split[1:5]] == pytest.approx([-6.40625, -3.75, -4.21875, 3.125])


def test_segments_page_says_why_a_sum_cannot_be_split(app):
    at = upload_csv(app, CSV).switch_page("pages/segments.py").run()
    at.selectbox(key="w_seg_kpi").set_value("impressions").run()
    assert any("Impressions is a plain sum, not a ratio" in i.value for i in at.info)  # a sentence: capital first


def test_trends_mark_unusual_days_by_direction(app):
    # 28 days at CPA 10 / 11 alternating (10 conversions a day), then CPA 20 on 1 March: far above the
    # band 10.5 ± 3 × 1.4826 × 0.5 of the 28 days before, and bad news for a cost
    start = date(2026, 2, 1)
    lines = ["date,source,channel,spend,clicks,conversions,currency"]
    for i in range(29):
        spend = 200 if i == 28 else (100 if i % 2 == 0 else 110)
        lines.append(f"{start + timedelta(days=i)},google_ads,Search,{spend},50,10,NOK")
    at = upload_csv(app, "\n".join(lines).encode())
    at.session_state["trend_kpis"] = ["cpa"]
    at.switch_page("pages/trends.py").run()
    assert not at.exception
    points = [r for r in chart_rows(at, 0) if "verdict" in r]
    assert [(p["date"], p["value"], p["verdict"]) for p in points] == [(date(2026, 3, 1), 20.0, "bad")]
    assert points[0]["note"] == "outside 8.2761 – 12.7239 (median 10.5)"


def test_notes_under_the_scorecard_in_norwegian(app):
    """GA4 reports conversions too: the note saying they are set aside is written in the chosen language."""
    app.session_state["lang"] = "nb"
    at = upload_csv(app, CSV + b"2026-02-10,ga4,Search,NO_Search_Generic,,,,500,45,,NOK\n")
    notes = " ".join(plain(m.value) for m in at.markdown if m.value.startswith("- "))
    assert ("Konverteringer hentes fra annonseplattformene; GA4 rapporterer dem også, så de tallene holdes utenfor "
            "totalene") in notes
    assert "are taken from" not in notes


def test_a_loaded_workspace_brings_the_period_back(app):
    # Saved with the period 3-10 February 2026; a new session opens on the default (the last days).
    at = upload_csv(app, CSV)
    doc = {"version": 1, "goal": "sales", "period": ["2026-02-03", "2026-02-10"]}
    at.file_uploader(key="workspace_upload").set_value(
        ("ws.json", json.dumps(doc).encode(), "application/json")).run()
    assert not at.exception
    assert tuple(d.isoformat() for d in at.session_state["f_dates"]) == ("2026-02-03", "2026-02-10")
