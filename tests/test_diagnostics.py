"""Diagnostic rules on a hand-built campaign table; every number in the findings worked out below."""

from dataclasses import replace
from datetime import date
from string import Formatter

import polars as pl
import pytest

from kpi_core.diagnostics import RULES, WORDS, Facts, Thresholds, diagnose, gather, top, value_text
from kpi_core.engine import Inputs, Period
from kpi_core.readers.result import Finding
from kpi_core.targets import Target, check

PREV_DAY, CUR_DAY = date(2025, 2, 3), date(2025, 2, 10)
PREV, CUR = Period(PREV_DAY, PREV_DAY), Period(CUR_DAY, CUR_DAY)
RETARGET, SEARCH, BRAND = "Meta – Retarget", "Google – Search", "Meta – Brand awareness"


def row(day, campaign, spend, impressions, clicks, conversions, revenue):
    return dict(date=day, campaign=campaign, spend=spend, impressions=impressions, clicks=clicks, sessions=clicks,
                conversions=conversions, revenue=revenue, currency="NOK")


# Current: spend 20 000, impressions 500 000, clicks = sessions 7 000, conversions 100, revenue 67 000
#   CTR 0.014, conversion rate 100 / 7000 = 0.0142857, CPA 200, CPC 20000 / 7000 = 2.857
#   Retarget: CTR 0.04, CR 0.005, CPA 400, ROAS 2.0, CPC 2.0
#   Search:   CTR 0.02, CR 0.0375, CPA 133.3, ROAS 5.0, CPC 5.0
#   Brand:    CTR 0.00333, CR 0.005, CPA 400, ROAS 0.5, CPC 2.0
# Previous: spend 18 000, clicks 7 500 -> CPC 2.4 (Retarget 1.5, Search 4.0, Brand 2.0)
FRAME = pl.DataFrame([
    row(CUR_DAY, RETARGET, 8000.0, 100000.0, 4000.0, 20.0, 16000.0),
    row(CUR_DAY, SEARCH, 10000.0, 100000.0, 2000.0, 75.0, 50000.0),
    row(CUR_DAY, BRAND, 2000.0, 300000.0, 1000.0, 5.0, 1000.0),
    row(PREV_DAY, RETARGET, 6000.0, 100000.0, 4000.0, 30.0, 15000.0),
    row(PREV_DAY, SEARCH, 10000.0, 100000.0, 2500.0, 80.0, 48000.0),
    row(PREV_DAY, BRAND, 2000.0, 300000.0, 1000.0, 5.0, 1000.0),
])
QUALITY = (("ga4.csv", Finding("warning", "conversions counted by both GA4 and Google Ads", "column 'Conversions'")),
           ("ga4.csv", Finding("info", "dates read as day.month.year")))


def plain(text: str) -> str:
    """Findings use non-breaking spaces between a number and its currency; compare with plain ones."""
    return text.replace("\u00a0", " ")


@pytest.fixture
def facts() -> Facts:
    return gather(FRAME, CUR, PREV, by="campaign", inputs=Inputs(margin=0.4), ltv=1000.0, quality=QUALITY)


def test_findings_ranked_quality_first_then_money_at_stake(facts):
    found = diagnose(facts)
    assert [(d.rule, d.segment) for d in found] == [
        ("data_quality", None),
        ("high_ctr_low_conversion", RETARGET),  # 8000 × (1 − 0.005 / 0.0142857) = 5200
        ("high_cpa", RETARGET),  # 8000 − 20 × 200 = 4000 above the overall CPA
        ("rising_cpc", "All"),  # 7000 clicks × (2.857 − 2.4) = 3200
        ("rising_cpc", SEARCH),  # 2000 × (5.0 − 4.0) = 2000 (a tie keeps the segments' spend order)
        ("rising_cpc", RETARGET),  # 4000 × (2.0 − 1.5) = 2000
        ("rising_cpm", RETARGET),  # CPM 60 -> 80 (+33 %): 100 000 / 1000 × 20 = 2000
        ("below_break_even", RETARGET),  # 8000 − 16000 × 0.4 = 1600 short
        ("low_ctr", BRAND),  # 0.00333 ≤ half of 0.014; 2000 × (1 − 0.00333 / 0.014) = 1523.81
        ("brand_low_roas", BRAND),  # info: explained, not alarmed
        ("high_cpa_ltv_ok", None),  # info: LTV 1000 = 5 × CPA 200
    ]
    at_stake = [d.at_stake for d in found[1:9]]
    assert at_stake == pytest.approx([5200.0, 4000.0, 3200.0, 2000.0, 2000.0, 2000.0, 1600.0,
                                      2000 * (1 - (1 / 300) / 0.014)])
    assert [d.level for d in found][-2:] == ["info", "info"]
    # the page shows 8 at most, the two explanations included
    assert [d.rule for d in top(found, n=4)] == ["data_quality", "high_ctr_low_conversion", "brand_low_roas",
                                                "high_cpa_ltv_ok"]


