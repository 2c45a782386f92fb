"""Ad, analytics and e-mail tables: rows of measures, read column by column with Polars.

Steps, each vectorised over whole columns (a million-row export must read about as fast as a bare
``pl.read_csv``): map the headers, set summary rows aside, parse each kept column with values.py,
turn averages back into totals, apply Meta's rules (meta.py), normalise device names, decide the
currency, then ask quality.py what looks wrong.
"""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from functools import partial

import polars as pl

from kpi_core import fmt
from kpi_core.fmt import Note, measure_words
from kpi_core.readers import quality, values
from kpi_core.readers.platforms import (
    AD_PLATFORMS,
    RATIO_RULE,
    Mapped,
    Platform,
    Rows,
    ga360,
    linkedin,
    map_columns,
    meta,
    normalise_header,
)
from kpi_core.readers.platforms.preamble import date_range_from, period_of_rows
from kpi_core.readers.result import ColumnMap, Exclusion, Finding, ReadError, ReadResult
from kpi_core.readers.sniff import LINE, RawTable
from kpi_core.schema import DIMENSIONS, MEASURES, MONEY_MEASURES, NON_ADDITIVE

# A cell that marks a summary row: "Total", "Total: Account", "Totalt:", "Summa", "Totalsum", "Samlet",
# "Grand total", "I alt", in the Nordic languages and those the ad managers' UIs write ("Totalsumma",
# "Sum totalt", "Gesamt", "Total général", "Yhteensä", "Subtotal", "Delsum"); followed by nothing, a colon
# and what the total is of, "alle …" / "all …" ("Totalt alle kampanjer") or brackets ("Total (3 rows)");
# and the counted forms of ad managers' summary lines: "Total of 12 results", "Results from 3 campaigns".
# A campaign merely starting with such a word ("Total Fitness", "Summer sale") is no total.
_TOTAL_WORDS = ("total|totalt|totals|totaler|totalsum|totalsumma|total summa|summa totalt|sum totalt|totalt sum|"
                "summa|sum|summe|summering|samlet|samlet resultat|grand total|sum total|i alt|total i alt|totaal|"
                "gesamt|gesamtsumme|gesamtergebnis|overall|overall total|subtotal|sub-total|delsum|delsumma|"
                "delsumme|totaux|total général|total general|totales|yhteensä|kaikki yhteensä|hovedtotal|"
                "samlet total")
TOTAL_CELL = (rf"(?i)^\s*(({_TOTAL_WORDS})\s*(:.*|\s(alle|all|for alle|för alla)\b.*|\(.*\))?"
              r"|(total of|results from|resultater fra|resultat från) \d+\b.*)$")
# Only a total's label followed by a colon or brackets ('Total: Account', 'Totalt:', 'Total (3 rows)') is
# sure. The word alone ('Total', 'sum') or with words after it ('Totalt alle kampanjer', 'Results from
# 3 campaigns') is also a search term, a campaign or an ad group's name ('total all inclusive mallorca',
# 'results from 2024 election'): it marks a summary row when the row's other dimensions are blank, or
# when its numbers are the sum of the rows it shares those dimensions with (a daily or per-channel
# subtotal); otherwise the row is data.
TOTAL_SURE = rf"(?i)^\s*({_TOTAL_WORDS})\s*(:.*|\(.*\))$"

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

# An ISO code written in money cells, before or after the number: 'NOK 1,432.18', '980,00 SEK'.
CELL_CODE = r"(?:^|[\s\d])(NOK|SEK|DKK|ISK|EUR|USD|GBP|CHF)(?:\s|[\d-]|$)"

# From this many rows the columns are parsed on two threads (1M rows: read wall time -20 %); below it
# the gain is lost in the noise (bench/FINDINGS.md P3) and the simpler serial path is kept.
PARALLEL_ROWS = 200_000

def read_performance(raw: RawTable, platform: Platform, name: str,
                     overrides: dict[str, str | None] | None = None) -> ReadResult:
    flat = ga360.flatten(raw, name, overrides) if platform.id == ga360.ID else None
    maps, mapped, codes = map_columns(platform, raw.header, overrides)
    measures = [m for m in mapped if m.canonical in MEASURES]
    if not measures:
        if raw.header and raw.header[0].rstrip().endswith(":"):  # Mailchimp's one-campaign report and the like
            raise ReadError(name, Note("e_key_values", first=raw.header[0]))
        raise ReadError(name, Note("e_no_measure", columns=", ".join(raw.header)))
    findings: list[Finding] = []
    empty, keys = quality.empty_columns(raw.frame), {normalise_header(h)[0] for h in raw.header}
    _drop_ratios(raw, maps)
    keep, excluded = _set_summary_rows_aside(raw.frame, mapped, maps) if platform.summary_rows else (None, [])
    if keep is not None and not keep.any():
        raise ReadError(name, Note("e_only_summary", reason=excluded[0].reason, line=excluded[0].line))
    keep, excluded = _first_period_only(raw.frame, keep, excluded)
    keep, excluded = _repeated_header(raw.frame, keep, excluded, [m.source for m in measures])
    keep, excluded = _notes_below(raw.frame, keep, excluded, [m.source for m in measures])
    kept = Rows(raw.frame, keep)
    frame, reports = _parse(kept, mapped, raw, _text_not_needed_later(platform, mapped),
                            comma_locale=raw.delimiter == ";")
    findings += _only_in_totals(raw.frame, keep, frame, measures, excluded)
    frame, maps = _totals_from_averages(frame, mapped, maps, findings)
    if platform.id == "meta_ads":
        frame, maps = meta.adjust(frame, kept, mapped, maps, findings)
    if platform.id == "linkedin_ads":
        frame = linkedin.adjust(frame, kept, findings)
    if flat is not None:
        frame, maps = ga360.adjust(frame, kept, mapped, maps, findings, flat)
    if platform.kind == "email":
        frame = _texts_are_no_emails(frame, findings)
    frame = _date_end(frame)
    frame = _whole_period(frame, date_range_from(raw.preamble), findings)
    if not codes and "currency" not in frame.columns:
        frame = _codes_in_cells(frame, kept, mapped)
    currency = _currency(raw.frame, frame, mapped, codes, findings)
    findings += quality.parse_findings(reports, kept[LINE])
    findings += _ambiguous_dates(kept, frame, mapped, reports, platform)
    findings += quality.row_findings(frame, views=any(m.col.views for m in mapped if m.canonical == "conversions"),
                                     breakdown=[c for c in (linkedin.BREAKDOWN, ga360.SESSION) if c in frame.columns],
                                     unread=[kept[c.source] for c in maps if c.rule == "unrecognised"
                                             or _an_id(c) and c.source in kept.columns])
    findings += _unrecognised(maps, raw.frame)
    if platform.id in AD_PLATFORMS and "spend" not in frame.columns:
        # An ad platform's export without its cost: every cost KPI would be missing without a word.
        findings.append(Finding("warning", Note("f_no_spend", platform=platform.label)))
    findings += empty
    rng = date_range_from(raw.preamble) or period_of_rows(frame, periods=platform.kind == "performance")
    findings += quality.missing_days(frame, rng)
    findings += [Finding("info", note) for key, note in platform.notes.items() if key in keys]
    # Text dimensions leave as Categorical, as the app keeps them (views.compact_dimensions): 4 bytes a
    # row instead of a String view of 16 and more, and filters and group_by compare integers.
    canonical = [pl.col(c).cast(pl.Categorical) if frame.schema[c] == pl.String else pl.col(c)
                 for c in frame.columns if c in MEASURES or c in DIMENSIONS]
    body_exclusions = [e for e in raw.excluded if e.line > raw.header_line]
    return ReadResult(
        file=name, platform=platform.id, kind=platform.kind, frame=frame.select(canonical),
        currency=currency, columns=maps, rows_read=raw.frame.height + len(body_exclusions),
        rows_excluded=sorted(body_exclusions + excluded, key=lambda e: e.line),
        findings=raw.findings + _preamble_note(raw) + findings, date_range=rng,
    )


