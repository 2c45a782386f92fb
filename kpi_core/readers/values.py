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
        'January 7, 2026', '6 maj 2025', YYYY/MM/DD, '6-Jan-25', datetimes with time and offsets
        ('2025-01-03 10:12:44 +0100', '2025-05-19T15:15:37-0400'): the local calendar date as written.

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
``NaN`` and ``inf`` are bad cells, not numbers.

How day and month are ordered in ``a/b/yyyy``, ``a.b.yyyy`` and ``a-b-yyyy`` cells, per separator
and from all cells of the column: a first part above 12 anywhere means day first (``16/04/2015``),
a second part above 12 means month first (``2/13/2025``). When no part is above 12 the column is
ambiguous and read month first for slashes (US exports: LinkedIn, Microsoft Ads), day first for
dots and dashes; the style then says so, e.g. ``"M/D/YYYY (ambiguous: no part above 12, read as
month first)"``, so a caller can turn it into a Finding. Both above 12 in one column gives
``"(mixed day and month order)"`` and the cells the default order cannot read are bad.
Styles: ``"ISO"``, ``"YYYYMMDD"``, ``"YYYYMM"``, ``"Mon D, YYYY"``, ``"D Mon YYYY"`` (English and
Norwegian month names), ``"D.M.YYYY"``, ``"M/D/YYYY"``…, joined by ", " when a column mixes them.
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
    other_marks: list[tuple[int, str]] = field(default_factory=list)  # cells read with the other decimal mark


V = "v"  # the one column of the frames the parsers work on
_MARKERS = ["", "--", "-", "–", "n/a", "N/A", "N/a", "n/A", "na", "NA", "Na", "nA"]
_MASK = r"^<\s*\d+$"
# A cell that is a number, whatever its separators: '1234.5', '1 234,50', '-12', "1'245", '6,99 %'. Used to
# tell columns of numbers from columns of text, not to parse them.
NUMBER_LIKE = r"^\s*[-+−]?[\d\s.,\u00a0']*\d[\d\s.,\u00a0']*\s*%?\s*$"
_CURRENCY = r"(?i)(US\$|[$€£¥]|\b(kr|nok|sek|dkk|eur|usd|gbp)\b\.?)"
_GAPS = "\\s\u00a0\u202f\u2009"  # spaces that group digits: plain, no-break, narrow no-break, thin
_SPACES = f"[{_GAPS}]"


def _start(s: pl.Series) -> tuple[pl.DataFrame, ParseReport]:
    """The column stripped, null markers turned to null, and the report counting them."""
    v = pl.col(V)
    frame = pl.DataFrame({V: s.cast(pl.String).str.strip_chars()})
    masked = v.str.contains(_MASK) if _any(frame, v.str.starts_with("<")) else pl.lit(False)
    marker = v.is_in(_MARKERS) | masked
    counts = frame.select(missing=(v.is_null() | marker).sum(), masked=masked.sum()).row(0)
    report = ParseReport(null_markers=counts[0], masked=counts[1] or 0)
    return frame.select(pl.when(~marker).then(v).alias(V)), report


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


def _numbers(frame: pl.DataFrame) -> tuple[pl.Series, str]:
    """Float64 of a column of number text (null markers already null), and the style read from it.

    Plain numbers, which Polars casts as they are, cost one cast (they can only be rule 5 of the
    module docstring); the two common grouped shapes cost one regex test (_grouped_numbers); any
    other column goes through the rules.
    """
    number = pl.col(V).cast(pl.Float64, strict=False)
    direct = frame.select(pl.when(number.is_finite()).then(number)).to_series()  # 'NaN', 'inf' are text
    if direct.null_count() == frame[V].null_count():
        return direct, "decimal point"
    return _grouped_numbers(frame) or _numbers_by_rules(frame)


