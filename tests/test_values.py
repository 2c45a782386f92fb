"""values.py: every cell style of shared/export-formats.md, with the expected numbers worked out."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi_core.readers import values
from kpi_core.readers.values import parse_date, parse_duration, parse_number, parse_percent


def run(parser, cells):
    values, report = parser(pl.Series(cells, dtype=pl.String))
    return values.to_list(), report


@pytest.mark.parametrize(
    ("cells", "expected", "style"),
    [
        # Google Ads: quoted thousands next to plain counts -> the comma is thousands.
        (["1,245", "87", "18,902"], [1245.0, 87.0, 18902.0], "decimal point, comma thousands"),
        # ... but one '0,5' makes the column decimal comma: 1,245 is then 1.245.
        (["4,12", "1,245", "0,5"], [4.12, 1.245, 0.5], "decimal comma"),
        (["1.234,56", "12,5", "-3"], [1234.56, 12.5, -3.0], "decimal comma, dot thousands"),
        (["1,234.56", "2,940.00", "0.5"], [1234.56, 2940.0, 0.5], "decimal point, comma thousands"),
        (["1,234,567", "12"], [1234567.0, 12.0], "decimal point, comma thousands"),
        (["1.234.567", "2.546"], [1234567.0, 2546.0], "decimal comma, dot thousands"),
        (["2.546", "0.5"], [2.546, 0.5], "decimal point"),
        (["1\u00a0234,5", "12", "1\u202f000"], [1234.5, 12.0, 1000.0], "decimal comma, space thousands"),
        (["1 245,50", "4,12"], [1245.5, 4.12], "decimal comma, space thousands"),
        (["1'234.50", "87"], [1234.5, 87.0], "decimal point, apostrophe thousands"),
        (["199874.74", "4.19763158"], [199874.74, 4.19763158], "decimal point"),
    ],
)
def test_number_decimal_mark_decided_per_column(cells, expected, style):
    values, report = run(parse_number, cells)
    assert values == pytest.approx(expected)
    assert report.style == style
    assert report.bad == 0


def test_number_currency_signs_apostrophes_and_negatives():
    cells = ["kr 1 200,50", "1 200,50 NOK", "€5", "SEK 0,5", "'0150", "−12", "(5,5)", "US$ 0,00"]
    values, report = run(parse_number, cells)
    # 1 200,50 -> 1200.5; '0150 (leading apostrophe, Shopify) -> 150; (5,5) -> -5.5
    assert values == pytest.approx([1200.5, 1200.5, 5.0, 0.5, 150.0, -12.0, -5.5, 0.0])
    assert report.style.startswith("decimal comma") and report.bad == 0
    values, _ = run(parse_number, ["$1,804.20", "£0.00", "US$ 4,112.95"])
    assert values == pytest.approx([1804.2, 0.0, 4112.95])


def test_number_nordic_excel_currency_formats():
    # Excel nb-NO writes a negative amount '-kr 1 234,50' (the sign before the currency) and Nordic prices
    # give whole kroner as '99,-': -1234.50, 99, 1234, 1200.50; the column stays decimal comma
    values, report = run(parse_number, ["-kr 1 234,50", "kr 99,-", "1 234,-", "kr 1 200,50"])
    assert values == pytest.approx([-1234.5, 99.0, 1234.0, 1200.5])
    assert report.style.startswith("decimal comma") and report.bad == 0
    values, report = run(parse_number, ["1 234,-", "99,-"])  # no other sign: still whole kroner
    assert values == pytest.approx([1234.0, 99.0]) and report.bad == 0


def test_number_missing_markers_are_null_and_counted():
    cells = [" --", "--", "-", "<5", "n/a", "N/A", "", None, "87"]
    values, report = run(parse_number, cells)
    assert values == [None] * 8 + [87.0]
    assert (report.null_markers, report.masked, report.bad) == (8, 1, 0)


def test_nan_and_inf_are_bad_cells_not_numbers():
    values, report = run(parse_number, ["1.5", "NaN", "inf"])
    assert values == [1.5, None, None] and report.bad == 2


def test_number_bad_cells_are_null_with_examples():
    values, report = run(parse_number, ["12", "abc", "1.2.3,4,5", "7", "x1", "y2"])
    assert values == [12.0, None, None, 7.0, None, None]
    assert report.bad == 4
    assert report.bad_examples == [(1, "abc"), (2, "1.2.3,4,5"), (4, "x1")]  # at most three


def test_misplaced_thousands_mark_is_bad_not_a_different_number():
    # Decimal comma column (4,12): '6.99' cannot be 699, and '1.2345' has no group of three.
    values, report = run(parse_number, ["4,12", "6.99", "1.234", "1.2345"])
    assert values == [4.12, None, 1234.0, None]
    assert report.bad == 2


@pytest.mark.parametrize(
    ("cells", "expected", "kind"),
    [
        (["6.99%", "1.12%", " --"], [0.0699, 0.0112, None], "percent sign"),
        (["6,99 %", "1,1 %"], [0.0699, 0.011], "percent sign"),
        (["99,88%", "12,5 %"], [0.9988, 0.125], "percent sign"),  # Dutch UA export
        (["0.64445", "0.410409", "1"], [0.64445, 0.410409, 1.0], "bare fractions"),
        (["2.60", "0.775892", "12.1"], [0.026, 0.00775892, 0.121], "bare percent units"),  # Meta CTR
    ],
)
def test_percent_as_fraction(cells, expected, kind):
    values, report = run(parse_percent, cells)
    assert values == pytest.approx(expected)
    assert report.style.startswith(kind)


def test_duration_seconds():
    values, report = run(parse_duration, ["00:02:07", "01:49", "1:00:00", "52.8103", "--", "later"])
    # 2*60+7 = 127; 1*60+49 = 109; 1*3600 = 3600; GA4 plain seconds stay as they are
    assert values == pytest.approx([127.0, 109.0, 3600.0, 52.8103, None, None])
    assert report.style == "hh:mm:ss, mm:ss, seconds"
    assert (report.null_markers, report.bad) == (1, 1)
    values, report = run(parse_duration, ["21,5", "3,25"])  # decimal comma seconds
    assert values == pytest.approx([21.5, 3.25]) and report.style == "seconds"


D = dt.date


@pytest.mark.parametrize(
    ("cells", "expected", "style"),
    [
        (["2025-01-02", "2025-01-31"], [D(2025, 1, 2), D(2025, 1, 31)], "ISO"),
        (["20250131", "20250101"], [D(2025, 1, 31), D(2025, 1, 1)], "YYYYMMDD"),
        (["202501", "202412"], [D(2025, 1, 1), D(2024, 12, 1)], "YYYYMM"),
        (["16.04.2015", "1.5.2025"], [D(2015, 4, 16), D(2025, 5, 1)], "D.M.YYYY"),
        (["16-04-2015"], [D(2015, 4, 16)], "D-M-YYYY"),
        (["1/2/2025", "13/2/2025"], [D(2025, 2, 1), D(2025, 2, 13)], "D/M/YYYY"),
        (["1/2/2025", "2/13/2025"], [D(2025, 1, 2), D(2025, 2, 13)], "M/D/YYYY"),
        (["1/2/19", "2/13/19"], [D(2019, 1, 2), D(2019, 2, 13)], "M/D/YYYY"),
        (["Jan 07, 2026 08:00 am", "Dec 1, 2025 11:59 pm"], [D(2026, 1, 7), D(2025, 12, 1)], "Mon D, YYYY"),
        (["January 7, 2026", "Aug 1, 2026"], [D(2026, 1, 7), D(2026, 8, 1)], "Mon D, YYYY"),
        (["7 January 2026", "1. okt. 2025"], [D(2026, 1, 7), D(2025, 10, 1)], "D Mon YYYY"),
        (["2025-01-03 10:12:44 +0100", "2025-05-19T15:15:37-0400"], [D(2025, 1, 3), D(2025, 5, 19)], "ISO"),
        (["2024-11-02 09:14", "2025-01-04 23:59"], [D(2024, 11, 2), D(2025, 1, 4)], "ISO"),
        (["1/2/2025, 12:00 AM", "2/1/2025 6:10:00 AM"], [D(2025, 1, 2), D(2025, 2, 1)], "M/D/YYYY (ambiguous"),
        (["6 maj 2025", "1 mars 2025"], [D(2025, 5, 6), D(2025, 3, 1)], "D Mon YYYY"),  # Swedish 'maj'
        (["2025/01/06", "2025/12/31"], [D(2025, 1, 6), D(2025, 12, 31)], "YYYY/MM/DD"),
        (["6-Jan-25", "17-Mar-2025"], [D(2025, 1, 6), D(2025, 3, 17)], "D-Mon-YY"),  # Excel en-US d-mmm-yy
        # ISO weeks take their Monday: week 1 of 2025 starts on Monday 30 December 2024, week 52 on 22 December
        (["2025-W02", "2025W1", "2025-w52"], [D(2025, 1, 6), D(2024, 12, 30), D(2025, 12, 22)], "ISO week"),
    ],
)
def test_dates(cells, expected, style):
    values, report = run(parse_date, cells)
    assert values == expected
    assert report.style.startswith(style)
    assert report.bad == 0


@pytest.mark.parametrize("total", [[], ["Total: Account"]])
def test_nordic_dates_with_a_summary_row(total):
    """The whole-column order rule holds on the fast path too: 13.01 decides day first."""
    values, report = run(parse_date, ["02.01.2025", "13.01.2025", *total])
    assert values == [D(2025, 1, 2), D(2025, 1, 13), *[None] * len(total)]
    assert report.style == "D.M.YYYY" and report.bad == len(total)
    values, report = run(parse_date, ["01.02.2025", "01.13.2025", *total])  # month first this time
    assert values == [D(2025, 1, 2), D(2025, 1, 13), *[None] * len(total)]
    assert report.style == "M.D.YYYY"


def test_mixed_layouts_in_one_column():
    values, report = run(parse_date, ["2.1.2025", "Jan 7, 2026", "3/4/2025", "20250105"])
    assert values == [D(2025, 1, 2), D(2026, 1, 7), D(2025, 3, 4), D(2025, 1, 5)]
    assert report.style == "YYYYMMDD, Mon D, YYYY, M/D/YYYY (ambiguous: no part above 12, read as month first), " \
        "D.M.YYYY (ambiguous: no part above 12, read as day first)"


def test_all_ambiguous_slashes_read_month_first_and_say_so():
    values, report = run(parse_date, ["1/2/2025", "3/4/2025"])
    assert values == [D(2025, 1, 2), D(2025, 3, 4)]
    assert report.style == "M/D/YYYY (ambiguous: no part above 12, read as month first)"
    values, report = run(parse_date, ["1.2.2025", "3.4.2025"])
    assert values == [D(2025, 2, 1), D(2025, 4, 3)]
    assert "read as day first" in report.style


@pytest.mark.parametrize("extra", [[], ["Jan 1, 2025"]])  # Polars' parser alone, and the general path
def test_ambiguous_dates_take_the_order_under_which_they_lie_closer(extra):
    # Day first: 1, 2 and 3 February (2 days apart end to end); month first: 2 January, 2 February,
    # 2 March (59 days). A daily report runs over consecutive days, so day first it is.
    values, report = run(parse_date, ["01/02/2025", "02/02/2025", "03/02/2025", *extra])
    assert values[:3] == [D(2025, 2, 1), D(2025, 2, 2), D(2025, 2, 3)]
    assert "D/M/YYYY (ambiguous: no part above 12, read as day first: the dates then span 2 days, against " \
        "59 days read the other way)" in report.style
    # 1/1, 1/2, 1/3 month first: 1-3 January (2 days); day first they would be 1 January to 1 March.
    values, _ = run(parse_date, ["1/1/2025", "1/2/2025", "1/3/2025", *extra])
    assert values[:3] == [D(2025, 1, 1), D(2025, 1, 2), D(2025, 1, 3)]
    # Dotted dates the other way round: 1.1, 2.1, 3.1 read day first are 1-3 January.
    values, _ = run(parse_date, ["1.1.2025", "2.1.2025", "3.1.2025", *extra])
    assert values[:3] == [D(2025, 1, 1), D(2025, 1, 2), D(2025, 1, 3)]
    # A Nordic monthly sheet: 01.01, 01.02, 01.03 day first are the 1st of January, February and
    # March; month first they would be 1-3 January, closer, but a monthly report is as plausible, so
    # the dots' usual order (day first) stays and the column is still reported as in doubt.
    values, report = run(parse_date, ["01.01.2025", "01.02.2025", "01.03.2025", *extra])
    assert values[:3] == [D(2025, 1, 1), D(2025, 2, 1), D(2025, 3, 1)]
    assert "D.M.YYYY (ambiguous: no part above 12, read as day first)" in report.style
    # The same with slashes keeps the slash's usual month first (a LinkedIn export's monthly rows).
    values, _ = run(parse_date, ["1/1/2025", "2/1/2025", "3/1/2025", *extra])
    assert values[:3] == [D(2025, 1, 1), D(2025, 2, 1), D(2025, 3, 1)]


def test_an_ambiguous_date_column_is_a_finding_with_the_order_taken():
    from kpi_core.readers import read_file

    data = b"Dato;Kampanje;Kostnad\n01/02/2025;Vinter;1 200,50\n02/02/2025;Vinter;800,00\n"
    r = read_file(data, "ark.csv")
    assert r.frame["date"].to_list() == [D(2025, 2, 1), D(2025, 2, 2)]
    [finding] = [f for f in r.findings if "day first" in f.message]
    assert finding.level == "warning" and finding.where == "column 'Dato'"
    assert "they are read day first, under which they span 1 day rather than 31 days ('01/02/2025' = " \
        "1 February 2025)" in finding.message


def test_impossible_dates_are_bad():
    values, report = run(parse_date, ["2025-02-30", "13/13/2025", "2025-01-01", "soon", "n/a"])
    assert values == [None, None, D(2025, 1, 1), None, None]
    assert (report.bad, report.null_markers) == (3, 1)
    assert report.bad_examples[0] == (0, "2025-02-30")


# ---------------------------------------------------------------------------------------------
# Properties: a number written in any export style reads back as itself.


def _write(value: float, decimal: str, thousands: str) -> str:
    whole, frac = f"{abs(value):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    sign = "-" if value < 0 else ""
    return sign + thousands.join(groups) + decimal + frac


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(-10**9, 10**9), min_size=1, max_size=20),
    st.sampled_from([(".", ","), (",", "."), (",", " "), (",", "\u00a0"), (".", "'"), (".", ""), (",", "")]),
)
def test_number_round_trip_in_every_style(cents, marks):
    """Two decimals always written, so every column shows its decimal mark (``1.234,00``)."""
    decimal, thousands = marks
    numbers = [c / 100 for c in cents]
    values, report = run(parse_number, [_write(n, decimal, thousands) for n in numbers])
    assert values == pytest.approx(numbers)
    assert report.bad == 0


@settings(max_examples=100, deadline=None)
@given(st.lists(st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)), min_size=1, max_size=20))
def test_date_round_trip_when_the_order_shows(dates):
    """D/M/YYYY with at least one day above 12 reads back as the same dates."""
    dates = [*dates, dt.date(2025, 1, 13)]
    values, report = run(parse_date, [f"{d.day}/{d.month}/{d.year}" for d in dates])
    assert values == dates
    assert report.style == "D/M/YYYY"


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 31), st.integers(1, 31), st.integers(1990, 2040)), min_size=1, max_size=15),
    st.sampled_from(["/", ".", "-"]),
)
def test_numeric_dates_read_alike_alone_and_next_to_other_layouts(parts, mark):
    """A column of bare a.b.yyyy cells takes Polars' own parser; with one 'Jan 1, 2020' cell added
    it goes through the general path. Both decide the order from all cells, so they agree."""
    cells = [f"{a}{mark}{b}{mark}{y}" for a, b, y in parts]
    alone, alone_report = run(parse_date, cells)
    mixed, mixed_report = run(parse_date, [*cells, "Jan 1, 2020"])
    assert mixed == [*alone, D(2020, 1, 1)]
    assert mixed_report.style == "Mon D, YYYY, " + alone_report.style
    assert mixed_report.bad == alone_report.bad


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 99_999), min_size=1, max_size=20), st.sampled_from([".", ","]), st.booleans())
def test_percent_round_trip(hundredths, decimal, space):
    """'12.34%' (or '12,34 %') reads back as the fraction 0.1234."""
    cells = [f"{h // 100}{decimal}{h % 100:02d}{' ' if space else ''}%" for h in hundredths]
    values, report = run(parse_percent, cells)
    assert values == pytest.approx([h / 10_000 for h in hundredths])
    assert report.bad == 0 and report.style.startswith("percent sign")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 100 * 3600), min_size=1, max_size=20))
def test_duration_round_trip(seconds):
    """hh:mm:ss as UA writes it reads back as the seconds."""
    cells = [f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}" for s in seconds]
    values, report = run(parse_duration, cells)
    assert values == [float(s) for s in seconds]
    assert report.style == "hh:mm:ss"


# Columns near the two grouped shapes of values._grouped_numbers: each picks a thousands and a decimal
# mark and writes cells from digit runs that may start with 0 ("0,123", "1,234.5", "12 345,5", "-7"),
# with now and then a cell in free form from the same characters, so that a column matches a shape
# or misses it by one cell.
_RUN = st.text("0123456789", min_size=1, max_size=3)


@st.composite
def _near_grouped(draw) -> list[str | None]:
    thousands = draw(st.sampled_from([",", " ", "\u00a0", "\u202f", "."]))
    decimal = draw(st.sampled_from([".", ",", None]))
    free = st.text("0123456789,. \u00a0-", min_size=1, max_size=9)

    def cell():
        groups = draw(st.lists(st.text("0123456789", min_size=3, max_size=3), max_size=2))
        tail = decimal + draw(_RUN) if decimal and draw(st.booleans()) else ""
        return draw(st.sampled_from(["", "-"])) + thousands.join([draw(_RUN), *groups]) + tail

    return [draw(st.one_of(st.none(), free)) if draw(st.integers(0, 9)) == 0 else cell()
            for _ in range(draw(st.integers(1, 6)))]


@settings(max_examples=500, deadline=None)
@given(_near_grouped())
def test_grouped_fast_path_gives_what_the_rules_give(cells):
    """When the one-regex shortcut takes a column, its values and style are those of the full rules."""
    text = pl.DataFrame({values.V: pl.Series(cells, dtype=pl.String).str.strip_chars()})
    fast = values._grouped_numbers(text)
    if fast is not None:
        slow = values._numbers_by_rules(text)
        assert fast[0].equals(slow[0]) and fast[1] == slow[1]


@pytest.mark.parametrize("cells, expected, style", [
    (["1,245", "12", "1,000,000.5"], [1245.0, 12.0, 1000000.5], "decimal point, comma thousands"),
    (["1 245,50", "12\u00a0345", "7,5"], [1245.5, 12345.0, 7.5], "decimal comma, space thousands"),
    (["1\u202f245", "3"], [1245.0, 3.0], "decimal point, space thousands"),
])
def test_grouped_shapes_take_the_shortcut(cells, expected, style):
    # "1 245,50" = 1*1000 + 245 + 0.50 = 1245.5; "12 345" = 12*1000 + 345 = 12345
    text = pl.DataFrame({values.V: cells})
    got, got_style = values._grouped_numbers(text)
    assert got.to_list() == expected and got_style == style


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.sampled_from(["", "Total", "2025-13-01", "2025-02-30"]),
                          st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)).map(str),
                          st.builds("{}-{}-{}".format, st.integers(1990, 2040), st.integers(1, 12),
                                    st.integers(1, 28))),
                min_size=1, max_size=8))
def test_whole_column_iso_parse_gives_what_the_general_path_gives(cells):
    """The one-parse shortcut for bare ISO columns ('2025-01-07', '2025-1-7') agrees with _iso_dates."""
    text = pl.DataFrame({values.V: pl.Series(cells, dtype=pl.String)})
    whole = values._all_iso_dates(text)
    if whole is not None:
        general = values._iso_dates(text)
        assert whole.equals(general) and general.null_count() == text[values.V].null_count()


def test_weeks_written_out_in_the_nordic_languages_are_iso_weeks():
    cells = ["Uke 2 2025", "uge 2, 2025", "Vecka 10/2025", "Week 52 2024", "v. 7 2025", "2025 uke 3", "Uke 2"]
    dates, report = values.parse_date(pl.Series(cells))
    # ISO week 1 of 2025 starts on Monday 30 December 2024; week 52 of 2024 on 23 December 2024.
    assert dates.to_list() == [dt.date(2025, 1, 6), dt.date(2025, 1, 6), dt.date(2025, 3, 3), dt.date(2024, 12, 23),
                               dt.date(2025, 2, 10), dt.date(2025, 1, 13), None]
    assert report.bad == 1 and "ISO week (its Monday)" in report.style  # a week without its year is no date


def test_a_day_first_locale_reads_undecided_slash_dates_day_first():
    cells = pl.Series(["1/2/2025", "1/3/2025"])
    assert values.parse_date(cells)[0].to_list() == [dt.date(2025, 1, 2), dt.date(2025, 1, 3)]  # month first, as '/'
    assert values.parse_date(cells, slash_day_first=True)[0].to_list() == [dt.date(2025, 2, 1), dt.date(2025, 3, 1)]
    # a cell that decides still decides: 13/2 can only be day first, 2/13 only month first
    assert values.parse_date(pl.Series(["2/13/2025", "1/2/2025"]), slash_day_first=True)[0].to_list() == [
        dt.date(2025, 2, 13), dt.date(2025, 1, 2)]
