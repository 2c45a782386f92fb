"""Turn canonical rows into KPIs: sum the base measures per group, then evaluate the catalog.

The one rule everything here follows: **ratio of sums, never the average of ratios**.
``CTR(segment) = Σ clicks / Σ impressions`` over the rows of the segment, so a total, any
breakdown and any period agree with each other.

When several tools report the same result (GA4 and Google Ads both count conversions), it is
counted once: see ``sources.reconcile``.

Three more rules, each enforced in ``aggregate``:
- A zero or missing denominator gives null, never 0, inf or NaN.
- Non-additive measures (reach, users, customers, unique opens) count people. A group keeps
  such a measure only when exactly one source row carries it (the export's own grain), or when
  every row that carries it comes from a customer table (``sources.PEOPLE_LISTS``: one row per
  distinct customer, so its people add up); otherwise it is null and the result says why.
- Money in different currencies is never added up: a group whose rows carry more than one
  currency gets null money measures (and a note) until the user converts them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal

import polars as pl

from kpi_core import catalog, fmt
from kpi_core.catalog import Formula, Kpi
from kpi_core.fmt import TEXTS, Note, measure_words
from kpi_core.schema import MEASURES, MONEY_MEASURES, NON_ADDITIVE
from kpi_core.sources import PEOPLE_LISTS, reconcile

Grain = Literal["day", "week", "month", "quarter"]
_TRUNCATE = {"day": "1d", "week": "1w", "month": "1mo", "quarter": "1q"}  # 1w starts on Monday
PERIOD = "period"  # column holding the first day of each time bucket
ROWS = "rows"  # column counting the source rows behind each group


@dataclass(frozen=True)
class Inputs:
    """Business inputs the user enters; none of them is in the exports.

    margin: gross margin as a fraction (0.4). Gives gross_profit = revenue × margin when the
        data has neither gross profit nor cost of goods.
    other_costs: non-media marketing and sales costs for the whole period analysed. They are
        added to totals only: we do not guess how to split them over segments or days.
    """

    margin: float | None = None
    other_costs: float = 0.0
    # Exchange rates the user gives: money in each (code, rate) currency is worth ``rate`` of
    # ``currency`` ("1 SEK = 0.97 NOK": currency "NOK", rates (("SEK", 0.97),)). With a rate for every
    # currency in the data, money is reported in ``currency``; without, it stays per currency.
    currency: str | None = None
    rates: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class KpiResult:
    """A tidy frame (group keys, summed measures, one column per KPI) and what it rests on."""

    frame: pl.DataFrame
    keys: tuple[str, ...]
    kpis: tuple[str, ...]
    formulas: Mapping[str, Formula]  # the formula used for each computable KPI
    unavailable: Mapping[str, str]  # KPI id -> what is missing, in plain words
    notes: tuple[str, ...] = ()
    currency: str | None = None  # the single currency of all money values, if there is one

    def row(self, i: int = 0) -> dict:
        return self.frame.row(i, named=True) if self.frame.height > i else {}


# --- choosing formulas ----------------------------------------------------------------------

# The text key of each formula note (catalog.Formula.note) by KPI and English text: 'note_formula_<kpi>',
# and 'note_formula_<kpi>_<what>' for a KPI with more than one noted formula.
FORMULA_NOTES: dict[tuple[str, str], str] = {
    (k, text["en"]): key for k in catalog.KPIS for key, text in TEXTS.items()
    if key == f"note_formula_{k}" or key.startswith(f"note_formula_{k}_")
}

# What a KPI lacks, per missing measure, in plain words (texts "lacks_<measure>" of fmt.TEXTS, in
# en/nb/sv); any other measure "needs a <name> column".
MISSING_HINTS: frozenset[str] = frozenset(k.removeprefix("lacks_") for k in TEXTS if k.startswith("lacks_")
                                          and k not in ("lacks_column", "lacks_list", "lacks_same_tool"))


def joined(texts: Iterable[str]) -> Note:
    """Several reasons as one ('…; …'), in each language when they carry one (``fmt.Note``)."""
    texts = list(texts)
    return Note("lacks_list", items={lg: "; ".join(dict.fromkeys(fmt.note(t, lg) for t in texts))
                                       for lg in ("en", "nb", "sv")})


def missing_text(measures: Iterable[str]) -> Note:
    """Plain words for missing measures: 'needs a revenue or conversion value column'."""
    texts: list[str] = []
    for m in sorted(measures):
        if m in MISSING_HINTS:
            texts.append(Note(f"lacks_{m}"))
        else:
            words = {lg: fmt.name(m, lg).lower() if m in fmt.NAMES else m.replace("_", " ") for lg in ("nb", "sv")}
            en = m.replace("_", " ")
            texts.append(Note("lacks_column", name={"en": f"{'an' if en[0] in 'aeiou' else 'a'} {en}", **words}))
    return joined(texts)


def choose_formula(
    kpi: Kpi, available: Iterable[str], by_source: Mapping[str, frozenset[str]] | None = None
) -> tuple[Formula | None, str | None]:
    """The first formula whose required measures are all available, or what is missing.

    by_source: the measures each source reports (see ``measures_by_source``; taken from
    ``available`` when it is an ``Available``). A formula marked ``same_source`` is only used when
    one source reports all of its measures.
    """
    by_source = by_source if by_source is not None else getattr(available, "by_source", None)
    have = set(available)
    best_missing: set[str] | None = None
    for f in kpi.formulas:
        missing = set(f.required) - have
        if not missing and f.same_source and by_source and not any(
            f.required <= measures for measures in by_source.values()
        ):
            continue
        if not missing:
            return f, None
        if best_missing is None or len(missing) < len(best_missing):
            best_missing = missing
    if not best_missing:  # everything is there, but no one source reports a same-source pair
        f = kpi.formulas[0]
        required = sorted(f.required)
        names = {"en": " and ".join(m.replace("_", " ") for m in required),
                 **{lg: f" {word} ".join(fmt.name(m, lg).lower() for m in required) for lg, word in (("nb", "og"),
                                                                                                 ("sv", "och"))}}
        return None, Note("lacks_same_tool", names=names)
    return None, missing_text(best_missing)


def measures_by_source(frame: pl.DataFrame) -> dict[str, frozenset[str]] | None:
    """The measures with at least one value per source, once sources are reconciled; None when
    the frame has no ``source`` column (one source: every formula is same-source)."""
    if "source" not in frame.columns or frame.height == 0:
        return None
    frame, _ = reconcile(frame)
    measures = [m for m in MEASURES if m in frame.columns]
    counts = frame.group_by("source").agg(pl.col(m).count() for m in measures)
    return {
        row["source"]: frozenset(m for m in measures if row[m])
        for row in counts.iter_rows(named=True)
    }


class Available(frozenset):
    """The measure names a frame can answer with, and which source reports which.

    A plain set of names works everywhere an ``Available`` does; the per-source map only
    matters for ``same_source`` formulas (see ``choose_formula``).
    """

    by_source: Mapping[str, frozenset[str]] | None

    def __new__(cls, names: Iterable[str], by_source: Mapping[str, frozenset[str]] | None = None):
        self = super().__new__(cls, names)
        self.by_source = by_source
        return self


def available_measures(frame: pl.DataFrame, inputs: Inputs | None = None) -> Available:
    """Measures present with at least one value once sources are reconciled (a shop's orders set
    aside next to ad-platform revenue do not count), plus those derived from the inputs."""
    by_source = measures_by_source(frame)
    frame, _ = reconcile(frame)
    have = {c for c in frame.columns if c in MEASURES and frame[c].null_count() < frame.height}
    inputs = inputs or Inputs()
    if "gross_profit" not in have and "revenue" in have and (
        "cogs" in have or inputs.margin is not None
    ):
        have.add("gross_profit")
    if inputs.other_costs:
        have.add("other_costs")
    return Available(have, by_source)


def resolve(
    kpi_ids: Sequence[str], available: Iterable[str]
) -> tuple[dict[str, Formula | None], dict[str, str]]:
    """For each KPI: the formula to use, or why it cannot be computed.

    A KPI made of two other KPIs (ltv_cac_ratio) maps to None; its parts are resolved too,
    and come first, because they must be evaluated before it.
    """
    by_source = getattr(available, "by_source", None)
    have = set(available)
    ids = list(dict.fromkeys(kpi_ids))
    parts = [p for k in ids for p in (catalog.get(k).of_kpis or ()) if p not in ids]
    ids = list(dict.fromkeys(parts + ids))
    chosen: dict[str, Formula | None] = {}
    missing: dict[str, str] = {}
    for kid in (k for k in ids if not catalog.get(k).of_kpis):
        f, why = choose_formula(catalog.get(kid), have, by_source)
        if f is None:
            missing[kid] = why or ""
        else:
            chosen[kid] = f
    for kid in (k for k in ids if catalog.get(k).of_kpis):
        lacking = [missing[p] for p in catalog.get(kid).of_kpis or () if p in missing]
        if lacking:
            missing[kid] = joined(lacking)
        else:
            chosen[kid] = None
    return chosen, missing


# --- preparing and aggregating ----------------------------------------------------------------


def _rates_for(frame: pl.DataFrame, inputs: Inputs) -> dict[str, float] | None:
    """The user's rates when the data holds money in another currency than ``inputs.currency`` (several
    currencies, or one: a Swedish account reported in NOK) and every one of them has a rate; else None."""
    if not inputs.currency or "currency" not in frame.columns:
        return None
    rates = {code.upper(): rate for code, rate in inputs.rates if rate and rate > 0}
    rates[inputs.currency.upper()] = 1.0
    codes = set(frame["currency"].drop_nulls().cast(pl.String).unique().to_list())
    return rates if codes - {inputs.currency.upper()} and codes <= set(rates) else None


def rates_note(frame: pl.DataFrame, inputs: Inputs) -> Note | None:
    """'Money in SEK is reported in NOK at your rate (1 SEK = 0.95 NOK).', when the rates apply."""
    rates = _rates_for(frame, inputs)
    if rates is None:
        return None
    base = inputs.currency.upper()
    codes = sorted(set(frame["currency"].drop_nulls().cast(pl.String).unique().to_list()) - {base})
    def rate(r: float, lang: str) -> str:  # 0.95 -> '0.95' / '0,95', 0.0912 -> '0.0912'
        decimals = max(2, min(4, len(f"{r:.4f}".rstrip("0").partition(".")[2])))
        return fmt.number(r, lang, decimals=decimals)

    said = {lg: ", ".join(f"1 {c} = {rate(rates[c], lg)} {base}" for c in codes) for lg in ("en", "nb", "sv")}
    return Note("note_rates", codes=", ".join(codes), base=base, rates=said)


def convert_currencies(frame: pl.DataFrame, inputs: Inputs, money: Sequence[str] = ()) -> pl.DataFrame:
    """Money in ``inputs.currency`` at the user's rates, when there is a rate for every other currency
    in the data; the frame itself otherwise (money then stays per currency). ``money``: the columns to
    convert (default the money measures)."""
    rates = _rates_for(frame, inputs)
    if rates is None:
        return frame
    # Money of rows that name no currency (an e-mail tool's revenue) is taken as it is, as it is added
    # to the one currency of the data without rates.
    rate = (pl.when(pl.col("currency").is_null()).then(1.0)
            .otherwise(pl.col("currency").cast(pl.String).replace_strict(rates, default=None, return_dtype=pl.Float64)))
    money = [m for m in (money or MONEY_MEASURES) if m in frame.columns]
    return frame.with_columns(*(pl.col(m) * rate for m in money),
                              pl.when(pl.col("currency").is_not_null()).then(pl.lit(inputs.currency.upper()))
                              .cast(frame.schema["currency"]).alias("currency"))


def prepare(frame: pl.DataFrame, inputs: Inputs | None = None) -> pl.DataFrame:
    """Money in one currency at the user's rates, and measures derived from business inputs (gross profit
    from margin or cogs)."""
    inputs = inputs or Inputs()
    frame = convert_currencies(frame, inputs)
    if "gross_profit" in frame.columns or "revenue" not in frame.columns:
        return frame
    if "cogs" in frame.columns:
        return frame.with_columns((pl.col("revenue") - pl.col("cogs")).alias("gross_profit"))
    if inputs.margin is not None:
        return frame.with_columns((pl.col("revenue") * inputs.margin).alias("gross_profit"))
    return frame


def with_period(frame: pl.DataFrame, grain: Grain) -> pl.DataFrame:
    """Add a ``period`` column: the first day of the row's day, ISO week, month or quarter."""
    if "date" not in frame.columns:
        raise ValueError("a time grain needs a date column")
    if grain == "day" and frame.schema["date"] == pl.Date:  # a date is its own day: no truncate pass
        return frame.with_columns(pl.col("date").alias(PERIOD))
    return frame.with_columns(pl.col("date").dt.truncate(_TRUNCATE[grain]).alias(PERIOD))


