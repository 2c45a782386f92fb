"""Data page through AppTest: uploads kept in the session, bad files, mapping corrections, recipes."""

import json
from datetime import date, timedelta

from conftest import fixture_bytes, metrics, upload

from kpi_core import views

TIDY = fixture_bytes("tidy.csv")


def plain(markdown: str) -> str:
    """Text as the user reads it: messages naming files are Markdown-escaped (fmt.md)."""
    return markdown.replace("\\", "")


EDITOR = f"map_{views.digest(TIDY)[:16]}_0"  # the mapping editor of the first read


def test_upload_shows_what_was_read(app):
    at = upload(app, "tidy.csv", TIDY)
    assert [s.value for s in at.subheader][0] == "tidy.csv"
    facts = " ".join(m.value for m in at.markdown)
    assert "**Platform** Own sheet" in facts and "**Currency** NOK" in facts
    assert "**Dates** 2026\\-01\\-01 – 2026\\-01\\-28" in facts
    assert "5 of 5 rows used, 0 excluded" in [c.value for c in at.caption]
    assert "never stored" in at.info[0].value
    # The sidebar now works on the upload, with its period: the last 14 of 28 days.
    assert at.selectbox(key="w_dataset").value == "uploads"
    assert [str(d) for d in at.date_input(key="f_dates").value] == ["2026-01-15", "2026-01-28"]


def test_several_files_and_a_bad_one(app):
    at = app.switch_page("pages/data.py").run()
    at.file_uploader[0].set_value([("tidy.csv", TIDY, "text/csv"), ("bad.csv", b"", "text/csv")]).run()
    assert not at.exception
    assert [s.value for s in at.subheader][:2] == ["tidy.csv", "bad.csv"]
    assert len(at.error) == 1 and plain(at.error[0].value).startswith("bad.csv:")
    # The good file still feeds the scorecard.
    at.switch_page("pages/goal.py").run()
    assert metrics(at)["Return on ad spend (ROAS)"][0] == "7.20×"


def test_uploads_survive_page_switches(app):
    at = upload(app, "tidy.csv", TIDY)
    at.switch_page("pages/trends.py").run()
    at.switch_page("pages/data.py").run()
    assert [s.value for s in at.subheader][0] == "tidy.csv"
    assert at.file_uploader[0].value in (None, [])  # the uploader empties; the file stays in the session


