"""The segments chart (top n + "Other") summed from the segments' sums equals the row path.

``views.segments`` builds its chart frame from the first ``compute``'s per-segment sums
(``views._top_from_sums`` / ``engine.regroup``) instead of relabelling the rows and computing
again. Each test computes both ways (the row path by switching the fast path off) and compares the
frames: same columns, same segments in the same order, equal values (floats to 1e-9 relative: a
sum of sums adds the same numbers in another order).
"""

import math
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi_core import views
from kpi_core.engine import Inputs, compute, regroup
from kpi_core.readers import combine, read_file
from kpi_core.schema import NON_ADDITIVE

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"


def _rows_as_text(frame, dim, kpis, inputs):
    # The segments as they were always computed: relabel the rows to text, then group.
    return compute(frame.with_columns(pl.col(dim).cast(pl.String).fill_null(views.NOT_SET)), kpis, by=[dim],
                   inputs=inputs)


def _row_path(monkeypatch, frame, dim, top, inputs=None):
    with monkeypatch.context() as m:
        m.setattr(views, "_top_from_sums", lambda *a, **k: None)
        m.setattr(views, "_by_segment", _rows_as_text)
        return views.segments(frame, dim, inputs=inputs, top=top)


def _same_frames(a: pl.DataFrame, b: pl.DataFrame) -> None:
    assert a.columns == b.columns
    assert a.height == b.height
    for c in a.columns:
        x, y = a[c].to_list(), b[c].to_list()
        if a[c].dtype.is_float() or b[c].dtype.is_float():
            for i, (u, v) in enumerate(zip(x, y, strict=True)):
                assert (u is None) == (v is None), (c, i, u, v)
                if u is not None:
                    assert math.isclose(u, v, rel_tol=1e-9, abs_tol=1e-9), (c, i, u, v)
        else:
            assert x == y, c


def _check(monkeypatch, frame, dim, top, inputs=None) -> views.Segments:
    fast = views.segments(frame, dim, inputs=inputs, top=top)
    slow = _row_path(monkeypatch, frame, dim, top, inputs)
    _same_frames(fast.chart, slow.chart)
    _same_frames(fast.table, slow.table)
    assert fast.notes == slow.notes and fast.kpis == slow.kpis and fast.currency == slow.currency
    return fast


def _sample(set_dir: Path) -> pl.DataFrame:
    results = [read_file(p.read_bytes(), p.name) for p in sorted(set_dir.glob("*.csv"))]
    return views.compact_dimensions(combine([r for r in results if not r.frame.is_empty()])).rechunk()