def spanning_rows(frame: pl.DataFrame, grain: Grain) -> pl.Expr | None:
    """Rows covering days of more than one ``grain`` bucket (``date`` to ``date_end``: a month at the
    day grain): their numbers belong to no single day or week, so a time series leaves them out."""
    if "date_end" not in frame.columns:
        return None
    end, start = pl.col("date_end"), pl.col("date")
    if grain != "day":
        end, start = end.dt.truncate(_TRUNCATE[grain]), start.dt.truncate(_TRUNCATE[grain])
    return pl.col("date_end").is_not_null() & (end != start)


def _pair(formula: Formula) -> tuple[str, str, str] | None:
    """(helper column, the measure some rows lack, the part counted only on the rows that have it) of a
    paired formula ('impressions~video_views', 'video_views', 'impressions'); None when unpaired."""
    num, den = formula.numerator, formula.denominator
    if den is None or len(num) != 1 or len(den) != 1 or not (formula.paired or formula.paired_numerator):
        return None
    n, d = next(iter(num)), next(iter(den))
    sparse, counted = (n, d) if formula.paired else (d, n)
    return f"{counted}~{sparse}", sparse, counted


def _pairs(chosen: Mapping[str, Formula | None]) -> dict[str, tuple[str, str]]:
    """helper column -> (the measure some rows lack, the part counted on its rows) of the chosen formulas."""
    return {p[0]: (p[1], p[2]) for p in (_pair(f) for f in chosen.values() if f) if p}


