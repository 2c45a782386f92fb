"""Ad, analytics and e-mail tables: rows of measures, read column by column with Polars.

Steps, each vectorised over whole columns (a million-row export must read about as fast as a bare
``pl.read_csv``): map the headers, set summary rows aside, parse each kept column with values.py,
turn averages back into totals, apply the few platform rules (Meta results, reporting periods,
device names), decide the currency, then ask quality.py what looks wrong.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from kpi_core.readers import quality, values
from kpi_core.readers.platforms import Mapped, Platform, map_columns, normalise_header
from kpi_core.readers.platforms.preamble import date_range_from
from kpi_core.readers.result import ColumnMap, Exclusion, Finding, ReadError, ReadResult
from kpi_core.readers.sniff import LINE, RawTable
from kpi_core.schema import DIMENSIONS, MEASURES, MONEY_MEASURES

# A cell that marks a summary row: "Total", "Total: Account", "Totalt:", "Summa", "Grand total", "I alt".
TOTAL_CELL = r"(?i)^\s*(total|totalt|totals|summa|sum|grand total|i alt|totaal)\s*(:.*)?$"

DEVICES = {
    "mobile": ("mobile phones", "mobile phone", "mobile", "smartphone", "smartphones", "mobil", "mobiltelefon",
               "mobiltelefoner", "mobile_app", "mobile_web", "iphone", "android_smartphone", "phone"),
    "desktop": ("computers", "computer", "desktop", "datamaskiner", "datamaskin", "datorer", "dator", "computere",
                "pc"),
    "tablet": ("tablets", "tablet", "nettbrett", "surfplattor", "surfplatta", "tabletter", "ipad",
               "android_tablet"),
}
_DEVICE_MAP = {name: common for common, names in DEVICES.items() for name in names}

# Currency symbols in money cells. 'kr' alone could be NOK, SEK or DKK: it is reported, not guessed.
SYMBOLS = (("US$", "USD"), ("$", "USD"), ("£", "GBP"), ("€", "EUR"))

MEASURE_WORDS = "a cost, impressions, clicks, sessions, conversions, revenue or e-mail deliveries"


def read_performance(raw: RawTable, platform: Platform, name: str,
                     overrides: dict[str, str | None] | None = None) -> ReadResult:
    maps, mapped, codes = map_columns(platform, raw.header, overrides)
    measures = [m for m in mapped if m.canonical in MEASURES]
    if not measures:
        raise ReadError(name, f"found columns {', '.join(raw.header)}; none is {MEASURE_WORDS} column: "
                              f"rename a header or use the mapping.")
    findings: list[Finding] = []
    kept, excluded = _set_summary_rows_aside(raw.frame, mapped)
    frame, reports = _parse(kept, mapped)
    frame, maps = _totals_from_averages(frame, mapped, maps, findings)
    frame = _meta_results(frame, kept, mapped, platform, findings)
    frame, maps = _meta_placement(frame, kept, maps, platform)
    frame = _date_end(frame)
    currency = _currency(raw.frame, frame, mapped, codes, findings, name)
    findings += quality.parse_findings(reports, kept[LINE])
    findings += quality.row_findings(frame, views=any(m.col.views for m in mapped if m.canonical == "conversions"))
    findings += _unrecognised(maps)
    findings += quality.empty_columns(raw.frame)
    rng = date_range_from(raw.preamble) or _reporting_period(frame, mapped)
    findings += quality.missing_days(frame, rng)
    keys = {normalise_header(h)[0] for h in raw.header}
    findings += [Finding("info", note) for key, note in platform.notes.items() if key in keys]
    canonical = [c for c in frame.columns if c in MEASURES or c in DIMENSIONS]
    body_exclusions = [e for e in raw.excluded if e.line > raw.header_line]
    return ReadResult(
        file=name, platform=platform.id, kind=platform.kind, frame=frame.select(canonical),
        currency=currency, columns=maps, rows_read=raw.frame.height + len(body_exclusions),
        rows_excluded=sorted(body_exclusions + excluded, key=lambda e: e.line),
        findings=raw.findings + _preamble_note(raw) + findings, date_range=rng,
    )


def _set_summary_rows_aside(frame: pl.DataFrame, mapped: list[Mapped]) -> tuple[pl.DataFrame, list[Exclusion]]:
    """Rows that repeat a sum: a 'Total…' cell in a dimension, or every dimension blank but measures filled.

    Columns the mapping did not recognise count as dimensions here (a 'Totalt' row in an unknown
    channel column is still a total); the currency column never does."""
    measures = [m.source for m in mapped if m.canonical in MEASURES]
    currency = [m.source for m in mapped if m.canonical == "currency"]
    others = [c for c in frame.columns if c not in measures and c not in currency and c != LINE]
    text_dims = [m.source for m in mapped if m.col.parse in ("text", "device")] or others
    if not others:
        return frame, []

    def blank(c: str) -> pl.Expr:
        return pl.col(c).is_null() | (pl.col(c).str.strip_chars() == "")

    total_cell = pl.coalesce([pl.when(pl.col(c).str.contains(TOTAL_CELL)).then(pl.col(c).str.strip_chars())
                              for c in others])
    all_blank = pl.all_horizontal([blank(c) for c in text_dims]) & ~pl.all_horizontal([blank(c) for c in measures])
    reason = (pl.when(total_cell.is_not_null()).then(pl.format("summary row '{}'", total_cell))
              .when(all_blank).then(pl.lit("summary row (dimension cells blank, measures filled)")))
    marked = frame.with_columns(reason.alias("__reason"))
    out = marked.filter(pl.col("__reason").is_not_null())
    excluded = [Exclusion(line, why) for line, why in zip(out[LINE].to_list(), out["__reason"].to_list(),
                                                          strict=True)]
    return marked.filter(pl.col("__reason").is_null()).drop("__reason"), excluded


def _parse(frame: pl.DataFrame, mapped: list[Mapped]) -> tuple[pl.DataFrame, dict[str, values.ParseReport]]:
    columns: list[pl.Series] = [frame[LINE]]
    reports: dict[str, values.ParseReport] = {}
    for m in mapped:
        s = frame[m.source]
        kind = m.col.parse
        if kind in ("number", "percent", "duration", "date"):
            parsed, report = getattr(values, f"parse_{kind}")(s)
            reports[m.source] = report
        elif kind == "device":
            low = s.str.strip_chars().str.to_lowercase()
            parsed = low.replace_strict(_DEVICE_MAP, default="other", return_dtype=pl.String)
            parsed = pl.select(pl.when(low.is_null() | (low == "") | (low == "--")).then(None)
                               .otherwise(parsed)).to_series()
        elif kind == "currency":
            parsed = s.str.strip_chars().str.to_uppercase()
            parsed = pl.select(pl.when(parsed.str.contains(r"^[A-Z]{3}$")).then(parsed)).to_series()
        else:
            parsed = s.str.strip_chars()
            parsed = pl.select(pl.when(parsed.is_in(["", "--", "-"]).not_()).then(parsed)).to_series()
        columns.append(parsed.alias(m.canonical))
    return pl.DataFrame(columns), reports


def _totals_from_averages(frame: pl.DataFrame, mapped: list[Mapped], maps: list[ColumnMap],
                          findings: list[Finding]) -> tuple[pl.DataFrame, list[ColumnMap]]:
    """Average x its denominator = a total (avg engagement time per session x sessions = engagement seconds)."""
    for m in mapped:
        if not m.col.times:
            continue
        if m.col.times in frame.columns:
            frame = frame.with_columns((pl.col(m.canonical) * pl.col(m.col.times)).alias(m.canonical))
        else:
            frame = frame.drop(m.canonical)
            maps = [ColumnMap(c.source, None, f"an average; no {m.col.times} column to turn it into a total")
                    if c.source == m.source else c for c in maps]
            findings.append(Finding("warning", f"'{m.source}' is an average per {m.col.times[:-1]}, and the "
                                    f"file has no {m.col.times} column: it is left out.", f"column '{m.source}'"))
    return frame, maps


def _meta_results(frame: pl.DataFrame, kept: pl.DataFrame, mapped: list[Mapped], platform: Platform,
                  findings: list[Finding]) -> pl.DataFrame:
    """Meta 'Results' count only where the row's result indicator is a purchase or a lead."""
    results = next((m for m in mapped if m.canonical == "conversions" and m.col.priority == 1
                    and platform.id == "meta_ads"), None)
    if results is None:
        return frame
    indicator = next((h for h in kept.columns if h.lower().strip() in
                      ("result indicator", "result type", "resultatindikator", "resultattype")), None)
    if indicator is None:
        findings.append(Finding("warning", "Meta 'Results' without a result indicator: they may count clicks "
                                "or reach, so they are not used as conversions.", f"column '{results.source}'"))
        return frame.drop("conversions")
    is_result = kept[indicator].str.contains(r"(?i)purchase|lead|kjøp|potensielle")
    dropped = int((~is_result.fill_null(False) & frame["conversions"].is_not_null()).sum())
    if dropped:
        findings.append(Finding("info", f"{dropped} row(s) of Meta 'Results' count something other than "
                                "purchases or leads; they are not counted as conversions.",
                                f"column '{results.source}'"))
    if not is_result.any():
        return frame.drop("conversions")
    return frame.with_columns(pl.when(is_result.fill_null(False)).then(pl.col("conversions")).alias("conversions"))


