"""Readers: turn the bytes of an export into the canonical frame, and say what they did.

Public surface: ``read_file(data, name, overrides, salt)``, ``combine(results)`` and
``overlaps(results)``. The path of a file: sniff.read_table finds the table (encoding, delimiter,
header, preamble and footer lines) -> platforms.recognise names the platform from its headers ->
platforms.performance (ad, analytics, e-mail tables) or platforms.records (shop and CRM lists)
maps, parses and checks it -> one ReadResult. Anything unusable raises ReadError with a message
naming the file and what to do; nothing else escapes.
"""

from __future__ import annotations

from dataclasses import replace

import polars as pl

from kpi_core.fmt import Note, joined
from kpi_core.readers import quality
from kpi_core.readers.platforms import recognise
from kpi_core.readers.platforms.performance import read_performance
from kpi_core.readers.platforms.records import READERS, daily_orders
from kpi_core.readers.result import ColumnMap, Exclusion, Finding, ReadError, ReadResult
from kpi_core.readers.sniff import read_table
from kpi_core.sources import PEOPLE_LISTS

__all__ = ["ColumnMap", "Exclusion", "Finding", "ReadError", "ReadResult", "combine", "merge_orders", "overlaps",
           "read_file"]

# The orders exports whose daily measures merge_orders makes again from their remaining orders.
DAILY_ORDERS = {"shopify_orders": daily_orders, "woocommerce_orders": daily_orders}

# Above this a file is refused before parsing (it would need several times its size in memory). The
# app's uploader stops at 100 MB first (.streamlit/config.toml); the command line may read up to this.
MAX_BYTES = 200 * 1024 * 1024


