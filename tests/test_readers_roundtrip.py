"""One random canonical table, written in every dialect a marketer's export may use, reads back the same.

Dialect = encoding × delimiter × decimal style (with its thousands separator) × header language ×
preamble × summary rows. Whatever the combination, the totals, the row count and the campaign names
must come back exactly; summary rows must be set aside, never added.
"""

import csv
import io
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi_core.readers import read_file

NBSP = "\u00a0"
CAMPAIGNS = ["Brand", "Vinter – Ull", "Retarget, 30d", 'Say "hei"', "Ærlig ØL", "=HYPERLINK(1)"]
HEADERS = [("Day", "Campaign", "Cost", "Impr.", "Clicks"),
           ("Date", "Campaign", "Spend", "Impressions", "Clicks"),
           ("Datum", "Kampanj", "Kostnad", "Visningar", "Klick"),
           ("Dato", "Kampanje", "Kostnad", "Visninger", "Klikk")]
# (decimal mark, thousands separator). Dot thousands in a count column are told from decimals by the
# file's money columns (decimal commas), see performance._dots_as_thousands.
NUMBER_STYLES = [(".", ""), (".", ","), (",", ""), (",", NBSP), (",", " "), (",", ".")]
PREAMBLES = ["", 'Campaign report\n"January 1, 2025 - January 31, 2025"\n', "# Report\n# Start date: 20250101\n#\n"]

rows = st.lists(st.tuples(st.integers(0, 30), st.sampled_from(CAMPAIGNS), st.integers(0, 9_999_999),
                          st.integers(0, 5_000_000), st.integers(0, 100_000)), min_size=1, max_size=25)


def number(value: float, decimals: int, style: tuple[str, str]) -> str:
    mark, thousands = style
    text = f"{value:,.{decimals}f}".replace(",", "\0").replace(".", mark)
    return text.replace("\0", thousands)


@settings(max_examples=80, deadline=None)
@given(data=rows, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "windows-1252"]),
       delimiter=st.sampled_from([",", ";", "\t"]), style=st.sampled_from(NUMBER_STYLES),
       header=st.sampled_from(HEADERS), preamble=st.sampled_from(PREAMBLES),
       totals=st.sampled_from(["none", "labelled", "blank"]))
def test_every_dialect_reads_back_the_same_totals(data, encoding, delimiter, style, header, preamble, totals):
    spend_cents = [cents for _, _, cents, _, _ in data]
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    w.writerow(header)
    for day, campaign, cents, impressions, clicks in data:
        w.writerow([(date(2025, 1, 1) + timedelta(days=day)).isoformat(), campaign, number(cents / 100, 2, style),
                    number(impressions, 0, style), number(clicks, 0, style)])
    total = [number(sum(spend_cents) / 100, 2, style), number(sum(r[3] for r in data), 0, style),
             number(sum(r[4] for r in data), 0, style)]
    if totals == "labelled":
        w.writerow(["Total: Account", "", *total])
    elif totals == "blank":
        w.writerow(["", "", *total])
    body = preamble.replace(",", delimiter) if delimiter != "," and preamble.startswith("#") else preamble
    payload = (body + out.getvalue()).encode(encoding)

    r = read_file(payload, "export.csv")

    assert r.rows_used == len(data)
    assert r.rows_read == r.rows_used + len(r.rows_excluded)
    assert r.frame["spend"].sum() == pytest.approx(sum(spend_cents) / 100, abs=1e-6)
    assert r.frame["impressions"].sum() == sum(row[3] for row in data)
    assert r.frame["clicks"].sum() == sum(row[4] for row in data)
    assert r.frame["campaign"].to_list() == [row[1] for row in data]


CELLS = ["1,5", "2,50", "1 200,75", "--", "", "n/a", "<5", "0", "12", "abc", "01.02.2025", "2025-01-03", "1/13/2025",
         "00:02:07", "48.12%", "6,99 %", " --", "$1,804.20", "16.59", "0.00", "1200", "3.5e2", "-4.2", "+7", " 12 ",
         "2.546", "inf", "NaN"]


@settings(max_examples=150, deadline=None)
@given(cells=st.lists(st.one_of(st.none(), st.sampled_from(CELLS), st.sampled_from(CELLS[-10:])), min_size=1,
                     max_size=60),
       kind=st.sampled_from(["number", "percent", "duration", "date"]))
def test_parsing_distinct_values_gives_what_parsing_every_cell_gives(cells, kind):
    import polars as pl

    from kpi_core.readers import values
    from kpi_core.readers.platforms.performance import _parse_values

    s = pl.Series("c", cells * 5, dtype=pl.String)  # repeated, so the distinct path is taken
    parse = getattr(values, f"parse_{kind}")
    fast, fast_report = _parse_values(parse, s)
    slow, slow_report = parse(s)
    # Equal values (floats to the last bit or two: the parsers' arithmetic may round differently).
    assert all(a == b or (isinstance(a, float) and a == pytest.approx(b, rel=1e-12))
               for a, b in zip(fast.to_list(), slow.to_list(), strict=True))
    assert fast_report == slow_report