# The two grouped shapes most exports use, each decided by one regex over the column: English comma
# thousands with an optional decimal point ("1,245", "12,345.67") and Nordic space / no-break space
# thousands with an optional decimal comma ("1 245", "12 345,50").
_COMMA_GROUPED = r"^[-+]?([1-9]\d{0,2}(,\d{3})+|\d+)(\.\d+)?$"
_GROUP_SPACE = "[ \u00a0\u202f]"
_SPACE_CHARS = [" ", "\u00a0", "\u202f"]  # the same marks, for literal (Aho-Corasick) search
_SPACE_GROUPED = rf"^[-+]?(\d{{1,3}}({_GROUP_SPACE}\d{{3}})+|\d+)(,\d+)?$"


def _grouped_numbers(frame: pl.DataFrame) -> tuple[pl.Series, str] | None:
    """Float64 and style of a column whose every filled cell has one of the two grouped shapes; else None.

    These are shortcuts through the rules, with the same answer: in the comma shape a comma is
    thousands by rule 1, 2 or 4 (every comma value is ``[1-9]dd,ddd…``); in the space shape, once a
    value is grouped by spaces, the comma is decimal by rule 3. The text is then stripped of its
    thousands marks and cast once, as _to_float would do after its (here needless) validation."""
    v = pl.col(V)
    space, comma = frame.select(space=v.str.contains_any(_SPACE_CHARS).any(),
                                comma=v.str.contains(",", literal=True).any()).row(0)
    # A cell with a space never has the comma shape: that test is only run on columns without one.
    if not space and comma and frame.select(v.str.contains(_COMMA_GROUPED).all()).item():
        text = v.str.replace_all(",", "", literal=True)
        return frame.select(text.cast(pl.Float64, strict=False)).to_series(), "decimal point, comma thousands"
    if not frame.select(v.str.contains(_SPACE_GROUPED).all()).item():
        return None
    # Without a space the shape is '6,90' / '1200': at most one comma, never the comma thousands shape
    # (the first test would have taken it), so by rule 3 a comma is decimal, as the rules decide.
    text = v.str.replace_many(_SPACE_CHARS, [""] * len(_SPACE_CHARS)) if space else v
    text = text.str.replace(",", ".", literal=True)
    style = "decimal comma" if comma else "decimal point"
    return (frame.select(text.cast(pl.Float64, strict=False)).to_series(),
            style + (", space thousands" if space else ""))


def _numbers_by_rules(frame: pl.DataFrame) -> tuple[pl.Series, str]:
    """Float64 and style of any column of number text, by the rules in the module docstring."""
    if _any(frame, pl.col(V).str.contains(r"[^\d.,\s+-]|[.,]-$|^[-+]\s")):
        frame = _number_text(frame)
    decimal, style = _number_style(frame)
    return _to_float(frame, decimal), style


def _number_text(frame: pl.DataFrame) -> pl.DataFrame:
    """Number text without currency, leading apostrophe and the '−' minus sign; the sign joined to the
    number when a currency stood between them (Excel's nb-NO '-kr 1 234,50'); whole kroner written
    '1 234,-' (Nordic price style) as '1 234'."""
    return frame.with_columns(
        pl.col(V)
        .str.replace_all(_CURRENCY, "")
        .str.replace(r"^'", "")
        .str.replace_all("−", "-", literal=True)
        .str.strip_chars()
        .str.replace(r"^\((.*)\)$", "-$1")
        .str.replace(r"^([-+])\s+", "$1")
        .str.replace(r"(\d)[.,]-$", "$1")
    )