def _paired(formula: Formula | None) -> Formula | None:
    """The formula over its paired part's helper column (evaluated, never shown)."""
    pair = formula and _pair(formula)
    if not pair:
        return formula
    part = "denominator" if formula.paired else "numerator"
    return replace(formula, **{part: {pair[0]: next(iter(getattr(formula, part).values()))}})


def aggregate(frame: pl.DataFrame, keys: Sequence[str] = (),
              extra: Sequence[str] = ()) -> tuple[pl.DataFrame, list[str]]:
    """Sum base measures per group, applying the non-additive and currency rules.

    Returns the grouped frame (keys, ``rows``, measures, ``currency``) and notes in plain words.
    ``extra``: helper columns summed like an additive measure (paired denominators).
    """
    measures = [m for m in MEASURES if m in frame.columns]
    has_currency = "currency" in frame.columns
    # With at most one currency in the whole frame no group can mix them (the normal case): the
    # per-group count of currencies, a hash of a String column per group, is only needed otherwise.
    mixed = has_currency and frame["currency"].drop_nulls().n_unique() > 1
    n_cur = pl.col("currency").drop_nulls().n_unique() if mixed else pl.lit(1)
    aggs: list[pl.Expr] = [pl.len().alias(ROWS)]
    # Rows of a customer table, when the frame has any (else the usual rule alone, at no extra cost).
    lists = sorted(PEOPLE_LISTS)
    has_lists = "source" in frame.columns and bool(frame["source"].is_in(lists).any())
    listed = pl.col("source").is_in(lists) if has_lists else None
    for m in measures:
        c = pl.col(m)
        if m in NON_ADDITIVE:
            # Only exact when one source row carries it: summing people double counts them.
            expr = pl.when(c.count() == 1).then(c.max())
            if listed is not None:  # ... unless each row is another person of one customer table
                expr = pl.when((c.count() > 0) & (c.filter(~listed).count() == 0)).then(c.sum()).otherwise(expr)
        else:
            expr = pl.when(c.count() > 0).then(c.sum())
        if m in MONEY_MEASURES:
            expr = pl.when(n_cur <= 1).then(expr)
        aggs.append(expr.alias(m))
    if has_currency and "currency" not in keys:
        aggs.append(pl.when(n_cur == 1).then(pl.col("currency").drop_nulls().first()).alias("currency"))
    aggs += [pl.when(pl.col(c).count() > 0).then(pl.col(c).sum()).alias(c) for c in extra]
    for m in measures:  # helpers for the notes, dropped below
        aggs.append(pl.col(m).count().alias(f"__n_{m}"))
    if mixed:
        aggs.append(n_cur.alias("__n_cur"))

    if keys:
        out = frame.group_by(list(keys)).agg(aggs)
    else:
        out = frame.select(aggs)

    notes: list[str] = []
    for m in measures:
        if m in NON_ADDITIVE and out.height and ((out[f"__n_{m}"] > 1) & out[m].is_null()).any():
            notes.append(Note("note_people", measure=measure_words(m)))
    if mixed and out.height and (out["__n_cur"] > 1).any():
        notes.append(Note("note_currencies"))
    out = out.drop([c for c in out.columns if c.startswith("__")])
    return out, notes


