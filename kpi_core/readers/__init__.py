"""Readers: turn the bytes of an export into the canonical frame, and say what they did.

Public surface: ``read_file(data, name, overrides, salt)``, ``combine(results)`` and
``overlaps(results)``. The path of a file: sniff.read_table finds the table (encoding, delimiter,
header, preamble and footer lines) -> platforms.recognise names the platform from its headers ->
platforms.performance (ad, analytics, e-mail tables) or platforms.records (shop and CRM lists)
maps, parses and checks it -> one ReadResult. Anything unusable raises ReadError with a message
naming the file and what to do; nothing else escapes.
"""

from __future__ import annotations

import polars as pl

from kpi_core.readers import quality
from kpi_core.readers.platforms import recognise
from kpi_core.readers.platforms.performance import read_performance
from kpi_core.readers.platforms.records import READERS
from kpi_core.readers.result import ColumnMap, Exclusion, Finding, ReadError, ReadResult
from kpi_core.readers.sniff import RawTable, read_table

__all__ = ["ColumnMap", "Exclusion", "Finding", "ReadError", "ReadResult", "combine", "overlaps", "read_file"]

MAX_BYTES = 200 * 1024 * 1024  # the upload limit of .streamlit/config.toml
_NOT_TABLES = ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
               (b"%PDF", "a PDF document"))


def _check_bytes(data: bytes, name: str) -> None:
    if not data.strip():
        raise ReadError(name, "the file is empty. Export the report again and upload the new file.")
    if len(data) > MAX_BYTES:
        raise ReadError(name, f"the file is {len(data) / 2**20:.0f} MB, over the {MAX_BYTES // 2**20} MB limit: "
                              "export a shorter period or fewer columns.")
    for magic, what in _NOT_TABLES:
        if data.startswith(magic):
            raise ReadError(name, f"this is {what}, not a spreadsheet: upload the CSV or XLSX export instead.")
    if name.lower().endswith((".xlsx", ".xlsm")) and not data.startswith(b"PK"):
        raise ReadError(name, "is named .xlsx but is no Excel workbook: open it in Excel and save it as .xlsx, "
                              "or export CSV.")


def _pick(tables: RawTable | list[RawTable]) -> RawTable:
    """Of several tables (sheets), the first one a platform recognises, else the first."""
    if isinstance(tables, RawTable):
        return tables
    return next((t for t in tables if recognise(t.header).id != "generic"), tables[0])


def read_file(data: bytes, name: str, overrides: dict[str, str | None] | None = None,
              salt: bytes = b"") -> ReadResult:
    """Read one export. ``overrides`` maps source headers to canonical names (None = ignore);
    ``salt`` keys the hashes that stand in for customers' e-mails and CRM ids."""
    _check_bytes(data, name)
    try:
        raw = _pick(read_table(data, name))
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - a parser failure becomes one clear message
        raise ReadError(name, f"could not be read as a table ({exc.__class__.__name__}): export it again as "
                              "CSV or XLSX.") from None
    if raw.frame.height == 0:
        raise ReadError(name, f"has a header ({', '.join(raw.header[:6])}…) but no data rows: export a period "
                              "with data.")
    platform = recognise(raw.header)
    if platform.id in READERS:  # shop and CRM lists have a fixed layout: no column mapping applies
        return READERS[platform.id](raw, platform, name, salt)
    return read_performance(raw, platform, name, overrides)


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
    """Findings across files: the same platform's dates and campaigns twice, money in several currencies."""
    found = quality.overlaps([(r.file, r.platform, r.frame) for r in results if not r.frame.is_empty()])
    codes = {r.currency for r in results if r.currency}
    return found + quality.mixed_currencies(codes)
