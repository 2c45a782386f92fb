"""TEMPORARY stand-in for values.parse_* until the sniff branch lands them (then this file goes)."""

from __future__ import annotations

import polars as pl

from kpi_core.readers import values
from kpi_core.readers.values import ParseReport

NULLS = ["", "--", "-", "n/a", "N/A", "<5", "—"]


def _prep(s: pl.Series) -> tuple[pl.Series, ParseReport, pl.Series]:
    t = s.cast(pl.String).str.strip_chars().str.strip_chars_start("'")
    marker = t.is_in(NULLS) | t.is_null()
    rep = ParseReport(null_markers=int((t.is_in(NULLS[1:])).sum()), masked=int((t == "<5").sum()))
    t = pl.select(pl.when(~marker).then(t)).to_series()
    return t, rep, marker


def parse_number(s: pl.Series) -> tuple[pl.Series, ParseReport]:
    t, rep, marker = _prep(s)
    t = t.str.replace_all(r"(?i)US\$|[$£€]|\b(kr|nok|sek|dkk|eur|usd)\b\.?", "").str.replace_all("−", "-")
    t = t.str.replace_all(r"[\s\u00a0\u202f']", "")
    neg = t.str.contains(r"^\(.*\)$").fill_null(False)
    t = t.str.replace_all(r"[()]", "")
    comma_dec = bool(t.str.contains(r",\d{1,2}$").any()) and not bool(t.str.contains(r"\.\d*,").any()) \
        and not bool(t.str.contains(r",\d{3}\.").any())
    if comma_dec:
        t = t.str.replace_all(".", "", literal=True).str.replace_all(",", ".", literal=True)
    else:
        t = t.str.replace_all(",", "", literal=True)
    out = t.cast(pl.Float64, strict=False)
    out = pl.select(pl.when(neg).then(-out).otherwise(out)).to_series()
    bad = out.is_null() & ~marker
    rep.bad = int(bad.sum())
    idx = bad.arg_true().head(3).to_list()
    rep.bad_examples = [(i, s[i]) for i in idx]
    rep.style = "decimal comma" if comma_dec else "decimal point"
    return out.alias(s.name), rep


def parse_percent(s: pl.Series) -> tuple[pl.Series, ParseReport]:
    has_pct = bool(s.cast(pl.String).str.contains("%").any())
    out, rep = parse_number(s.cast(pl.String).str.replace_all("%", ""))
    if has_pct or bool((out.drop_nulls() > 1).any()):
        out = out / 100
    return out.alias(s.name), rep


def parse_duration(s: pl.Series) -> tuple[pl.Series, ParseReport]:
    t, rep, marker = _prep(s)
    parts = t.str.split(":")
    hms = pl.select(pl.when(parts.list.len() == 3).then(
        parts.list.get(0, null_on_oob=True).cast(pl.Float64, strict=False) * 3600
        + parts.list.get(1, null_on_oob=True).cast(pl.Float64, strict=False) * 60
        + parts.list.get(2, null_on_oob=True).cast(pl.Float64, strict=False))
        .when(parts.list.len() == 2).then(
        parts.list.get(0, null_on_oob=True).cast(pl.Float64, strict=False) * 60
        + parts.list.get(1, null_on_oob=True).cast(pl.Float64, strict=False))
        .otherwise(t.cast(pl.Float64, strict=False))).to_series()
    return hms.alias(s.name), rep


FORMATS = ["%Y-%m-%d", "%Y%m%d", "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%b %d, %Y %I:%M %p", "%B %d, %Y",
           "%b %d, %Y", "%m/%d/%y"]


def parse_date(s: pl.Series) -> tuple[pl.Series, ParseReport]:
    t, rep, marker = _prep(s)
    iso = t.str.extract(r"^(\d{4}-\d{2}-\d{2})[ T]", 1)
    t = pl.select(pl.coalesce(iso, t)).to_series()
    ym = t.str.contains(r"^\d{6}$").fill_null(False)
    t = pl.select(pl.when(ym).then(t + "01").otherwise(t)).to_series()
    best, best_n = None, -1
    for f in FORMATS:
        d = t.str.to_date(f, strict=False)
        n = d.is_not_null().sum()
        if n > best_n:
            best, best_n = d, n
    rep.bad = int((best.is_null() & ~marker).sum())
    return best.alias(s.name), rep


def install() -> None:
    for f in (parse_number, parse_percent, parse_duration, parse_date):
        if not hasattr(values, f.__name__):
            setattr(values, f.__name__, f)