def _drop_ratios(raw: RawTable, maps: list[ColumnMap]) -> None:
    """Take the ratio columns (CTR, Avg. CPC, Cost / conv.: recomputed from totals, never read) out of
    ``raw``, which the reader owns from here on: their text is a fifth of a Google Ads export's
    String frame, and it would otherwise stay in memory until the read returns."""
    ratios = [c.source for c in maps if c.rule == RATIO_RULE]
    if ratios:
        raw.frame = raw.frame.drop(ratios)


def _set_summary_rows_aside(frame: pl.DataFrame, mapped: list[Mapped],
                            maps: list[ColumnMap]) -> tuple[pl.Series | None, list[Exclusion]]:
    """Rows that repeat a sum: a 'Total…' cell in a dimension, or every dimension blank but measures filled.

    Columns the mapping did not recognise or does not read count as dimensions here (a 'Totalt' row in
    an unknown channel column is still a total, and so is 'Total: Account' under Google Ads' 'Campaign
    status'); the currency column never does. The patterns run over each column's distinct values
    (dimensions repeat a lot) and rows are matched by membership: a million-row export costs a hash
    pass per column, not a regex per cell."""
    measures = [m.source for m in mapped if m.canonical in MEASURES]
    dims = [m.source for m in mapped if m.canonical in DIMENSIONS and m.canonical != "currency"]
    unread = [c.source for c in maps if c.canonical is None and c.source in frame.columns and c.source not in dims]
    # Where a total's label is looked for: the dimensions and the columns read for nothing (a status,
    # an account name, a dimension the mapping does not know)
    scanned = dims + unread
    if not scanned:
        return None, []
    distinct = {c: frame[c].unique() for c in scanned}
    # Which columns count as dimensions (what a total leaves blank): the mapped ones, and unrecognised
    # ones that hold text; an unrecognised column of numbers ('Returning users') is a measure.
    unknown = [c.source for c in maps if c.rule == "unrecognised" and c.source in distinct
               and not _numbers_mostly(distinct[c.source])]
    others = dims + unknown
    text_dims = [m.source for m in mapped if m.col.parse in ("text", "device", "gender")] or others

    def matching(c: str, test: pl.Series) -> pl.Expr:
        """Rows whose cell in ``c`` is one of the distinct values for which ``test`` is true."""
        hits = distinct[c].filter(test.fill_null(False))
        return pl.col(c).is_in(hits.implode()) if len(hits) else pl.lit(False)

    def blank(c: str) -> pl.Expr:
        """Empty, or a dash standing for nothing (Microsoft's and Google's total rows write '-', ' --')."""
        return pl.col(c).is_null() | matching(c, distinct[c].str.strip_chars().is_in(["", "-", "--", "–", "—"]))

    labelled = {c: distinct[c].str.contains(TOTAL_CELL) for c in scanned}
    word = {c: labelled[c] & ~distinct[c].str.contains(TOTAL_SURE).fill_null(False) for c in scanned}
    total_cell = pl.coalesce([pl.when(matching(c, labelled[c])).then(pl.col(c).str.strip_chars()) for c in scanned])
    all_blank = (pl.all_horizontal([blank(c) for c in text_dims]) if text_dims else pl.lit(False)) & ~pl.all_horizontal(
        [pl.col(c).is_null() for c in measures])
    sure = pl.any_horizontal([matching(c, labelled[c] & ~word[c].fill_null(False)) for c in scanned]) | all_blank
    # The row mask is a few boolean passes; the total cell is taken only for the rows it marks, on a
    # frame of their cells gathered afresh (string expressions over an eagerly filtered frame in several
    # chunks, as read_csv gives it, have panicked in Polars 2.1: "assertion failed: i < self.len()").
    masks = frame.select(sure=sure, total=total_cell.is_not_null())
    summary = masks["sure"] | _subtotals(frame, masks["total"] & ~masks["sure"], masks["sure"], scanned, others,
                                         word, matching, text_dims, mapped)
    summary, excel = _excel_subtotals(frame, summary, scanned, distinct, mapped)
    if not summary.any():
        return None, []
    rows = summary.arg_true()
    used = dict.fromkeys([LINE, *scanned])
    marked = pl.DataFrame([frame[c].gather(rows).rechunk() for c in used])
    out = marked.select(pl.col(LINE), pl.coalesce(total_cell, *excel).alias("cell"))
    return ~summary, [Exclusion(line, Note("r_summary_cell", cell=cell) if cell is not None else BLANK_SUMMARY)
                      for line, cell in out.iter_rows()]