def _number_style(frame: pl.DataFrame) -> tuple[str, str]:
    """(decimal mark, style) by the rules in the module docstring."""
    v = pl.col(V)
    space, apostrophe = frame.select(
        space=v.str.contains(rf"\d{_SPACES}\d{{3}}(\D|$)").any(),
        apostrophe=v.str.contains(r"\d['’]\d{3}(\D|$)").any(),
    ).row(0)
    grouped = [label for label, seen in (("space", space), ("apostrophe", apostrophe)) if seen]
    marks = frame.select(v.str.replace_all(rf"{_SPACES}|['’]", "")) if grouped else frame
    comma, dot = v.str.contains(",", literal=True), v.str.contains(".", literal=True)
    seen = marks.select(
        both=v.filter(comma & dot).first(),
        comma_twice=v.str.contains(r",\d*,").any(),
        dot_twice=v.str.contains(r"\.\d*\.").any(),
        comma=comma.any(),
        dot=dot.any(),
        comma_thousands=v.filter(comma).str.contains(r"^[-+]?[1-9]\d{0,2}(,\d{3})+$").all(),
    ).row(0, named=True)
    if seen["both"] is not None:
        decimal = "," if seen["both"].rfind(",") > seen["both"].rfind(".") else "."
    elif seen["comma_twice"] or seen["dot_twice"]:
        decimal = "." if seen["comma_twice"] else ","
    elif grouped:
        decimal = "," if seen["comma"] else "."
    elif seen["comma"]:
        decimal = "." if seen["comma_thousands"] else ","
    else:
        decimal = "."
    if seen["comma" if decimal == "." else "dot"]:
        grouped.insert(0, "comma" if decimal == "." else "dot")
    style = "decimal comma" if decimal == "," else "decimal point"
    return decimal, style + (", " + " and ".join(grouped) + " thousands" if grouped else "")


def _to_float(frame: pl.DataFrame, decimal: str) -> pl.Series:
    """Float64 of number text (see _number_text) whose decimal mark is known.

    Thousands marks (the other of ',' and '.', spaces, apostrophes) must sit between groups of
    three digits: ``6.99`` in a decimal-comma column or ``1 200,50`` in a decimal-point column is
    a bad cell (null, counted), never 699 or 120050.
    """
    thousands = rf"[{re.escape(',' if decimal == '.' else '.')}'’{_GAPS}]"
    d = re.escape(decimal)
    valid = pl.col(V).str.contains(rf"^[-+]?(\d{{1,3}}({thousands}\d{{3}})+|\d*)({d}\d*)?([eE][-+]?\d+)?$")
    text = pl.col(V).str.replace_all(thousands, "").str.replace(decimal, ".", literal=True)
    return frame.select(pl.when(valid).then(text).cast(pl.Float64, strict=False)).to_series()


def parse_number(s: pl.Series) -> tuple[pl.Series, ParseReport]:
    """Float64 values of a column of number text; the decimal mark decided from all its values."""
    text, report = _start(s)
    values, report.style = _numbers(text)
    return _finish(text, values, report)


