"""LinkedIn Campaign Manager's conversion breakdown report, applied after the columns are parsed.

Broken down by ``Conversion Name``, the report has one row per campaign (or creative), day and
conversion action, and repeats the delivery on every one of them: a campaign with two conversion
actions shows its spend, impressions and clicks twice. Conversions are summed over the actions;
every other measure is kept only on the first row of each campaign and day (the others become
empty), so a total counts the delivery once. The conversion name is kept beside the frame
(``BREAKDOWN``) so those rows are not taken for double tracking.
"""

from __future__ import annotations

import polars as pl

from kpi_core.fmt import Note
from kpi_core.readers.platforms import Rows, normalise_header
from kpi_core.readers.result import Finding
from kpi_core.schema import DIMENSIONS, MEASURES

BREAKDOWN = "__conversion_name"


def adjust(frame: pl.DataFrame, kept: Rows, findings: list[Finding]) -> pl.DataFrame:
    """``kept``: the source rows (as text) behind ``frame``, row for row."""
    source = next((c for c in kept.columns if normalise_header(c)[0] == "conversion name"), None)
    if source is None or kept[source].null_count() == kept[source].len():
        return frame
    frame = frame.with_columns(kept[source].alias(BREAKDOWN))
    keys = [c for c in frame.columns if c in DIMENSIONS and c != "currency"]
    delivery = [c for c in frame.columns if c in MEASURES and c != "conversions"]
    if not keys or not delivery or frame.select(pl.struct(keys).is_unique().all()).item():
        return frame
    # Two campaigns may share a name ('Retargeting' in two campaign groups): their ids tell them apart.
    ids = [c for c in kept.columns if normalise_header(c)[0] in ("campaign id", "creative id", "campaign group id")]
    key = pl.struct(keys + [pl.lit(kept[c]).alias(c) for c in ids]) if ids else pl.struct(keys)
    first = key.is_first_distinct()
    findings.append(Finding("info", Note("p_linkedin_breakdown", delivery=", ".join(delivery), keys=", ".join(keys))))
    return frame.with_columns(pl.when(first).then(pl.col(c)).alias(c) for c in delivery)
