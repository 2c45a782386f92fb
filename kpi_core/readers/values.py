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

How the decimal separator is decided, from all values of the column (after currency, spaces and
apostrophes used as thousands separators are set aside):

1. A value holding both ',' and '.' says which is decimal: the one that comes last (``1.234,56``,
   ``1,234.56``). The first such value decides for the column.
2. Otherwise a separator that occurs twice in one value (``1,234,567``) is the thousands separator.
3. Otherwise a column grouped by spaces or apostrophes (``1 234,5``, ``1'234.50``) uses the other
   mark, ',' or '.', as decimal.
4. Otherwise commas: when EVERY comma value looks like thousands (``1,245``: 1-3 digits, not
   starting with 0, then groups of exactly three) the comma is thousands; one value such as
   ``0,5`` or ``4,12`` makes it decimal. The tie (only ``d,ddd`` values) goes to thousands, as in
   the English exports (Google Ads ``"1,245"``); a Nordic column of three-decimal values
   (``4,125``) is the one case this reads wrongly, and the style string says what was chosen.
5. Otherwise dots are decimal (``2.546`` is 2.546: exports with dot thousands and no other sign of
   it are rare next to the many with dot decimals).

Null markers: empty cells, nulls, ``--``, ``-``, ``n/a`` (any case) and low-volume masks ``<5`` (any
``<n``; also counted in ``masked``), with surrounding spaces. Each counts in ``null_markers``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import polars as pl


@dataclass
class ParseReport:
    style: str = ""  # "decimal comma, space thousands", "D.M.YYYY", "hh:mm:ss", ...
    null_markers: int = 0  # cells such as '--', '<5', 'n/a' read as null
    masked: int = 0  # of those, low-volume masks such as '<5'
    bad: int = 0  # cells that could not be parsed (become null)
    bad_examples: list[tuple[int, str]] = field(default_factory=list)  # (row position, text), at most 3


V = "v"  # the one column of the frames the parsers work on
_MASK = r"^<\s*\d+$"
_MISSING = r"(?i)^(|--|-|–|n/?a|<\s*\d+)$"
_CURRENCY = r"(?i)(US\$|[$€£¥]|\b(kr|nok|sek|dkk|eur|usd|gbp)\b\.?)"
_SPACES = "[\\s\u00a0\u202f\u2009]"


def _start(s: pl.Series) -> tuple[pl.DataFrame, ParseReport]:
    """The column stripped, markers turned to null, and the report counting them."""
    frame = pl.DataFrame({V: s.cast(pl.String)}).with_columns(pl.col(V).str.strip_chars().alias(V))
    counts = frame.select(
        missing=(pl.col(V).is_null() | pl.col(V).str.contains(_MISSING)).sum(),
        masked=pl.col(V).str.contains(_MASK).sum(),
    ).row(0, named=True)
    report = ParseReport(null_markers=counts["missing"], masked=counts["masked"] or 0)
    cleaned = frame.with_columns(pl.when(~pl.col(V).str.contains(_MISSING)).then(pl.col(V)).alias(V))
    return cleaned, report


def _finish(text: pl.DataFrame, parsed: pl.Series, report: ParseReport) -> tuple[pl.Series, ParseReport]:
    """Count the cells that had text but no value, with a few examples."""
    bad = pl.DataFrame({V: text[V], "ok": parsed}).with_row_index("row").filter(
        pl.col(V).is_not_null() & pl.col("ok").is_null()
    )
    report.bad = bad.height
    report.bad_examples = [(r, t) for r, t in bad.head(3).select("row", V).rows()]
    return parsed, report


def _any(frame: pl.DataFrame, expr: pl.Expr) -> bool:
    return bool(frame.select(expr.fill_null(False).any()).item())


def _number_text(frame: pl.DataFrame) -> pl.DataFrame:
    """Number text without currency, leading apostrophe and the '−' minus sign."""
    return frame.with_columns(
        pl.col(V)
        .str.replace_all(_CURRENCY, "")
        .str.replace(r"^'", "")
        .str.replace_all("−", "-", literal=True)
        .str.strip_chars()
        .str.replace(r"^\((.*)\)$", "-$1")
    )


def _number_style(frame: pl.DataFrame) -> tuple[str, str]:
    """(decimal mark, style) for a column of number text, by the rules in the module docstring."""
    v = pl.col(V)
    grouped = [
        label
        for label, pattern in (("space", rf"\d{_SPACES}\d{{3}}(\D|$)"), ("apostrophe", r"\d['’]\d{3}(\D|$)"))
        if _any(frame, v.str.contains(pattern))
    ]
    marks = frame.select(v.str.replace_all(rf"{_SPACES}|['’]", ""))
    both = marks.filter(v.str.contains(".", literal=True) & v.str.contains(",", literal=True))
    if both.height:
        decimal = both.select(v.str.extract(r"([.,])\d*$", 1)).item(0, 0) or "."
    elif _any(marks, v.str.contains(r",\d*,")):
        decimal = "."
    elif _any(marks, v.str.contains(r"\.\d*\.")):
        decimal = ","
    elif grouped:
        decimal = "," if _any(marks, v.str.contains(",", literal=True)) else "."
    elif _any(marks, v.str.contains(",", literal=True)):
        with_comma = marks.filter(v.str.contains(",", literal=True))
        decimal = "." if with_comma.select(v.str.contains(r"^[-+]?[1-9]\d{0,2}(,\d{3})+$").all()).item() else ","
    else:
        decimal = "."
    thousands = "," if decimal == "." else "."
    if _any(marks, v.str.contains(thousands, literal=True)):
        grouped.insert(0, "comma" if thousands == "," else "dot")
    style = "decimal comma" if decimal == "," else "decimal point"
    return decimal, style + (", " + " and ".join(grouped) + " thousands" if grouped else "")


def _to_float(frame: pl.DataFrame, decimal: str) -> pl.Series:
    """Float64 of number text (see _number_text) whose decimal mark is known.

    Thousands marks must sit between groups of three digits: ``6.99`` in a decimal-comma column
    or ``1 200,50`` in a decimal-point column is a bad cell (null, counted), never 699 or 120050.
    """
    thousands = "," if decimal == "." else "."
    d, t = re.escape(decimal), re.escape(thousands)
    grouped = pl.col(V).str.replace_all(rf"['’]|{_SPACES}", thousands)
    valid = grouped.str.contains(rf"^[-+]?(\d{{1,3}}({t}\d{{3}})+|\d*)({d}\d*)?([eE][-+]?\d+)?$")
    text = grouped.str.replace_all(thousands, "", literal=True).str.replace(decimal, ".", literal=True)
    return frame.select(pl.when(valid).then(text).cast(pl.Float64, strict=False)).to_series()


def parse_number(s: pl.Series) -> tuple[pl.Series, ParseReport]:
    """Float64 values of a column of number text; the decimal mark decided from all its values."""
    text, report = _start(s)
    bare = _number_text(text)
    decimal, report.style = _number_style(bare)
    return _finish(text, _to_float(bare, decimal), report)


def parse_percent(s: pl.Series) -> tuple[pl.Series, ParseReport]:
    """Fractions: '6.99%' -> 0.0699; bare numbers are fractions if all <= 1, else percent units."""
    text, report = _start(s)
    signed = text.select(pl.col(V).str.contains("%", literal=True).fill_null(False)).to_series()
    bare = _number_text(text.select(pl.col(V).str.replace("%", "", literal=True)))
    decimal, number_style = _number_style(bare)
    number = _to_float(bare, decimal)
    unsigned = number.filter(~signed).drop_nulls()
    fractions = bool((unsigned.abs() <= 1).all())
    kinds = ["percent sign"] if signed.any() else []
    if unsigned.len():
        kinds.append("bare fractions" if fractions else "bare percent units")
    report.style = ", ".join([*kinds, number_style])
    scale = pl.when(pl.col("signed") | (not fractions)).then(100.0).otherwise(1.0)
    values = pl.DataFrame({V: number, "signed": signed}).select(pl.col(V) / scale).to_series()
    return _finish(text, values, report)


_CLOCK = r"^\d+(:\d{1,2}){1,2}([.,]\d+)?$"


def parse_duration(s: pl.Series) -> tuple[pl.Series, ParseReport]:
    """Seconds from 'hh:mm:ss', 'mm:ss' or plain seconds ('52.8103')."""
    text, report = _start(s)
    v = pl.col(V)
    parts = v.str.replace(",", ".", literal=True).str.split(":")
    n = parts.list.len()

    def part(i: int) -> pl.Expr:
        return parts.list.get(i, null_on_oob=True).cast(pl.Float64, strict=False)

    is_clock = v.str.contains(_CLOCK).fill_null(False)
    clock = pl.when(n == 3).then(part(0) * 3600 + part(1) * 60 + part(2)).otherwise(part(0) * 60 + part(1))
    plain = _number_text(text.select(pl.when(~is_clock).then(v).alias(V)))
    decimal, _ = _number_style(plain)
    seconds = text.with_columns(plain=_to_float(plain, decimal)).select(
        pl.when(is_clock).then(clock).otherwise(pl.col("plain")).alias(V)
    )
    lengths = set(text.filter(is_clock).select(n).to_series().to_list())
    kinds = [k for k, seen in (("hh:mm:ss", 3 in lengths), ("mm:ss", 2 in lengths)) if seen]
    if plain.select(v.is_not_null().any()).item():
        kinds.append("seconds")
    report.style = ", ".join(kinds)
    return _finish(text, seconds.to_series(), report)


_MONTHS = {
    name: number
    for number, names in enumerate(
        [["jan"], ["feb"], ["mar"], ["apr"], ["may", "mai"], ["jun"], ["jul"], ["aug"], ["sep"], ["oct", "okt"],
         ["nov"], ["dec", "des"]],
        start=1,
    )
    for name in names
}
# Date layouts whose field order is fixed (named groups y, m or mon, d; a missing d is the 1st).
_LAYOUTS = [
    ("ISO", r"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?:$|[T ])"),
    ("YYYYMMDD", r"^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$"),
    ("YYYYMM", r"^(?<y>\d{4})(?<m>\d{2})$"),
    ("Mon D, YYYY", r"^(?<mon>[A-Za-z]{3,})\.?\s+(?<d>\d{1,2}),?\s+(?<y>\d{4})(?:$|\D)"),
    ("D Mon YYYY", r"^(?<d>\d{1,2})\.?\s+(?<mon>[A-Za-z]{3,})\.?,?\s+(?<y>\d{4})(?:$|\D)"),
]
# a/b/yyyy, a.b.yyyy, a-b-yyyy (or yy), possibly followed by a time: the order is decided per column.
_NUMERIC = r"^(?<a>\d{1,2})(?<sep>[./-])(?<b>\d{1,2})[./-](?<y>\d{4}|\d{2})(?:$|[ ,T])"


def _date(y: pl.Expr, m: pl.Expr, d: pl.Expr) -> pl.Expr:
    """A Date from integer parts; null when they make no date (month 13, 30 February)."""
    text = pl.format("{}-{}-{}", y.cast(pl.String).str.zfill(4), m.cast(pl.String).str.zfill(2),
                     d.cast(pl.String).str.zfill(2))
    return text.str.to_date("%Y-%m-%d", strict=False)


def _numeric_order(frame: pl.DataFrame) -> tuple[pl.Expr, list[str]]:
    """Date expression for a/b/y cells, and the styles chosen for each separator used."""
    parts = pl.col(V).str.extract_groups(_NUMERIC)
    sep = parts.struct.field("sep")
    a, b = parts.struct.field("a").cast(pl.Int32), parts.struct.field("b").cast(pl.Int32)
    styles, day_first = [], []
    for mark, default_day_first in (("/", False), (".", True), ("-", True)):
        cells = frame.filter(pl.col(V).str.extract_groups(_NUMERIC).struct.field("sep") == mark)
        if not cells.height:
            continue
        d_over, m_over = _any(cells, a > 12), _any(cells, b > 12)
        first = d_over if d_over != m_over else default_day_first
        name = f"D{mark}M{mark}YYYY" if first else f"M{mark}D{mark}YYYY"
        if not (d_over or m_over):
            name += f" (ambiguous: no part above 12, read as {'day' if first else 'month'} first)"
        elif d_over and m_over:
            name += " (mixed day and month order)"
        styles.append(name)
        if first:
            day_first.append(mark)
    year = parts.struct.field("y").cast(pl.Int32)
    year = pl.when(year < 100).then(year + 2000).otherwise(year)
    swap = sep.is_in(day_first)
    return _date(year, pl.when(swap).then(b).otherwise(a), pl.when(swap).then(a).otherwise(b)), styles


def parse_date(s: pl.Series) -> tuple[pl.Series, ParseReport]:
    """Calendar dates as written; for 'a/b/yyyy' the order of day and month is decided from the whole column."""
    text, report = _start(s)
    dates, styles = [], []
    for style, pattern in _LAYOUTS:
        parts = pl.col(V).str.extract_groups(pattern)
        if "(?<mon>" in pattern:
            month = parts.struct.field("mon").str.to_lowercase().str.head(3)
            month = month.replace_strict(_MONTHS, default=None, return_dtype=pl.Int32)
        else:
            month = parts.struct.field("m").cast(pl.Int32)
        day = parts.struct.field("d").cast(pl.Int32) if "(?<d>" in pattern else pl.lit(1)
        dates.append(_date(parts.struct.field("y").cast(pl.Int32), month, day))
        if _any(text, pl.col(V).str.contains(pattern)):
            styles.append(style)
    numeric, numeric_styles = _numeric_order(text)
    parsed = text.select(pl.coalesce([*dates, numeric]).alias(V)).to_series()
    report.style = ", ".join(styles + numeric_styles)
    return _finish(text, parsed, report)
