"""What the pages show, as plain data: filtering, the scorecard, segment tables, trends, the funnel.

Pages stay thin: they read widgets, call one function here and render what comes back. Every
number is computed by ``engine`` (ratio of sums); this module only decides *which* numbers a page
needs and shapes them for display, already formatted by ``fmt`` in the chosen language. Nothing
here imports streamlit, so all of it is tested with plain pytest.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import polars as pl

from kpi_core import catalog, fmt, loyalty, sources
from kpi_core.catalog import GOAL_LABELS, HEADLINES, STAGE_LABELS, Lang
from kpi_core.engine import (
    ROWS,
    Inputs,
    KpiResult,
    Period,
    available_measures,
    compare,
    compute,
    in_period,
    measures_by_source,
    regroup,
    resolve,
    sort_groups,
)
from kpi_core.goals import plan
from kpi_core.readers import ReadResult
from kpi_core.schema import MEASURES, MONEY_MEASURES, SEGMENT_DIMENSIONS

FILTER_DIMENSIONS: tuple[str, ...] = ("source", "channel", "campaign", "currency")
NOT_SET = "(not set)"


def digest(data: bytes) -> str:
    """Content key of an upload: equal bytes are parsed once, different bytes never share a key."""
    return hashlib.sha256(data).hexdigest()


# --- filters ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """The sidebar's filters. Empty tuples mean "all"; dates are the period analysed."""

    start: date | None = None
    end: date | None = None
    sources: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    campaigns: tuple[str, ...] = ()
    currencies: tuple[str, ...] = ()  # money is never added across currencies: pick one to see it

    @property
    def period(self) -> Period | None:
        return Period(self.start, self.end) if self.start and self.end else None

    def chosen(self) -> dict[str, tuple[str, ...]]:
        return {"source": self.sources, "channel": self.channels, "campaign": self.campaigns,
                "currency": self.currencies}


def compact_dimensions(frame: pl.DataFrame) -> pl.DataFrame:
    """Text dimensions as Categorical, once after parsing: filtering and grouping a million rows
    then compares small integers instead of strings (about twice as fast)."""
    text = [c for c, t in frame.schema.items() if t == pl.String and c in (*SEGMENT_DIMENSIONS, "currency")]
    return frame.with_columns(pl.col(c).cast(pl.Categorical) for c in text)


def filter_options(frame: pl.DataFrame) -> dict[str, list[str]]:
    """The values a user can pick per filter dimension present in the data, sorted (the currency only when
    the data has more than one)."""
    options = {d: sorted(frame[d].drop_nulls().unique().to_list()) for d in FILTER_DIMENSIONS if d in frame.columns}
    if len(options.get("currency", [])) < 2:
        options.pop("currency", None)
    return options


def currencies(frame: pl.DataFrame) -> list[str]:
    """The currencies of the data's money, sorted (none when it names none)."""
    if "currency" not in frame.columns:
        return []
    return sorted(frame["currency"].drop_nulls().cast(pl.String).unique().to_list())


def date_bounds(frame: pl.DataFrame) -> tuple[date, date] | None:
    """The first and last day of the data (through the last ``date_end`` of rows covering several days)."""
    if "date" not in frame.columns or frame["date"].drop_nulls().is_empty():
        return None
    hi = frame["date"].max()
    if "date_end" in frame.columns and frame["date_end"].max() is not None:
        hi = max(hi, frame["date_end"].max())
    return frame["date"].min(), hi


def latest_span(frame: pl.DataFrame) -> Period | None:
    """The days of the latest row that covers several days (``date`` to ``date_end``), None when no
    row does. Such a row only counts in a period covering all of it (engine.in_period), so the
    default period covers it rather than leaving the file out."""
    if "date_end" not in frame.columns:
        return None
    spans = frame.filter(pl.col("date_end").is_not_null() & pl.col("date").is_not_null())
    if spans.is_empty():
        return None
    last = spans.sort(["date_end", "date"], descending=[True, False]).row(0, named=True)
    return Period(last["date"], last["date_end"])


def left_out_spans(frame: pl.DataFrame, period: Period | None) -> tuple[int, list[str], Period] | None:
    """Rows covering several days that overlap ``period`` without fitting in it: (how many, their
    sources, the days they cover together), None when there are none. They count in no part of it."""
    if period is None or "date_end" not in frame.columns:
        return None
    cut = frame.filter(pl.col("date_end").is_not_null() & (pl.col("date") <= period.end)
                       & (pl.col("date_end") >= period.start)
                       & ((pl.col("date") < period.start) | (pl.col("date_end") > period.end)))
    if cut.is_empty():
        return None
    names = sorted(cut["source"].drop_nulls().cast(pl.String).unique().to_list()) if "source" in cut.columns else []
    return cut.height, names, Period(cut["date"].min(), cut["date_end"].max())


def last_spend_day(frame: pl.DataFrame) -> date | None:
    """The last day with media spend, when the data has any: where a marketer's period ends even when a
    CRM or shop file runs on past the ads (contacts created after the campaigns stopped)."""
    if "date" not in frame.columns or "spend" not in frame.columns:
        return None
    return frame.filter(pl.col("spend").is_not_null() & (pl.col("spend") != 0))["date"].max()