def test_mapping_correction_rereads_the_file(app):
    at = upload(app, "tidy.csv", TIDY)
    # Row 9 of the mapping is the "sessions" column: ignore it.
    at.session_state[EDITOR] = {"edited_rows": {9: {"maps_to": "ignore"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception
    at.switch_page("pages/goal.py").run()
    # Without sessions the conversion rate is per click: 40 / 1100 = 3.64 % (it was 40 / 880).
    assert metrics(at)["Conversion rate"][0] == "3.64%"


def test_recipes_apply_and_bad_recipes_are_named(app):
    at = upload(app, "tidy.csv", TIDY)
    bad = at.file_uploader[1].set_value(("notes.json", b"not json", "application/json")).run()
    assert any(plain(e.value).startswith("notes.json: not a KPI Compass mapping recipe") for e in bad.error)
    recipe = json.dumps({"kpi_compass_recipe": 1, "columns": {"sessions": None}}).encode()
    at.file_uploader[1].set_value(("tidy.recipe.json", recipe, "application/json")).run()
    assert not at.exception
    at.switch_page("pages/goal.py").run()
    assert metrics(at)["Conversion rate"][0] == "3.64%"  # 40 / 1100: sessions ignored


def test_remove_a_file(app, monkeypatch, tmp_path):
    import ui

    monkeypatch.setattr(ui, "SAMPLE_DIR", tmp_path)  # no sample set to fall back to
    at = upload(app, "tidy.csv", TIDY)
    at.button(key=f"remove_{views.digest(TIDY)[:16]}").click().run()
    assert not at.exception
    assert "tidy.csv" not in [s.value for s in at.subheader]
    at.switch_page("pages/goal.py").run()
    assert "No data yet" in at.info[0].value


def test_filters_survive_a_new_upload(app):
    at = upload(app, "tidy.csv", TIDY)
    at.multiselect(key="f_campaign").set_value(["NO_Search_Brand"]).run()
    # A second export of the same account, one more day: NO_Search_Brand is still in the data.
    more = b"date,campaign,spend,impressions,clicks,currency\n2026-01-27,NO_Search_Brand,100,1000,50,NOK\n"
    at.file_uploader[0].set_value(("more.csv", more, "text/csv")).run()
    assert not at.exception
    assert at.multiselect(key="f_campaign").value == ["NO_Search_Brand"]
    assert [str(d) for d in at.date_input(key="f_dates").value] == ["2026-01-15", "2026-01-28"]


def test_an_upload_gets_its_own_latest_weeks_not_the_sample_period(app):
    import ui

    # The sample opens on its last 28 days, 2025-12-04 – 2025-12-31. This upload covers
    # 2025-09-01 … 2025-12-20 (111 days): its own last 28 days are 2025-11-23 – 2025-12-20.
    assert app.session_state[ui.F_DATES] == (date(2025, 12, 4), date(2025, 12, 31))
    days = [date(2025, 9, 1) + timedelta(days=i) for i in range(111)]
    rows = "".join(f"{d.isoformat()},NO_Brand,10,100,5\n" for d in days)
    at = upload(app, "mine.csv", ("date,campaign,spend,impressions,clicks\n" + rows).encode())
    assert at.session_state[ui.F_DATES] == (date(2025, 11, 23), date(2025, 12, 20))


def test_the_default_period_ends_where_the_ad_spend_ends(app):
    import ui

    # Ads 2025-03-01 … 2025-03-30 (30 days: its last 15), and CRM contacts created up to 30 April: the period
    # a marketer opens on is the ads' last half, 2025-03-16 – 2025-03-30, not April's contacts alone.
    days = [date(2025, 3, 1) + timedelta(days=i) for i in range(30)]
    ads = "date,campaign,spend,clicks\n" + "".join(f"{d.isoformat()},NO_Brand,100,10\n" for d in days)
    crm = ("Record ID,Email,Lifecycle Stage,Create Date,Original Source,Became a Lead Date\n"
           "1,a@x.no,lead,2025-03-10 09:00,Paid Search,2025-03-10 09:00\n"
           "2,b@x.no,lead,2025-04-30 09:00,Paid Search,2025-04-30 09:00\n")
    app.switch_page("pages/data.py").run()
    app.file_uploader[0].set_value([("ads.csv", ads.encode(), "text/csv"),
                                    ("hubspot.csv", crm.encode(), "text/csv")]).run()
    assert not app.exception and len(app.session_state[ui.UPLOADS]) == 2
    assert app.session_state[ui.F_DATES] == (date(2025, 3, 16), date(2025, 3, 30))


def test_a_ga360_sessions_export_with_json_cells_uploads_and_feeds_the_scorecard(app):
    from pathlib import Path

    data = (Path(__file__).parent / "fixtures" / "exports" / "ga360_sessions.csv").read_bytes()
    at = upload(app, "ga360_sessions.csv", data)
    facts = " ".join(m.value for m in at.markdown)
    assert "**Platform** GA360 sessions · **Table** web analytics" in facts and "**Currency** USD" in facts
    assert "**Dates** 2016\\-09\\-02 – 2016\\-09\\-05" in facts
    assert "10 of 10 rows used, 0 excluded" in [c.value for c in at.caption]
    at.date_input(key="f_dates").set_value((date(2016, 9, 2), date(2016, 9, 5))).run()  # all four days
    at.switch_page("pages/goal.py").run()
    at.selectbox(key="w_goal").set_value("traffic").run()
    assert not at.exception
    # tests/test_readers_ga360.py: sessions 9, pageviews 35, bounces 2, transactions 4 (no spend: no cost KPIs)
    shown = {k: v for k, (v, _) in metrics(at).items()}
    assert shown == {"Sessions": "9", "Pages per session": "3.89", "Bounce rate": "22.2%", "Conversion rate": "44.4%"}


def test_in_norwegian_the_reader_says_what_it_left_out_and_found_in_norwegian(app):
    from pathlib import Path

    app.session_state["lang"] = "nb"
    data = (Path(__file__).parent / "fixtures" / "exports" / "generic_excel_nb.csv").read_bytes()
    at = upload(app, "generic_excel_nb.csv", data)
    shown = [plain(w.value) for w in at.warning]
    # Windows-1252, 'kr' amounts, a negative cost on line 3 (tests/test_notes.py reads the same file)
    assert "Negativ kostnad på 1 rad(er). (linje 3)" in shown
    assert any(s.startswith("Beløpene i 'Kostnad' står i 'kr', som kan være NOK, SEK eller DKK") for s in shown)
    assert "Filen er ikke UTF-8; den ble lest som Windows-1252." in [plain(i.value) for i in at.info]
    left_out = next(d.value for d in at.dataframe if "Grunn" in d.value.columns)
    assert left_out.to_dict("records") == [{"Linje": 5, "Grunn": "summeringsrad 'Sum'"}]
    assert at.selectbox(key="w_dataset").options[-1] == "Din opplasting (1 fil)"
    # the sample sets below are described in Norwegian too (sample_data/manifest.json)
    assert any(m.value.startswith("**Nordlys Ull – nettbutikk**  \nNorsk nettbutikk for ullprodukter")
               for m in at.markdown)


def test_in_swedish_a_file_that_cannot_be_used_is_refused_in_swedish(app):
    app.session_state["lang"] = "sv"
    at = app.switch_page("pages/data.py").run()
    png = b"\x89PNG\r\n\x1a\n...."
    at.file_uploader[0].set_value([("tom.csv", b"", "text/csv"), ("bild.csv", png, "text/csv")]).run()
    assert not at.exception
    assert [plain(e.value) for e in at.error] == [
        "tom.csv: filen är tom. Exportera rapporten igen och ladda upp den nya filen.",
        "bild.csv: är en PNG-bild, inte en CSV-export. Ladda upp CSV- eller XLSX-filen du laddade ned."]
