"""Shared test set-up for the app tests (AppTest) and the browser tests (Playwright)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as _app_test

# No Hypothesis deadlines: CI and developers share two cores, and a slow example is not a failure
# (speed is measured by bench/run.py, never by tests). Profiles still set their own example counts.
settings.register_profile("kpi_compass", deadline=None)
settings.load_profile("kpi_compass")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "app"


class _NavigationPagesManager(PagesManager):
    """AppTest resets ``PagesManager.uses_pages_directory`` before every run, so an app with a
    ``pages/`` folder runs each later run in legacy multipage mode: the page file alone, without
    the entrypoint (no sidebar, no state set-up). A real server clears the flag for good on the
    first ``st.navigation`` call; this does the same for every test run."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


@pytest.fixture
def app(monkeypatch) -> AppTest:
    """The app, run once (on its default page)."""
    monkeypatch.setattr(_app_test, "PagesManager", _NavigationPagesManager)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    return at.run()


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def upload(at: AppTest, name: str, data: bytes, mime: str = "text/csv") -> AppTest:
    """Upload one file on the Data page, the way a user does."""
    at.switch_page("pages/data.py").run()
    at.file_uploader[0].set_value((name, data, mime)).run()
    assert not at.exception, at.exception
    return at


def colour(metric) -> str:
    """The delta colour st.metric shows: "GREEN", "RED" or "GRAY"."""
    field = metric.proto.DESCRIPTOR.fields_by_name["color"]
    return field.enum_type.values_by_number[metric.proto.color].name


def metrics(at: AppTest) -> dict[str, tuple[str, str | None]]:
    """Every st.metric on the page: label -> (value, delta)."""
    return {m.label: (m.value, m.delta) for m in at.metric}


def chart_rows(at: AppTest, index: int) -> list[dict]:
    """The rows a chart on the page sends to the browser (all of its datasets)."""
    import pyarrow as pa

    chart = at.get("vega_lite_chart")[index]
    rows: list[dict] = []
    for ds in chart.proto.datasets:
        rows.extend(pa.ipc.open_stream(ds.data.data).read_all().to_pylist())
    return rows