def _linear(terms: Mapping[str, float], formula: Formula, columns: Iterable[str]) -> pl.Expr:
    cols = set(columns)
    expr: pl.Expr | None = None
    for m, coef in terms.items():
        if m in cols:
            term = pl.col(m)
            if m in formula.optional:
                term = term.fill_null(0.0)
        else:  # only optional measures can be absent here
            term = pl.lit(0.0)
        term = term * coef
        expr = term if expr is None else expr + term
    return expr if expr is not None else pl.lit(None, dtype=pl.Float64)


def formula_expr(formula: Formula, columns: Iterable[str]) -> pl.Expr:
    """A Polars expression for ``offset + scale * num / den``; null when den is 0 or null."""
    cols = list(columns)
    num = _linear(formula.numerator, formula, cols)
    if formula.denominator is None:
        value = num
    else:
        den = _linear(formula.denominator, formula, cols)
        value = pl.when(den != 0).then(num / den)
    value = value * formula.scale + formula.offset if (formula.scale != 1 or formula.offset) else value
    return _finite(value.cast(pl.Float64))


# formula id -> (formula, measures present, expression): building a formula's expression costs about
# 60 µs, and every compute builds the same few again (four per scorecard). The formula is kept in
# the entry so that an id reused after a formula is gone never matches.
_EXPRS: dict[int, tuple[Formula, frozenset[str], pl.Expr]] = {}