def test_findings_name_segments_with_their_numbers(facts):
    text = {(d.rule, d.segment): plain(d.text) for d in diagnose(facts)}
    assert text[("data_quality", None)] == (
        "ga4.csv: conversions counted by both GA4 and Google Ads (column 'Conversions').")
    assert text[("high_cpa", RETARGET)] == (
        "Meta – Retarget: CPA 400.00 NOK vs 200.00 NOK overall, 8,000 NOK spend (4,000 NOK above the overall CPA).")
    assert text[("high_ctr_low_conversion", RETARGET)] == (
        "Meta – Retarget: CTR 4.00% vs 1.40% overall, but a conversion rate of 0.50% vs 1.43%: the ads "
        "attract, the site does not convince.")
    assert text[("below_break_even", RETARGET)] == (
        "Meta – Retarget: ROAS 2.00× is below break-even ROAS 2.50× (1 / margin 40.0%): the first orders lose "
        "1,600 NOK on 8,000 NOK spend.")
    assert text[("rising_cpc", "All")] == "All: CPC rose 19% to 2.86 NOK (from 2.40 NOK) on 7,000 clicks."
    assert text[("high_cpa_ltv_ok", None)] == (
        "CPA rose 28% to 200.00 NOK (from 156.52 NOK), but customers are worth 1,000 NOK, 5.0 × their CPA: "
        "acquisition pays.")  # previous CPA 18 000 / (30 + 80 + 5) = 156.52; 200 / 156.52 = 1.278
    d = next(d for d in diagnose(facts) if d.rule == "high_cpa")
    assert d.kpis == ("cpa",) and d.values == {"cpa": 400.0, "cpa_all": 200.0, "spend": 8000.0}
    assert "budget" in d.next_step


def test_brand_campaigns_are_explained_not_alarmed(facts):
    found = diagnose(facts)
    brand = [d for d in found if d.segment == BRAND]
    # Brand has CPA 400 (2 × overall) and ROAS 0.5, but only low CTR (an awareness KPI) alarms
    assert [d.rule for d in brand] == ["low_ctr", "brand_low_roas"]
    assert "expected of brand building" in brand[1].text
    awareness = diagnose(gather(FRAME, CUR, PREV, by="campaign", goal="awareness", inputs=Inputs(margin=0.4)))
    assert {d.rule for d in awareness} == {"rising_cpc", "rising_cpm", "low_ctr", "brand_low_roas"}


def test_repeated_quality_findings_are_one_finding():
    dup = Finding("warning", "rows with the same date and dimensions.", "lines 2, 6")
    f = Facts(totals={}, quality=(("meta.csv", dup), ("meta.csv", Finding("warning", dup.message, "lines 3, 4")),
                                  ("meta.csv", Finding("info", "header on line 3"))))
    assert [d.text for d in diagnose(f)] == [
        "meta.csv: rows with the same date and dimensions (lines 2, 6 and 1 more place)."]


def test_ltv_cac_below_three():
    f = gather(FRAME, CUR, PREV, inputs=Inputs(margin=0.4), ltv=450.0)
    d = next(d for d in diagnose(f) if d.rule == "ltv_cac_low")
    # no new customers in the data, so CPA stands in for CAC: 450 / 200 = 2.25;
    # at stake 100 conversions × (200 − 450 / 3) = 5000
    assert plain(d.text) == ("LTV:CPA is 2.2: a customer worth 450.00 NOK costs 200.00 NOK to win "
                             "(healthy is 3 or more).")
    assert d.at_stake == pytest.approx(5000.0)
    assert not any(x.rule == "high_cpa_ltv_ok" for x in diagnose(f))


