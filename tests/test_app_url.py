"""Shareable links: the goal, sample set, period and filters live in the page URL."""

from datetime import date

from conftest import ROOT, _NavigationPagesManager
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as _app_test

import ui


def test_a_shared_link_opens_on_its_goal_data_period_and_filters(monkeypatch):
    monkeypatch.setattr(_app_test, "PagesManager", _NavigationPagesManager)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params.update({"data": "b2b", "goal": "traffic", "from": "2025-11-01", "to": "2025-11-30",
                            "source": "linkedin_ads"})
    at.run()
    assert not at.exception, at.exception
    assert at.session_state[ui.DATASET] == "sample:b2b"
    assert at.session_state[ui.GOAL] == "traffic"  # the link's goal, not the b2b set's own (leads)
    assert at.session_state[ui.F_DATES] == (date(2025, 11, 1), date(2025, 11, 30))
    assert at.session_state[ui.F_SOURCE] == ["linkedin_ads"]
    # The page shows it: the goal selector and the caption of the period compared.
    assert at.selectbox(key="w_" + ui.GOAL).value == "traffic"
    assert any("2025-11-01 – 2025-11-30" in c.value for c in at.caption)


def test_the_url_follows_what_the_screen_shows(app):
    # The default start: the first sample set on its last 28 days and its goal.
    assert app.query_params["data"] == "webshop"
    assert app.query_params["goal"] == "sales"
    assert app.query_params["from"] == "2025-12-04" and app.query_params["to"] == "2025-12-31"
    app.selectbox(key="w_" + ui.GOAL).set_value("leads").run()
    assert app.query_params["goal"] == "leads"
    app.sidebar.multiselect(key=ui.F_CHANNEL).set_value(["Paid Search"]).run()
    assert app.query_params["channel"] == "Paid Search"


def test_a_link_with_nonsense_is_ignored(monkeypatch):
    monkeypatch.setattr(_app_test, "PagesManager", _NavigationPagesManager)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params.update({"data": "nope", "goal": "world_peace", "from": "2025-13-01", "to": "x"})
    at.run()
    assert not at.exception, at.exception
    assert at.session_state[ui.DATASET] == "sample:webshop"
    assert at.session_state[ui.GOAL] == "sales"
    assert at.session_state[ui.F_DATES] == (date(2025, 12, 4), date(2025, 12, 31))


def test_a_link_made_on_uploads_says_the_files_stay_behind(monkeypatch):
    # An upload session writes data=upload; opened elsewhere the files are not there: the page says
    # so (and shows the sample data), instead of showing other numbers under the shared goal silently.
    from conftest import fixture_bytes, upload

    monkeypatch.setattr(_app_test, "PagesManager", _NavigationPagesManager)
    first = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    first = upload(first, "tidy.csv", fixture_bytes("tidy.csv"))
    assert first.query_params["data"] == "upload"
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.query_params.update({"data": "upload", "goal": "leads"})
    at.run()
    assert not at.exception
    assert any("This link was made on uploaded files" in i.value for i in at.info)
    assert at.session_state[ui.GOAL] == "leads"
