"""Data-quality findings, each provoked by a small sheet and located by its line numbers."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from kpi_core.readers import read_file


def findings(text: str, name: str = "q.csv") -> list:
    return read_file(text.encode("utf-8"), name).findings


def messages(text: str) -> list[tuple[str, str]]:
    return [(f.message, f.where) for f in findings(text)]


def one(text: str, start: str):
    hits = [f for f in findings(text) if f.message.startswith(start)]
    assert len(hits) == 1, [f.message for f in findings(text)]
    return hits[0]


HEADER = "Date,Campaign,Impressions,Clicks,Cost,Conversions\n"


def test_more_clicks_than_impressions_names_the_line():
    f = one(HEADER + "2025-01-01,A,100,10,5,1\n2025-01-02,A,10,50,5,1\n", "more clicks than impressions")
    assert f.level == "warning" and f.where == "line 3"


def test_more_conversions_than_clicks_unless_view_through_counts_in():
    f = one(HEADER + "2025-01-01,A,100,10,5,12\n2025-01-02,A,100,10,5,1\n", "more conversions than clicks")
    assert f.where == "line 2"
    meta = ("Reporting starts,Reporting ends,Campaign name,Amount spent (NOK),Impressions,Link clicks,Purchases\n"
            "2025-01-01,2025-01-01,A,10,1000,2,5\n")
    assert not [m for m, _ in messages(meta) if m.startswith("more conversions")]  # Meta counts view-through


def test_negative_spend():
    f = one(HEADER + "2025-01-01,A,100,10,-5,1\n", "negative spend")
    assert f.where == "line 2"


def test_duplicated_rows_are_possible_double_tracking_with_line_numbers():
    text = HEADER + "2025-01-01,A,100,10,5,1\n2025-01-01,B,100,10,5,1\n2025-01-01,A,100,10,5,1\n"
    f = one(text, "rows with the same date and dimensions: possible double tracking")
    assert f.where == "lines 2, 4"


def test_rows_an_unrecognised_column_tells_apart_are_no_duplicates():
    # Google Ads by hour: 'Hour of the day' is not mapped, but rows 2 and 3 are two hours, not one row twice
    hourly = ("Day,Hour of the day,Campaign,Impr.,Clicks,Cost\n"
              "2025-01-01,0,A,100,5,10.00\n2025-01-01,1,A,200,6,12.00\n2025-01-01,1,A,200,6,12.00\n")
    f = one(hourly, "rows with the same date and dimensions")
    assert f.where == "lines 3, 4"  # the hour repeated: that one is double


def test_missing_days_inside_the_period():
    text = HEADER + "".join(f"2025-01-0{d},A,100,10,5,1\n" for d in (1, 2, 3, 6, 7))
    f = one(text, "2 day(s) between 2025-01-01 and 2025-01-07 have no rows: 2025-01-04, 2025-01-05")
    assert f.level == "warning"
    monthly = HEADER + "2025-01-01,A,100,10,5,1\n2025-02-01,A,100,10,5,1\n2025-03-01,A,100,10,5,1\n"
    assert not [m for m, _ in messages(monthly) if "have no rows" in m]


def test_dates_in_the_future():
    later = (date.today() + timedelta(days=30)).isoformat()
    f = one(HEADER + f"2025-01-01,A,100,10,5,1\n{later},A,100,10,5,1\n", "1 row(s) dated in the future")
    assert f.where == "line 3"


def test_entirely_empty_column():
    f = one("Date,Campaign,Cost,Notes\n2025-01-01,A,5,\n2025-01-02,A,6,\n", "column 'Notes' is empty")
    assert f.where == "column 'Notes'"


def test_unparseable_cells_name_the_column_line_and_text():
    f = one(HEADER + "2025-01-01,A,100,10,five,1\n2025-01-02,A,100,10,5,1\n", "1 cell(s) in 'Cost' could not")
    assert "line 2: 'five'" in f.message and f.level == "warning"


def test_clean_sheet_has_no_warnings():
    text = HEADER + "2025-01-01,A,100,10,5,1\n2025-01-02,A,120,12,6,2\n"
    assert [f for f in findings(text) if f.level != "info"] == []


@settings(deadline=None, max_examples=60)  # no timing in tests: the machine is shared
@given(st.lists(st.tuples(st.integers(0, 1000), st.integers(0, 1000)), min_size=1, max_size=20))
def test_clicks_over_impressions_finding_lists_exactly_the_offending_rows(rows):
    text = HEADER + "".join(f"2025-01-01,C{i},{imp},{clk},1,0\n" for i, (imp, clk) in enumerate(rows))
    bad = [i + 2 for i, (imp, clk) in enumerate(rows) if clk > imp]  # data starts on line 2
    hits = [f for f in findings(text) if f.message.startswith("more clicks than impressions")]
    if not bad:
        assert hits == []
    else:
        assert hits[0].message.startswith(f"more clicks than impressions on {len(bad)} row(s)")
        shown = ", ".join(str(n) for n in bad[:5])
        assert hits[0].where.startswith(f"line{'s' if len(bad) > 1 else ''} {shown}")
