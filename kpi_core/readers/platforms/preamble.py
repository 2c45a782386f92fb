"""The period a report covers, from the lines above its header.

Google Ads writes ``"January 1, 2025 - January 31, 2025"``, GA4 ``# Start date: 20250101`` and
``# End date: 20250131``, Universal Analytics ``# 20190101-20190131``, LinkedIn ``Report Start:
1/1/2025, 12:00 AM``, Microsoft ``Report Time: 1/1/2025 - 1/31/2025``, Meta's XLSX ``Report Period:
Aug 1, 2026 - Aug 7, 2026``. The dates themselves are parsed by values.parse_date. A file that
says nothing (TikTok, Shopify, HubSpot) covers the days of its rows: ``period_of_rows``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import polars as pl

from kpi_core.readers import values

_TIME = re.compile(r",?\s*\d{1,2}:\d{2}(:\d{2})?\s*([AaPp][Mm])?.*$")
_START = re.compile(r"(?i)\b(start date|report start|reporting starts|startdato|startdatum|date de début)\b\s*:?")
_END = re.compile(r"(?i)\b(end date|report end|reporting ends|sluttdato|slutdato|slutdatum|date de fin)\b\s*:?")
_RANGE = re.compile(r"^(.+?)\s+[-–]\s+(.+)$|^(\d{8})-(\d{8})$")


def _clean(text: str) -> str:
    text = text.strip().strip("#").strip().strip(",").strip().strip('"')
    return text.split(":", 1)[1].strip() if ":" in text.split(" - ")[0] and not _looks_like_date(text) else text


def _looks_like_date(text: str) -> bool:
    return bool(re.match(r"^\d", text))


def _parse_pair(a: str, b: str) -> tuple[date, date] | None:
    parsed, _ = values.parse_date(pl.Series([_TIME.sub("", a.strip()), _TIME.sub("", b.strip())]))
    lo, hi = parsed.to_list()
    return (lo, hi) if lo is not None and hi is not None and lo <= hi else None


# GA4 writes the comparison period's lines after the period's own: '# Start date (comparison): …',
# '# Startdato for sammenligning: …'. They never replace the report's period.
_COMPARISON = re.compile(r"(?i)compar|sammenlign|jämför|jamfor")


def date_range_from(preamble: list[str]) -> tuple[date, date] | None:
    start = end = None
    for line in preamble:
        text = line.strip().strip("#").strip().rstrip(",").strip().strip('"').strip()
        if _COMPARISON.search(text):
            continue
        if _START.search(text):
            start = start or _START.split(text)[-1].strip()
        elif _END.search(text):
            end = end or _END.split(text)[-1].strip()
        else:
            body = _clean(text)
            m = _RANGE.match(body)
            if m:
                a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
                found = _parse_pair(a, b)
                if found:
                    return found
    return _parse_pair(start, end) if start and end else None


def period_of_rows(frame: pl.DataFrame, periods: bool = True) -> tuple[date, date] | None:
    """First and last day of the rows (through ``date_end`` when rows cover several days). When the
    rows are ``periods`` (a report by day, week or month), monthly rows (every date the 1st, several
    months) run to the end of the last month, weekly rows (every date a Monday, several weeks: ISO
    weeks, a Google Ads Week segment) to the Sunday of the last week. Rows that are events (e-mails
    sent, orders, contacts) end on their last day, whatever weekday it is."""
    if "date" not in frame.columns:
        return None
    days = frame["date"].drop_nulls()
    lo = days.min()
    hi = frame["date_end" if "date_end" in frame.columns else "date"].max()
    if lo is None or hi is None:
        return None
    stretch = periods and "date_end" not in frame.columns and days.n_unique() > 1
    if stretch and days.dt.day().max() == 1:
        hi = days.dt.month_end().max()
    elif stretch and (days.dt.weekday() == 1).all():
        hi = hi + timedelta(days=6)
    return lo, hi  # type: ignore[return-value]