@pytest.mark.parametrize("set_dir", sorted(p for p in SAMPLES.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_sample_sets_fast_chart_equals_row_path(monkeypatch, set_dir):
    full = _sample(set_dir)
    # Every set has GA4 users or Meta reach, which send the chart down the row path; without those
    # columns the chart comes from the segments' sums.
    for frame in (full, full.drop([c for c in full.columns if c in NON_ADDITIVE])):
        for dim in views.segment_dimensions(frame):
            for top in (1, 2, 3):
                for inputs in (None, Inputs(margin=0.4)):
                    if dim == "source" and frame is not full:
                        _kept_as_in_table(views.segments(frame, dim, inputs=inputs, top=top), top)
                    else:
                        _check(monkeypatch, frame, dim, top, inputs)


def _kept_as_in_table(seg: views.Segments, top: int) -> None:
    # By source the row path cannot be the reference: once GA4 and Meta rows are both labelled
    # "Other", the engine sees one tool reporting conversions and sessions and picks the same-tool
    # formula (conversions per session) for every segment, so the chart's kept sources disagreed
    # with the table's. From the sums, every kept segment is its table row.
    table = {r[seg.dim]: r for r in seg.table.iter_rows(named=True)}
    kept = seg.chart.filter(pl.col(seg.dim) != "Other")
    assert kept.height == (top if seg.table.height > top else seg.table.height)
    for r in kept.iter_rows(named=True):
        want = table[r[seg.dim]]
        for k, v in r.items():
            assert (v is None) == (want[k] is None), (k, v, want[k])
            assert v == want[k] or math.isclose(v, want[k], rel_tol=1e-9), (k, v, want[k])


def test_other_is_a_ratio_of_sums_and_the_fast_path_is_taken():
    # Segments a, b, c, d with spend 40, 30, 20, 10 and clicks 4, 3, 2, 1000; top 2 keeps a and b.
    # Other = c + d: spend 20 + 10 = 30, clicks 2 + 1000 = 1002, CPC = 30 / 1002 (not the mean of
    # 20/2 = 10 and 10/1000 = 0.01).
    frame = pl.DataFrame({"campaign": ["a", "b", "c", "d", "d"], "spend": [40.0, 30.0, 20.0, 4.0, 6.0],
                          "clicks": [4.0, 3.0, 2.0, 600.0, 400.0]})
    full = compute(frame, ["cpc"], by=["campaign"])
    keep = pl.col("campaign").is_in(["a", "b"])
    small = regroup(full, frame, {"campaign": pl.when(keep).then(pl.col("campaign")).otherwise(pl.lit("Other"))})
    assert small is not None
    rows = {r["campaign"]: r for r in small.frame.iter_rows(named=True)}
    # By spend: 40, then 30 twice, the tie by name ("O" sorts before "b").
    assert small.frame["campaign"].to_list() == ["a", "Other", "b"]
    assert rows["Other"]["spend"] == 30.0 and rows["Other"]["clicks"] == 1002.0
    assert rows["Other"]["cpc"] == pytest.approx(30 / 1002)
    assert rows["Other"]["rows"] == 3  # c once, d twice


def test_regroup_refuses_people_currencies_and_other_costs():
    base = {"campaign": ["a", "b", "c"], "spend": [1.0, 2.0, 3.0], "clicks": [1.0, 1.0, 1.0]}
    relabel = {"campaign": pl.lit("x")}
    reach = pl.DataFrame({**base, "reach": [10.0, 20.0, 30.0]})
    assert regroup(compute(reach, ["cpc"], by=["campaign"]), reach, relabel) is None
    two = pl.DataFrame({**base, "currency": ["NOK", "SEK", "NOK"]})
    assert regroup(compute(two, ["cpc"], by=["campaign"]), two, relabel) is None
    one = pl.DataFrame(base)
    costs = Inputs(other_costs=5.0)
    assert regroup(compute(one, ["cpc"], by=["campaign"], inputs=costs), one, relabel, costs) is None
    assert regroup(compute(one, ["cpc"], by=["campaign"]), one, relabel) is not None


# --- random frames ----------------------------------------------------------------------------

value = st.one_of(st.none(), st.just(0.0), st.floats(0, 1e6, allow_nan=False).map(lambda x: round(x, 2)))
MEASURE_SETS = [("spend", "clicks", "impressions", "conversions", "revenue"), ("clicks", "impressions", "reach"),
                ("sessions", "conversions"), ("spend", "revenue", "reach", "impressions"), ("impressions",)]


@st.composite
def frames(draw):
    n = draw(st.integers(1, 25))
    measures = draw(st.sampled_from(MEASURE_SETS))
    data: dict = {
        "campaign": draw(st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f", "Other", "(not set)", None]),
                                  min_size=n, max_size=n)),
        "device": draw(st.lists(st.sampled_from(["mobile", "desktop", None]), min_size=n, max_size=n)),
    }
    for m in measures:
        data[m] = draw(st.lists(value, min_size=n, max_size=n))
    currencies = draw(st.sampled_from([None, ("NOK",), ("NOK", "SEK")]))
    if currencies:
        data["currency"] = draw(st.lists(st.sampled_from(currencies), min_size=n, max_size=n))
    schema = {k: (pl.String if k in ("campaign", "device", "currency") else pl.Float64) for k in data}
    frame = pl.DataFrame(data, schema=schema)
    return views.compact_dimensions(frame) if draw(st.booleans()) else frame


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(frames(), st.sampled_from(["campaign", "device"]), st.integers(1, 4))
def test_random_frames_fast_chart_equals_row_path(monkeypatch, frame, dim, top):
    _check(monkeypatch, frame, dim, top)


def test_cached_formula_expressions_follow_the_columns_present():
    # One formula, (spend + other costs) / clicks with other costs optional, evaluated on frames
    # with and without the optional column: the cached expression must not carry over.
    from kpi_core.catalog import Formula
    from kpi_core.engine import evaluate

    f = Formula(numerator={"spend": 1.0, "other_costs": 1.0}, denominator={"clicks": 1.0}, optional=("other_costs",))
    with_costs = pl.DataFrame({"spend": [10.0], "other_costs": [5.0], "clicks": [5.0]})
    without = pl.DataFrame({"spend": [10.0], "clicks": [5.0]})
    assert evaluate(with_costs, {"k": f})["k"][0] == 3.0  # (10 + 5) / 5
    assert evaluate(without, {"k": f})["k"][0] == 2.0  # 10 / 5
    assert evaluate(with_costs, {"k": f})["k"][0] == 3.0


def test_sources_in_other_are_reconciled_before_they_are_relabelled(monkeypatch):
    # Google Ads (spend 100, 10 conversions), Meta (spend 50, 5 conversions), GA4 (no spend, 30
    # conversions for all traffic). The ad platforms' conversions win, GA4's are set aside. By
    # source, top 1 keeps Google Ads; Other = Meta + GA4 = 5 conversions, not 5 + 30 = 35 (the rows
    # relabelled "Other" before reconciling lost the tool that made GA4's figure a duplicate).
    frame = pl.DataFrame({"source": ["google_ads", "meta_ads", "ga4"], "spend": [100.0, 50.0, None],
                          "clicks": [20.0, 10.0, None], "sessions": [None, None, 1000.0],
                          "conversions": [10.0, 5.0, 30.0]})
    for seg in (views.segments(frame, "source", top=1), _row_path(monkeypatch, frame, "source", 1)):
        rows = {r["source"]: r for r in seg.chart.iter_rows(named=True)}
        assert rows["Other"]["conversions"] == 5.0
        assert rows.get("Google Ads", rows.get("google_ads"))["conversions"] == 10.0  # the page names sources
