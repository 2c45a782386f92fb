"""Where a number comes from, and why it moved.

Two questions a marketer asks of every KPI in a workshop:

- **"Where does this number come from?"** ``explain_number`` returns the formula in words, the
  summed inputs, how many rows they rest on and the filters applied.
- **"Why did CPA go up?"** ``decompose`` splits the change of a ratio KPI between two periods into
  a *mix effect* (volume moved between segments) and a *rate effect* (segments themselves got
  better or worse), per segment, adding up exactly to the total change.

The decomposition. A catalog ratio is ``offset + scale × N / D`` with N and D sums over rows. Over
segments i, ``N / D = Σ w_i r_i`` with weight ``w_i = D_i / D`` and rate ``r_i = N_i / D_i``. Between
period 0 (previous) and 1 (current), for a segment with a rate in both periods:

    rate effect_i = (r1_i − r0_i) × (w0_i + w1_i) / 2
    mix effect_i  = (w1_i − w0_i) × ((r0_i + r1_i) / 2 − c),   c = (R0 + R1) / 2

where R is the overall ratio. The symmetric (midpoint) weights make the split exact with no
interaction term. Subtracting the constant c changes no total (the weights sum to 1 in both periods,
so Σ (w1 − w0) = 0) but makes each segment's mix bar readable: moving volume *into* a segment raises
the KPI only when that segment's rate is above the average, which is what a marketer means by
"the mix got worse".

A segment without a rate in one period (new, gone, or with spend but no conversions, so its
denominator is 0 there) has no rate change to speak of: its whole contribution goes into mix,
``mix_i = (t1_i − t0_i) − c × (w1_i − w0_i)`` with ``t_i = N_i / D`` its share of the ratio. The sum
over all segments is still exactly ``R1 − R0``. Finally every effect is multiplied by the catalog
formula's scale (CPM × 1000, bounce rate 1 − …); the offset cancels in a change.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import polars as pl

from kpi_core import catalog, cli, fmt
from kpi_core.catalog import Formula, Lang
from kpi_core.engine import (
    ROWS,
    Inputs,
    Period,
    available_measures,
    choose_formula,
    compute,
    convert_currencies,
    formula_expr,
    in_period,
    parse_period,
    prepare,
)
from kpi_core.fmt import Note, joined, measure_words
from kpi_core.schema import MONEY_MEASURES, NON_ADDITIVE
from kpi_core.targets import unit_of

_NUM, _DEN = "__num", "__den"


def ratio_formula(kpi_id: str, frame: pl.DataFrame, inputs: Inputs | None = None) -> Formula:
    """The catalog formula the engine would use for ``kpi_id`` on ``frame``, if it is a ratio of sums.

    Raises ValueError in plain words for KPIs that cannot be split over segments.
    """
    kpi = catalog.get(kpi_id)
    if kpi.of_kpis:
        raise ValueError(f"{kpi_id} is a ratio of two KPIs ({' / '.join(kpi.of_kpis)}); explain one of them")
    formula, missing = choose_formula(kpi, available_measures(prepare(frame, inputs), inputs))
    if formula is None:
        raise ValueError(f"{kpi_id} cannot be computed from this data: it {missing}")
    if formula.denominator is None:
        raise ValueError(f"{kpi_id} is a plain sum, not a ratio: its change is the sum of the segments' changes")
    people = sorted(formula.measures & NON_ADDITIVE)
    if people:
        raise ValueError(f"{kpi_id} uses {', '.join(people)}, which counts people and cannot be added up over "
                         "segments and days, so its change cannot be split")
    return formula


def _sums(frame: pl.DataFrame, formula: Formula, by: str, inputs: Inputs | None) -> pl.DataFrame:
    """Per segment: the formula's summed numerator and denominator (null-free, 0 when absent)."""
    needed = sorted(formula.measures)
    res = compute(frame, [], by=[by], inputs=inputs) if frame.height else None
    if res is None or res.frame.height == 0:
        return pl.DataFrame({by: [], _NUM: [], _DEN: []}, schema={by: frame.schema.get(by, pl.String),
                                                                  _NUM: pl.Float64, _DEN: pl.Float64})
    cols = res.frame.columns
    missing = [m for m in needed if m not in cols and m not in formula.optional]
    if missing:
        raise ValueError(f"the period has no {', '.join(missing)} values")
    num = formula_expr(Formula(formula.numerator, optional=formula.optional), cols)
    den = formula_expr(Formula(formula.denominator or {}, optional=formula.optional), cols)
    out = res.frame.select(pl.col(by), num.fill_null(0.0).alias(_NUM), den.fill_null(0.0).alias(_DEN))
    return out