# Beside a total word, a cell that names everything ('Alle kanaler', 'Alla', 'All campaigns') is as
# good as blank: 'Totalt;Alle kanaler;Alle kampanjer' is the file's total.
ALL_CELL = r"(?i)^\s*(alle|alla|all|samtlige|samtliga)(\s+\S+)?\s*$"


def _an_id(c: ColumnMap) -> bool:
    """A column read for nothing that names a row's campaign, ad set or ad by id: two rows with other ids
    are two things, even when their names are the same (no double tracking)."""
    key = normalise_header(c.source)[0]
    return c.canonical is None and (key.endswith(" id") or key in ("campaignid", "adgroupid", "adid", "id"))


def _numbers_mostly(distinct: pl.Series) -> bool:
    """Whether a column's distinct values are (nearly all) numbers: a measure, not a dimension."""
    filled = distinct.drop_nulls()
    if filled.is_empty():
        return False
    numbers = filled.str.contains(values.NUMBER_LIKE).sum()
    return numbers >= 0.9 * filled.len()


def _fills(d: str) -> pl.Expr:
    """Whether a candidate row fills dimension ``d``: not blank, no dash, not 'Alle kanaler'."""
    cell = pl.col(d).str.strip_chars()
    return (cell.is_not_null() & ~cell.is_in(["", "-", "--", "–", "—"])
            & ~cell.str.contains(ALL_CELL).fill_null(False)).alias(d)


def _subtotals(frame: pl.DataFrame, candidates: pl.Series, sure: pl.Series, scanned: list[str], others: list[str],
               word: dict[str, pl.Series], matching, text_dims: list[str], mapped: list[Mapped]) -> pl.Series:
    """Which rows with the total word alone in a dimension (TOTAL_WORD) are summary rows: those whose
    other text dimensions are blank (or 'Alle kanaler'), and those whose count is the sum of the other
    rows sharing the dimensions they fill (the day's or the channel's subtotal: 'Sum;Google;;2100').
    A search term or campaign called 'total' is data."""
    found = pl.Series([False] * frame.height)
    if not candidates.any():
        return found
    # Each additive measure's digits: thousands separators differ between exports, but a column writes
    # its decimals alike ('1,245', '358.44'), so a sum of digits is the digits of the sum. A subtotal
    # repeats every one of them; a campaign called 'Total' matches one by chance at most.
    counts = [m.source for m in mapped if m.canonical in MEASURES and m.canonical not in NON_ADDITIVE]
    digits = [pl.col(c).str.replace_all(r"\D", "").cast(pl.Int64, strict=False).alias(f"n{i}")
              for i, c in enumerate(counts)]
    n = [f"n{i}" for i in range(len(counts))]
    count = bool(counts)
    for c in scanned:
        in_c = frame.select(matching(c, word[c])).to_series() & candidates
        if not in_c.any():
            continue
        key = [d for d in others if d != c]
        cells = frame.select(pl.int_range(pl.len()).alias("i"), *key, *digits)
        # The candidate rows (a few), and which of the other dimensions each fills.
        mine = cells.filter(in_c)
        fills = mine.select("i", *(_fills(d) for d in key))
        text = [d for d in text_dims if d in key]
        alone = fills.filter(~pl.any_horizontal(text) if text else pl.lit(True))["i"]
        found = found.scatter(alone, True) if len(alone) else found
        beside = fills.filter(pl.any_horizontal(text)) if text and count else fills.clear()
        base = cells.filter(~sure)  # the group's rows; the candidate's own count is taken off below
        for pattern, group in beside.group_by(key):
            filled = [d for d, f in zip(key, pattern, strict=True) if f]
            sums = base.group_by(filled).agg(pl.col(c).sum().alias(f"sum_{c}") for c in n)
            checked = mine.filter(pl.col("i").is_in(group["i"].implode())).join(sums, on=filled, how="left",
                                                                                nulls_equal=True)
            # each filled measure is the others' sum (its own count taken off the group's), one at least > 0
            same = [(pl.col(c) == pl.col(f"sum_{c}") - pl.col(c)) | pl.col(c).is_null() for c in n]
            some = [(pl.col(f"sum_{c}") - pl.col(c)) > 0 for c in n]
            hits = checked.filter(pl.all_horizontal(same) & pl.any_horizontal(some).fill_null(False))["i"]
            found = found.scatter(hits, True) if len(hits) else found
    return found


# Excel's Data > Subtotal writes the group's value and a total word after it, in the language of Excel:
# 'Google Total', 'Google Totalt', 'Google Summa', 'Google I alt', 'Google Ergebnis'; hand-made sheets
# also write the word first ('Sum Google'), sometimes in the next column.
EXCEL_SUBTOTAL = r"(?i)^\s*(.*\S)\s+(total|totalt|summa|sum|i alt|ergebnis|totaal|yhteensä)\s*$"
SUM_OF = r"(?i)^\s*(?:sum|summa|total|totalt|subtotal|delsum|delsumma)\s+(\S.*?)\s*$"