def _meta_placement(frame: pl.DataFrame, kept: pl.DataFrame, maps: list[ColumnMap],
                    platform: Platform) -> tuple[pl.DataFrame, list[ColumnMap]]:
    """Meta's 'Platform' and 'Placement' breakdowns together name one placement: 'Instagram Stories'."""
    by_key = {normalise_header(c.source)[0]: c for c in maps}
    platform_col, placement_col = by_key.get("platform"), by_key.get("placement")
    if platform.id != "meta_ads" or not platform_col or not placement_col or placement_col.canonical != "placement":
        return frame, maps
    joined = pl.concat_str([kept[platform_col.source].str.strip_chars(), kept[placement_col.source].str.strip_chars()],
                           separator=" ", ignore_nulls=True)
    rule = f"Meta '{platform_col.source}' + '{placement_col.source}'"
    maps = [ColumnMap(c.source, "placement", rule) if c in (platform_col, placement_col) else c for c in maps]
    return frame.with_columns(joined.alias("placement")), maps


def _date_end(frame: pl.DataFrame) -> pl.DataFrame:
    """Keep date_end only when some row covers more than one day."""
    if "date_end" in frame.columns and "date" in frame.columns:
        if not (frame["date_end"] != frame["date"]).fill_null(False).any():
            return frame.drop("date_end")
    return frame