@dataclass(frozen=True)
class Decomposition:
    """The change of one KPI between two periods, split per segment into mix and rate effects.

    segments: one row per segment value with ``previous`` and ``current`` (the KPI in the segment,
    null where it has no denominator), ``previous_share`` and ``current_share`` (w0, w1),
    ``mix_effect``, ``rate_effect`` and ``effect`` (their sum), sorted by |effect| descending.
    """

    kpi: str
    by: str
    current_period: Period
    previous_period: Period
    previous: float
    current: float
    segments: pl.DataFrame

    @property
    def change(self) -> float:
        return self.current - self.previous

    @property
    def mix_effect(self) -> float:
        return float(self.segments["mix_effect"].sum())

    @property
    def rate_effect(self) -> float:
        return float(self.segments["rate_effect"].sum())

    def to_dict(self) -> dict:
        """The ``explain-change --json`` object (dates as YYYY-MM-DD)."""

        def period(p: Period) -> dict:
            return {"from": p.start.isoformat(), "to": p.end.isoformat()}

        segs = []
        for r in self.segments.iter_rows(named=True):
            key = r[self.by]
            segs.append({self.by: key.isoformat() if hasattr(key, "isoformat") else key,
                         "mix_effect": r["mix_effect"], "rate_effect": r["rate_effect"], "effect": r["effect"],
                         "previous": r["previous"], "current": r["current"],
                         "previous_share": r["previous_share"], "current_share": r["current_share"]})
        return {"kpi": self.kpi, "by": self.by, "current": self.current, "previous": self.previous,
                "change": self.change, "mix_effect": self.mix_effect, "rate_effect": self.rate_effect,
                "current_period": period(self.current_period), "previous_period": period(self.previous_period),
                "segments": segs}


def decompose(frame: pl.DataFrame, kpi_id: str, by: str, current: Period, previous: Period,
              inputs: Inputs | None = None) -> Decomposition:
    """Split the change of ``kpi_id`` from ``previous`` to ``current`` over the segments of ``by``.

    Raises ValueError (plain words) when the KPI is not a ratio of additive sums, the dimension is
    missing, money in several currencies would be added, or a period has no denominator at all (the KPI
    is undefined there). Other costs the user entered are not split over segments (engine rule), so a
    CPL or CAC here is media cost only.
    """
    if by not in frame.columns:
        raise ValueError(f"cannot break down by {by!r}: the data has no such column")
    if "date" not in frame.columns:
        raise ValueError("comparing periods needs a date column")
    frame = convert_currencies(frame, inputs) if inputs is not None else frame  # the user's exchange rates
    formula = ratio_formula(kpi_id, frame, inputs)
    codes = sorted(frame["currency"].drop_nulls().unique().to_list()) if "currency" in frame.columns else []
    if len(codes) > 1 and formula.measures & MONEY_MEASURES:
        raise ValueError(Note("e_explain_currencies", codes=", ".join(codes)))
    p0 = _sums(in_period(frame, previous), formula, by, inputs)
    p1 = _sums(in_period(frame, current), formula, by, inputs)
    for name, p, part in (("previous", previous, p0), ("current", current, p1)):
        if part[_DEN].sum() == 0:
            den = joined([measure_words(m, start=False) for m in formula.denominator or {}], " + ")
            raise ValueError(Note(f"e_explain_undefined_{name}", kpi=dict(catalog.get(kpi_id).labels), period=str(p),
                                  den=den))
    segments = _effects(p0, p1, by, formula)
    value = (lambda part: formula.offset + formula.scale * part[_NUM].sum() / part[_DEN].sum())  # noqa: E731
    return Decomposition(kpi_id, by, current, previous, value(p0), value(p1), segments)


