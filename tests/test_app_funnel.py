"""Funnel page through AppTest (current period of the fixture: 60000 → 1100 → 880 → 40)."""

from conftest import chart_rows, fixture_bytes, upload


def test_funnel_volumes_rates_and_biggest_drop(app):
    at = upload(app, "tidy.csv", fixture_bytes("tidy.csv"))
    at.switch_page("pages/funnel.py").run()
    assert not at.exception
    assert [r["volume"] for r in chart_rows(at, 0)] == [60000.0, 1100.0, 880.0, 40.0]
    steps = chart_rows(at, 1)
    assert [(r["step"], r["rate_text"], r["biggest_drop"]) for r in steps] == [
        ("Impressions → Clicks", "1.83%", True), ("Clicks → Sessions", "80.0%", False),
        ("Sessions → Conversions", "4.55%", False)]
    assert "Biggest drop: Impressions → Clicks (1.83% make it)." in [m.value for m in at.markdown]


def test_funnel_follows_the_filters(app):
    at = upload(app, "tidy.csv", fixture_bytes("tidy.csv"))
    at.multiselect(key="f_source").set_value(["google_ads"]).run()
    at.switch_page("pages/funnel.py").run()
    # google_ads in 15-28 Jan: 12000 → 600 → 500 → 30.
    assert [r["volume"] for r in chart_rows(at, 0)] == [12000.0, 600.0, 500.0, 30.0]


def test_the_source_filter_names_platforms_as_people_know_them(app):
    at = upload(app, "tidy.csv", fixture_bytes("tidy.csv"))
    source = at.multiselect(key="f_source")
    # the values stay the platform ids (links and filters use them); the list shows the names
    assert "Google Ads" in source.options and "google_ads" not in source.options
    source.set_value(["google_ads"]).run()
    assert at.multiselect(key="f_source").value == ["google_ads"]