def _cached_expr(formula: Formula, columns: Iterable[str]) -> pl.Expr:
    present = formula.measures & frozenset(columns)
    hit = _EXPRS.get(id(formula))
    if hit is not None and hit[0] is formula and hit[1] == present:
        return hit[2]
    expr = formula_expr(formula, present)
    if len(_EXPRS) < 4096:
        _EXPRS[id(formula)] = (formula, present, expr)
    return expr


def _finite(e: pl.Expr) -> pl.Expr:
    return pl.when(e.is_finite()).then(e)


def evaluate(summed: pl.DataFrame, formulas: Mapping[str, Formula | None]) -> pl.DataFrame:
    """Add one column per KPI to a frame of summed measures."""
    cols = summed.columns
    out = summed.with_columns(
        [_cached_expr(f, cols).alias(k) for k, f in formulas.items() if f is not None]
    )
    ratio_of_kpis = []
    for k, f in formulas.items():
        if f is None:
            a, b = catalog.get(k).of_kpis or ("", "")
            ratio_of_kpis.append(_finite(pl.when(pl.col(b) != 0).then(pl.col(a) / pl.col(b))).alias(k))
    return out.with_columns(ratio_of_kpis) if ratio_of_kpis else out


def compute(
    frame: pl.DataFrame,
    kpis: Sequence[str] | None = None,
    by: Sequence[str] = (),
    grain: Grain | None = None,
    inputs: Inputs | None = None,
    sources_from: pl.DataFrame | None = None,
    keep_pairs: bool = False,
) -> KpiResult:
    """KPIs per group (and per time bucket), as a tidy frame.

    frame: canonical rows (see schema.py). kpis: catalog ids, default every KPI.
    by: dimensions to group by. grain: "day", "week" (ISO, Monday), "month" or "quarter".
    sources_from: the rows whose sources decide which tool a contested measure is taken from
    (sources.reconcile; default ``frame``): ``compare`` gives both periods.
    keep_pairs: keep the paired denominators' sums ('impressions~video_views') in the frame, for
    ``regroup`` (views.segments drops them).
    Result rows are sorted by spend descending when there is spend, else by the keys;
    with a grain, by period first.
    """
    inputs = inputs or Inputs()
    kpi_ids = list(kpis) if kpis is not None else list(catalog.KPIS)
    for dim in by:
        if dim not in frame.columns:
            raise ValueError(f"cannot break down by {dim!r}: the data has no such column")
    # Reconcile first: a source whose revenue is set aside must not keep a gross profit made from it.
    data, notes_sources = reconcile(frame, sources_from)
    converted = rates_note(data, inputs)
    notes_sources = notes_sources + ([converted] if converted else [])
    data = prepare(data, inputs)
    keys = list(by)
    chosen, unavailable = resolve(kpi_ids, available_measures(data, inputs))
    pairs = _pairs(chosen)
    if pairs:  # each paired part, counted on the rows that report the measure some rows lack
        data = data.with_columns(pl.when(pl.col(sparse).is_not_null()).then(pl.col(counted)).alias(h)
                                 for h, (sparse, counted) in pairs.items())
    spans_left = 0
    if grain is not None:
        spanning = spanning_rows(data, grain)
        if spanning is not None:
            spans_left = data.select(spanning.sum()).item()
            data = data.filter(~spanning) if spans_left else data
        data = with_period(data, grain)
        keys = [PERIOD, *keys]
    summed, notes = aggregate(data, keys, extra=list(pairs))
    notes = notes_sources + notes + ([Note("note_spans_grain", n=spans_left)] if spans_left else [])
    if inputs.other_costs and not keys:
        summed = summed.with_columns(
            (pl.col("other_costs").fill_null(0.0) if "other_costs" in summed.columns else pl.lit(0.0))
            .add(inputs.other_costs).alias("other_costs")
        )
    elif inputs.other_costs:
        notes.append(Note("note_other_costs"))
    # Fill ltv_cac_ratio's parts in if they were not asked for, then drop them again.
    helper_parts = [k for k in chosen if k not in kpi_ids]
    out = evaluate(summed, {k: _paired(f) for k, f in chosen.items()} if pairs else chosen)
    dropped = helper_parts + ([] if keep_pairs else list(pairs))
    if dropped:
        out = out.drop(dropped)
    for k, f in chosen.items():
        if f is not None and f.note and k in kpi_ids:
            key = FORMULA_NOTES.get((k, f.note))
            said = Note(key) if key else f.note
            notes.append(Note("note_formula", kpi=dict(catalog.get(k).labels), note=said))
    out = _sort(out, keys, grain is not None)
    currency = None
    if "currency" in out.columns and not keys and out.height:
        currency = out["currency"][0]
    elif "currency" in data.columns:
        codes = data["currency"].drop_nulls().unique().to_list()
        currency = codes[0] if len(codes) == 1 else None
    return KpiResult(
        frame=out,
        keys=tuple(keys),
        kpis=tuple(k for k in kpi_ids if k in chosen),
        formulas={k: f for k, f in chosen.items() if f is not None and k in kpi_ids},
        unavailable={k: v for k, v in unavailable.items() if k in kpi_ids},
        notes=tuple(dict.fromkeys(notes)),
        currency=currency,
    )


