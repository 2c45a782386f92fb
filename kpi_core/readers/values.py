"""Turn exported cell text into numbers, dates and durations, deciding the style per column.

INTERFACE (agreed between the readers; the implementation fills it in). Each function takes a
String Series and returns (parsed Series, ParseReport); nothing raises on bad cells: they become
null and are counted in the report.

    parse_number(s: pl.Series) -> tuple[pl.Series, ParseReport]     # Float64
        thousands ',', '.', ' ', NBSP, narrow NBSP, "'"; decimal ',' or '.' decided from ALL values
        of the column; currency symbols and codes (kr, NOK, SEK, €, $, £, US$); leading apostrophes;
        '−' minus; parentheses negatives; missing markers ' --', '--', '-', '<5', 'n/a', '' -> null.
    parse_percent(s) -> Float64 as a FRACTION: '6.99%', '6,99 %' -> 0.0699; bare numbers are taken
        as fractions when every value is <= 1, else as percent units (Meta's '2.60').
    parse_duration(s) -> Float64 seconds: 'hh:mm:ss', 'mm:ss', or plain seconds.
    parse_date(s) -> pl.Date: ISO, YYYYMMDD, YYYYMM (first of month), D.M.YYYY, D/M/YYYY vs
        M/D/YYYY (order decided from the whole column), M/D/YY, 'Jan 07, 2026 08:00 am',
        'January 7, 2026', datetimes with time and offsets ('2025-01-03 10:12:44 +0100',
        '2025-05-19T15:15:37-0400'): the local calendar date as written.

ParseReport says how many cells were null markers, how many could not be parsed (with a few
examples and their row positions), and the style chosen ("decimal comma", "M/D/YYYY").
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ParseReport:
    style: str = ""  # "decimal comma, space thousands", "D.M.YYYY", "hh:mm:ss", ...
    null_markers: int = 0  # cells such as '--', '<5', 'n/a' read as null
    masked: int = 0  # of those, low-volume masks such as '<5'
    bad: int = 0  # cells that could not be parsed (become null)
    bad_examples: list[tuple[int, str]] = field(default_factory=list)  # (row position, text), at most 3
