"""Meta Ads Manager's own rules, applied after the columns are parsed.

- ``Results`` counts whatever each row's result indicator says (purchases, leads, link clicks,
  reach…). It becomes conversions only on rows whose indicator is a purchase or a lead, and only
  when the file has no ``Purchases`` column (the mapping prefers that one). The rows whose
  indicator is a lead are the leads too, when the file has no ``Leads`` column: a lead campaign's
  export has no other count of them, and cost per lead is what its ``Cost per result`` shows.
- With a ``Day`` breakdown the rows are days: ``Reporting ends`` (the end of the whole period) is
  then no row's end date and is dropped.
- The ``Platform`` (Facebook, Instagram) and ``Placement`` (Feed, Stories) breakdowns together name
  one placement, ``Instagram Stories``; either alone would make rows look duplicated.
"""

from __future__ import annotations

import polars as pl

from kpi_core.fmt import Note
from kpi_core.readers.platforms import Mapped, Rows, normalise_header
from kpi_core.readers.result import ColumnMap, Finding


def adjust(frame: pl.DataFrame, kept: Rows, mapped: list[Mapped], maps: list[ColumnMap],
           findings: list[Finding]) -> tuple[pl.DataFrame, list[ColumnMap]]:
    """``kept``: the source rows (as text) behind ``frame``, row for row."""
    frame = _results(frame, kept, mapped, findings)
    by_day = any(m.canonical == "date" and normalise_header(m.source)[0] in ("day", "dag") for m in mapped)
    if by_day and "date_end" in frame.columns:
        frame = frame.drop("date_end")
        maps = [ColumnMap(c.source, None, "the end of the reporting period; the rows are days") if
                c.canonical == "date_end" else c for c in maps]
    return _placement(frame, kept, maps)


def _results(frame: pl.DataFrame, kept: Rows, mapped: list[Mapped], findings: list[Finding]) -> pl.DataFrame:
    """Meta 'Results' count only where the row's result indicator is a purchase or a lead."""
    results = next((m for m in mapped if m.canonical == "conversions" and m.col.priority == 1), None)
    if results is None:
        return frame
    indicator = next((h for h in kept.columns if h.lower().strip() in
                      ("result indicator", "result type", "resultatindikator", "resultattype",
                       "indicador de resultado")), None)
    if indicator is None:
        findings.append(Finding("warning", Note("f_meta_no_indicator"), Note("w_column", column=results.source)))
        return frame.drop("conversions")
    # 'Result type' is written in the UI language: 'Kjøp på nettstedet', 'Köp på webbplatsen', 'Compras…'
    is_result = kept[indicator].str.contains(r"(?i)purchase|lead|kjøp|köp|køb|compra|potensielle|potentiella")
    dropped = int((~is_result.fill_null(False) & frame["conversions"].is_not_null()).sum())
    if dropped:
        findings.append(Finding("info", Note("f_meta_other_results", n=dropped),
                                Note("w_column", column=results.source)))
    if not is_result.any():
        return frame.drop("conversions")
    is_lead = kept[indicator].str.contains(r"(?i)lead|potensielle|potentiella").fill_null(False)
    if "leads" not in frame.columns and is_lead.any():
        frame = frame.with_columns(pl.when(is_lead).then(pl.col("conversions")).alias("leads"))
        findings.append(Finding("info", Note("f_meta_leads", n=int(is_lead.sum())),
                                Note("w_column", column=results.source)))
    return frame.with_columns(pl.when(is_result.fill_null(False)).then(pl.col("conversions")).alias("conversions"))


def _placement(frame: pl.DataFrame, kept: Rows, maps: list[ColumnMap]) -> tuple[pl.DataFrame, list[ColumnMap]]:
    """Meta's 'Platform' and 'Placement' breakdowns together name one placement: 'Instagram Stories'."""
    by_key = {normalise_header(c.source)[0]: c for c in maps}
    platform_col = next((by_key[k] for k in ("platform", "plattform", "plateforme", "plataforma") if k in by_key), None)
    placement_col = next((by_key[k] for k in ("placement", "plassering", "placering", "placeringar")
                          if k in by_key), None)
    if not platform_col or not placement_col or placement_col.canonical != "placement":
        return frame, maps
    where, what = kept[platform_col.source].str.strip_chars(), kept[placement_col.source].str.strip_chars()
    # An API-style placement names its platform already ('instagram_stories' on 'instagram'): not twice.
    named = what.str.to_lowercase().str.starts_with(where.str.to_lowercase()).fill_null(False)
    joined = pl.select(pl.when(named).then(what).otherwise(
        pl.concat_str([where, what], separator=" ", ignore_nulls=True))).to_series()
    rule = f"Meta '{platform_col.source}' + '{placement_col.source}'"
    maps = [ColumnMap(c.source, "placement", rule) if c in (platform_col, placement_col) else c for c in maps]
    return frame.with_columns(joined.alias("placement")), maps
