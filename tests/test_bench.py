"""The benchmark measures the same job everywhere: all engines agree on a small generated input.

No timing here (bench/run.py measures speed); these tests check that the numbers the benchmark
compares are the same numbers, and that the generated exports are written the way platforms do.
"""

from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench import generate, spec
from bench.compare import close, disagreements
from bench.worker import run
from kpi_core import catalog
from kpi_core.engine import resolve

ROWS = 2_000


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    return generate.ensure(ROWS, tmp_path_factory.mktemp("bench_data"))


@pytest.fixture(scope="module")
def reference(files) -> dict:
    """Our path on the clean canonical file: what every other run must reproduce."""
    return run("ours", "clean", files["clean"], reruns=3)["results"]


@pytest.mark.parametrize("engine", ["ours", "pandas", "duckdb"])
@pytest.mark.parametrize("fmt", ["clean", "google_ads", "nordic"])
def test_every_engine_on_every_input_gives_our_numbers(files, reference, engine, fmt):
    # The three files hold the same rows, so every engine on every file must give the numbers our
    # path gives on the clean file: scorecard, breakdowns, daily series, comparison and the rerun.
    results = run(engine, fmt, files[fmt], reruns=3)["results"]
    n, bad = disagreements(reference, results, 1e-9)
    assert bad == []
    # 12 numbers (5 measures + 7 KPIs) per group of each table, plus 7 × 2 for the comparison.
    groups = sum(len(v) for k, v in reference.items() if k != "comparison")
    assert n == 12 * groups + 14


def test_the_reference_is_what_the_rows_say(files, reference):
    # Recompute the scorecard from the integer rows the generator wrote: sums first, then ratios.
    rows = generate.rows_frame(ROWS)
    spend = rows["spend_ore"].sum() / 100
    clicks = rows["clicks"].sum()
    revenue = rows["revenue_ore"].sum() / 100
    card = reference["scorecard"][""]
    assert card["spend"] == pytest.approx(spend, rel=1e-12)
    assert card["cpc"] == pytest.approx(spend / clicks, rel=1e-12)
    assert card["roas"] == pytest.approx(revenue / spend, rel=1e-12)
    assert set(reference["channel"]) <= set(spec.CHANNELS)
    assert len(reference["daily"]) == rows["date"].n_unique()


def test_the_google_ads_file_has_the_quirks_of_a_real_download(files):
    lines = files["google_ads"].read_text().splitlines()
    assert lines[0] == "Campaign report"
    assert lines[1] == '"January 1, 2025 - February 4, 2026"'  # 400 days from 2025-01-01
    assert lines[2] == ",".join(spec.GOOGLE_ADS_COLUMNS)
    body = "\n".join(lines[3:])
    assert '"' in body and "%" in body and ", --" in body
    totals = [ln for ln in lines if ln.startswith(spec.TOTAL_PREFIX)]
    assert totals[0].startswith("Total: Account,,,,,,NOK,")
    assert len(lines) == 3 + ROWS + len(totals)


def test_the_bench_formulas_are_the_catalogs():
    # pandas and DuckDB use spec.KPIS; kpi_core must pick exactly those formulas for these measures.
    chosen, missing = resolve(list(spec.KPIS), set(spec.MEASURES))
    assert missing == {}
    for kpi, (num, den, scale) in spec.KPIS.items():
        f = chosen[kpi]
        assert (dict(f.numerator), dict(f.denominator or {}), f.scale, f.offset) == ({num: 1.0}, {den: 1.0}, scale, 0)
        assert catalog.get(kpi).id == kpi


def test_formatting_by_hand():
    df = pl.DataFrame({"x": [0, 999, 1_245, 1_234_567]})
    assert df.select(generate._grouped(pl.col("x"), ","))["x"].to_list() == ["0", "999", "1,245", "1,234,567"]
    cents = pl.DataFrame({"x": [5, 294_000, 123_456_789]})
    assert cents.select(generate._fixed2(pl.col("x"), " ", ","))["x"].to_list() == ["0,05", "2 940,00",
                                                                                     "1 234 567,89"]


@settings(deadline=None)  # no timing here: the cores are shared, and speed is bench/run.py's job
@given(st.lists(st.integers(min_value=0, max_value=10**11 - 1), min_size=1, max_size=20))
def test_written_numbers_read_back_exactly(values):
    # Any amount in hundredths below 10^9 whole units: strip the separators and it is the same number.
    s = pl.DataFrame({"x": values}).select(generate._fixed2(pl.col("x"), ",", "."))["x"]
    assert [round(float(t.replace(",", "")) * 100) for t in s] == values


def test_the_comparison_catches_a_difference():
    a = {"scorecard": {"": {"spend": 100.0, "cpc": None}}, "comparison": {"roas": [2.0, 1.0]}}
    b = {"scorecard": {"": {"spend": 100.0 * (1 + 2e-9), "cpc": None}}, "comparison": {"roas": [2.0, 1.0]}}
    n, bad = disagreements(a, b, 1e-9)
    assert n == 4 and len(bad) == 1 and bad[0].startswith("scorecard [total] spend")
    assert close(1.0, 1.0 + 1e-10, 1e-9) and not close(None, 0.0, 1e-9) and close(None, None, 1e-9)


def test_the_floor_parse_is_a_lower_bound_that_reads_the_same_numbers(files):
    # bench/floor_parse.py times a minimal parse of the Google Ads download as the floor of any
    # reader: it is only a fair floor if it gives the numbers our reader gives (its 'Total:' rows,
    # which it does not set aside, have no day), and the batched and categorical variants the same frame as the whole.
    from bench import floor_parse

    data = files["google_ads"].read_bytes()
    whole = floor_parse.minimal(data)
    assert floor_parse.batched(data, batches=7).equals(whole)
    assert floor_parse.categorical(data).equals(whole)
    rows = whole.filter(pl.col("Day").is_not_null())
    ours = floor_parse.ours(data)
    assert rows.height == ours.frame.height == ROWS
    for text, canonical in [("Impr.", "impressions"), ("Clicks", "clicks"), ("Cost", "spend"),
                            ("Conversions", "conversions"), ("Conv. value", "revenue")]:
        assert rows[text].sum() == pytest.approx(ours.frame[canonical].sum(), rel=1e-12)