def _currency(raw: pl.DataFrame, frame: pl.DataFrame, mapped: list[Mapped], codes: set[str],
              findings: list[Finding], name: str) -> str | None:
    """A currency column, a code in a header ('Amount spent (NOK)'), or a symbol in money cells."""
    found: set[str] = set(codes)
    if "currency" in frame.columns:
        found |= set(frame["currency"].drop_nulls().unique().to_list())
    if not found:
        money = [m.source for m in mapped if m.canonical in MONEY_MEASURES]
        for m in money:
            for symbol, code in SYMBOLS:
                if raw[m].str.contains(symbol, literal=True).any():
                    found.add(code)
                    break
            else:
                if raw[m].str.contains(r"(?i)(^|\s|\d)kr\.?(\s|$)").any():
                    findings.append(Finding("warning", f"money in '{m}' is written in 'kr', which could be NOK, "
                                            "SEK or DKK: add a currency column or map one.", f"column '{m}'"))
    if len(found) > 1:
        findings += quality.mixed_currencies(found)
        return None
    return found.pop() if found else None


def _reporting_period(frame: pl.DataFrame, mapped: list[Mapped]) -> tuple[date, date] | None:
    """Meta's 'Reporting starts/ends' columns give the period of the whole file."""
    if "date" not in frame.columns or not any(m.canonical == "date_end" for m in mapped):
        return None
    end = "date_end" if "date_end" in frame.columns else "date"
    lo, hi = frame["date"].min(), frame[end].max()
    return (lo, hi) if lo is not None and hi is not None else None  # type: ignore[return-value]


def _unrecognised(maps: list[ColumnMap]) -> list[Finding]:
    names = [c.source for c in maps if c.rule == "unrecognised"]
    if not names:
        return []
    return [Finding("info", f"not recognised: {', '.join(names)}. If one of them holds a measure or a dimension, "
                    "map it (the mapping can be saved as a recipe).")]


def _preamble_note(raw: RawTable) -> list[Finding]:
    """Say what was skipped around the table: title lines above it, further tables below it."""
    out = [Finding("info", f"{t}: read on its own if you need it (only the first table is used).")
           for t in raw.other_tables]
    if raw.preamble:
        shown = "; ".join(p[:60] for p in raw.preamble[:3]) + ("…" if len(raw.preamble) > 3 else "")
        out.insert(0, Finding("info", f"{len(raw.preamble)} line(s) above the header skipped: {shown}",
                              f"lines 1-{raw.header_line - 1}"))
    return out