def _effects(p0: pl.DataFrame, p1: pl.DataFrame, by: str, formula: Formula) -> pl.DataFrame:
    """Mix and rate effect per segment (see the module docstring for the arithmetic)."""
    scale = formula.scale
    d0, d1 = p0[_DEN].sum(), p1[_DEN].sum()
    r0, r1 = p0[_NUM].sum() / d0, p1[_NUM].sum() / d1
    c = (r0 + r1) / 2
    both = p0.join(p1, on=by, how="full", coalesce=True, suffix="_1", nulls_equal=True)
    both = both.with_columns(pl.col(_NUM, _DEN, f"{_NUM}_1", f"{_DEN}_1").fill_null(0.0))
    # segments with nothing in either period (rows whose measures were set aside) add nothing
    both = both.filter(pl.any_horizontal(pl.col(_NUM, _DEN, f"{_NUM}_1", f"{_DEN}_1") != 0))
    n0, n1, e0, e1 = (pl.col(_NUM), pl.col(f"{_NUM}_1"), pl.col(_DEN), pl.col(f"{_DEN}_1"))
    w0, w1 = e0 / d0, e1 / d1
    rate0, rate1 = pl.when(e0 != 0).then(n0 / e0), pl.when(e1 != 0).then(n1 / e1)
    has_both = (e0 != 0) & (e1 != 0)
    mix = pl.when(has_both).then((w1 - w0) * ((rate0 + rate1) / 2 - c)).otherwise(n1 / d1 - n0 / d0 - c * (w1 - w0))
    rate = pl.when(has_both).then((rate1 - rate0) * (w0 + w1) / 2).otherwise(0.0)
    out = both.select(
        pl.col(by),
        (formula.offset + rate0 * scale).alias("previous"),
        (formula.offset + rate1 * scale).alias("current"),
        w0.alias("previous_share"),
        w1.alias("current_share"),
        (mix * scale).alias("mix_effect"),
        (rate * scale).alias("rate_effect"),
    ).with_columns((pl.col("mix_effect") + pl.col("rate_effect")).alias("effect"))
    return out.sort([pl.col("effect").abs(), pl.col(by).cast(pl.String)], descending=[True, False])


# --- explain a number -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NumberExplanation:
    """What one KPI value rests on, for an "explain this number" popover."""

    kpi: str
    value: float | None
    formula: str  # in words: "spend / conversions"
    inputs: Mapping[str, float | None]  # each measure of the formula, summed
    rows: int  # source rows behind the sums
    filters: Mapping[str, object]  # what was filtered before summing (dimension -> values, period)
    currency: str | None
    notes: tuple[str, ...] = ()

    def lines(self, lang: Lang = "en") -> list[str]:
        """Plain-text lines: formula, the sums (formatted for ``lang``), rows and filters."""
        out = [f"{catalog.get(self.kpi).label(lang)} = {self.formula}"]
        out += [f"Σ {m} = {fmt.format_kpi(v, unit_of(m), self.currency, lang)}" for m, v in self.inputs.items()]
        out.append(fmt.t("rows_behind", lang, n=fmt.number(self.rows, lang)))
        out += [f"{k}: {_filter_text(v)}" for k, v in self.filters.items()] or [fmt.t("no_filters", lang)]
        return out + [fmt.note(n, lang) for n in self.notes]


def _filter_text(v: object) -> str:
    return ", ".join(map(str, v)) if isinstance(v, list | tuple | set | frozenset) else str(v)