def _check_size(data: bytes, name: str) -> None:
    """Empty, binary and non-workbook files are refused by sniff.read_table; the size limit is ours."""
    if len(data) > MAX_BYTES:
        raise ReadError(name, Note("e_too_big", mb=f"{len(data) / 2**20:.0f}", limit=MAX_BYTES // 2**20))


def read_file(data: bytes, name: str, overrides: dict[str, str | None] | None = None,
              salt: bytes = b"") -> ReadResult:
    """Read one export. ``overrides`` maps source headers to canonical names (None = ignore);
    ``salt`` keys the hashes that stand in for customers' e-mails and CRM ids."""
    _check_size(data, name)
    raw = _table(data, name)
    try:
        return _read_raw(raw, name, overrides, salt)
    except ReadError as first:
        if raw.sheet is None:
            raise
        # A workbook whose chosen sheet holds no table we can read (a summary of formulas, a budget):
        # the next sheet that does, said.
        tried = {raw.sheet}
        for _ in range(MAX_SHEETS):
            try:
                raw = _table(data, name, frozenset(tried))
            except ReadError:
                break
            tried.add(raw.sheet)
            try:
                result = _read_raw(raw, name, overrides, salt)
            except ReadError:
                continue
            result.findings.insert(0, Finding("info", Note("f_sheet_instead", tried=next(iter(tried - {raw.sheet})),
                                                           problem=first.problem, sheet=raw.sheet)))
            return result
        raise first from None


MAX_SHEETS = 8  # sheets of one workbook tried before giving up


def _table(data: bytes, name: str, skip: frozenset[str] = frozenset()):
    try:
        return read_table(data, name, skip)
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - a parser failure becomes one clear message
        raise ReadError(name, Note("e_not_a_table", error=exc.__class__.__name__)) from None


def _read_raw(raw, name: str, overrides: dict[str, str | None] | None, salt: bytes) -> ReadResult:
    if raw.frame.height == 0:
        shown = ", ".join(h if len(h) <= 40 else h[:40] + "…" for h in raw.header[:6])
        raise ReadError(name, Note("e_no_rows", shown=shown))
    platform = recognise(raw.header, raw.preamble)
    if platform.id in READERS:  # shop and CRM lists have a fixed layout: no column mapping applies
        return READERS[platform.id](raw, platform, name, salt)
    return read_performance(raw, platform, name, overrides)


def merge_orders(results: list[ReadResult]) -> list[ReadResult]:
    """Orders exports of one shop that overlap (January-June and April-December): an order in an earlier
    file, the same number on the same day for the same amount, is the same order in a later one, so the
    later file keeps only its new orders (its daily measures made again from them, a customer of the
    earlier file no new customer) and says how many it shared. Two shops' '#1001' differ in day or
    amount: both stay (and overlaps() says so). Other results are unchanged."""
    seen: dict[str, pl.DataFrame] = {}  # platform -> order_id, date, revenue, customer_id, file
    cols = ["order_id", "date", "revenue", "customer_id"]
    out = []
    for r in results:
        if r.kind != "orders" or r.records is None or r.records.is_empty() or r.platform not in DAILY_ORDERS:
            out.append(r)
            continue
        mine = r.records.select(cols)
        known = seen.get(r.platform)
        if known is not None:
            shared = mine.join(known, on="order_id", how="inner", suffix="_before")
            same = shared.filter((pl.col("date") == pl.col("date_before"))
                                 & ((pl.col("revenue") - pl.col("revenue_before")).abs() < 0.005))
            if shared.height and same.height == shared.height:  # one shop: every shared order is the same
                records = r.records.filter(~pl.col("order_id").is_in(same["order_id"].implode()))
                files = sorted(set(same["file"].to_list()))
                finding = Finding("warning", Note("f_orders_twice", n=same.height, first=same["order_id"][0],
                                                  files=joined(files, Note("w_and"))), ", ".join(files))
                before = known["customer_id"].drop_nulls().unique()
                r = replace(r, records=records, frame=DAILY_ORDERS[r.platform](records, r.platform, before),
                            findings=[*r.findings, finding])
                mine = r.records.select(cols)
        mine = mine.with_columns(pl.lit(r.file).alias("file"))
        seen[r.platform] = mine if known is None else pl.concat([known, mine])
        out.append(r)
    return out


def combine(results: list[ReadResult]) -> pl.DataFrame:
    """One canonical frame with a ``source`` column (the platform) from every result that has rows."""
    frames = []
    for r in results:
        f = r.frame
        if f.is_empty():
            continue
        if "source" not in f.columns:
            f = f.with_columns(pl.lit(r.platform).alias("source"))
        if "currency" not in f.columns and r.currency:
            f = f.with_columns(pl.lit(r.currency).alias("currency"))
        frames.append(f)
    if not frames:
        return pl.DataFrame()
    return pl.concat(frames, how="diagonal_relaxed")


def overlaps(results: list[ReadResult]) -> list[Finding]:
    """Findings across files: the same platform's dates and campaigns twice, two customer tables of one
    source (their customers add up: one in both counts twice), money in several currencies."""
    # Orders exports merge_orders has made one (their shared orders counted once) overlap no more.
    merged = any(getattr(f.message, "key", None) == "f_orders_twice" for r in results for f in r.findings)
    found = quality.overlaps([(r.file, r.platform, r.frame, r.date_range) for r in results
                              if not r.frame.is_empty() and not (r.kind == "orders" and merged)])
    for source in sorted(PEOPLE_LISTS):
        files = [r.file for r in results if r.platform == source]
        if len(files) > 1:
            found.append(Finding("warning", Note("f_customer_tables", files=joined(files, Note("w_and"))),
                                 ", ".join(files)))
    codes = {r.currency for r in results if r.currency}
    return found + _apart(results) + quality.mixed_currencies(codes)


def _apart(results: list[ReadResult]) -> list[Finding]:
    """Files whose periods share no day: a KPI over all of them divides one period's numbers by
    another's (April's spend by January's customers). Files whose periods overlap only in part: the
    same, for the days one covers and the other does not (January's customers in March's CAC)."""
    dated = sorted((r.date_range, r.file) for r in results if r.date_range and not r.frame.is_empty())
    for i, ((lo_a, hi_a), file_a) in enumerate(dated):
        for (lo_b, hi_b), file_b in dated[i + 1:]:
            if lo_b > hi_a:
                return [Finding("warning", Note("f_periods_apart", file_a=file_a, lo_a=lo_a, hi_a=hi_a,
                                                file_b=file_b, lo_b=lo_b, hi_b=hi_b), f"{file_a}, {file_b}")]
    if len(dated) > 1:
        lo, hi = max(r[0][0] for r in dated), min(r[0][1] for r in dated)
        wider = [(f, a, b) for (a, b), f in dated if (lo - a).days > SLACK_DAYS or (b - hi).days > SLACK_DAYS]
        if wider and lo <= hi:
            said = "; ".join(f"{f}: {a} to {b}" for f, a, b in wider)
            return [Finding("warning", Note("f_periods_differ", files=said, lo=lo, hi=hi),
                            ", ".join(f for f, _, _ in wider))]
    return []


SLACK_DAYS = 2  # a file may start or end a couple of days apart from the others (no activity those days)