def sums_add_up(frame: pl.DataFrame, inputs: Inputs | None = None) -> bool:
    """Whether the per-group sums ``compute`` makes of ``frame`` can be summed again into coarser
    groups with the same result as summing the rows: no measure counting people (reach, users…),
    at most one currency, no customer table and no other costs (each has its own rule in
    ``aggregate`` or ``compute`` that a second sum would not follow)."""
    if any(m in frame.columns for m in NON_ADDITIVE) or (inputs is not None and inputs.other_costs):
        return False
    if "currency" in frame.columns and frame["currency"].drop_nulls().n_unique() > 1:
        return False
    return not ("source" in frame.columns and bool(frame["source"].is_in(sorted(PEOPLE_LISTS)).any()))


def regroup(result: KpiResult, frame: pl.DataFrame, relabel: Mapping[str, pl.Expr],
            inputs: Inputs | None = None) -> KpiResult | None:
    """``compute(frame with the keys relabelled, kpis, by=result.keys)`` from ``result``'s summed
    measures instead of a second pass over the rows: the groups that get one label are summed
    again (a ratio of sums stays a ratio of sums). ``frame`` is the one ``result`` was computed
    from (its rows decide which formulas apply); ``relabel``: key -> new label expression.

    None when re-summing would not follow the engine's rules (see ``sums_add_up``): compute
    from the rows then.
    """
    keys = list(result.keys)
    if not keys or PERIOD in keys or not sums_add_up(frame, inputs):
        return None
    summed = result.frame.with_columns(e.alias(k) for k, e in relabel.items())
    data = prepare(reconcile(frame)[0], inputs)
    kpi_ids = list(result.kpis)
    chosen, _ = resolve(kpi_ids, available_measures(data, inputs))
    pairs = _pairs(chosen)
    if any(h not in summed.columns for h in pairs):  # computed without keep_pairs: from the rows
        return None
    measures = [m for m in MEASURES if m in summed.columns] + list(pairs)
    aggs = [pl.col(ROWS).sum()] if ROWS in summed.columns else []
    aggs += [pl.when(pl.col(m).count() > 0).then(pl.col(m).sum()).alias(m) for m in measures]
    if "currency" in summed.columns and "currency" not in keys:
        aggs.append(pl.col("currency").drop_nulls().first())
    out = summed.group_by(keys).agg(aggs)
    out = evaluate(out, {k: _paired(f) for k, f in chosen.items()} if pairs else chosen)
    helper_parts = [k for k in chosen if k not in kpi_ids]
    out = _sort(out.drop(helper_parts) if helper_parts else out, keys, False)
    return replace(result, frame=out.select([c for c in result.frame.columns if c in out.columns]))