def parse_percent(s: pl.Series) -> tuple[pl.Series, ParseReport]:
    """Fractions: '6.99%' -> 0.0699; bare numbers are fractions if all <= 1, else percent units."""
    text, report = _start(s)
    signed = text.select(pl.col(V).str.ends_with("%").fill_null(False)).to_series()
    number, number_style = _numbers(text.select(pl.col(V).str.strip_chars_end("% \u00a0\u202f")))
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
    plain = text.select(pl.when(~is_clock).then(v).alias(V))
    seconds = text.with_columns(plain=_numbers(plain)[0]).select(
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
        [["jan"], ["feb"], ["mar"], ["apr"], ["may", "mai", "maj"], ["jun"], ["jul"], ["aug"], ["sep"], ["oct", "okt"],
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
    ("YYYY/MM/DD", r"^(?<y>\d{4})/(?<m>\d{1,2})/(?<d>\d{1,2})(?:$|[T ])"),
    ("D-Mon-YY", r"^(?<d>\d{1,2})-(?<mon>[A-Za-z]{3,})-(?<y>\d{4}|\d{2})(?:$|\D)"),  # Excel en-US 'd-mmm-yy'
]
# a/b/yyyy, a.b.yyyy, a-b-yyyy (or yy), possibly followed by a time: the order is decided per column.
_NUMERIC = r"^(?<a>\d{1,2})(?<sep>[./-])(?<b>\d{1,2})[./-](?<y>\d{4}|\d{2})(?:$|[ ,T])"


_MONTH_DAYS = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


def _date(y: pl.Expr, m: pl.Expr, d: pl.Expr) -> pl.Expr:
    """A Date from integer parts; null when they make no date (month 13, 30 February)."""
    leap = (y % 4 == 0) & ((y % 100 != 0) | (y % 400 == 0))
    days = m.replace_strict(_MONTH_DAYS, default=0, return_dtype=pl.Int32) + (leap & (m == 2)).cast(pl.Int32)
    ok = (d >= 1) & (d <= days)
    return pl.date(pl.when(ok).then(y), pl.when(ok).then(m), pl.when(ok).then(d))


def _layout_parts(text: pl.DataFrame, pattern: str) -> pl.DataFrame:
    """Integer columns y, m, d of the cells written in one fixed layout (null elsewhere)."""
    parts = pl.col(V).str.extract_groups(pattern)
    if "(?<mon>" in pattern:
        month = parts.struct.field("mon").str.to_lowercase().str.head(3)
        month = month.replace_strict(_MONTHS, default=None, return_dtype=pl.Int32)
    else:
        month = parts.struct.field("m").cast(pl.Int32)
    year = parts.struct.field("y").cast(pl.Int32)
    year = pl.when(year < 100).then(year + 2000).otherwise(year)  # '25' of 'd-mmm-yy'
    day = parts.struct.field("d").cast(pl.Int32) if "(?<d>" in pattern else pl.when(year.is_not_null()).then(1)
    return text.select(y=year, m=month, d=day)


_DAY_FIRST = {"/": False, ".": True, "-": True}  # the order read when no part is above 12


def _order(mark: str, day_over_12: bool, month_over_12: bool, slash_day_first: bool = False) -> tuple[bool, str]:
    """(day first?, style) for a/b/yyyy cells with this separator, from what parts exceed 12; when none
    does, the separator's usual order (day first for '/' too in a file of a day-first locale)."""
    usual = True if mark == "/" and slash_day_first else _DAY_FIRST[mark]
    first = day_over_12 if day_over_12 != month_over_12 else usual
    style = f"D{mark}M{mark}YYYY" if first else f"M{mark}D{mark}YYYY"
    if not (day_over_12 or month_over_12):
        style += f" (ambiguous: no part above 12, read as {'day' if first else 'month'} first)"
    elif day_over_12 and month_over_12:
        style += " (mixed day and month order)"
    return first, style


def _plain_numeric_dates(text: pl.DataFrame, slash_day_first: bool = False) -> tuple[pl.Series, list[str]] | None:
    """Dates of a column of bare a.b.yyyy cells (one separator), parsed both ways by Polars' parser.

    The order follows the same rule as _numeric_parts: a cell that only one order can read (a part
    above 12) decides. None when some other cell is a date too (then _other_dates reads them all
    together); cells that are no date at all (a 'Total' row) are left null.
    """
    v = pl.col(V)
    first_cell = text[V].drop_nulls().head(1).to_list()
    mark = next((c for c in first_cell[0][1:3] if c in _DAY_FIRST), None) if first_cell else None
    if mark is None:
        return None
    sep = re.escape(mark)
    plain = v.str.contains(rf"^\d{{1,2}}{sep}\d{{1,2}}{sep}\d{{4}}$")
    cells = text.select(pl.when(plain).then(v).alias(V))
    others = text.filter(~plain)
    patterns = [_NUMERIC, *(pattern for _, pattern in _LAYOUTS)]
    if others.height and _any(others, pl.any_horizontal(v.str.contains(p) for p in patterns)):
        return None
    tries = cells.select(
        day=v.str.to_date(f"%d{mark}%m{mark}%Y", strict=False),
        month=v.str.to_date(f"%m{mark}%d{mark}%Y", strict=False),
    )
    expected = cells[V].null_count()
    day_ok, month_ok = (tries[c].null_count() == expected for c in ("day", "month"))
    if not (day_ok or month_ok):
        return None  # bad cells among them: _numeric_parts reports them the usual way
    first, style = _order(mark, not month_ok, not day_ok, slash_day_first)
    if day_ok and month_ok:
        first, style = _closer_order(tries["day"], tries["month"], mark, first, style)
    return tries["day" if first else "month"], [style]


def _closer_order(day: pl.Series, month: pl.Series, mark: str, first: bool, style: str) -> tuple[bool, str]:
    """No cell tells day from month: take the order under which the dates lie closer together.

    A daily report runs over consecutive days: '01/02/2025, 02/02/2025' is 1-2 February (one day
    apart), not 2 January and 2 February. A monthly report puts every row on the 1st, so when the
    farther reading does (01/01, 01/02, 01/03: the 1st of three months, or 1-3 January), both are
    plausible and the separator's usual order stays (month first for '/', day first for '.' and
    '-'), as it does when both orders span as long."""
    tries = {"day": day.drop_nulls(), "month": month.drop_nulls()}
    span = {c: tries[c].max() - tries[c].min() if tries[c].n_unique() > 1 else None for c in tries}
    if span["day"] is None or span["day"] == span["month"]:
        return first, style
    closer = "day" if span["day"] < span["month"] else "month"
    farther = "month" if closer == "day" else "day"
    if (tries[farther].dt.day() == 1).all():  # a monthly report read the other way: no telling
        return first, style
    first = closer == "day"
    days = {c: f"{span[c].days} day{'s' if span[c].days != 1 else ''}" for c in span}
    order = f"D{mark}M{mark}YYYY" if first else f"M{mark}D{mark}YYYY"
    return first, (f"{order} (ambiguous: no part above 12, read as {closer} first: the dates then span "
                   f"{days[closer]}, against {days[farther]} read the other way)")


def _numeric_parts(text: pl.DataFrame, slash_day_first: bool = False) -> tuple[pl.DataFrame, list[str]]:
    """Columns y, m, d of the a/b/y cells, day and month ordered per separator from all its cells."""
    g = text.select(pl.col(V).str.extract_groups(_NUMERIC).alias("g")).unnest("g")
    g = g.with_columns(pl.col("a", "b", "y").cast(pl.Int32))
    styles, day_first = [], []
    for mark in _DAY_FIRST:
        cells = g.filter(pl.col("sep") == mark)
        if not cells.height:
            continue
        day_over_12, month_over_12 = _any(cells, pl.col("a") > 12), _any(cells, pl.col("b") > 12)
        first, style = _order(mark, day_over_12, month_over_12, slash_day_first)
        if not (day_over_12 or month_over_12):
            year = pl.when(pl.col("y") < 100).then(pl.col("y") + 2000).otherwise(pl.col("y"))
            a, b = pl.col("a"), pl.col("b")
            both = cells.select(day=_date(year, b, a), month=_date(year, a, b))
            first, style = _closer_order(both["day"], both["month"], mark, first, style)
        styles.append(style)
        if first:
            day_first.append(mark)
    swap = pl.col("sep").is_in(day_first)
    a, b, y = pl.col("a"), pl.col("b"), pl.col("y")
    parts = g.select(
        y=pl.when(y < 100).then(y + 2000).otherwise(y),
        m=pl.when(swap).then(b).otherwise(a),
        d=pl.when(swap).then(a).otherwise(b),
    )
    return parts, styles


def _iso_dates(text: pl.DataFrame) -> pl.Series:
    """Dates of the cells that start with an ISO date, as most exports write them; null elsewhere."""
    v = pl.col(V)
    head = pl.when(v.str.slice(10, 1).is_in(["", " ", "T"])).then(v.str.slice(0, 10))
    return text.select(head.str.to_date("%Y-%m-%d", strict=False)).to_series()


def _all_iso_dates(text: pl.DataFrame) -> pl.Series | None:
    """Dates of a column whose every filled cell is a bare ISO date (the usual export), in one parse.

    Cells of at most 10 characters are their own ISO head in _iso_dates, so when this parse leaves
    no filled cell null it is what the general path gives; otherwise None and that path decides."""
    if text.height == 0 or (text[V].str.len_bytes().max() or 0) > 10:
        return None
    dates = text[V].str.to_date("%Y-%m-%d", strict=False)
    return dates if dates.null_count() == text[V].null_count() < text.height else None


def _other_dates(text: pl.DataFrame, slash_day_first: bool = False) -> tuple[pl.Series, list[str]]:
    """Dates of cells in any other layout (each layout tried only if some cell uses it)."""
    frames, styles = [], []
    for style, pattern in _LAYOUTS:
        if _any(text, pl.col(V).str.contains(pattern)):
            frames.append(_layout_parts(text, pattern))
            styles.append(style)
    if _any(text, pl.col(V).str.contains(_NUMERIC)):
        numeric, numeric_styles = _numeric_parts(text, slash_day_first)
        frames.append(numeric)
        styles += numeric_styles
    if not frames:
        return pl.Series(V, [None] * text.height, dtype=pl.Date), styles
    parts = pl.concat([f.select(pl.all().name.suffix(f"_{i}")) for i, f in enumerate(frames)], how="horizontal")
    y, m, d = (pl.coalesce([pl.col(f"{p}_{i}") for i in range(len(frames))]) for p in "ymd")
    return parts.select(_date(y, m, d).alias(V)).to_series(), styles


def parse_date(s: pl.Series, slash_day_first: bool = False) -> tuple[pl.Series, ParseReport]:
    """Calendar dates as written; for 'a/b/yyyy' the order of day and month is decided from the whole column
    (``slash_day_first``: the file comes from a day-first locale, so '1/2/2025' no cell decides is 1 February)."""
    text, report = _start(s)
    whole = _all_iso_dates(text)
    if whole is not None:
        report.style = "ISO"
        return _finish(text, whole, report)
    dates = _iso_dates(text)
    styles = ["ISO"] if dates.null_count() < dates.len() else []
    rest = text[V].is_not_null() & dates.is_null()
    if rest.any():  # summary rows, or a column in another layout
        part = text.filter(rest)
        other, other_styles = (_plain_numeric_dates(part, slash_day_first)
                               or _other_dates(part, slash_day_first))
        dates = dates.scatter(rest.arg_true(), other)
        styles += [st for st in other_styles if st not in styles]
    dates = _iso_weeks(text, dates, styles)
    report.style = ", ".join(styles)
    return _finish(text, dates, report)


_ISO_WEEK = r"(?i)^(\d{4})-?W(\d{1,2})$"  # '2025-W02', '2025W2': an ISO week, read as its Monday
# The week written out in a sheet: 'Uke 2 2025', 'Uge 2, 2025', 'Vecka 2/2025', 'Week 2 2025', 'v. 2 2025',
# '2025 uke 2'. Nordic weeks are ISO weeks.
_WEEK_WORD = r"(?:uke|uge|vecka|vecko|week|wk|v|w)\.?"
_NAMED_WEEK = (rf"(?i)^\s*(?:{_WEEK_WORD}\s*(\d{{1,2}})[\s,/-]+(\d{{4}})"
               rf"|(\d{{4}})[\s,/-]+{_WEEK_WORD}\s*(\d{{1,2}}))\s*$")


def _iso_weeks(text: pl.DataFrame, dates: pl.Series, styles: list[str]) -> pl.Series:
    """Weekly rows written as ISO weeks take the week's Monday (a week report's first day)."""
    named = text[V].str.extract_groups(_NAMED_WEEK)
    iso = pl.select(pl.coalesce(named.struct.field("2"), named.struct.field("3")) + "-W"
                    + pl.coalesce(named.struct.field("1"), named.struct.field("4"))).to_series()
    cells = pl.select(pl.coalesce(iso, text[V])).to_series()
    week = cells.str.contains(_ISO_WEEK).fill_null(False) & dates.is_null()
    if not week.any():
        return dates
    monday = (cells.str.replace(_ISO_WEEK, "${1}-W${2}-1").str.replace(r"-W(\d)-1$", "-W0${1}-1")
              .str.to_date("%G-W%V-%u", strict=False))
    styles.append("ISO week (its Monday)")
    return pl.select(pl.when(week).then(monday).otherwise(dates)).to_series().alias(dates.name)