def test_targets_off_track_are_findings(facts):
    c = check(Target("cpa", value=150.0), FRAME.filter(pl.col("date") == CUR_DAY))
    f = gather(FRAME, CUR, PREV, by="campaign", targets=[c])
    d = next(d for d in diagnose(f) if d.rule == "target_missed")
    # CPA 200 vs 150: 50 over, beyond 10 % -> off track; at stake 20 000 spend × 50 / 150
    assert plain(d.text) == ("Cost per acquisition (CPA): 200.00 NOK against a target of 150.00 NOK by 2025-02-10: "
                             "off track.")
    assert d.at_stake == pytest.approx(20000 / 3)


def test_rates_that_are_too_high_and_cheap_leads():
    facts = Facts(
        totals={"spend": 1000.0, "cart_abandonment_rate": 0.7, "cpl": 50.0, "lead_to_mql_rate": 0.3},
        previous={"cart_abandonment_rate": 0.6},
        segments=({"channel": "Search", "spend": 600.0, "cart_abandonment_rate": 0.6, "cpl": 60.0,
                   "lead_to_mql_rate": 0.4},
                  {"channel": "Social", "spend": 400.0, "cart_abandonment_rate": 0.85, "cpl": 30.0,
                   "lead_to_mql_rate": 0.1}),
        dimension="channel", currency="SEK")
    found = {(d.rule, d.segment): d for d in diagnose(facts)}
    # Social 0.85 ≥ 0.7 × 1.2 = 0.84; at stake 400 × (0.85 / 0.7 − 1) = 85.71
    social = found[("high_cart_abandonment_rate", "Social")]
    assert social.text == "Social: Cart abandonment rate 85.0% vs 70.0% overall."
    assert social.at_stake == pytest.approx(400 * (0.85 / 0.7 - 1))
    # overall 0.7 vs 0.6 before: +16.7 % ≥ 15 %; at stake 1000 × (0.7 / 0.6 − 1) = 166.67
    assert found[("high_cart_abandonment_rate", "All")].text == (
        "All: Cart abandonment rate 70.0% vs 60.0% in the previous period.")
    # Social CPL 30 ≤ 50 × 0.8 and MQL rate 0.1 ≤ 0.3 × 0.8; at stake 400 × (1 − 0.1 / 0.3) = 266.67
    leads = found[("cheap_leads_low_quality", "Social")]
    assert plain(leads.text) == ("Social: cheap leads (CPL 30.00 SEK vs 50.00 SEK) but only 10.0% become MQLs "
                                 "(vs 30.0% overall).")
    assert leads.at_stake == pytest.approx(400 * (2 / 3))
    assert ("high_cart_abandonment_rate", "Search") not in found


def test_thresholds_are_parameters_and_small_segments_are_ignored():
    base = gather(FRAME, CUR, PREV, by="campaign")
    strict = Facts(**{**base.__dict__, "thresholds": Thresholds(segment_gap=1.5, rise=0.5)})
    assert not [d for d in diagnose(strict) if d.rule in ("high_cpa", "rising_cpc")]
    tiny = Facts(**{**base.__dict__, "thresholds": Thresholds(min_spend_share=0.5)})
    assert {d.segment for d in diagnose(tiny)} <= {"All", None, SEARCH}  # only Search has half the spend


def test_rules_are_data():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert {"high_unsubscribe_rate", "high_bounce_rate", "high_return_rate", "ltv_cac_low"} <= set(ids)
    assert all(r.finding and r.next_step for r in RULES)


@pytest.mark.parametrize("name, value, lang, expected", [
    ("cpa", 412.0, "en", "412.00 NOK"), ("spend", 8120.0, "nb", "8 120 NOK"), ("cpc", 2.857, "sv", "2,86 NOK"),
    ("ctr", 0.0345, "en", "3.45%"), ("roas", 4.2, "en", "4.20×"), ("clicks", 7000.0, "en", "7,000"),
    ("cpa", None, "en", "–"),
])
def test_numbers_are_written_as_the_app_writes_them(name, value, lang, expected):
    assert plain(value_text(name, value, "NOK", lang)) == expected


def test_number_formats_and_words_follow_the_language():
    f = gather(FRAME, CUR, PREV, by="campaign", inputs=Inputs(margin=0.4), lang="nb")
    d = next(d for d in diagnose(f) if d.rule == "high_cpa")
    assert plain(d.text) == ("Meta – Retarget: CPA 400,00 NOK mot 200,00 NOK totalt, 8 000 NOK i annonsekostnad "
                             "(4 000 NOK mer enn samlet CPA tilsier).")
    assert d.next_step == RULES_BY_ID["high_cpa"].next_step["nb"] and "budsjett" in d.next_step