def _excel_subtotals(frame: pl.DataFrame, summary: pl.Series, scanned: list[str], distinct: dict[str, pl.Series],
                     mapped: list[Mapped]) -> tuple[pl.Series, list[pl.Expr]]:
    """Rows labelled '<value> Totalt' (or 'Sum <value>') where a column holds '<value>' on other rows, and
    whose every additive measure is the sum of those rows: the subtotals Excel's Data > Subtotal adds
    under each group. A campaign called 'Black Friday Total' is data: no 'Black Friday' rows add up to
    it. Returns the summary rows with these added, and expressions giving their label (for the reason)."""
    counts = [m.source for m in mapped if m.canonical in MEASURES and m.canonical not in NON_ADDITIVE]
    labels: list[pl.Expr] = []
    if not counts:
        return summary, labels
    numbers: pl.DataFrame | None = None  # the measures as numbers, parsed once a label asks for them
    for c in scanned:
        texts = distinct[c].drop_nulls()
        group = texts.str.extract(EXCEL_SUBTOTAL, 1).fill_null(texts.str.extract(SUM_OF, 1))
        pairs = pl.DataFrame({"label": texts, "group": group})
        for label, group in pairs.filter(pl.col("group").is_not_null()).head(50).iter_rows():
            home = next((d for d in [c, *scanned] if distinct[d].str.strip_chars().is_in([group]).any()), None)
            if home is None:
                continue
            if numbers is None:  # '1200', '358,5', '-120,00', a sheet's 358.5: each read by its column's style
                numbers = pl.DataFrame([values.parse_number(frame[m])[0].alias(m) for m in counts])
            is_label = (frame[c] == label).fill_null(False)
            of_group = (frame[home].str.strip_chars() == group).fill_null(False) & ~is_label & ~summary
            sub, rest = numbers.filter(is_label).sum(), numbers.filter(of_group).sum()
            pairs_ = list(zip(sub.row(0), rest.row(0), strict=True))
            if all(abs(a - b) <= 0.005 + 1e-9 * abs(b) for a, b in pairs_) and any(b for _, b in pairs_):
                summary = summary | is_label
                labels.append(pl.when(pl.col(c) == label).then(pl.col(c).str.strip_chars()))
    return summary, labels


BLANK_SUMMARY = Note("r_summary_blank")  # "summary row (dimension cells blank, measures filled)"


def _only_in_totals(raw: pl.DataFrame, keep: pl.Series | None, frame: pl.DataFrame, measures: list[Mapped],
                    excluded: list[Exclusion]) -> list[Finding]:
    """Measures no row gives but the summary rows set aside do: a Google Ads report segmented by
    conversion action writes ' --' for impressions, clicks and cost on every row, and only its
    'Total: Account' holds them. Said, or spend would vanish without a word."""
    if keep is None or keep.all():
        return []
    aside = raw.filter(~keep)
    empty = [m for m in measures if m.canonical in frame.columns and frame[m.canonical].null_count() == frame.height
             and m.source in aside.columns and aside[m.source].str.contains(r"\d").any()]
    if not empty or not frame.height:
        return []
    return [Finding("warning", Note("f_only_in_totals", columns=", ".join(m.source for m in empty)),
                    quality._lines([e.line for e in excluded]))]


def _notes_below(frame: pl.DataFrame, keep: pl.Series | None, excluded: list[Exclusion],
                 measures: list[str]) -> tuple[pl.Series | None, list[Exclusion]]:
    """Lines under the table with no number in any measure column and one cell of text ('Merknad: tall for
    3. februar er foreløpige', 'Source: Google Ads'): a note, not a row."""
    has_number = frame.select(pl.any_horizontal(pl.col(measures).is_not_null())).to_series()
    last = has_number.arg_true().max() if has_number.any() else None
    if last is None or last == frame.height - 1:
        return keep, excluded
    names = [c for c in frame.columns if c != LINE]
    tail = frame.slice(last + 1)
    one_cell = tail.select(pl.sum_horizontal(pl.col(names).is_not_null()) == 1).to_series()
    lines = tail.filter(one_cell)[LINE].to_list()
    if not lines:
        return keep, excluded
    note = frame.select(pl.col(LINE).is_in(lines)).to_series()
    excluded = excluded + [Exclusion(line, Note("r_note_below")) for line in lines]
    return (~note if keep is None else keep & ~note), excluded


def _repeated_header(frame: pl.DataFrame, keep: pl.Series | None, excluded: list[Exclusion],
                     measures: list[str]) -> tuple[pl.Series | None, list[Exclusion]]:
    """Rows that repeat the header (two downloads pasted into one file): set aside, named. Looked for
    only when a measure column holds its own name (one comparison over one column otherwise)."""
    first = measures[0]
    if not (frame[first] == first).any():  # the header's cells are written as the header is
        return keep, excluded
    names = [c for c in frame.columns if c != LINE]
    same = pl.sum_horizontal((pl.col(c).str.strip_chars() == c).fill_null(False) for c in names)
    repeat = frame.select(same * 2 > len(names)).to_series()
    if keep is not None:
        repeat = repeat & keep
    lines = frame.filter(repeat)[LINE].to_list()
    excluded = excluded + [Exclusion(line, Note("r_header_repeated")) for line in lines]
    return (~repeat if keep is None else keep & ~repeat), excluded


# GA4's 'Date range' column of a comparison export, in the UI languages seen or inferred.
COMPARISON_COLUMNS = ("date range", "datointervall", "datoperiode", "datoområde", "datumintervall", "datumperiod",
                      "datointerval", "plage de dates", "intervalo de fechas")


def _first_period_only(frame: pl.DataFrame, keep: pl.Series | None,
                       excluded: list[Exclusion]) -> tuple[pl.Series | None, list[Exclusion]]:
    """A GA4 comparison export repeats every row once per 'Date range': only the first period is read
    (adding both would count every session twice); the other period's rows are set aside, named."""
    column = next((c for c in frame.columns if normalise_header(c)[0] in COMPARISON_COLUMNS), None)
    if column is None or frame[column].n_unique() < 2:
        return keep, excluded
    kept = frame if keep is None else frame.filter(keep)
    first = kept[column].drop_nulls().first()
    other = kept.filter(pl.col(column) != first)
    excluded = excluded + [Exclusion(line, Note("r_comparison", period=period, first=first))
                           for line, period in zip(other[LINE].to_list(), other[column].to_list(), strict=True)]
    in_first = (frame[column] == first).fill_null(True)
    return (in_first if keep is None else keep & in_first), excluded


