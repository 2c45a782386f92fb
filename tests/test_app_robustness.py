"""Every page with every kind of file alone: an answer or a plain message, never a traceback.

Each export fixture and sample file is uploaded on its own (a GA4 table without dates, a customer
list without measures, a CRM export…), then every page is opened.
"""

import pytest
from conftest import ROOT, upload

from kpi_core import fmt

FILES = sorted((ROOT / "sample_data").glob("*/*.csv")) + sorted((ROOT / "tests" / "fixtures" / "exports").glob("*"))
PAGES = {"goal": "goal_question", "segments": "segments_question", "trends": "trends_question",
         "funnel": "funnel_question", "data": "data_question"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_page_answers_or_explains(app, path):
    at = upload(app, path.name, path.read_bytes())
    for page, title in PAGES.items():
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception, (page, at.exception[0].message if at.exception else "")
        assert at.title[0].value == fmt.t(title)


def test_every_goal_on_a_file_without_sessions(app):
    path = ROOT / "tests" / "fixtures" / "exports" / "google_ads_en.csv"
    at = upload(app, path.name, path.read_bytes())
    at.switch_page("pages/goal.py").run()
    for goal in ("sales", "leads", "traffic", "awareness", "loyalty"):
        at.selectbox(key="w_goal").set_value(goal).run()
        assert not at.exception, (goal, at.exception[0].message if at.exception else "")


def test_when_every_upload_is_refused_the_pages_say_so(app):
    from conftest import upload

    at = upload(app, "photo.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    at.switch_page("pages/goal.py").run()
    assert not at.exception
    assert at.warning[0].value == "None of your 1 file(s) could be read: the Data page says why for each."