def explain_numbers(frame: pl.DataFrame, kpi_ids: Sequence[str], filters: Mapping[str, object] | None = None,
                    inputs: Inputs | None = None) -> dict[str, NumberExplanation]:
    """For each KPI: the formula, summed inputs, row count and filters behind its value on ``frame``.

    ``frame`` is the data *after* filtering; ``filters`` describes what was filtered, for display.
    One engine pass serves every KPI, so a scorecard can explain all its cards.
    """
    parts_of = [p for k in kpi_ids for p in (catalog.get(k).of_kpis or ())]
    res = compute(frame, list(dict.fromkeys([*kpi_ids, *parts_of])), inputs=inputs)
    row, rows, shown = res.row(0), int(res.row(0).get(ROWS) or 0), dict(filters or {})
    # each KPI's formula note ("per click: the data has no sessions") belongs to that KPI only
    own = {k: f"{catalog.get(k).label()}: {f.note}." for k, f in res.formulas.items() if f.note}
    out = {}
    for kid in kpi_ids:
        kpi = catalog.get(kid)
        formula = res.formulas.get(kid)
        general = tuple(n for n in res.notes if n not in own.values() or n == own.get(kid))
        if kpi.of_kpis:
            text, parts, notes = " / ".join(kpi.of_kpis), list(kpi.of_kpis), general
        elif formula is not None:
            text, parts, notes = formula.describe(), [*formula.numerator, *(formula.denominator or {})], general
        else:
            text, parts = kpi.formulas[0].describe(), []
            notes = (f"Not computable: it {res.unavailable.get(kid, '')}.",)
        sums = {p: row.get(p) for p in parts if p in row}
        out[kid] = NumberExplanation(kid, row.get(kid), text, sums, rows, shown, res.currency, tuple(notes))
    return out


# --- command line: explain-change ---------------------------------------------------------------------


def _add_command(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("explain-change", help="split a KPI's change between two periods into mix and rate effects")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--kpi", required=True, help="a ratio KPI id, e.g. cpa, roas, ctr")
    p.add_argument("--by", required=True, metavar="DIMENSION", help="segments, e.g. channel or campaign")
    p.add_argument("--current", required=True, metavar="FROM:TO", help="YYYY-MM-DD:YYYY-MM-DD")
    p.add_argument("--previous", required=True, metavar="FROM:TO", help="YYYY-MM-DD:YYYY-MM-DD")
    p.add_argument("--margin", type=float, metavar="FRACTION", help="gross margin, for poas and roi")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> str:
    if args.kpi not in catalog.KPIS:
        raise cli.UsageProblem(f"--kpi {args.kpi}: unknown KPI; known: {', '.join(catalog.KPIS)}")
    current, previous = parse_period(args.current), parse_period(args.previous)
    _, frame = cli.read_paths(args.files)
    if frame.is_empty():
        raise cli.UsageProblem("no advertising, analytics or e-mail table among these files")
    d = decompose(frame, args.kpi, args.by, current, previous, Inputs(margin=args.margin))
    return json.dumps(d.to_dict(), ensure_ascii=False) if args.json else render_text(d)


def render_text(d: Decomposition) -> str:
    """The decomposition as a small readable table."""
    label = catalog.get(d.kpi).label()
    lines = [f"{label}: {d.previous:.4g} ({d.previous_period}) -> {d.current:.4g} ({d.current_period}), "
             f"change {d.change:+.4g} = mix {d.mix_effect:+.4g} + rate {d.rate_effect:+.4g}", "",
             f"  {d.by:<30}{'mix':>12}{'rate':>12}{'total':>12}"]
    for r in d.segments.iter_rows(named=True):
        lines.append(f"  {str(r[d.by])[:30]:<30}{r['mix_effect']:>+12.4g}{r['rate_effect']:>+12.4g}"
                     f"{r['effect']:>+12.4g}")
    return "\n".join(lines)


cli.EXTRA_COMMANDS.append(_add_command)