def sort_groups(frame: pl.DataFrame, keys: Sequence[str]) -> pl.DataFrame:
    """Groups in ``compute``'s order (spend descending when there is spend, then the keys)."""
    return _sort(frame, list(keys), False)


def _sort(out: pl.DataFrame, keys: list[str], by_period_first: bool) -> pl.DataFrame:
    if not keys:
        return out
    order: list[str] = [PERIOD] if by_period_first else []
    desc: list[bool] = [False] if by_period_first else []
    if "spend" in out.columns:
        order.append("spend")
        desc.append(True)
    rest = [k for k in keys if k not in order]
    return out.sort(order + rest, descending=desc + [False] * len(rest), nulls_last=True)


def totals(frame: pl.DataFrame, kpis: Sequence[str] | None = None, inputs: Inputs | None = None) -> dict:
    """Summed measures and KPI values for the whole frame, as one dict."""
    return compute(frame, kpis, inputs=inputs).row(0)


def to_long(result: KpiResult, kpis: Sequence[str] | None = None) -> pl.DataFrame:
    """Keys, ``kpi``, ``value``: one row per group and KPI (for charts and tables)."""
    ids = [k for k in (kpis or result.kpis) if k in result.frame.columns]
    return result.frame.unpivot(on=ids, index=list(result.keys), variable_name="kpi", value_name="value")


# --- period comparison --------------------------------------------------------------------------

Verdict = Literal["good", "bad", "neutral"]


def verdict(kpi_id: str, change: float | None) -> Verdict | None:
    """Whether a change is good news, given the KPI's direction."""
    if change is None or (isinstance(change, float) and math.isnan(change)):
        return None
    direction = catalog.get(kpi_id).direction
    if change == 0 or direction == "neither":
        return "neutral"
    return "good" if (change > 0) == (direction == "higher") else "bad"


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of equal length right before this one."""
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def year_before(self) -> Period:
        return Period(_minus_year(self.start), _minus_year(self.end))

    def __str__(self) -> str:
        return f"{self.start.isoformat()}:{self.end.isoformat()}"


def _minus_year(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


def parse_period(text: str) -> Period:
    """``2025-01-01:2025-01-31`` -> Period."""
    try:
        a, b = text.split(":")
        p = Period(date.fromisoformat(a.strip()), date.fromisoformat(b.strip()))
    except ValueError:
        raise ValueError(f"{text!r} is not a period; write FROM:TO as YYYY-MM-DD:YYYY-MM-DD") from None
    if p.end < p.start:
        raise ValueError(f"{text!r} ends before it starts")
    return p


def in_period(frame: pl.DataFrame, period: Period) -> pl.DataFrame:
    """Rows of ``period``. A row covering several days (``date`` to ``date_end``: a Meta export without
    a day breakdown, a GA4 report without a date column) counts only in a period that covers all of
    it: its numbers cannot be split over days, so a part of the period gets none of them."""
    inside = pl.col("date").is_between(period.start, period.end)
    if "date_end" in frame.columns:
        spans = pl.col("date_end").is_not_null()
        inside = pl.when(spans).then(inside & (pl.col("date_end") <= period.end)).otherwise(inside)
    return frame.filter(inside)


def covers(frame: pl.DataFrame, period: Period) -> bool:
    """Whether the data's dates reach back to the start of ``period`` (and it has rows in it)."""
    if "date" not in frame.columns or frame.height == 0:
        return False
    first = frame["date"].min()
    return first is not None and first <= period.start and in_period(frame, period).height > 0


