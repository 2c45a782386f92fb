"""Data-quality findings: what in a table looks wrong before anyone reads a KPI off it.

Each check takes the canonical frame (with the sniffer's ``__line`` column, so a finding can name
the lines) and returns Findings; none of them changes the data. The checks follow the articles'
advice to look at data quality first: double tracking, impossible counts, holes in the period.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

import polars as pl

from kpi_core.fmt import Note, joined, measure_words
from kpi_core.readers.result import Finding
from kpi_core.readers.sniff import LINE
from kpi_core.schema import DIMENSIONS, MONEY_MEASURES

MAX_LINES_SHOWN = 5


def _lines(lines: list[int]) -> Note:
    """'line 4', 'lines 4, 9 and 3 more'."""
    if len(lines) == 1:
        return Note("w_line", line=lines[0])
    return Note("w_lines", shown=", ".join(str(n) for n in lines[:MAX_LINES_SHOWN]), more=_more(len(lines)))


def _more(n: int) -> Note | str:
    """' and 3 more' past the first MAX_LINES_SHOWN of ``n``."""
    return Note("w_and_more", n=n - MAX_LINES_SHOWN) if n > MAX_LINES_SHOWN else ""


def _rows_where(frame: pl.DataFrame, condition: pl.Expr) -> list[int]:
    if LINE not in frame.columns:
        return []
    return frame.filter(condition.fill_null(False))[LINE].to_list()


def row_findings(frame: pl.DataFrame, views: bool = False, breakdown: Sequence[str] = (),
                 unread: Sequence[pl.Series] = ()) -> list[Finding]:
    """Clicks > impressions, conversions > clicks, negative money, duplicated rows, future dates.

    ``views``: the conversions may include view-through ones, which need no click (said as an info,
    not warned about). ``breakdown``:
    non-canonical columns that tell rows apart too (LinkedIn's conversion name). ``unread``: the text of the
    file's unrecognised columns, row for row: rows they tell apart ('Hour of the day') are no duplicates."""
    out: list[Finding] = []
    cols = set(frame.columns)
    if {"clicks", "impressions"} <= cols:
        bad = _rows_where(frame, pl.col("clicks") > pl.col("impressions"))
        if bad:
            out.append(Finding("warning", Note("f_clicks_over_impressions", n=len(bad)), _lines(bad)))
    if {"conversions", "clicks"} <= cols:
        bad = _rows_where(frame, pl.col("conversions") > pl.col("clicks"))
        if bad and not views:
            out.append(Finding("warning", Note("f_conversions_over_clicks", n=len(bad)), _lines(bad)))
        elif bad:
            out.append(Finding("info", Note("f_view_through", n=len(bad)), _lines(bad)))
    for m in sorted(MONEY_MEASURES & cols):
        bad = _rows_where(frame, pl.col(m) < 0)
        if bad:
            said = Note("f_negative", measure=measure_words(m, start=False), n=len(bad))
            out.append(Finding("warning", said, _lines(bad)))
    out += duplicates(frame, breakdown, unread)
    if "date" in cols:
        bad = _rows_where(frame, pl.col("date") > date.today())
        if bad:
            out.append(Finding("warning", Note("f_future", n=len(bad)), _lines(bad)))
    return out


def duplicates(frame: pl.DataFrame, breakdown: Sequence[str] = (), unread: Sequence[pl.Series] = ()
               ) -> list[Finding]:
    """Rows with identical date and dimension keys (and ``breakdown`` columns): possible double tracking.
    Rows that an ``unread`` column (unrecognised, so not a dimension) tells apart are not counted: the
    breakdown is in the file, only not mapped.

    A hash of the keys finds the candidates fast (no repeated hash, the usual case: nothing to find);
    the exact keys then decide among those few rows. The row hash combines one hash per column:
    hashing ``pl.struct(keys)`` builds the struct first, twice the time and memory at 1M rows."""
    keys = [c for c in frame.columns if c in DIMENSIONS] + list(breakdown)
    if not keys or LINE not in frame.columns or frame.height < 2:
        return []
    row_hash = frame[keys[0]].hash(seed=0)  # column by column: two hash columns in memory, not one per key
    for i, k in enumerate(keys[1:], start=1):
        row_hash = row_hash ^ frame[k].hash(seed=i)
    if row_hash.n_unique() == row_hash.len():
        return []
    twice = row_hash.is_duplicated()
    candidates = frame.filter(twice)
    unread = [u.filter(twice).alias(f"__unread_{i}") for i, u in enumerate(unread) if u.len() == frame.height]
    if unread:  # only the few candidate rows carry them
        candidates = candidates.with_columns(unread)
        keys = keys + [u.name for u in unread]
    dup = candidates.filter(pl.struct(keys).is_duplicated())
    if dup.is_empty():
        return []
    groups = dup.group_by(keys, maintain_order=True).agg(pl.col(LINE).sort()).sort(pl.col(LINE).list.first())
    out = []
    for lines in groups[LINE].to_list()[:MAX_LINES_SHOWN]:
        out.append(Finding("warning", Note("f_duplicates"), _lines(lines)))
    if groups.height > MAX_LINES_SHOWN:
        out.append(Finding("warning", Note("f_more_duplicates", n=groups.height - MAX_LINES_SHOWN)))
    return out


def missing_days(frame: pl.DataFrame, period: tuple[date, date] | None) -> list[Finding]:
    """Days inside the period with no row, for daily data (one source per frame)."""
    if "date" not in frame.columns or "date_end" in frame.columns:
        return []
    days = frame["date"].drop_nulls().unique().sort()
    if days.len() < 2:
        return []
    gaps = days.diff().drop_nulls()
    if gaps.median() != timedelta(days=1):  # weekly or monthly rows: no day is missing
        return []
    lo, hi = period or (days.min(), days.max())
    expected = pl.date_range(lo, hi, "1d", eager=True)
    missing = expected.filter(~expected.is_in(days.implode()))
    if missing.is_empty():
        return []
    # Days before the first row or after the last one of a period named above the table: the campaigns
    # started later or stopped earlier (ad platforms leave out days without activity). Said, no alarm;
    # a day missing between two days with rows is the warning.
    inside = missing.filter(missing.is_between(days.min(), days.max()))
    out = []
    if not inside.is_empty():
        shown = ", ".join(d.isoformat() for d in inside.head(MAX_LINES_SHOWN).to_list())
        out.append(Finding("warning", Note("f_missing_days", n=inside.len(), lo=lo, hi=hi, shown=shown,
                                           more=_more(inside.len()))))
    if inside.len() < missing.len():
        out.append(Finding("info", Note("f_days_outside_rows", lo=lo, hi=hi, first=days.min(), last=days.max())))
    return out


def empty_columns(raw: pl.DataFrame) -> list[Finding]:
    """Source columns without a single filled cell (the sniffer makes empty cells null; a column of
    spaces counts as empty too, checked only where the first filled cells are all blank)."""
    out = []
    for c in raw.columns:
        if c == LINE:
            continue
        s = raw[c]
        filled = s.null_count() < s.len() and (_has_text(s.drop_nulls().head(100)) or _has_text(s))
        if not filled and not re.fullmatch(r"column_\d+", c):  # no header, no cells: trailing delimiters
            out.append(Finding("info", Note("f_empty_column", column=c), Note("w_column", column=c)))
    return out


def _has_text(s: pl.Series) -> bool:
    return bool(s.cast(pl.String).str.strip_chars().str.len_bytes().gt(0).any())


def parse_findings(reports: dict, lines: pl.Series) -> list[Finding]:
    """Masked and unparseable cells per column (from values.ParseReport), with examples."""
    out = []
    for column, r in reports.items():
        if r.masked:
            out.append(Finding("info", Note("f_masked", n=r.masked, column=column), Note("w_column", column=column)))
        if r.other_marks:
            examples = joined([Note("w_line_example", line=lines[pos], text=repr(text))
                               for pos, text in r.other_marks])
            out.append(Finding("warning", Note("f_other_decimal_mark", column=column, examples=examples),
                               Note("w_column", column=column)))
        if r.bad:
            examples = joined([Note("w_line_example", line=lines[pos], text=repr(text))
                               for pos, text in r.bad_examples])
            out.append(Finding("warning", Note("f_bad_cells", n=r.bad, column=column, examples=examples),
                               Note("w_column", column=column)))
    return out


def mixed_currencies(codes: set[str]) -> list[Finding]:
    """Money in more than one currency is never added up."""
    if len(codes) < 2:
        return []
    return [Finding("warning", Note("f_mixed_currencies", codes=", ".join(sorted(codes))))]


def overlaps(frames: list[tuple]) -> list[Finding]:
    """The same platform's rows for the same dates and campaigns in two files: counted twice if added up.

    ``frames`` holds (file, platform, canonical frame) per file, optionally with the file's period
    (first, last day) as a fourth item. Two files without a day per row (an Age report and a Gender
    report, each row covering the whole period) overlap when their periods meet and they share a
    campaign, or neither names campaigns: each holds the whole period's total.
    """
    out = []
    for i, (file_a, plat_a, a, *period_a) in enumerate(frames):
        for file_b, plat_b, b, *period_b in frames[i + 1:]:
            if plat_a != plat_b:
                continue
            if "date" not in a.columns or "date" not in b.columns or "date_end" in a.columns or "date_end" in b.columns:
                found = _period_overlap(file_a, a, period_a, file_b, b, period_b, plat_a)
                out += [found] if found else []
                continue
            keys = [k for k in ("date", "campaign") if k in a.columns and k in b.columns]
            common = a.select(keys).unique().join(b.select(keys).unique(), on=keys, how="inner")
            if common.height:
                lo, hi = common["date"].min(), common["date"].max()
                keys_said = joined([measure_words(k, start=False) for k in keys], Note("w_and"))
                out.append(Finding("warning", Note("f_overlap", file_a=file_a, file_b=file_b, platform=plat_a,
                                                   n=common.height, keys=keys_said, lo=lo, hi=hi),
                                   f"{file_a}, {file_b}"))
    return out


def _period_overlap(file_a: str, a: pl.DataFrame, period_a: list, file_b: str, b: pl.DataFrame, period_b: list,
                    platform: str) -> Finding | None:
    """Files of one platform whose rows cover a period (no date column) and whose periods meet."""
    ra, rb = (p[0] if p else None for p in (period_a, period_b))
    if not ra or not rb or ra[0] > rb[1] or rb[0] > ra[1]:
        return None
    if "campaign" in a.columns and "campaign" in b.columns:
        shared = set(a["campaign"].drop_nulls().unique().to_list()) & set(b["campaign"].drop_nulls().unique().to_list())
        if not shared:
            return None
        what = Note("w_campaigns_named", n=len(shared),
                    names=", ".join(sorted(shared)[:3]) + ("…" if len(shared) > 3 else ""))
    elif "campaign" in a.columns or "campaign" in b.columns:
        return None
    else:
        what = Note("w_same_account")
    lo, hi = max(ra[0], rb[0]), min(ra[1], rb[1])
    return Finding("warning", Note("f_period_overlap", file_a=file_a, file_b=file_b, platform=platform, what=what,
                                   lo=lo, hi=hi), f"{file_a}, {file_b}")