def _parse(frame: Rows, mapped: list[Mapped], raw: RawTable | None = None, release: frozenset[str] = frozenset(),
           comma_locale: bool = False) -> tuple[pl.DataFrame, dict[str, values.ParseReport]]:
    """Each mapped column parsed on its own; the columns are independent, so they are parsed on
    Polars' threads side by side (Polars releases the GIL; an eager Series operation runs on one core).

    The text of the ``release`` columns leaves ``raw`` (and ``frame``) as soon as they are parsed, so
    the String frame shrinks while its parsed copy grows instead of both being whole at the end. A date
    column read in doubt (no part above 12) keeps its text: _ambiguous_dates quotes a cell of it."""
    lock = threading.Lock()
    workbook = raw is not None and raw.encoding == "xlsx"

    def parse(m: Mapped) -> tuple[pl.Series, values.ParseReport | None]:
        out = _parse_column(frame[m.source], m, comma_locale)
        if workbook and m.col.parse == "number" and out[1] is not None and out[1].bad:
            out = _number_cells(frame[m.source], *out)
        if m.col.parse == "number" and out[1] is not None and out[1].bad and "decimal comma" in out[1].style:
            out = _decimal_points(frame[m.source], *out)
        if m.col.parse == "date" and out[1] is not None and out[1].bad and (workbook or _all_serials(frame[m.source])):
            out = _serial_dates(frame[m.source], *out)
        in_doubt = out[1] is not None and "ambiguous" in out[1].style
        if raw is not None and m.source in release and not in_doubt:
            with lock:
                raw.frame = frame.frame = raw.frame.drop(m.source)
        return out

    workers = min(pl.thread_pool_size(), len(mapped)) if frame.frame.height >= PARALLEL_ROWS else 1
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        done = list(pool.map(parse, mapped))
    columns: list[pl.Series] = [frame[LINE]] + [parsed for parsed, _ in done]
    reports = {m.source: report for m, (_, report) in zip(mapped, done, strict=True) if report is not None}
    _dots_as_thousands(frame, mapped, columns, reports, comma_locale)
    # Some parsers keep the reader's chunks, others give one: one chunk per column here, one column at
    # a time, or the first operation on the frame rechunks all of it at once (a copy of the frame).
    return pl.DataFrame([c.rechunk() for c in columns]), reports


_CELL_NUMBER = r"^-?\d+(\.\d+)?([eE][-+]?\d+)?$"  # how calamine writes a number cell: '765.5', '1e-05'


def _number_cells(text: pl.Series, parsed: pl.Series, report: values.ParseReport
                  ) -> tuple[pl.Series, values.ParseReport]:
    """A sheet column that mixes typed-in text ('1 234,50') with number cells: a number cell comes as
    '765.5', which the text's decimal-comma style cannot read, but it is the number it says."""
    return _as_written(text, parsed, report, _CELL_NUMBER)[:2]


# A number only a decimal point can make: one or two digits after the point ('1234.50', '4000.5'); three
# would be a thousands group ('1.099').
_POINT_DECIMAL = r"^-?\d+\.\d{1,2}$"


def _decimal_points(text: pl.Series, parsed: pl.Series, report: values.ParseReport
                    ) -> tuple[pl.Series, values.ParseReport]:
    """A column of decimal commas ('1 234,50') with cells typed with a decimal point ('1234.50', a value
    pasted from another sheet): such a cell can only be read one way, so it is, and said."""
    fixed, report, read = _as_written(text, parsed, report, _POINT_DECIMAL)
    report.other_marks = read
    return fixed, report


def _as_written(text: pl.Series, parsed: pl.Series, report: values.ParseReport, pattern: str
                ) -> tuple[pl.Series, values.ParseReport, list[tuple[int, str]]]:
    """The cells the column's style left unread that match ``pattern`` (a plain '765.5'), read as written;
    the report loses them as bad cells; also the examples of them it held."""
    cell = text.str.strip_chars()
    hit = (cell.str.contains(pattern) & parsed.is_null()).fill_null(False)
    if not hit.any():
        return parsed, report, []
    fixed = pl.select(pl.when(hit).then(cell.cast(pl.Float64, strict=False)).otherwise(parsed)).to_series()
    report.bad -= int(hit.sum())
    read = [(pos, t) for pos, t in report.bad_examples if re.fullmatch(pattern, t.strip())]
    report.bad_examples = [(pos, t) for pos, t in report.bad_examples if not re.fullmatch(pattern, t.strip())]
    return fixed.alias(parsed.name), report, read


_SERIAL = r"^\d{5}(\.0+)?$"  # an Excel day number: 45663 is 6 January 2025 (day 0 is 30 December 1899)


def _all_serials(text: pl.Series) -> bool:
    """A text file's date column of nothing but Excel day numbers ('45691': a sheet saved as CSV with the
    column formatted as a number); a single such cell among dates is more likely a typo."""
    filled = text.drop_nulls().str.strip_chars()
    return bool(filled.len()) and bool(filled.str.contains(r"^\d{5}$").all())


def _serial_dates(text: pl.Series, parsed: pl.Series, report: values.ParseReport
                  ) -> tuple[pl.Series, values.ParseReport]:
    """A sheet's date cells that come as Excel's day numbers (a date cell whose format the workbook does
    not mark as a date): between 1954 and 2119 (20000-80000), read as the day they count to."""
    cell = text.str.strip_chars()
    serial = (cell.str.contains(_SERIAL) & parsed.is_null()).fill_null(False)
    days = cell.cast(pl.Float64, strict=False).cast(pl.Int64, strict=False)
    serial = serial & days.is_between(20000, 80000).fill_null(False)
    if not serial.any():
        return parsed, report
    day = pl.lit(date(1899, 12, 30)) + pl.duration(days=days)
    fixed = pl.select(pl.when(serial).then(day).otherwise(parsed)).to_series()
    report.bad -= int(serial.sum())
    report.bad_examples = [(pos, t) for pos, t in report.bad_examples if not re.fullmatch(_SERIAL, t.strip())]
    return fixed.alias(parsed.name), report