def latest_period(frame: pl.DataFrame, days: int | None = None) -> Period:
    """The last ``days`` days of the data (default: the second half of its date range)."""
    lo, hi = frame["date"].min(), frame["date"].max()
    if lo is None or hi is None:
        raise ValueError("the data has no dates")
    span = (hi - lo).days + 1
    n = days or max(1, span // 2)
    return Period(hi - timedelta(days=n - 1), hi)


@dataclass(frozen=True)
class Comparison:
    """Current vs previous period (and vs a year earlier when the data covers it)."""

    frame: pl.DataFrame  # keys…, kpi, current, previous, change, change_pct, verdict, yoy_…
    current: Period
    previous: Period
    year_before: Period | None
    notes: tuple[str, ...] = field(default=())


def compare(
    frame: pl.DataFrame,
    kpis: Sequence[str] | None = None,
    current: Period | None = None,
    previous: Period | None = None,
    by: Sequence[str] = (),
    inputs: Inputs | None = None,
) -> Comparison:
    """Each KPI in the current period against the previous period of equal length (or the one
    given), and against the same dates a year earlier when the data reaches back that far.

    change = current − previous; change_pct = change / |previous| (null when previous is 0).
    verdict: "good", "bad" or "neutral" given the KPI's direction.
    """
    if "date" not in frame.columns:
        raise ValueError("comparing periods needs a date column")
    current = current or latest_period(frame)
    previous = previous or current.previous()
    yoy = current.year_before()
    has_yoy = covers(frame, yoy)
    notes = []
    if not covers(frame, previous):
        notes.append(Note("note_previous_uncovered", period=str(previous)))

    spans = [current, previous, *([yoy] if has_yoy else [])]
    compared = frame.filter(pl.any_horizontal(pl.col("date").is_between(p.start, p.end) for p in spans))

    def kpis_in(p: Period) -> KpiResult:
        return compute(in_period(frame, p), kpis, by=by, inputs=inputs, sources_from=compared)

    cur = kpis_in(current)
    ids = list(cur.kpis)
    frames = {"current": cur, "previous": kpis_in(previous)}
    if has_yoy:
        frames["yoy"] = kpis_in(yoy)
    long = None
    for name, res in frames.items():
        part = to_long(replace(res, kpis=tuple(k for k in ids if k in res.frame.columns)), ids)
        part = part.rename({"value": name})
        long = part if long is None else long.join(part, on=[*by, "kpi"], how="full", coalesce=True)
    assert long is not None
    long = _add_change(long, "previous", "")
    if has_yoy:
        long = _add_change(long, "yoy", "yoy_")
    verdicts = [verdict(k, c) for k, c in zip(long["kpi"], long["change"], strict=True)]
    long = long.with_columns(pl.Series("verdict", verdicts, dtype=pl.String))
    if has_yoy:
        yv = [verdict(k, c) for k, c in zip(long["kpi"], long["yoy_change"], strict=True)]
        long = long.with_columns(pl.Series("yoy_verdict", yv, dtype=pl.String))
    order = {k: i for i, k in enumerate(ids)}
    long = long.with_columns(pl.col("kpi").replace_strict(order, default=len(order)).alias("__o"))
    long = long.sort([*by, "__o"]).drop("__o")
    return Comparison(long, current, previous, yoy if has_yoy else None, tuple(notes))


def _add_change(frame: pl.DataFrame, base: str, prefix: str) -> pl.DataFrame:
    # A period without rows gives an all-null column of type Null, which has no abs(): use Float64.
    frame = frame.with_columns(pl.col("current", base).cast(pl.Float64))
    change = pl.col("current") - pl.col(base)
    return frame.with_columns(
        change.alias(f"{prefix}change"),
        _finite(pl.when(pl.col(base) != 0).then(change / pl.col(base).abs())).alias(f"{prefix}change_pct"),
    )
