"""The engine's and the sources' notes: English exactly as before, and in Norwegian and Swedish from their key."""

import pickle
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from kpi_core import fmt
from kpi_core.engine import FORMULA_NOTES, Inputs, Period, compare, compute
from kpi_core.fmt import Note

# Google Ads and GA4 both report conversions and revenue: the ad platform's figures are kept, GA4's set aside.
ADS_AND_GA4 = pl.DataFrame({
    "source": ["google_ads", "ga4"], "spend": [100.0, None], "clicks": [50.0, None], "sessions": [None, 120.0],
    "conversions": [5.0, 6.0], "revenue": [1000.0, 1200.0],
})
TAKEN = ("Conversions are taken from the ad platforms; GA4 also reports them, so those figures are left out of "
         "the totals to avoid counting the same result twice (filter to that source to see them).")


def test_notes_read_as_the_english_they_always_were():
    notes = compute(ADS_AND_GA4, ["cpa", "roas"]).notes
    assert TAKEN in notes and all(isinstance(n, Note) for n in notes)
    # two sources dropped: the verb agrees ("report", not "reports")
    two = pl.concat([ADS_AND_GA4, ADS_AND_GA4.with_columns(pl.lit("universal_analytics").alias("source"))[1:]])
    notes = compute(two, ["cpa"]).notes
    assert notes[0] == ("Conversions are taken from the ad platforms; GA4, Universal Analytics also report them, so "
                        "those figures are left out of the totals to avoid counting the same result twice (filter to "
                        "that source to see them).")
    assert fmt.note(notes[0], "nb").endswith("(filtrer på en av kildene for å se dem).")
    mixed = pl.DataFrame({"spend": [1.0, 2.0], "currency": ["NOK", "SEK"]})
    assert compute(mixed, ["cpa"]).notes == ("The data mixes currencies; money values are not added across "
                                             "currencies. Filter to one currency or enter exchange rates (Goal page, "
                                             "business inputs; --currency and --rate on the command line).",)
    people = pl.DataFrame({"campaign": ["A", "B"], "reach": [100.0, 200.0], "impressions": [300.0, 400.0]})
    assert ("Reach counts people, so it cannot be added up over rows (days, campaigns or platforms) without "
            "counting someone twice; it is shown only where the export gives it for exactly that group."
            ) in compute(people, ["frequency"]).notes
    assert "Other costs are included in totals only, not split over segments or periods." in compute(
        pl.DataFrame({"channel": ["a"], "spend": [1.0]}), ["cpa"], by=["channel"], inputs=Inputs(other_costs=5.0)).notes


def test_notes_in_norwegian_and_swedish():
    taken = next(n for n in compute(ADS_AND_GA4, ["cpa"]).notes if n.startswith("Conversions"))
    assert fmt.note(taken, "nb") == ("Konverteringer hentes fra annonseplattformene; GA4 rapporterer dem også, så de "
                                     "tallene holdes utenfor totalene for at samme resultat ikke skal telles to "
                                     "ganger (filtrer på den kilden for å se dem).")
    assert fmt.note(taken, "sv").startswith("Konverteringar hämtas från annonsplattformarna; GA4 rapporterar dem "
                                            "också")
    people = compute(pl.DataFrame({"campaign": ["A", "B"], "reach": [1.0, 2.0]}), ["frequency"]).notes[0]
    assert fmt.note(people, "nb").startswith("Rekkevidde teller personer og kan derfor ikke summeres over rader")
    assert fmt.note(people, "sv").startswith("Räckvidd räknar personer")
    frame = pl.DataFrame({"date": [date(2026, 1, 10)], "spend": [1.0]})
    gap = compare(frame, ["cpa"], Period(date(2026, 1, 8), date(2026, 1, 14))).notes[0]
    assert str(gap) == "The data does not cover the whole previous period (2026-01-01:2026-01-07)."
    assert fmt.note(gap, "sv") == "Datan täcker inte hela föregående period (2026-01-01:2026-01-07)."


def test_a_note_survives_the_session_cache_and_plain_text_stays_as_written():
    taken = next(n for n in compute(ADS_AND_GA4, ["cpa"]).notes if n.startswith("Conversions"))
    again = pickle.loads(pickle.dumps(taken))  # st.cache_data pickles what it keeps
    assert again == TAKEN and fmt.note(again, "nb") == fmt.note(taken, "nb") != TAKEN
    assert fmt.note("Sessions are left out.", "nb") == "Sessions are left out."