def _text_not_needed_later(platform: Platform, mapped: list[Mapped]) -> frozenset[str]:
    """The source columns whose text nothing reads after parsing: dimensions and dates. Number columns
    stay (_dots_as_thousands, _codes_in_cells and _currency read their text), and so does every column
    of Meta, LinkedIn and GA360 exports (their adjust steps read columns as text)."""
    if platform.id in ("meta_ads", "linkedin_ads", ga360.ID):
        return frozenset()
    return frozenset(m.source for m in mapped if m.col.parse in ("text", "device", "gender", "currency", "date"))


def _parse_column(s: pl.Series, m: Mapped, day_first: bool = False) -> tuple[pl.Series, values.ParseReport | None]:
    """One column from its text. ``day_first``: the file comes from a day-first locale (';'-separated, as
    Excel writes CSV where the decimal mark is a comma), so a '1/2/2025' no cell decides is 1 February."""
    kind = m.col.parse
    if kind in ("number", "percent", "duration", "date"):
        parser = partial(_parse_date, slash_day_first=day_first) if kind == "date" else getattr(values, f"parse_{kind}")
        parsed, report = _parse_values(parser, s)
        return parsed.alias(m.canonical), report
    # a dimension: Categorical from here on (see read_performance)
    return _on_distinct(s, _CLEAN[kind], categorical=True).alias(m.canonical), None


def _parse_date(s: pl.Series, slash_day_first: bool = False) -> tuple[pl.Series, values.ParseReport]:
    """values.parse_date, with a month written alone ('2025-01', 'January 2025', 'jan. 2025': monthly
    rows of a sheet or a Google Ads Month segment) read as the month's first day."""
    text = s.str.strip_chars().str.replace(_WEEKDAY, "")
    text = (text.str.replace(r"^(\d{4})-(\d)$", "${1}-0${2}").str.replace(r"^(\d{4}-\d{2})$", "${1}-01")
            .str.replace(r"^(\d)[./](\d{4})$", "${2}-0${1}-01").str.replace(r"^(\d{2})[./](\d{4})$", "${2}-${1}-01")
            .str.replace(r"^(\d{4})/(\d)$", "${1}-0${2}-01").str.replace(r"^(\d{4})/(\d{2})$", "${1}-${2}-01")
            .str.replace(r"^(\p{L}+\.?)[\s-]+(\d{4})$", "1 ${1} ${2}")
            .str.replace(r"^(\p{L}{3,})[.\s-]+(\d{2})$", "1 ${1} 20${2}"))
    return values.parse_date(text, slash_day_first)


# A long date's weekday ('Monday, February 3, 2025', 'mandag 3. februar 2025', 'den 3 februari 2025'):
# the date is the rest.
_WEEKDAY = (r"(?i)^(?:den\s+|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mandag|tirsdag|onsdag|"
            r"torsdag|fredag|lørdag|søndag|måndag|tisdag|lördag|söndag|mon|tue|wed|thu|fri|sat|sun|man|tir|tirs|"
            r"ons|tor|tors|fre|lør|søn|mån|tis|lör|sön)\.?(?:\s+den)?,?\s+)")


_DOT_GROUPS = r"^[-+]?\d{1,3}(\.\d{3})+$"


# Measures that only count whole things: '12.000' impressions can only be twelve thousand.
WHOLE_COUNTS = frozenset({"impressions", "reach", "clicks", "sessions", "users", "engaged_sessions", "pageviews",
                          "video_views", "engagements", "emails_delivered", "email_opens", "email_clicks",
                          "unsubscribes", "orders"})


def _dots_as_thousands(frame: Rows, mapped: list[Mapped], columns: list[pl.Series],
                       reports: dict[str, values.ParseReport], comma_locale: bool = False) -> None:
    """Dots that only group thousands, in a column values.py (deciding each column alone) read as decimals.

    A Danish count column such as ``1.200`` shows no sign of its style (it could be 1.2). Such a
    column (every dotted value in groups of three) is read again with the dots as thousands when the
    file says it is written with decimal commas: another number column is decimal-comma, or the file
    is separated by semicolons (what Excel writes where the comma is the decimal mark); or when the
    column counts whole things (impressions, clicks, sessions…)."""
    comma_file = comma_locale or any(r.style.startswith("decimal comma") for r in reports.values())
    for i, m in enumerate(mapped, start=1):  # columns[0] is LINE
        report = reports.get(m.source)
        if m.col.parse != "number" or report is None or report.style != "decimal point":
            continue
        if not comma_file and m.canonical not in WHOLE_COUNTS:
            continue
        has_dot = frame[m.source].str.contains(".", literal=True).fill_null(False)
        if not has_dot.any():  # most count columns: one literal scan
            continue
        text = frame[m.source].str.strip_chars()
        dotted = text.filter(has_dot)
        if dotted.str.contains(_DOT_GROUPS).all():
            parsed, again = _parse_values(values.parse_number, text.str.replace_all(".", "", literal=True))
            why = "the file's other columns use decimal commas" if comma_file else "a count of whole things"
            again.style = f"dot thousands ({why})"
            columns[i], reports[m.source] = parsed.alias(m.canonical), again


def _device(s: pl.Series) -> pl.Series:
    low = _text(s).str.to_lowercase()
    return pl.select(pl.when(low.is_not_null()).then(low.replace_strict(_DEVICE_MAP, default="other"))).to_series()


# Gender as the platforms and their languages write it, in one vocabulary so that Meta's 'female',
# Google Ads' 'Female' and a Kaggle sheet's 'F' are one segment. Other values stay as written.
GENDERS = {
    "female": ("f", "female", "females", "woman", "women", "kvinne", "kvinner", "kvinna", "kvinnor", "kvinde",
               "kvinder"),
    "male": ("m", "male", "males", "man", "men", "mann", "menn", "män", "mand", "mænd"),
    "unknown": ("unknown", "undetermined", "ukjent", "okänd", "okänt", "ukendt", "ikke oppgitt"),
}
_GENDER_MAP = {name: common for common, names in GENDERS.items() for name in names}