RULES_BY_ID = {r.id: r for r in RULES}
LANGS = ("en", "nb", "sv")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_speaks_all_three_languages_with_the_same_placeholders(rule):
    assert set(rule.finding) == set(rule.next_step) == set(LANGS)
    en = placeholders(rule.finding["en"])
    for lang in LANGS:
        assert rule.finding[lang].strip() and rule.next_step[lang].strip(), (rule.id, lang)
        assert placeholders(rule.finding[lang]) == en, (rule.id, lang)
        assert not placeholders(rule.next_step[lang]), (rule.id, lang)  # next steps are filled by no one
    # a translation that is the English copied over is a missing translation (the data-quality template
    # is only placeholders and punctuation, the same in every language)
    if rule.id != "data_quality":
        assert rule.finding["nb"] != rule.finding["en"] and rule.finding["sv"] != rule.finding["en"], rule.id
    assert rule.next_step["nb"] != rule.next_step["en"] and rule.next_step["sv"] != rule.next_step["nb"], rule.id


def test_the_placeholder_words_have_all_three_languages_and_the_same_placeholders():
    for key, texts in WORDS.items():
        assert set(texts) == set(LANGS), key
        assert placeholders(texts["nb"]) == placeholders(texts["sv"]) == placeholders(texts["en"]), key


def test_findings_in_norwegian(facts):
    f = replace(facts, lang="nb")
    text = {(d.rule, d.segment): plain(d.text) for d in diagnose(f)}
    # the same numbers as in English (see the table at the top), Norwegian words and number formats;
    # the totals are "Alle", clicks "klikk", the readers' own message stays as the reader wrote it
    assert text[("rising_cpc", "All")] == "Alle: CPC steg 19 % til 2,86 NOK (fra 2,40 NOK) på 7 000 klikk."
    assert text[("rising_cpm", RETARGET)] == (
        "Meta – Retarget: CPM steg 33 % til 80,00 NOK (fra 60,00 NOK) på 100 000 visninger.")
    assert text[("high_ctr_low_conversion", RETARGET)] == (
        "Meta – Retarget: CTR 4,00 % mot 1,40 % totalt, men en konverteringsrate på 0,50 % mot 1,43 %: annonsene "
        "fanger interessen, men nettstedet overbeviser ikke.")
    assert text[("below_break_even", RETARGET)] == (
        "Meta – Retarget: ROAS 2,00× er under break-even-ROAS 2,50× (1 / margin 40,0 %): de første ordrene taper "
        "1 600 NOK på 8 000 NOK i annonsekostnad.")
    assert text[("high_cpa_ltv_ok", None)] == (
        "CPA steg 28 % til 200,00 NOK (fra 156,52 NOK), men kundene er verdt 1 000 NOK, 5,0 × CPA: "
        "kundeanskaffelsen lønner seg.")
    assert text[("data_quality", None)] == (
        "ga4.csv: conversions counted by both GA4 and Google Ads (column 'Conversions').")
    brand = next(d for d in diagnose(f) if d.rule == "brand_low_roas")
    assert brand.next_step == ("Vurder den på rekkevidde, CPM og veksten i direkte og organisk trafikk de neste "
                               "månedene.")


def test_findings_in_swedish_with_their_filled_in_words():
    c = check(Target("cpa", value=150.0), FRAME.filter(pl.col("date") == CUR_DAY))
    dup = Finding("warning", "rows with the same date and dimensions.", "lines 2, 6")
    f = gather(FRAME, CUR, PREV, targets=[c], ltv=450.0, ltv_months=3, lang="sv",
               quality=(("meta.csv", dup), ("meta.csv", dup), ("meta.csv", dup)))
    text = {d.rule: plain(d.text) for d in diagnose(f)}
    # CPA 200 vs 150 -> off track ("ur fas" in the app's Swedish); LTV 450 / CPA 200 = 2.25 -> "2,2"
    assert text["target_missed"] == ("Kostnad per konvertering (CPA): 200,00 NOK mot ett mål på 150,00 NOK "
                                     "senast 2025-02-10: ur fas.")
    assert text["ltv_cac_low"] == ("LTV:CPA är 2,2: en kund som är värd 450,00 NOK över 3 månader kostar "
                                   "200,00 NOK att skaffa (sunt är 3 eller mer).")
    assert text["data_quality"] == "meta.csv: rows with the same date and dimensions (lines 2, 6 och 2 ställen till)."
    assert text["rising_cpc"] == "Alla: CPC steg 19 % till 2,86 NOK (från 2,40 NOK) på 7 000 klick."


