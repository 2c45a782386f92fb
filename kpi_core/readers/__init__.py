"""Readers: turn the bytes of an export into the canonical frame, and say what they did.

Public surface: ``read_file(data, name)`` and ``combine(results)``.
(Placeholder: reads tidy CSV with canonical headers only; the platform readers replace it.)
"""

from __future__ import annotations

import io

import polars as pl

from kpi_core.readers.result import ColumnMap, Exclusion, Finding, ReadError, ReadResult
from kpi_core.schema import DIMENSIONS, MEASURES

__all__ = ["ColumnMap", "Exclusion", "Finding", "ReadError", "ReadResult", "read_file", "combine"]


def read_file(data: bytes, name: str, overrides: dict[str, str | None] | None = None) -> ReadResult:
    if not data.strip():
        raise ReadError(name, "the file is empty. Export the report again and upload the new file.")
    try:
        raw = pl.read_csv(io.BytesIO(data), infer_schema=False)
    except Exception as exc:  # noqa: BLE001 - any parse failure becomes one clear message
        raise ReadError(name, f"could not be read as CSV ({exc.__class__.__name__}).") from None
    cols = []
    keep = []
    for c in raw.columns:
        target = (overrides or {}).get(c, c)
        if target in MEASURES or target in DIMENSIONS:
            cols.append(ColumnMap(c, target, "canonical name"))
            keep.append(pl.col(c).alias(target))
        else:
            cols.append(ColumnMap(c, None, "unrecognised"))
    frame = raw.select(keep)
    casts = []
    for c in frame.columns:
        if c in MEASURES:
            casts.append(pl.col(c).str.strip_chars().cast(pl.Float64, strict=False))
        elif DIMENSIONS[c].kind == "date":
            casts.append(pl.col(c).str.strip_chars().str.to_date("%Y-%m-%d", strict=False))
    frame = frame.with_columns(casts)
    currency = None
    if "currency" in frame.columns:
        codes = frame["currency"].drop_nulls().unique().to_list()
        currency = codes[0] if len(codes) == 1 else None
    return ReadResult(
        file=name, platform="generic", kind="performance", frame=frame, currency=currency,
        columns=cols, rows_read=raw.height,
    )


def combine(results: list[ReadResult]) -> pl.DataFrame:
    """One canonical frame with a ``source`` column (the platform, or the file name)."""
    frames = []
    for r in results:
        f = r.frame
        if "source" not in f.columns:
            f = f.with_columns(pl.lit(r.platform).alias("source"))
        if "currency" not in f.columns and r.currency:
            f = f.with_columns(pl.lit(r.currency).alias("currency"))
        frames.append(f)
    if not frames:
        return pl.DataFrame()
    return pl.concat(frames, how="diagonal_relaxed")