def _gender(s: pl.Series) -> pl.Series:
    text = _text(s)
    common = text.str.to_lowercase().replace_strict(_GENDER_MAP, default=None, return_dtype=pl.String)
    return pl.select(pl.coalesce(common, text)).to_series()


def _currency_code(s: pl.Series) -> pl.Series:
    """An ISO code ('sek' -> 'SEK'), or the symbol of one ('€' -> 'EUR'); 'kr' names no one currency."""
    code = s.str.strip_chars().str.to_uppercase().replace(dict(SYMBOLS))
    return pl.select(pl.when(code.str.contains(r"^[A-Z]{3}$")).then(code)).to_series()


def _text(s: pl.Series) -> pl.Series:
    text = s.str.strip_chars()
    return pl.select(pl.when(~text.is_in(["", "--", "-"])).then(text)).to_series()


_CLEAN = {"device": _device, "gender": _gender, "currency": _currency_code, "text": _text}


def _on_distinct(s: pl.Series, fn, categorical: bool = False) -> pl.Series:
    """``fn(s)`` for a function of each cell alone, computed once per distinct value (as Categorical
    when ``categorical``). When ``fn`` keeps every distinct value as it is (a clean export's
    dimensions), that is ``s`` itself: no new column."""
    cast = (lambda r: r.cast(pl.Categorical)) if categorical else (lambda r: r)
    distinct = _repeated_distinct(s, ordered=False)
    if distinct is None:
        return cast(fn(s))
    results = fn(distinct)
    if results.dtype == s.dtype and results.equals(distinct):
        return cast(s)
    return _back(s, distinct, cast(results))


def _repeated_distinct(s: pl.Series, ordered: bool = True) -> pl.Series | None:
    """The distinct values of ``s`` (in order of first occurrence when ``ordered``) when they are at
    most a quarter of its cells (working on them then pays), else None. ``approx_n_unique`` decides,
    a fraction of the cost of building the distinct values: the callers give the same answer either
    way (see _parse_values), so its small error near the quarter only changes which way is taken."""
    if s.approx_n_unique() * 4 > s.len():
        return None
    return s.unique(maintain_order=ordered)


def _back(s: pl.Series, distinct: pl.Series, results: pl.Series) -> pl.Series:
    """Each cell of ``s`` replaced by the result computed for its distinct value."""
    if s.null_count() == 0:  # each cell's position among the distinct values, then that result
        return results.gather(s.cast(pl.Enum(distinct)).to_physical()).alias(s.name)
    joined = pl.DataFrame({"v": s}).join(pl.DataFrame({"v": distinct, "r": results}), on="v", how="left",
                                         nulls_equal=True, maintain_order="left")
    return joined["r"].alias(s.name)


def _parse_values(parse, s: pl.Series) -> tuple[pl.Series, values.ParseReport]:
    """``parse(s)``, done on the column's distinct values when they repeat a lot (dates, small counts).

    The parsers decide a column's style from which values occur (and the first one that decides),
    so the distinct values in order of first occurrence give the same style and values. Their
    report counts distinct values, though: it is exact for the cells only when no value was bad or
    masked, so any other column is parsed again cell by cell (dirty columns are the rare case)."""
    if parse is values.parse_number:
        plain = _plain_numbers(s)
        if plain is not None:
            return plain
    distinct = _repeated_distinct(s)
    if distinct is None:
        return parse(s)
    parsed, report = parse(distinct)
    if report.bad or report.masked:
        return parse(s)
    full = _back(s, distinct, parsed)
    report.null_markers = full.null_count()
    return full, report


def _plain_numbers(s: pl.Series) -> tuple[pl.Series, values.ParseReport] | None:
    """When Polars reads every filled cell as a plain finite number ('16.59', '-3', '1e5'), that number
    is what parse_number gives too; a machine-written column (Meta, GA4, most costs) then takes one cast."""
    plain = s.cast(pl.Float64, strict=False)
    if plain.null_count() != s.null_count():  # spaces around the number, or not a plain number at all
        failed = s.filter(plain.is_null() & s.is_not_null()).head(1)
        if failed.str.strip_chars().equals(failed):  # no spaces to strip: stripping cannot help this cell
            return None
        plain = s.str.strip_chars().cast(pl.Float64, strict=False)
    if plain.null_count() != s.null_count() or not plain.is_finite().fill_null(True).all():
        return None
    return plain, values.ParseReport(style="decimal point", null_markers=s.null_count())


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
            findings.append(Finding("warning", Note("f_average", source=m.source, unit=_singular(m.col.times),
                                                    times=measure_words(m.col.times, start=False)),
                                    Note("w_column", column=m.source)))
    return frame, maps


def _singular(measure: str) -> dict[str, str]:
    """What an average is per: 'session' (the only ``times`` the specs use), else the id without its 's'."""
    return {"en": "session", "nb": "økt", "sv": "session"} if measure == "sessions" else {"en": measure[:-1]}


EMAIL_MEASURES = ("emails_delivered", "email_opens", "email_clicks", "unsubscribes")


def _texts_are_no_emails(frame: pl.DataFrame, findings: list[Finding]) -> pl.DataFrame:
    """An e-mail tool's SMS campaigns (Klaviyo's Campaign Channel 'SMS'): their sends, clicks and
    unsubscribes are no e-mails, so they stay out of the e-mail KPIs; their orders and revenue count."""
    if "channel" not in frame.columns:
        return frame
    sms = frame["channel"].cast(pl.String).str.strip_chars().str.to_lowercase().is_in(["sms", "mms", "text"])
    if not sms.any():
        return frame
    findings.append(Finding("info", Note("f_sms_rows", n=int(sms.sum()))))
    return frame.with_columns(pl.when(sms).then(None).otherwise(pl.col(m)).alias(m)
                              for m in EMAIL_MEASURES if m in frame.columns)