def test_rates_too_high_in_norwegian():
    f = Facts(totals={"spend": 1000.0, "cart_abandonment_rate": 0.7}, previous={"cart_abandonment_rate": 0.6},
              segments=({"channel": "Social", "spend": 400.0, "cart_abandonment_rate": 0.85},
                        {"channel": "Search", "spend": 600.0, "cart_abandonment_rate": 0.6}),
              dimension="channel", currency="NOK", lang="nb")
    found = {d.segment: d for d in diagnose(f)}
    # as in English above: Social 0.85 ≥ 0.84 against the whole, the whole 0.7 ≥ 0.6 × 1.15 on the period before
    assert found["Social"].text == "Social: Andel forlatte handlekurver 85,0\u00a0% mot 70,0\u00a0% totalt."
    assert plain(found["All"].text) == "Alle: Andel forlatte handlekurver 70,0 % mot 60,0 % i forrige periode."
    assert found["All"].next_step.startswith("Se over stegene i kassen")


def test_ltv_from_an_orders_export_feeds_the_ltv_rules():
    from kpi_core.diagnostics import customer_ltv
    from kpi_core.readers.result import ReadResult

    # Customer A: 100 in January, 50 in February; B: 200 in January; C: first order in May (pushes the data
    # end to May, so the January cohort is 3 months old but not 6). LTV at 3 months: (150 + 200) / 2 = 175.
    records = pl.DataFrame({"customer_id": ["A", "A", "B", "C"], "revenue": [100.0, 50.0, 200.0, 80.0],
                            "date": [date(2025, 1, 5), date(2025, 2, 5), date(2025, 1, 20), date(2025, 5, 20)],
                            "currency": ["NOK"] * 4})
    orders = ReadResult("orders.csv", "shopify_orders", "orders", pl.DataFrame(), "NOK", records=records)
    assert customer_ltv([orders], FRAME, CUR) == (pytest.approx(175.0), 3)
    assert customer_ltv([], FRAME, CUR) == (None, None)
    f = gather(FRAME, CUR, PREV, by="campaign", ltv=175.0, ltv_months=3)
    d = next(d for d in diagnose(f) if d.rule == "ltv_cac_low")
    # no new customers in FRAME, so CPA 200 stands in for CAC: 175 / 200 = 0.875
    assert plain(d.text) == ("LTV:CPA is 0.9: a customer worth 175.00 NOK over 3 months costs 200.00 NOK to win "
                             "(healthy is 3 or more).")


def test_the_whole_is_named_in_the_language_when_there_are_no_segments():
    f = gather(FRAME, CUR, PREV, inputs=Inputs(margin=0.2), lang="nb")
    d = next(d for d in diagnose(f) if d.rule == "below_break_even")
    # ROAS 67 000 / 20 000 = 3.35 < 1 / 0.2 = 5; short 20 000 − 67 000 × 0.2 = 6 600
    assert d.segment == "All" and plain(d.text) == (
        "Alle: ROAS 3,35× er under break-even-ROAS 5,00× (1 / margin 20,0 %): de første ordrene taper 6 600 NOK "
        "på 20 000 NOK i annonsekostnad.")


def test_a_readers_finding_is_repeated_in_the_chosen_language():
    from kpi_core.fmt import Note

    dup = Finding("warning", Note("f_duplicates"), Note("w_lines", shown="2, 6", more=""))
    for lang, said in (("en", "meta.csv: rows with the same date and dimensions: possible double tracking (or a "
                              "breakdown column missing from the export) (lines 2, 6 and 1 more place)."),
                       ("nb", "meta.csv: rader med samme dato og dimensjoner: mulig dobbeltsporing (eller en "
                              "oppdelingskolonne mangler i eksporten) (linje 2, 6 og 1 sted til).")):
        f = gather(FRAME, CUR, PREV, lang=lang, quality=(("meta.csv", dup), ("meta.csv", dup)))
        assert {d.rule: d.text for d in diagnose(f)}["data_quality"] == said