def default_period(first: date, last: date) -> Period:
    """The last 28 days when the data has two such spans (four whole weeks: every weekday counts
    the same in both periods), otherwise the second half of the data, so there is always a
    previous period of equal length to compare with."""
    span = (last - first).days + 1
    days = 28 if span >= 56 else max(1, span // 2)
    return Period(last - timedelta(days=days - 1), last)


def filter_dimensions(frame: pl.DataFrame, filters: Filters) -> pl.DataFrame:
    """Rows matching the source, channel and campaign filters (dates untouched, so the previous
    period stays available for comparisons)."""
    conds = [pl.col(d).is_in(list(v)) for d, v in filters.chosen().items() if v and d in frame.columns]
    return frame.filter(conds) if conds else frame


def filter_period(frame: pl.DataFrame, filters: Filters) -> pl.DataFrame:
    """Rows in the period analysed."""
    p = filters.period
    return in_period(frame, p) if p is not None and "date" in frame.columns else frame


def filter_all(frame: pl.DataFrame, filters: Filters) -> pl.DataFrame:
    """Rows matching every filter, the period included."""
    return filter_period(filter_dimensions(frame, filters), filters)


# --- the scorecard --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Card:
    """One KPI as the scorecard shows it. Plain values only (cached and pickled per session)."""

    kpi: str
    label: str
    unit: str  # catalog unit: rate, currency, multiple…
    value: float | None
    text: str  # the value formatted
    previous_text: str
    delta: str | None  # "+12.3%", None when there is no previous value
    delta_color: str  # st.metric: "normal" (higher is better), "inverse" (lower), "off" (neither, or no change)
    verdict: str | None  # "good", "bad", "neutral"
    spark: tuple[float, ...]  # the KPI per day (or week) of the period, for a small trend
    spark_dates: tuple[date, ...]
    description: str
    why: str
    formula: str
    target_status: str | None = None  # filled in by the targets module once targets exist


@dataclass(frozen=True)
class StageCards:
    stage: str
    label: str
    goal: str
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class Scorecard:
    goal: str
    goal_label: str
    headline: Card | None
    headline_note: str | None
    stages: tuple[StageCards, ...]
    missing: tuple[tuple[str, str], ...]  # (KPI label, what is missing)
    notes: tuple[str, ...]
    current: Period
    previous: Period
    currency: str | None


_DELTA_COLOR = {"higher": "normal", "lower": "inverse", "neither": "off"}


def spark_grain(period: Period) -> str:
    """Days for up to two months, weeks beyond: a sparkline of 30-60 points reads best."""
    return "day" if period.days <= 62 else "week"


def scorecard(frame: pl.DataFrame, goal: str, period: Period, inputs: Inputs | None = None,
              lang: Lang = "en", orders: loyalty.Orders | None = None) -> Scorecard:
    """The goal's KPIs per funnel stage, in ``period`` against the period of equal length before it.

    ``frame`` is filtered by dimension but not by date (the previous period must be in it).
    ``orders``: the shop's orders. They answer the loyalty KPIs that ad and analytics data cannot
    (repeat purchase rate, churn, LTV, LTV:CAC, return rate), from the orders alone.
    """
    inputs = inputs or Inputs()
    p = plan(goal, available_measures(frame, inputs))
    ids = p.available
    shop_ids = loyalty.needs_orders([s.kpi for s in p.unavailable], frame, inputs) if orders is not None else []
    comp = compare(frame, ids, current=period, inputs=inputs)
    rows = {r["kpi"]: r for r in comp.frame.iter_rows(named=True)}
    if orders is not None and shop_ids:
        shop = loyalty.compare_periods(orders, frame, shop_ids, period, inputs)
        rows.update({r["kpi"]: r for r in shop.frame.iter_rows(named=True)})
    spark = compute(in_period(frame, period), ids, grain=spark_grain(period), inputs=inputs) if ids else None
    currency = spark.currency if spark else None
    formulas = {**(spark.formulas if spark else {}), **loyalty.formulas(shop_ids)}

    # The sparklines' columns as lists once (one select per card cost about 0.4 ms each).
    series = spark.frame.select("period", *(k for k in ids if k in spark.frame.columns)).to_dict(
        as_series=False) if spark is not None else {}

    def card(kid: str) -> Card:
        k = catalog.get(kid)
        r = rows.get(kid, {})
        points = [(d, v) for d, v in zip(series["period"], series[kid], strict=True)
                  if d is not None and v is not None] if kid in series and kid != "period" else []
        delta = fmt.change(r.get("change_pct"), lang)
        flat = delta is not None and delta.startswith("±")
        f = formulas.get(kid)
        words = None if lang == "en" else (lambda m: fmt.name(m, lang).lower())
        formula = f.describe(words) if f else (" / ".join(catalog.get(x).label(lang) for x in k.of_kpis)
                                                 if k.of_kpis else "")
        return Card(
            kpi=kid, label=k.label(lang), unit=k.unit, value=r.get("current"),
            text=fmt.format_kpi(r.get("current"), k.unit, currency, lang, compact_large=True),
            previous_text=fmt.format_kpi(r.get("previous"), k.unit, currency, lang, compact_large=True),
            delta=delta, delta_color="off" if flat else _DELTA_COLOR[k.direction],
            verdict=r.get("verdict"), spark=tuple(v for _, v in points),
            spark_dates=tuple(d for d, _ in points), description=k.describe(lang), why=k.reason(lang),
            formula=formula,
        )

    # A KPI with a value in neither period says nothing: list it with the missing ones instead of "–".
    shown = [*ids, *shop_ids]
    empty = {k for k in shown if rows.get(k, {}).get("current") is None and rows.get(k, {}).get("previous") is None}
    # A headline without a value (reach summed over days would count people twice) gives way to
    # the goal's fallback (impressions), and the note says why.
    head_id, empty_note = p.headline, None
    fallback_id = HEADLINES[goal][1]
    if head_id in empty and fallback_id in shown and fallback_id not in empty:
        head_id = fallback_id
        empty_note = fmt.t("headline_empty", lang, preferred=catalog.get(p.headline).label(lang),
                           shown=catalog.get(fallback_id).label(lang))
    if head_id in empty:  # no value in either period, nor a fallback with one: a bare "–" says nothing
        head_id = None  # the page then says which KPI would lead and what it lacks (headline_gap)
    headline = card(head_id) if head_id in shown else None
    stages = []
    for stage, items in p.stages:
        cards = tuple(card(s.kpi) for s in items if s.kpi in shown and s.kpi != head_id and s.kpi not in empty)
        stages.append(StageCards(stage, STAGE_LABELS[stage][lang], fmt.t(f"stage_goal_{stage}", lang), cards))
    # money in several currencies is never added: a money KPI then has no value for that reason
    mixed = currency is None and len(currencies(frame)) > 1  # rates for every currency would have set one

    def no_value(k: str) -> str:
        money = catalog.get(k).unit == "currency" or any(f.measures & MONEY_MEASURES for f in catalog.get(k).formulas)
        return fmt.t("no_value_currencies" if mixed and money else "no_value", lang)

    missing = tuple((catalog.get(s.kpi).label(lang), fmt.note(s.missing or "", lang)) for s in p.unavailable
                    if s.kpi not in shown) + tuple(
        (catalog.get(k).label(lang), no_value(k)) for k in shown if k in empty and k != head_id)
    crm_steps = [k for k in shown if k in CRM_STEP_RATES]
    notes = tuple(dict.fromkeys([*(spark.notes if spark else ()), *comp.notes,
                                 *([loyalty.scorecard_note(shop_ids, lang)] if shop_ids else []),
                                 *([fmt.t("note_stage_dates", lang)] if crm_steps else [])]))
    note = empty_note
    preferred_id = HEADLINES[goal][0]
    if note is None and p.headline != preferred_id and p.status(preferred_id) is not None:
        note = fmt.t("headline_fallback", lang, preferred=catalog.get(preferred_id).label(lang),
                     missing=fmt.note(p.status(preferred_id).missing, lang), shown=catalog.get(p.headline).label(lang))
    return Scorecard(goal, GOAL_LABELS[goal][lang], headline, note, tuple(stages), missing,
                     notes, comp.current, comp.previous, currency)


def headline_gap(sc: Scorecard, lang: Lang = "en") -> str:
    """Why a goal has no headline KPI on this data: the headline and its fallback, and what they need
    ("Return on ad spend (ROAS) would lead here: needs a revenue or conversion value column")."""
    labels = [catalog.get(k).label(lang) for k in HEADLINES[sc.goal] if k]
    missing = dict(sc.missing)
    # each need once: POAS and ROAS both "need a cost or amount spent column"
    why = "; ".join(dict.fromkeys(part for lb in labels if lb in missing for part in missing[lb].split("; ")))
    why = why or fmt.NULL
    return fmt.t("no_headline", lang, kpis=" / ".join(labels), why=why)


def has_trend(card: Card, least: int = 3) -> bool:
    """A trend says something from three points on; one or two (a monthly sheet, a short upload)
    would draw an empty frame or a flat line under the number."""
    return sum(v is not None for v in (card.spark or ())) >= least


def spark_frame(card: Card) -> pl.DataFrame:
    """date, value: a card's trend as a frame, for a chart larger than st.metric's sparkline."""
    return pl.DataFrame({"date": card.spark_dates, "value": card.spark},
                        schema={"date": pl.Date, "value": pl.Float64})


# --- segments -------------------------------------------------------------------------------------


def segment_dimensions(frame: pl.DataFrame) -> list[str]:
    """Dimensions with at least two distinct values: the ones worth breaking down by."""
    return [d for d in SEGMENT_DIMENSIONS if d in frame.columns and frame[d].drop_nulls().n_unique() >= 2]


def preferred_dimension(dims: Sequence[str]) -> str | None:
    """Campaigns first: that is where budget is moved."""
    return next((d for d in ("campaign", "channel", "source", "device") if d in dims), dims[0] if dims else None)


def computable_kpis(frame: pl.DataFrame, inputs: Inputs | None = None) -> list[str]:
    """Every catalog KPI the data can answer, in catalog order (funnel order)."""
    chosen, _ = resolve(list(catalog.KPIS), available_measures(frame, inputs))
    return [k for k in catalog.KPIS if k in chosen]


_PREFERRED: dict[str | None, tuple[str, ...]] = {
    None: ("roas", "cpa", "cpl", "ctr", "cpc"),
    "leads": ("cpl", "cac", "cpa", "ctr", "cpc"),
    "traffic": ("cpc", "cost_per_session", "ctr", "cpm"),
    "awareness": ("cpm", "ctr", "engagement_rate", "cpc"),
}


def preferred(kpis: Sequence[str], goal: str | None = None) -> str | None:
    """The KPI a breakdown opens on: the efficiency KPI budget decisions for the goal rest on
    (ROAS or CPA for sales, CPL for leads, CPC for traffic, CPM for brand awareness)."""
    order = _PREFERRED.get(goal, _PREFERRED[None])
    return next((k for k in (*order, *_PREFERRED[None]) if k in kpis), kpis[0] if kpis else None)


def picked_segment(event: object) -> str | None:
    """The segment clicked in the bar chart, from st.altair_chart's selection state."""
    try:
        points = event["selection"]["pick"]  # type: ignore[index]
    except (KeyError, TypeError):
        return None
    return points[0].get("segment") if points else None


def _rank_measure(frame: pl.DataFrame) -> str | None:
    return next((m for m in ("spend", "revenue", "conversions", "sessions", "impressions", "clicks")
                 if m in frame.columns), None)


def top_segments(frame: pl.DataFrame, dims: Sequence[str], n: int, other: str) -> pl.DataFrame:
    """Keep the ``n`` largest values of each dimension (by spend, else the first volume measure)
    and relabel the rest ``other``, so a chart stays readable and small. Nulls read "(not set)".

    Relabelling rows before the engine sums them keeps "Other" a true ratio of sums. Sources are
    reconciled before they are relabelled: a result that two tools report (GA4's and the ad
    platforms' conversions) must still be counted once when both end up in "Other".
    """
    out = sources.reconcile(frame)[0] if "source" in dims else frame
    out = out.with_columns(pl.col(d).cast(pl.String).fill_null(NOT_SET) for d in dims)
    rank = _rank_measure(out)
    for d in dims:
        if rank is None:
            sizes = out.group_by(d).len().sort(["len", d], descending=[True, False])
        else:
            sizes = out.group_by(d).agg(pl.col(rank).sum()).sort([rank, d], descending=[True, False])
        if sizes.height > n:
            keep = sizes[d].head(n).to_list()
            out = out.with_columns(pl.when(pl.col(d).is_in(keep)).then(pl.col(d)).otherwise(pl.lit(other)).alias(d))
    return out


def _by_segment(frame: pl.DataFrame, dim: str, kpis: Sequence[str], inputs: Inputs | None) -> KpiResult:
    """``compute`` by ``dim`` with the segments as text and nulls as "(not set)". A Categorical
    column is grouped as it is (small integers, not strings) and relabelled after, unless the
    data has both nulls and a "(not set)" value, which must become one segment: then the rows are
    relabelled first."""
    col = frame[dim]
    if col.dtype == pl.Categorical and not (col.null_count() and bool((col == NOT_SET).any())):
        res = compute(frame, kpis, by=[dim], inputs=inputs, keep_pairs=True)
        out = res.frame.with_columns(pl.col(dim).cast(pl.String).fill_null(NOT_SET))
        return replace(res, frame=sort_groups(out, [dim]))
    prepared = frame.with_columns(pl.col(dim).cast(pl.String).fill_null(NOT_SET))
    return compute(prepared, kpis, by=[dim], inputs=inputs, keep_pairs=True)


def _top_from_sums(full: KpiResult, rows: pl.DataFrame, dim: str, n: int, other: str,
                   inputs: Inputs | None) -> KpiResult | None:
    """``compute(top_segments(rows, [dim], n, other), …, by=[dim])`` from the segments' sums in
    ``full`` (``compute`` of ``rows`` by ``dim``, nulls already "(not set)"), without a second pass
    over the rows. None when that would not be exact: the engine's rules for people and currencies
    (``engine.regroup``), or a ranking measure that ``sources.reconcile`` may have set aside in
    some rows (``top_segments`` ranks by the rows as uploaded)."""
    rank = _rank_measure(rows)
    if rank in sources.PRECEDENCE and "source" in rows.columns:
        return None
    size = pl.col(ROWS) if rank is None else pl.col(rank).fill_null(0.0)
    keep = full.frame.sort([size, pl.col(dim)], descending=[True, False])[dim].head(n)
    label = pl.when(pl.col(dim).is_in(keep.implode())).then(pl.col(dim)).otherwise(pl.lit(other))
    return regroup(full, rows, {dim: label}, inputs)


@dataclass(frozen=True)
class Segments:
    """One dimension broken down: every computable KPI per segment, and what the charts need."""

    dim: str
    table: pl.DataFrame  # dim, measures…, KPIs…, all segments, sorted by spend
    chart: pl.DataFrame  # the same for at most ``top`` segments plus "Other"
    kpis: tuple[str, ...]
    currency: str | None
    notes: tuple[str, ...] = field(default=())
    # Segments whose money is in different currencies (Google Ads in SEK, Meta in NOK, no rates): their
    # money cannot be set side by side (shares of spend, a CPM axis) without adding SEK to NOK.
    mixed: bool = False


def money_comparable(seg: Segments, kpi: str | None = None) -> bool:
    """Whether the segments' money (or ``kpi``, when it is money) can be compared across segments."""
    return not seg.mixed or (kpi is not None and catalog.get(kpi).unit != "currency")


# The CRM step rates, counted here by the day each stage was reached (the Funnel page follows contacts).
CRM_STEP_RATES = frozenset({"lead_to_mql_rate", "mql_to_sql_rate", "mql_to_customer_rate"})


def segments(frame: pl.DataFrame, dim: str, inputs: Inputs | None = None, top: int = 15,
             lang: Lang = "en") -> Segments:
    kpis = computable_kpis(frame, inputs)
    full = _by_segment(frame, dim, kpis, inputs)
    small = full if full.frame.height <= top else (
        _top_from_sums(full, frame, dim, top, fmt.t("other", lang), inputs)
        or compute(top_segments(frame, [dim], top, fmt.t("other", lang)), kpis, by=[dim], inputs=inputs))
    # The table's currency is in its money column headers; paired denominators were for regroup only.
    shown = ["rows", "currency", *(c for c in full.frame.columns if "~" in c)]
    mixed = full.currency is None and "currency" in full.frame.columns and full.frame["currency"].n_unique() > 1
    table, chart = full.frame.drop(shown, strict=False), small.frame.drop(shown, strict=False)
    if dim == "source":  # 'GA4', 'Google Ads', 'Eget ark' rather than ids (only_segment reads them back)
        table, chart = (f.with_columns(pl.col(dim).map_elements(lambda x: sources.label(x, lang),
                                                                return_dtype=pl.String)) for f in (table, chart))
    return Segments(dim, table, chart, tuple(full.kpis), full.currency, full.notes, mixed)


def valued_kpis(seg: Segments) -> list[str]:
    """The KPIs that have a value in at least one segment, in catalog order. A KPI whose inputs come
    from two different tools (ROAS from ad spend and GA4 revenue) is computable on paper but null in
    every segment: offering it would draw an empty chart and a "0.00× → 0.00×" waterfall."""
    return [k for k in seg.kpis if k in seg.table.columns and seg.table[k].null_count() < seg.table.height]


def rounded(frame: pl.DataFrame, decimals: Mapping[str, int]) -> pl.DataFrame:
    """``frame`` with each listed float column rounded to its number of decimals (half away from
    zero), so a table that shows two decimals shows 2,227.89 for 2,227.887 and not a cut-off 2,227.88."""
    return frame.with_columns(pl.col(c).round(n, mode="half_away_from_zero") for c, n in decimals.items()
                              if c in frame.columns and frame[c].dtype.is_float())


def filled_columns(frame: pl.DataFrame) -> list[str]:
    """Columns with at least one value: a column that is empty for every segment says nothing."""
    return [c for c in frame.columns if frame[c].null_count() < frame.height]


def second_dimension(dims: Sequence[str], first: str) -> str | None:
    """The heatmap's other axis: a cross-cutting one (device, age…) rather than source or channel,
    which mostly just group campaigns."""
    others = [d for d in dims if d != first]
    return next((d for d in ("device", "age", "placement", "country", "gender", "channel") if d in others),
                others[0] if others else None)


def only_segment(frame: pl.DataFrame, dim: str, value: str) -> pl.DataFrame:
    """Rows of one segment (as labelled in a chart: "(not set)" for nulls, a source by its name)."""
    if dim == "source" and dim in frame.columns:
        ids = frame[dim].drop_nulls().cast(pl.String).unique().to_list()
        value = next((x for x in ids if value in (x, *(sources.label(x, lg) for lg in ("en", "nb", "sv")))), value)
    return frame.filter(pl.col(dim).cast(pl.String).fill_null(NOT_SET) == value)


def kpi_bars(seg: Segments, kpi: str, lang: Lang = "en") -> pl.DataFrame:
    """segment, value, text: one KPI per segment, best first. A segment where the KPI has no value
    (no spend, no clicks: GA4's "(not set)" campaign) gets no empty bar; ``no_value`` names them."""
    k = catalog.get(kpi)
    df = seg.chart.select(pl.col(seg.dim).alias("segment"), pl.col(kpi).alias("value")).drop_nulls("value")
    df = df.sort("value", descending=k.direction != "lower")
    return df.with_columns(
        pl.col("value").map_elements(lambda v: fmt.format_kpi(v, k.unit, seg.currency, lang),
                                     return_dtype=pl.String).fill_null(fmt.NULL).alias("text"))


def no_value(seg: Segments, kpi: str) -> list[str]:
    """The chart's segments where ``kpi`` cannot be computed (a zero or missing denominator)."""
    return seg.chart.filter(pl.col(kpi).is_null())[seg.dim].to_list() if kpi in seg.chart.columns else []


def result_measure(frame: pl.DataFrame) -> str | None:
    """What "the result" is for share and bubble views: revenue when there is any, else conversions."""
    for m in ("revenue", "conversions", "leads", "sessions"):
        if m in frame.columns and frame[m].drop_nulls().sum() > 0:
            return m
    return None


def shares(seg: Segments, lang: Lang = "en") -> pl.DataFrame:
    """segment, measure (display name), share: each segment's share of spend and of the result (none
    when the segments' money is in different currencies: a share of SEK plus NOK means nothing)."""
    result = result_measure(seg.chart)
    measures = [m for m in ("spend", result) if m and m in seg.chart.columns]
    if not measures or not money_comparable(seg):
        return pl.DataFrame(schema={"segment": pl.String, "measure": pl.String, "share": pl.Float64})
    df = seg.chart.select(
        pl.col(seg.dim).alias("segment"),
        *[_share(m).alias(fmt.name(m, lang)) for m in measures],
    )
    # A segment with neither spend nor result (GA4's "(not set)" campaign) would be an empty row.
    names = [fmt.name(m, lang) for m in measures]
    df = df.filter(pl.any_horizontal(pl.col(n).fill_null(0) != 0 for n in names))
    # Spend first: the chart colours the first measure grey and the result in the accent colour.
    return df.unpivot(index="segment", variable_name="measure", value_name="share")


def _share(measure: str) -> pl.Expr:
    """A segment's share of the measure's total; null when the total is zero (or so small that
    the division overflows: a sum of subnormal floats)."""
    share = pl.col(measure) / pl.col(measure).sum()
    return pl.when(share.is_finite()).then(share)


def efficiency_kpi(seg: Segments) -> str | None:
    """ROAS when there is revenue, else CPA: the efficiency axis of the bubble chart."""
    return next((k for k in ("roas", "cpa", "cpl", "cpc") if k in seg.kpis), None)


def bubbles(seg: Segments) -> pl.DataFrame:
    """segment, spend, efficiency, size (the result measure): spend against efficiency."""
    eff = efficiency_kpi(seg)
    if eff is None or "spend" not in seg.chart.columns or not money_comparable(seg):
        return pl.DataFrame(schema={"segment": pl.String, "spend": pl.Float64, "efficiency": pl.Float64,
                                    "size": pl.Float64})
    size = result_measure(seg.chart) or "spend"
    return seg.chart.select(pl.col(seg.dim).alias("segment"), pl.col("spend"), pl.col(eff).alias("efficiency"),
                            pl.col(size).cast(pl.Float64).alias("size")).drop_nulls(["spend", "efficiency"])


def heatmap(frame: pl.DataFrame, a: str, b: str, kpi: str, inputs: Inputs | None = None, top: int = 10,
            lang: Lang = "en") -> pl.DataFrame:
    """a, b, value, text: one KPI for each pair of the top values of two dimensions."""
    k = catalog.get(kpi)
    res = compute(top_segments(frame, [a, b], top, fmt.t("other", lang)), [kpi], by=[a, b], inputs=inputs)
    if kpi not in res.frame.columns:
        return pl.DataFrame(schema={"a": pl.String, "b": pl.String, "value": pl.Float64, "text": pl.String})
    named = [pl.col(d).cast(pl.String).map_elements(lambda x: sources.label(x, lang), return_dtype=pl.String)
             if d == "source" else pl.col(d) for d in (a, b)]
    df = res.frame.select(named[0].alias("a"), named[1].alias("b"), pl.col(kpi).alias("value")).sort(["a", "b"])
    return df.with_columns(
        pl.col("value").map_elements(lambda v: fmt.format_kpi(v, k.unit, res.currency, lang),
                                     return_dtype=pl.String).fill_null(fmt.NULL).alias("text"))


# --- trends ---------------------------------------------------------------------------------------


def data_grain(frame: pl.DataFrame) -> str:
    """How finely the data is dated: "month" when every date is a month's first day (a monthly sheet),
    "week" when all dates fall on one weekday, else "day". A day chart of monthly rows is two dots."""
    if "date" not in frame.columns:
        return "day"
    dates = frame["date"].drop_nulls().unique()
    if dates.len() < 2:
        return "day"
    if (dates.dt.day() == 1).all():
        return "month"
    return "week" if dates.dt.weekday().n_unique() == 1 else "day"


def fitting_grain(period: Period, grain: str, n_kpis: int, limit: int = 5000, finest: str = "day") -> str:
    """The grain asked for (never finer than the data's own, ``finest``), or a coarser one when the
    chart would pass ``limit`` points (two series per KPI)."""
    per_bucket = {"day": 1, "week": 7, "month": 30}
    for g in ("day", "week", "month"):
        if (per_bucket[g] >= max(per_bucket[grain], per_bucket[finest])
                and 2 * n_kpis * (period.days // per_bucket[g] + 2) <= limit):
            return g
    return "month"


def trend(frame: pl.DataFrame, kpis: Sequence[str], period: Period, grain: str, inputs: Inputs | None = None,
          lang: Lang = "en") -> pl.DataFrame:
    """date, kpi (label), value, series: each KPI per time bucket in ``period`` and in the period
    before it, the previous one shifted forward by the period's length so both lie on the same dates.
    """
    prev = period.previous()
    shift = timedelta(days=period.days)
    parts = []
    for series, p, offset in ((fmt.t("current", lang), period, timedelta(0)),
                              (fmt.t("previous", lang), prev, shift)):
        rows = in_period(frame, p)
        if rows.is_empty():
            continue
        res = compute(rows, list(kpis), grain=grain, inputs=inputs)
        ids = [k for k in kpis if k in res.frame.columns]
        if not ids:
            continue
        long = res.frame.select(["period", *ids]).unpivot(index="period", variable_name="kpi", value_name="value")
        parts.append(long.with_columns((pl.col("period") + offset).alias("date"), pl.lit(series).alias("series")))
    if not parts:
        return pl.DataFrame(schema={"date": pl.Date, "kpi": pl.String, "value": pl.Float64, "series": pl.String})
    labels = {k: catalog.get(k).label(lang) for k in kpis}
    out = pl.concat(parts).with_columns(pl.col("kpi").replace_strict(labels))
    return out.select("date", "kpi", "value", "series").sort(["kpi", "series", "date"])


def drawn_kpis(trend_frame: pl.DataFrame, kpis: Sequence[str], lang: Lang = "en") -> list[str]:
    """The KPIs of ``kpis`` that have a value somewhere in a ``trend`` frame. Reach and frequency
    count people: they cannot be added up over days and campaigns, so a daily line of them is empty."""
    have = set(trend_frame.filter(pl.col("value").is_not_null())["kpi"].unique().to_list())
    return [k for k in kpis if catalog.get(k).label(lang) in have]


# --- funnel ---------------------------------------------------------------------------------------

FUNNEL_STEPS: tuple[str, ...] = ("impressions", "clicks", "sessions", "conversions")


@dataclass(frozen=True)
class Funnel:
    stages: pl.DataFrame  # stage, label, volume, volume_text (funnel order)
    steps: pl.DataFrame  # step ("Clicks → Sessions"), rate, rate_text, biggest_drop
    biggest: tuple[str, str, str] | None  # (from label, to label, rate text) of the biggest drop
    notes: tuple[str, ...] = ()  # stages left out, and why


def funnel(frame: pl.DataFrame, lang: Lang = "en") -> Funnel:
    """Impressions → clicks → sessions → orders (conversions when there are no orders).

    Each stage is summed by the engine, so a result that several tools report is counted once.
    Stages the data lacks are skipped; the step that keeps the smallest share of the stage before
    it is the biggest drop.
    """
    totals = compute(frame, []).row(0) if frame.height else {}
    # Orders as the engine kept them: a shop's orders set aside next to ad revenue do not end the funnel.
    wanted = (*FUNNEL_STEPS[:-1], "orders" if totals.get("orders") else "conversions")
    present = [s for s in wanted if totals.get(s)]
    # A step compares two stages of one tool. Web analytics' sessions count all traffic (organic,
    # direct…), so after ad clicks they would give "206 % of clicks became sessions": such a stage
    # is left out of the chain and said so.
    by_source = measures_by_source(frame)
    names: list[str] = []
    notes: list[str] = []
    for s in present:
        if names and by_source and not any({names[-1], s} <= ms for ms in by_source.values()):
            notes.append(fmt.t("funnel_other_tool", lang, stage=fmt.name(s, lang), before=fmt.name(names[-1], lang)))
            continue
        names.append(s)
    vols = [float(totals[s]) for s in names]
    labels = [fmt.name(s, lang) for s in names]
    stages = pl.DataFrame({"stage": names, "label": labels, "volume": vols,
                           "volume_text": [fmt.number(v, lang) for v in vols]},
                          schema={"stage": pl.String, "label": pl.String, "volume": pl.Float64,
                                  "volume_text": pl.String})
    rates = [b / a for a, b in zip(vols, vols[1:], strict=False)]
    worst = min(rates) if rates else None
    steps = pl.DataFrame({
        "step": [f"{a} → {b}" for a, b in zip(labels, labels[1:], strict=False)],
        "rate": rates,
        "rate_text": [fmt.percent(r, lang) for r in rates],
        "biggest_drop": [r == worst for r in rates],
    }, schema={"step": pl.String, "rate": pl.Float64, "rate_text": pl.String, "biggest_drop": pl.Boolean})
    biggest = None
    if worst is not None:
        i = rates.index(worst)
        biggest = (labels[i], labels[i + 1], fmt.percent(worst, lang))
    return Funnel(stages, steps, biggest, tuple(notes))


# --- the Data page --------------------------------------------------------------------------------

IGNORE = "ignore"
MAPPING_TARGETS: tuple[str, ...] = (IGNORE, "date", "date_end", "currency", *MEASURES, *SEGMENT_DIMENSIONS)


def mapping_table(result: ReadResult) -> pl.DataFrame:
    """column, maps_to, rule: the reader's column mapping as an editable table."""
    return pl.DataFrame({
        "column": [c.source for c in result.columns],
        "maps_to": [c.canonical or IGNORE for c in result.columns],
        "rule": [c.rule for c in result.columns],
    }, schema={"column": pl.String, "maps_to": pl.String, "rule": pl.String})


def mapping_overrides(edited: pl.DataFrame) -> dict[str, str | None]:
    """The edited mapping table as reader overrides: header -> canonical name (None = ignore)."""
    return {c: (None if m in (IGNORE, None) else m) for c, m in zip(edited["column"], edited["maps_to"], strict=True)}


def recipe_json(result: ReadResult) -> bytes:
    """A column-mapping recipe: upload it again to read the next export the same way."""
    body = {"kpi_compass_recipe": 1, "platform": result.platform,
            "columns": {c.source: c.canonical for c in result.columns}}
    return json.dumps(body, ensure_ascii=False, indent=2).encode("utf-8")


def recipe_overrides(data: bytes, name: str = "recipe") -> dict[str, str | None]:
    """The overrides a recipe holds; ValueError with a plain message when it is not one."""
    try:
        body = json.loads(data.decode("utf-8"))
        columns = body["columns"]
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError):
        raise ValueError(f"{name}: not a KPI Compass mapping recipe (a JSON file downloaded from this page).") from None
    if not isinstance(columns, dict):
        raise ValueError(f"{name}: the recipe's 'columns' must map each header to a column name or null.")
    unknown = sorted(v for v in columns.values() if v is not None and v not in MAPPING_TARGETS)
    if unknown:
        raise ValueError(f"{name}: unknown column names {', '.join(unknown)}; use names from the mapping table.")
    return {str(k): v for k, v in columns.items()}


def _table_kind(result: ReadResult) -> str:
    """What a file holds, in the Data page's words: a performance table of web analytics or of an
    e-mail tool is no "campaign performance" report."""
    role = sources.role(result.platform)
    return role if result.kind == "performance" and role in ("analytics", "email") else result.kind


def file_facts(result: ReadResult, lang: Lang = "en") -> dict[str, str]:
    """What the Data page says about one parsed file, keyed by interface text."""
    dr = result.date_range or date_bounds(result.frame)
    return {
        "platform": sources.label(result.platform, lang), "kind": fmt.name(f"table_{_table_kind(result)}", lang),
        "currency_code": result.currency or fmt.NULL,
        "dates": f"{dr[0].isoformat()} – {dr[1].isoformat()}" if dr else fmt.NULL,
    }


def files_table(results: Sequence[ReadResult], lang: Lang = "en") -> pl.DataFrame:
    """One row per file: what was recognised and how many rows went in."""
    facts = [file_facts(r, lang) for r in results]
    return pl.DataFrame({
        "file": [r.file for r in results], "platform": [f["platform"] for f in facts],
        "table": [f["kind"] for f in facts], "currency": [f["currency_code"] for f in facts],
        "dates": [f["dates"] for f in facts], "rows_read": [r.rows_read for r in results],
        "rows_used": [r.rows_used for r in results], "rows_excluded": [len(r.rows_excluded) for r in results],
    })


def exclusions_table(result: ReadResult, lang: Lang = "en") -> pl.DataFrame:
    """The rows a reader left out, by line, with the reason in ``lang``."""
    line, reason = fmt.t("col_line", lang), fmt.t("col_reason", lang)
    return pl.DataFrame({line: [e.line for e in result.rows_excluded],
                         reason: [fmt.note(e.reason, lang) for e in result.rows_excluded]},
                        schema={line: pl.Int64, reason: pl.String})


# --- downloads ------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(frame: pl.DataFrame) -> pl.DataFrame:
    """Text cells that a spreadsheet would run as a formula (=, +, -, @) get a leading apostrophe."""
    text = [c for c, t in frame.schema.items() if t == pl.String]
    return frame.with_columns(
        pl.when(pl.col(c).str.slice(0, 1).is_in(list(_FORMULA_START)))
        .then(pl.lit("'") + pl.col(c)).otherwise(pl.col(c)).alias(c)
        for c in text
    )


def to_csv(frame: pl.DataFrame, lang: Lang = "en", currency: str | None = None) -> bytes:
    """The table as a CSV a spreadsheet in the user's language opens as it is: headers as on screen, a
    BOM (Excel reads UTF-8 by it), and in nb/sv ';' between cells and decimal commas. Formula-like
    text gets a leading apostrophe (a CSV cell has no type: Excel would run '=HYPERLINK(…)')."""
    comma = lang != "en"
    out = neutralise(frame).with_columns(pl.col(pl.Float64).round(6)).rename(_download_names(frame, lang, currency))
    return out.write_csv(include_bom=True, separator=";" if comma else ",", decimal_comma=comma).encode("utf-8")


def to_xlsx(frame: pl.DataFrame, lang: Lang = "en", currency: str | None = None) -> bytes:
    """The table as a workbook: headers as on screen, rates as percentages, money with two decimals.
    Text goes in as text cells, which Excel never runs, so names stay exactly as written."""
    buf = io.BytesIO()
    names = _download_names(frame, lang, currency)
    formats = {names[c]: f for c, f in _cell_formats(frame).items()}
    frame.rename(names).write_excel(buf, worksheet="KPIs", autofit=True, column_formats=formats or None)
    return buf.getvalue()


_UNIT_FORMATS = {"rate": "0.00%", "currency": "#,##0.00", "count": "#,##0", "multiple": '0.00"×"',
                 "number": "0.00", "seconds": "0"}


def _cell_formats(frame: pl.DataFrame) -> dict[str, str]:
    """Excel number formats of a table's number columns, from the KPI's unit or the measure's kind."""
    out = {}
    for c, t in frame.schema.items():
        if not t.is_numeric():
            continue
        if c in catalog.KPIS:
            out[c] = _UNIT_FORMATS.get(catalog.get(c).unit, "0.00")
        elif c in MONEY_MEASURES:
            out[c] = _UNIT_FORMATS["currency"]
        elif c in MEASURES:
            out[c] = _UNIT_FORMATS["count"]
    return out


def _download_names(frame: pl.DataFrame, lang: Lang, currency: str | None) -> dict[str, str]:
    """Column -> header as on screen: the KPI's label, the measure's or dimension's name, money with its
    currency ('Kostnad (NOK)')."""
    names = {}
    for c in frame.columns:
        name = catalog.get(c).label(lang) if c in catalog.KPIS else fmt.name(c, lang)
        money = c in MONEY_MEASURES or (c in catalog.KPIS and catalog.get(c).unit == "currency")
        names[c] = f"{name} ({currency})" if money and currency else name
    if len(set(names.values())) < len(names):  # two columns with one name: keep the ids
        return {c: c for c in frame.columns}
    return names