def _whole_period(frame: pl.DataFrame, period: tuple | None, findings: list[Finding]) -> pl.DataFrame:
    """A report without a date column (GA4's Traffic acquisition as downloaded) whose lines above the
    header name its period: every row covers that period as a whole (``date`` to ``date_end``), so it
    counts in a period that covers all of it and in no part of one, instead of in none."""
    if "date" in frame.columns or period is None or frame.is_empty():
        return frame
    lo, hi = period
    findings.append(Finding("info", Note("f_whole_period", lo=lo, hi=hi)))
    columns = [pl.lit(lo).alias("date")] + ([pl.lit(hi).alias("date_end")] if hi > lo else [])
    return frame.with_columns(columns)


def _date_end(frame: pl.DataFrame) -> pl.DataFrame:
    """Keep date_end only when some row covers more than one day."""
    if "date_end" in frame.columns and "date" in frame.columns:
        if not (frame["date_end"] != frame["date"]).fill_null(False).any():
            return frame.drop("date_end")
    return frame


_KR_HEADER = r"(?i)(\(\s*kr\.?\s*\)|\[\s*kr\.?\s*\]|(,|\s)\s*(i\s+|in\s+)?kr\.?)\s*$"


def _currency(raw: pl.DataFrame, frame: pl.DataFrame, mapped: list[Mapped], codes: set[str],
              findings: list[Finding]) -> str | None:
    """A currency column (or codes in money cells, see ``_codes_in_cells``), a code in a header
    ('Amount spent (NOK)'), or a symbol in money cells."""
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
                # 'kr' in the cells ('1 234,50 kr') or in the header ('Kostnad (kr)', 'Omsetning i kr')
                if re.search(_KR_HEADER, m) or raw[m].str.contains(r"(?i)(^|\s|\d)kr\.?(\s|$)").any():
                    findings.append(Finding("warning", Note("f_kr", column=m), Note("w_column", column=m)))
    if len(found) > 1:
        findings += quality.mixed_currencies(found)
        return None
    return found.pop() if found else None


def _codes_in_cells(frame: pl.DataFrame, kept: Rows, mapped: list[Mapped]) -> pl.DataFrame:
    """'NOK 1,432.18' or '980,00 SEK' in money cells: the code becomes the row's currency, so money in
    two currencies in one column is never added up. Looked for only when the first 1,000 cells show
    one (a code is written in every cell or in none; a big export pays no regex pass otherwise)."""
    money = [m.source for m in mapped if m.canonical in MONEY_MEASURES
             and kept[m.source].head(1000).str.contains(CELL_CODE).any()]
    if not money:
        return frame
    code = pl.select(pl.coalesce([kept[m].str.extract(CELL_CODE) for m in money])).to_series()
    return frame if code.null_count() == code.len() else frame.with_columns(code.alias("currency"))


# Platforms whose exports write M/D/YYYY in every language (export-formats.md): no doubt to report.
MONTH_FIRST = ("linkedin_ads", "microsoft_ads")


def _ambiguous_dates(kept: Rows, frame: pl.DataFrame, mapped: list[Mapped], reports: dict[str, values.ParseReport],
                     platform: Platform) -> list[Finding]:
    """A date column in which no part is above 12 ('01/02/2025'): the order was chosen, not read, so say
    which and how the first date was read (a day-first sheet read month first moves every row's day).
    Dotted dates are day first wherever they are written, so they are not in doubt."""
    out = []
    for m in mapped:
        report = reports.get(m.source)
        if (m.col.parse != "date" or report is None or "ambiguous" not in report.style
                or platform.id in MONTH_FIRST or report.style.startswith("D.M.")):  # dots: always day first
            continue
        d = pl.col(m.canonical)  # the example: the first date whose order matters (not 01/01)
        telling = frame.select(pl.arg_where((d.dt.day() != d.dt.month()).fill_null(False))).to_series()
        if telling.is_empty():
            continue  # no date read, or only days such as 01/01: nothing to show
        text, day = kept[m.source][telling[0]].strip(), frame[m.canonical][telling[0]]
        order = Note("w_month_first" if "read as month first" in report.style else "w_day_first")
        closer = re.search(r"the dates then span (\d+) days?, against (\d+) days? read the other way", report.style)
        if closer:  # values._closer_order chose it: the dates lie closer together that way
            near, far = (Note("w_day" if n == "1" else "w_days", n=n) for n in closer.groups())
            order = Note("w_closer", order=order, near=near, far=far)
        out.append(Finding("warning", Note("f_ambiguous_dates", column=m.source, order=order, text=text,
                                           date=fmt.long_date(day)),
                           Note("w_column", column=m.source)))
    return out


def _unrecognised(maps: list[ColumnMap], raw: pl.DataFrame) -> list[Finding]:
    """The columns no rule knows; an empty one without a header (trailing delimiters) is not worth a word."""
    names = [c.source for c in maps if c.rule == "unrecognised"
             and not (re.fullmatch(r"column_\d+", c.source) and raw[c.source].null_count() == raw.height)]
    if not names:
        return []
    return [Finding("info", Note("f_unrecognised", names=", ".join(names)))]


def _preamble_note(raw: RawTable) -> list[Finding]:
    """Say what was skipped around the table: title lines above it, further tables below it."""
    out = [Finding("info", Note("f_other_table", table=t)) for t in raw.other_tables]
    if raw.preamble:
        # a resaved GA4 file pads its '#' lines with delimiters ('# Account: Nordlys AS,,'): not worth showing
        shown = "; ".join(p.rstrip(",;\t ")[:60] for p in raw.preamble[:3]) + ("…" if len(raw.preamble) > 3 else "")
        # n counts every line above the header (blank lines and '#' rules too), as the range it names does
        out.insert(0, Finding("info", Note("f_preamble", n=raw.header_line - 1, shown=shown),
                              Note("w_line_range", last=raw.header_line - 1)))
    return out
