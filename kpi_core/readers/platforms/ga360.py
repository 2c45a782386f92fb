"""GA360's BigQuery export as a CSV (the Google Merchandise Store's "Customer Revenue Prediction"
file): one row per visit, with the session's ``totals``, ``device``, ``geoNetwork`` and
``trafficSource`` written as JSON text in one cell each.

``flatten`` (before the columns are mapped) turns the keys we read into text columns named
``<column>.<key>`` ('totals.visits', 'geoNetwork.country'), so specs.GA360_SESSIONS maps them like
any header and a user's mapping can name them too ('totals.hits' -> engagements). Each JSON column
is decoded in one vectorised ``str.json_decode`` with an explicit all-text struct (once per distinct
cell when cells repeat); only when that fails (a malformed cell, an object where text was expected)
are the cells validated and the keys read one by one with ``str.json_path_match``, which gives null
for malformed JSON. A malformed or empty ``totals`` cell leaves its row out (its sessions and revenue
cannot be known), named by line; a malformed cell in another JSON column leaves that row's
dimensions empty, also named by line.

``adjust`` (after the columns are parsed) applies the export's own rules, from the BigQuery export
schema of Universal Analytics 360:
- a ``totals`` key is left out when it is zero, so a missing key counts 0. That includes
  ``visits``: GA counts a session only for a visit with an interaction (Σ totals.visits is GA's
  Sessions; a row without it is a non-interactive visit). A file whose totals never carry
  ``visits`` counts one session per row;
- ``transactionRevenue`` is in micros (÷ 1,000,000); the Merchandise Store's view is in USD;
- ``transactions`` are both the conversions (ecommerce conversion rate = transactions / sessions)
  and the orders (AOV = revenue / transactions); ``bounces`` are UA's bounces (one-hit sessions),
  never turned into engaged sessions, whose GA4 definition differs;
- ``visitNumber`` 1 is a new visitor, more a returning one (customer_type); ``totals.newVisits``
  when the file has no visitNumber;
- ``fullVisitorId`` is read as text (leading zeros, values past 2^63) and counts people: users are
  never summed, the file's distinct visitors are reported in a finding instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl
from polars.exceptions import PolarsError

from kpi_core import fmt
from kpi_core.catalog import LANGS
from kpi_core.fmt import Note
from kpi_core.readers.platforms import Mapped, Rows, normalise_header
from kpi_core.readers.quality import _lines
from kpi_core.readers.result import ColumnMap, Exclusion, Finding, ReadError
from kpi_core.readers.sniff import LINE, RawTable

ID = "ga360_sessions"
SESSION = "__session"  # the session id beside the frame: sessions with equal dimensions are no duplicates

# JSON column (normalised) -> keys read from it. A key of totals that is missing counts 0.
READ = {
    "totals": ("visits", "pageviews", "bounces", "transactions", "transactionRevenue", "totalTransactionRevenue",
               "timeOnSite", "newVisits"),
    "device": ("deviceCategory",),
    "geonetwork": ("country",),
    "trafficsource": ("campaign", "keyword", "source", "medium"),
}
# Keys of totals GA360 always defines: kept (as 0) even when no row of the file carries them.
ALWAYS = ("visits", "pageviews", "bounces", "transactions", "transactionRevenue")
SOURCE_MEDIUM = "source / medium"  # trafficSource.source and .medium joined, as GA writes the dimension
MICROS = 1_000_000
MICROS_KEYS = ("totals.transactionrevenue", "totals.totaltransactionrevenue")
VISIT_NUMBER_KEYS = ("visitnumber", "totals.newvisits")  # 1 = the visitor's first visit
CURRENCY = "USD"
_KEY_SAMPLE = 1000  # cells whose keys are listed in the mapping (keys read are decoded in every cell)
_CELL, _BAD = "__cell", "__bad"


@dataclass
class Flattened:
    """What ``flatten`` did, for the column mapping: the file's header, and per JSON column the
    columns made from its keys and the keys found in the file but not read."""

    header: list[str]
    made: dict[str, list[str]] = field(default_factory=dict)
    unused: dict[str, list[str]] = field(default_factory=dict)
    mapped_whole: set[str] = field(default_factory=set)  # JSON columns a user's mapping named as a whole
    session_per_row: bool = False  # no totals cell has 'visits': each row counts one session


def flatten(raw: RawTable, name: str, overrides: dict[str, str | None] | None = None) -> Flattened:
    """Replace the JSON columns of ``raw`` by '<column>.<key>' text columns (``raw`` is the reader's)."""
    flat = Flattened(list(raw.header))
    asked = {k for k, target in (overrides or {}).items() if "." in k and target is not None}
    json_cols = [h for h in raw.header if normalise_header(h)[0] in READ]
    flat.mapped_whole = {h for h in json_cols if (overrides or {}).get(h) is not None}
    new: list[pl.Series] = []
    unread = pl.Series([None] * raw.frame.height, dtype=pl.String)  # why a row's totals cannot be read
    broken: list[tuple[str, list[str], pl.Series]] = []  # other JSON columns with malformed cells
    for col in json_cols:
        key = normalise_header(col)[0]
        text = raw.frame[col].str.strip_chars()
        text = pl.select(pl.when(text != "").then(text)).to_series()
        found = _keys_in(text)
        extra = [k for k in found if f"{col}.{k}" in asked and k not in READ[key]]  # mapped to a measure
        wanted = list(READ[key]) + extra
        values, bad = _decode_distinct(text, wanted)
        if key == "totals":
            unread = pl.select(pl.when(bad).then(pl.lit(f"r_ga360_malformed\t{col}"))
                               .when(text.is_null()).then(pl.lit(f"r_ga360_empty\t{col}"))).to_series()
            flat.session_per_row = values["visits"].null_count() == values.height
            values = _zeros(_present(values), text.is_not_null() & ~bad, flat.session_per_row)
        elif bad.any():
            broken.append((col, wanted, bad))
        if key == "trafficsource":
            values = _source_medium(values)
        if key != "totals":  # a key in no cell (no keyword in the file) makes no column
            values = values.select(c for c in values.columns if values[c].null_count() < values.height)
        flat.made[col] = [f"{col}.{k}" for k in values.columns]
        flat.unused[col] = [f"{col}.{k}" for k in found if k not in wanted]
        new += [values[k].alias(f"{col}.{k}") for k in values.columns]
    for col, wanted, bad in broken:  # on rows that stay (a row without totals is left out anyway)
        lines = raw.frame.filter(bad & unread.is_null())[LINE].to_list()
        if lines:
            fields = ", ".join(f"{col}.{k}" for k in wanted)
            raw.findings.append(Finding("warning", Note("f_ga360_bad_json", n=len(lines), col=col, fields=fields),
                                        _lines(lines)))
    raw.frame = raw.frame.drop(json_cols).with_columns(new)
    _set_unread_aside(raw, unread, name)
    return flat


def _set_unread_aside(raw: RawTable, unread: pl.Series, name: str) -> None:
    """Rows whose totals are malformed or empty: left out (their sessions and revenue are unknown), named."""
    if unread.null_count() == unread.len():
        return
    gone = raw.frame.select(LINE, why=unread).filter(pl.col("why").is_not_null())
    if gone.height == raw.frame.height:
        raise ReadError(name, Note("e_ga360_no_totals", why=_why(gone["why"][0]), where=_lines(gone[LINE].to_list())))
    for (why,), rows in gone.group_by("why", maintain_order=True):
        lines = rows[LINE].to_list()
        raw.findings.append(Finding("warning", Note("f_ga360_unread", n=len(lines), why=_why(why)), _lines(lines)))
    raw.excluded += [Exclusion(line, _why(why)) for line, why in gone.iter_rows()]
    raw.frame = raw.frame.filter(unread.is_null())


def _why(code: str) -> Note:
    """A left-out row's reason, kept in its Series as 'key<TAB>column' and said as a Note."""
    key, col = code.split("\t", 1)
    return Note(key, col=col)


def _keys_in(text: pl.Series) -> list[str]:
    """The top-level keys of the first cells, in order of first appearance ([] when they do not decode)."""
    sample = text.drop_nulls().head(_KEY_SAMPLE)
    try:
        dtype = sample.str.json_decode(infer_schema_length=None).dtype
    except PolarsError:
        valid = sample.filter(_valid(sample))
        try:
            dtype = valid.str.json_decode(infer_schema_length=None).dtype if valid.len() else None
        except PolarsError:
            return []
    return [f.name for f in dtype.fields] if isinstance(dtype, pl.Struct) else []


def _valid(text: pl.Series) -> pl.Series:
    """True where the cell is a JSON object (null cells are not malformed: they give null too)."""
    return (text.str.starts_with("{") & text.str.json_path_match("$").is_not_null()).fill_null(False)


def _decode_distinct(text: pl.Series, keys: list[str]) -> tuple[pl.DataFrame, pl.Series]:
    """``_decode``, done once per distinct cell when cells repeat (a device or trafficSource cell takes a few
    hundred values over a million visits); ``approx_n_unique`` tells cheaply when they do not."""
    if text.len() < _KEY_SAMPLE or text.approx_n_unique() * 4 > text.len():
        return _decode(text, keys)
    distinct = text.unique(maintain_order=True)
    values, bad = _decode(distinct, keys)
    table = values.with_columns(**{_CELL: distinct, _BAD: bad})
    joined = pl.DataFrame({_CELL: text}).join(table, on=_CELL, how="left", nulls_equal=True, maintain_order="left")
    return joined.select(keys), joined[_BAD]


def _decode(text: pl.Series, keys: list[str]) -> tuple[pl.DataFrame, pl.Series]:
    """The ``keys`` of each JSON cell as text (numbers and booleans too), and where a cell is malformed."""
    none = pl.Series([False] * text.len())
    if not keys:
        return pl.DataFrame(), none
    try:
        return text.str.json_decode(pl.Struct({k: pl.String for k in keys})).struct.unnest(), none
    except PolarsError:
        pass
    valid = _valid(text)
    frame = pl.DataFrame({k: pl.select(pl.when(valid).then(text.str.json_path_match(f"$['{k}']"))).to_series()
                          for k in keys})
    return frame, text.is_not_null() & ~valid


def _present(values: pl.DataFrame) -> pl.DataFrame:
    """The totals keys to keep: those GA360 always defines (a key in no cell is 0 in every row), and the
    others (timeOnSite, newVisits) only when some cell has them. ``totalTransactionRevenue`` stands in
    for ``transactionRevenue`` only when no cell has the latter (export-schema versions differ)."""
    filled = {c for c in values.columns if values[c].null_count() < values.height}
    keep = [c for c in values.columns if c in filled or c in ALWAYS]
    if "totalTransactionRevenue" in filled and "transactionRevenue" not in filled:
        keep.remove("transactionRevenue")
    return values.select(keep)


def _zeros(values: pl.DataFrame, readable: pl.Series, session_per_row: bool) -> pl.DataFrame:
    """A missing key of a readable totals cell is 0; sessions count 1 per row when no cell has ``visits``."""
    visits = "1" if session_per_row else "0"
    return values.with_columns(pl.when(readable).then(pl.col(k).fill_null(visits if k == "visits" else "0"))
                               .alias(k) for k in values.columns)


def _source_medium(values: pl.DataFrame) -> pl.DataFrame:
    joined = pl.concat_str([pl.col("source"), pl.col("medium")], separator=" / ", ignore_nulls=True)
    return values.with_columns(joined.alias(SOURCE_MEDIUM)).drop("source", "medium")


def adjust(frame: pl.DataFrame, kept: Rows, mapped: list[Mapped], maps: list[ColumnMap],
           findings: list[Finding], flat: Flattened) -> tuple[pl.DataFrame, list[ColumnMap]]:
    """``kept``: the source rows (as text) behind ``frame``, row for row."""
    by_canonical = {m.canonical: m for m in mapped}
    notes: dict[str, str] = {}
    revenue = by_canonical.get("revenue")
    if revenue and normalise_header(revenue.source)[0] in MICROS_KEYS:
        frame = frame.with_columns(pl.col("revenue") / MICROS)
        if "currency" not in frame.columns:
            frame = frame.with_columns(currency=pl.lit(CURRENCY))
        notes[revenue.source] = f"÷ {MICROS:,}: micros of {CURRENCY}"
        micros = {lg: fmt.number(MICROS, lg) for lg in LANGS}
        findings.append(Finding("info", Note("p_ga360_micros", source=revenue.source, micros=micros,
                                             currency=CURRENCY)))
    conversions = by_canonical.get("conversions")
    if conversions and "orders" not in frame.columns and conversions.source.lower() == "totals.transactions":
        frame = frame.with_columns(orders=pl.col("conversions"))
        notes[conversions.source] = "also orders: one transaction is one order"
    kind = by_canonical.get("customer_type")
    if kind and normalise_header(kind.source)[0] in VISIT_NUMBER_KEYS:
        first = kept[kind.source].str.strip_chars() == "1"
        frame = frame.with_columns(pl.when(first.is_not_null()).then(
            pl.when(first).then(pl.lit("new")).otherwise(pl.lit("returning"))).alias("customer_type"))
        notes[kind.source] = "1 → new, else returning"
    visits = by_canonical.get("sessions")
    if visits and visits.source.lower() == "totals.visits" and flat.session_per_row:
        notes[visits.source] = "no cell has the key: one session per row"
    elif visits and visits.source.lower() == "totals.visits":
        notes[visits.source] = "a missing key counts 0: a visit without interaction is no session"
        idle = frame.filter(pl.col("sessions") == 0)[LINE].to_list()
        if idle:
            findings.append(Finding("info", Note("p_ga360_idle", n=len(idle)), _lines(idle)))
    for m in mapped:
        if m.source.lower().startswith("totals.") and m.canonical != "customer_type":
            notes.setdefault(m.source, "a missing key counts 0")
    frame, ids = _sessions(frame, kept, findings)
    return frame, _maps(maps, flat, notes, ids)


def _sessions(frame: pl.DataFrame, kept: Rows, findings: list[Finding]) -> tuple[pl.DataFrame, dict[str, str]]:
    """The session id beside the frame (for the duplicate check) and the distinct visitors, as a finding."""
    by_key = {normalise_header(c)[0]: c for c in kept.columns}
    rules: dict[str, str] = {}
    if "sessionid" in by_key:
        frame = frame.with_columns(kept[by_key["sessionid"]].alias(SESSION))
        rules[by_key["sessionid"]] = "session id: sessions alike in every dimension are no duplicates"
    elif "fullvisitorid" in by_key and "visitid" in by_key:  # what sessionId is made of
        frame = frame.with_columns(pl.concat_str([kept[by_key["fullvisitorid"]], kept[by_key["visitid"]]],
                                                 separator="_").alias(SESSION))
    visitor = by_key.get("fullvisitorid")
    if visitor:
        ids = kept[visitor].str.strip_chars()
        people = ids.drop_nulls().n_unique()
        findings.append(Finding("info", Note("p_ga360_visitors", n=frame.height, people=people, visitor=visitor)))
        rules[visitor] = f"visitor id: {people} distinct visitors (users count people and are not summed)"
    return frame, rules


def _maps(maps: list[ColumnMap], flat: Flattened, notes: dict[str, str], ids: dict[str, str]) -> list[ColumnMap]:
    """The mapping in the file's column order: each JSON column, then the keys read from it (their
    rules say 'JSON: totals.visits → sessions') and the keys found in it but not used."""
    by_source = {c.source: c for c in maps}
    out: list[ColumnMap] = []
    for h in flat.header:
        if h not in flat.made:
            c = by_source.get(h, ColumnMap(h, None, "unrecognised"))
            if h in ids and c.canonical is None:
                c = ColumnMap(h, None, ids[h])
            elif h in notes and c.canonical is not None and not c.rule.startswith("your mapping"):
                c = ColumnMap(h, c.canonical, f"{c.rule} ({notes[h]})")
            out.append(c)
            continue
        whole = "; your mapping of the whole column is not used: map one of its keys" if h in flat.mapped_whole else ""
        out.append(ColumnMap(h, None, f"JSON: read key by key ({', '.join(flat.made[h])}){whole}"))
        for v in flat.made[h]:
            c = by_source[v]
            if c.canonical is not None:
                said = ([notes[v]] if v in notes else []) + (["your mapping"] if c.rule.startswith("your") else [])
                c = ColumnMap(v, c.canonical, f"JSON: {v} → {c.canonical}" + (f" ({'; '.join(said)})" if said else ""))
            out.append(c)
        out += [ColumnMap(k, None, "JSON key: not used by any KPI") for k in flat.unused[h]]
    return out