@pytest.mark.parametrize("lang", ["en", "nb", "sv"])
def test_unpaired_orders_note_in_every_language(lang):
    # The ad platforms' revenue is kept; the shop's orders cannot pair with it (the ads report no orders)
    frame = pl.DataFrame({"source": ["google_ads", "shopify_orders"], "spend": [100.0, None],
                          "revenue": [400.0, 1000.0], "orders": [None, 10.0]})
    note = next(n for n in compute(frame, ["aov", "roas"]).notes if n.key == "note_unpaired")
    assert note == ("Orders of Shopify orders are left out of the totals: revenue comes from the ad platforms, "
                    "which report no orders, and a KPI must not divide one tool's revenue by another's orders.")
    words = {"en": "revenue comes from the ad platforms", "nb": "omsetning hentes fra annonseplattformene",
             "sv": "intäkter hämtas från annonsplattformarna"}
    assert words[lang] in fmt.note(note, lang)


def test_formula_notes_are_translated_and_their_english_is_the_catalogs():
    from kpi_core import catalog

    for k in catalog.KPIS.values():
        for f in k.formulas:
            if f.note:
                assert (k.id, f.note) in FORMULA_NOTES, k.id
    # conversions per click when the data has no sessions (catalog: conversion rate's second formula)
    note = next(n for n in compute(pl.DataFrame({"clicks": [10.0], "conversions": [1.0]}), ["conversion_rate"]).notes)
    assert note == "Conversion rate: per click: the source of the conversions reports no sessions."
    assert fmt.note(note, "nb") == "Konverteringsrate: per klikk: kilden til konverteringene rapporterer ingen økter."
    assert pickle.loads(pickle.dumps(note)).text("sv") == ("Konverteringsgrad: per klick: källan till "
                                                            "konverteringarna rapporterar inga sessioner.")


def test_where_a_number_comes_from_writes_its_notes_in_the_language():
    from kpi_core.explain import explain_numbers

    e = explain_numbers(pl.DataFrame({"clicks": [10.0], "conversions": [1.0]}), ["conversion_rate"])["conversion_rate"]
    # 1 conversion / 10 clicks; the last line is the formula note
    assert e.lines()[-1] == "Conversion rate: per click: the source of the conversions reports no sessions."
    assert e.lines("sv")[-1] == "Konverteringsgrad: per klick: källan till konverteringarna rapporterar inga sessioner."


def test_the_revenue_note_reads_as_english():
    import polars as pl

    from kpi_core.sources import reconcile

    frame = pl.DataFrame({"source": ["google_ads", "ga4"], "revenue": [100.0, 300.0]})
    _, notes = reconcile(frame)
    assert notes[0].startswith("Revenue figures are taken from the ad platforms; GA4 also reports them")


# --- what the readers say ------------------------------------------------------------------------------


EXPORTS = Path(__file__).parent / "fixtures"


def _read(name: str):
    from kpi_core.readers import read_file

    return read_file((EXPORTS / name).read_bytes(), Path(name).name)


def test_reader_findings_and_left_out_rows_in_norwegian_and_swedish():
    # google_ads_no.csv: two title lines above the header, 'Totalt: Konto' below the data (line 7)
    r = _read("exports/google_ads_no.csv")
    total = r.rows_excluded[-1]
    assert (total.line, total.reason) == (7, "summary row 'Totalt: Konto'")
    assert fmt.note(total.reason, "nb") == "summeringsrad 'Totalt: Konto'"
    title = next(f for f in r.findings if f.message.startswith("2 line(s) above the header"))
    assert fmt.note(title.where, "nb") == "linje 1-2" and fmt.note(title.where, "sv") == "rad 1-2"
    assert fmt.note(title.message, "nb").startswith("2 linje(r) over overskriftslinjen hoppet over: Kampanjerapport")
    # generic_excel_nb.csv: Windows-1252, amounts in 'kr', a negative cost on line 3
    r = _read("exports/generic_excel_nb.csv")
    kr = next(f for f in r.findings if "'kr'" in f.message and "Kostnad" in f.message)
    assert kr.message.startswith("money in 'Kostnad' is written in 'kr', which could be NOK, SEK or DKK")
    assert fmt.note(kr.message, "nb").startswith("beløpene i 'Kostnad' står i 'kr', som kan være NOK, SEK eller DKK")
    assert fmt.note(kr.where, "sv") == "kolumn 'Kostnad'"
    negative = next(f for f in r.findings if f.message.startswith("negative spend"))
    assert (fmt.note(negative.message, "nb"), fmt.note(negative.where, "nb")) == ("negativ kostnad på 1 rad(er).",
                                                                                  "linje 3")


