"""The app on start: the first bundled sample set, complete on every page, with no upload.

The expected values come from kpi_core directly (read the set's files, default period, engine), so
these tests check that the pages show the numbers the core computes for the right data and period.
"""

import json

import pytest
from conftest import ROOT, chart_rows

from kpi_core import catalog, fmt, views
from kpi_core.engine import compare, compute
from kpi_core.readers import combine, read_file

MANIFEST = json.loads((ROOT / "sample_data" / "manifest.json").read_text(encoding="utf-8"))
FIRST = MANIFEST["sets"][0]


@pytest.fixture(scope="module")
def first_set():
    results = [read_file((ROOT / "sample_data" / f).read_bytes(), f.split("/")[-1]) for f in FIRST["files"]]
    frame = combine([r for r in results if not r.frame.is_empty()])
    lo, hi = views.date_bounds(frame)
    return frame, views.default_period(lo, hi)


def test_goal_page_opens_on_the_first_set_and_its_goal(app, first_set):
    frame, period = first_set
    assert not app.exception
    assert app.selectbox(key="w_dataset").value == f"sample:{FIRST['id']}"
    assert app.selectbox(key="w_goal").value == FIRST["goal"]
    head = app.metric[0]
    kpi = next(k for k in catalog.KPIS.values() if k.label() == head.label)
    row = compare(frame, [kpi.id], current=period).frame.row(0, named=True)
    currency = compute(frame, [kpi.id]).currency
    assert head.value == fmt.format_kpi(row["current"], kpi.unit, currency, "en", compact_large=True)
    assert head.delta == fmt.change(row["change_pct"], "en")
    assert len(app.metric) >= 6  # a complete scorecard, not a stub


def test_segments_trends_funnel_on_the_sample(app, first_set):
    frame, period = first_set
    app.switch_page("pages/segments.py").run()
    assert not app.exception
    assert len(app.get("vega_lite_chart")) == 5  # bars, share, bubbles, "why it moved" waterfall, heatmap
    now = views.filter_all(frame, views.Filters(period.start, period.end))
    assert len(app.dataframe[0].value) == now["campaign"].n_unique()  # one row per campaign (nulls as "(not set)")

    app.switch_page("pages/trends.py").run()
    assert not app.exception
    assert len(app.multiselect(key="w_trend_kpis").value) == 3

    app.switch_page("pages/funnel.py").run()
    assert not app.exception
    totals = compute(now, []).row(0)
    volumes = [r["volume"] for r in chart_rows(app, 0)]
    assert volumes[:2] == [totals["impressions"], totals["clicks"]]


def test_switching_to_another_sample_set_brings_its_goal(app):
    other = MANIFEST["sets"][1]
    app.switch_page("pages/data.py").run()
    app.button(key=f"sample_{other['id']}").click().run()
    assert not app.exception
    assert app.selectbox(key="w_dataset").value == f"sample:{other['id']}"
    app.switch_page("pages/goal.py").run()
    assert app.selectbox(key="w_goal").value == other["goal"]
    assert not app.exception


def test_data_page_explains_how_the_active_sample_was_read(app):
    app.switch_page("pages/data.py").run()
    assert not app.exception
    files = [e for e in app.expander if e.label.startswith("In use:")]
    assert files and files[0].label == f"In use: how its {len(FIRST['files'])} files were read"
    table = files[0].dataframe[0].value
    assert table["file"].tolist() == [f.split("/")[-1] for f in FIRST["files"]]
    assert (table["rows_used"] <= table["rows_read"]).all()