def test_every_reason_place_warning_and_note_a_reader_gives_is_said_in_every_language():
    from kpi_core.readers import ReadError

    said = 0
    for path in sorted(p for p in EXPORTS.rglob("*") if p.suffix in (".csv", ".tsv", ".txt", ".xlsx")):
        try:
            r = _read(str(path.relative_to(EXPORTS)))
        except ReadError:
            continue
        texts = [e.reason for e in r.rows_excluded] + [f.where for f in r.findings if f.where]
        texts += [f.message for f in r.findings]  # warnings, and the notes on how a platform's file is read
        for text in texts:
            assert isinstance(text, Note) and text.key in fmt.TEXTS, (path.name, text)
            assert fmt.note(text, "en") == text, (path.name, text)
            # said in Norwegian and Swedish, not the English copied over
            assert fmt.note(text, "nb") != text and fmt.note(text, "sv") != text, (path.name, text)
        said += len(texts)
    assert said > 100  # the fixtures do say things: this is not a loop over nothing


def test_a_file_that_cannot_be_used_is_said_in_every_language():
    from kpi_core.readers import ReadError, read_file

    with pytest.raises(ReadError) as refused:
        read_file(b"Date,Campaign,Clicks\n", "header_only.csv")
    assert str(refused.value) == "header_only.csv: has a header (Date, Campaign, Clicks…) but no data rows: export a " \
                                 "period with data."
    assert refused.value.note == str(refused.value)
    assert fmt.note(refused.value.note, "nb") == ("header_only.csv: har en overskriftslinje (Date, Campaign, Clicks…), "
                                                  "men ingen datarader: eksporter en periode med data.")
    with pytest.raises(ReadError) as totals_only:
        read_file(b"Campaign,Clicks\nTotal,10\n", "total.csv")
    # the reason inside the message is a Note too, so it is translated with it
    assert fmt.note(totals_only.value.note, "sv") == (
        "total.csv: har bara summeringsrader (summeringsrad 'Total', rad 2): exportera rapporten med raderna (per dag, "
        "kampanj eller en annan uppdelning), inte bara totalen.")


def test_how_a_platforms_file_is_read_is_said_in_norwegian_and_swedish():
    meta = next(f.message for f in _read("exports/meta_nok.csv").findings
                if f.message.startswith("Meta 'Results' counts whatever"))
    assert fmt.note(meta, "sv").startswith("Meta-kolumnen 'Resultat' räknar det som radens resultatindik")
    shop = _read("exports/shopify_orders.csv").findings
    shopify = next(f.message for f in shop if f.message.startswith("Shopify: one order per 'Name'"))
    assert fmt.note(shopify, "nb").startswith("Shopify: én ordre per 'Name' (varelinjene slått sammen)")
    assert fmt.note(shopify, "sv").startswith("Shopify: en order per 'Name' (orderraderna sammanslagna)")
    visitors = next(f.message for f in _read("exports/ga360_sessions.csv").findings if "distinct visitor" in f.message)
    assert fmt.note(visitors, "nb").startswith("10 rad(er) (besøk) fra 8 ulike besøkende ('fullVisitorId'")


def test_why_a_change_cannot_be_split_is_said_in_the_language():
    from kpi_core import explain

    frame = pl.DataFrame({"date": [date(2025, 3, 10), date(2025, 3, 3)], "campaign": ["A", "A"],
                          "spend": [100.0, 0.0], "revenue": [500.0, 100.0]})
    with pytest.raises(ValueError) as refused:
        explain.decompose(frame, "roas", "campaign", Period(date(2025, 3, 10), date(2025, 3, 16)),
                          Period(date(2025, 3, 3), date(2025, 3, 9)))
    said = refused.value.args[0]
    assert str(said) == "Return on ad spend (ROAS) has no value in the previous period 2025-03-03:2025-03-09: no " \
                        "spend there"
    assert fmt.note(said, "nb") == ("Avkastning på annonsekroner (ROAS) har ingen verdi i forrige periode "
                                    "2025-03-03:2025-03-09: ingen kostnad der")
