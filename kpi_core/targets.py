"""Targets, benchmark ranges and the workspace file.

A KPI is read against something: a target the team set ("raise conversion rate by 10 % within three
months"), or a benchmark range the user entered. This module says where a number stands:

- **Status** of a target: ``on_track`` when the value meets it given the KPI's direction, ``at_risk``
  when it misses by at most the *at-risk band* (default 10 % of the target), ``off_track`` beyond.
  For a KPI with no better direction (frequency) the band is two-sided: within the band of the target
  is on track, within twice the band at risk.
- **Pacing** for cumulative measures (spend, revenue, conversions, leads, impressions… plain sums of
  counts or money): a target for a period is judged on a straight-line projection of the value so far
  to the period's end, ``actual × total days / elapsed days``. A ratio (CPA, CTR) is judged as it is.
- **Benchmarks** are ranges (low, high) per KPI and optionally per channel that the *user* enters. We
  ship none: published industry figures vary too much by market and method to be facts.

The workspace file keeps goal, business inputs, targets, benchmarks, column-mapping recipes and filters
as JSON, never data rows, so it can be mailed to a colleague without sharing customer data.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

import polars as pl

from kpi_core import catalog, fmt
from kpi_core.catalog import Direction, Lang
from kpi_core.engine import Inputs, Period, compute, in_period, verdict
from kpi_core.schema import DIMENSIONS, MEASURES, NON_ADDITIVE

Status = Literal["on_track", "at_risk", "off_track"]
STATUS_LABELS: Mapping[str, str] = {"on_track": "on track", "at_risk": "at risk", "off_track": "off track"}

AT_RISK_BAND = 0.10  # a miss within 10 % of the target is "at risk", beyond it "off track"

# Base measures where less is better when they carry a target (a budget, a ceiling).
_LOWER_IS_BETTER = frozenset({"spend", "other_costs", "cogs", "bounces", "unsubscribes", "returned_orders"})


def direction_of(metric: str) -> Direction:
    """The better direction of a KPI (from the catalog) or of a base measure."""
    if metric in catalog.KPIS:
        return catalog.get(metric).direction
    if metric in MEASURES:
        return "lower" if metric in _LOWER_IS_BETTER else "higher"
    raise ValueError(f"unknown KPI or measure {metric!r}")


def unit_of(metric: str) -> str:
    """The catalog unit of a KPI, or "currency" / "count" for a base measure."""
    if metric in catalog.KPIS:
        return catalog.get(metric).unit
    return "currency" if MEASURES[metric].unit == "currency" else "count"


def is_cumulative(metric: str) -> bool:
    """True for plain sums of additive counts or money: they grow through a period, so they pace."""
    if metric in MEASURES:
        m = MEASURES[metric]
        return m.additive and m.unit in ("count", "currency")
    kpi = catalog.get(metric)
    return (len(kpi.formulas) == 1 and kpi.formulas[0].denominator is None
            and not kpi.formulas[0].measures & NON_ADDITIVE)


def status(metric: str, actual: float | None, goal: float | None, band: float = AT_RISK_BAND) -> Status | None:
    """On track, at risk or off track, from the value, the target and the metric's direction."""
    if actual is None or goal is None:
        return None
    tol = band * abs(goal)
    direction = direction_of(metric)
    if direction == "neither":
        gap = abs(actual - goal)
        return "on_track" if gap <= tol else "at_risk" if gap <= 2 * tol else "off_track"
    shortfall = goal - actual if direction == "higher" else actual - goal
    return "on_track" if shortfall <= 0 else "at_risk" if shortfall <= tol else "off_track"


@dataclass(frozen=True)
class Target:
    """A target for one KPI or base measure, absolute (``value``) or relative (``change`` on ``baseline``).

    change: +0.10 raises by 10 %, −0.10 cuts by 10 %; the target is ``baseline × (1 + change)``.
    start, due: the period the target covers; a cumulative target paces over it.
    segment: (dimension, value) when the target is for one channel, campaign…
    """

    metric: str
    value: float | None = None
    change: float | None = None
    baseline: float | None = None
    start: date | None = None
    due: date | None = None
    segment: tuple[str, str] | None = None
    goal: str | None = None

    @property
    def goal_value(self) -> float | None:
        if self.value is not None:
            return self.value
        if self.change is not None and self.baseline is not None:
            return self.baseline * (1 + self.change)
        return None

    def problems(self) -> list[str]:
        """What is wrong with this target, in plain words (empty when it is usable)."""
        out = []
        if self.metric not in catalog.KPIS and self.metric not in MEASURES:
            out.append(f"unknown KPI or measure {self.metric!r}")
        if (self.value is None) == (self.change is None):
            out.append("give either a target value or a relative change, not both or neither")
        if self.change is not None and self.baseline is None:
            out.append("a relative change needs the baseline it applies to")
        if self.start and self.due and self.due < self.start:
            out.append(f"the due date {self.due} is before the start {self.start}")
        if self.segment and self.segment[0] not in DIMENSIONS:
            out.append(f"unknown dimension {self.segment[0]!r} in the segment")
        return out


def metric_value(frame: pl.DataFrame, metric: str, inputs: Inputs | None = None) -> float | None:
    """A KPI or a summed base measure over ``frame`` (ratio of sums, through the engine)."""
    if frame.height == 0:
        return None
    row = compute(frame, [metric] if metric in catalog.KPIS else [], inputs=inputs).row(0)
    v = row.get(metric)
    return None if v is None else float(v)


def with_baseline(target: Target, frame: pl.DataFrame, period: Period, inputs: Inputs | None = None) -> Target:
    """The relative target with its baseline measured on ``period`` of the data (of its segment, if any)."""
    data, _ = _segment(frame, target)
    return replace(target, baseline=metric_value(in_period(data, period), target.metric, inputs))


def from_input(metric: str, kind: Literal["value", "change"], amount: float, frame: pl.DataFrame,
               baseline: Period, start: date | None = None, due: date | None = None,
               segment: tuple[str, str] | None = None, goal: str | None = None,
               inputs: Inputs | None = None) -> Target:
    """A target as a user types it: a rate's value in percent (3.5 means 3.5 %), or a change in percent
    (10 means +10 %) on the KPI's value in the ``baseline`` period (in its segment, if any)."""
    if kind == "change":
        t = Target(metric, change=amount / 100, start=start, due=due, segment=segment, goal=goal)
        return with_baseline(t, frame, baseline, inputs)
    return Target(metric, value=typed(metric, amount), start=start, due=due, segment=segment, goal=goal)


def typed(metric: str, amount: float) -> float:
    """A value as a user types it: rates in percent (3.5 is 0.035), everything else as shown."""
    return amount / 100 if unit_of(metric) == "rate" else amount


SUGGESTED_CHANGE = 0.10  # "raise conversion rate by 10 %": the articles' example of a SMART target


def suggest(metrics: Sequence[str], frame: pl.DataFrame, baseline: Period, start: date | None = None,
            due: date | None = None, change: float = SUGGESTED_CHANGE, inputs: Inputs | None = None) -> list[Target]:
    """Starting targets from the data's own history: each KPI ``change`` better than in ``baseline``
    (up for higher-is-better, down for lower-is-better). KPIs without a direction or a baseline value
    are skipped. No outside benchmark goes in: the user edits them from there."""
    out = []
    for m in metrics:
        direction = direction_of(m)
        if direction == "neither":
            continue
        t = with_baseline(Target(m, change=change if direction == "higher" else -change, start=start, due=due),
                          frame, baseline, inputs)
        if t.baseline:
            out.append(t)
    return out


@dataclass(frozen=True)
class Pacing:
    """A cumulative value so far, projected in a straight line to the end of its period."""

    actual: float
    elapsed_days: int
    total_days: int
    projected: float
    expected_by_now: float | None  # the target's share for the elapsed days


def pace(actual: float, period: Period, as_of: date, goal: float | None = None) -> Pacing:
    elapsed = max(1, min(period.days, (as_of - period.start).days + 1))
    projected = actual * period.days / elapsed
    expected = None if goal is None else goal * elapsed / period.days
    return Pacing(actual, elapsed, period.days, projected, expected)


@dataclass(frozen=True)
class TargetCheck:
    target: Target
    actual: float | None  # over the target's period up to the data's last day
    goal: float | None
    status: Status | None
    period: Period | None
    pacing: Pacing | None = None
    note: str = ""

    @property
    def judged(self) -> float | None:
        """The value the status is based on: the projection for cumulative targets, else the actual."""
        return self.pacing.projected if self.pacing else self.actual


def _segment(frame: pl.DataFrame, target: Target) -> tuple[pl.DataFrame, str]:
    if not target.segment:
        return frame, ""
    dim, value = target.segment
    if dim not in frame.columns:
        return frame.clear(), f"the data has no {dim!r} column"
    return frame.filter(pl.col(dim).cast(pl.String) == value), ""


def check(target: Target, frame: pl.DataFrame, inputs: Inputs | None = None, band: float = AT_RISK_BAND,
          as_of: date | None = None, within: Period | None = None) -> TargetCheck:
    """Where ``target`` stands on ``frame``: actual, status and, for cumulative targets, pacing.

    The period runs from the target's start to its due date; a target without them covers ``within``
    (the period the page analyses), else the data's whole range. The actual covers the period up to
    ``as_of`` (default: the data's last day).
    """
    goal = target.goal_value
    data, why = _segment(frame, target)
    if why or data.height == 0 or "date" not in data.columns:
        note = why or ("no rows for this segment" if data.height == 0 else "")
        return TargetCheck(target, metric_value(data, target.metric, inputs), goal, None, None, note=note)
    first, last = data["date"].min(), data["date"].max()
    period = Period(target.start or (within.start if within else first), target.due or (within.end if within else last))
    as_of = min(as_of or last, period.end)
    if as_of < period.start:
        return TargetCheck(target, None, goal, None, period, note=f"the target starts on {period.start}")
    actual = metric_value(in_period(data, Period(period.start, as_of)), target.metric, inputs)
    pacing = None
    if actual is not None and is_cumulative(target.metric) and as_of < period.end:
        pacing = pace(actual, period, as_of, goal)
    judged = pacing.projected if pacing else actual
    return TargetCheck(target, actual, goal, status(target.metric, judged, goal, band), period, pacing)


def status_text(c: TargetCheck, currency: str | None = None, lang: Lang = "en") -> str | None:
    """"on track: 4.70× vs target 4.00× by 2026-03-31" in the language; None without a status."""
    if c.status is None:
        return None
    unit = unit_of(c.target.metric)
    value = fmt.format_kpi(c.judged, unit, currency, lang)
    if c.pacing:
        value = fmt.t("projected", lang, value=value)
    due = fmt.t("target_by", lang, date=c.period.end.isoformat()) if c.target.due and c.period else ""
    return fmt.t("target_line", lang, status=fmt.t(c.status, lang), value=value,
                 goal=fmt.format_kpi(c.goal, unit, currency, lang), due=due)


# --- benchmark ranges ---------------------------------------------------------------------------------

Position = Literal["below", "within", "above"]


@dataclass(frozen=True)
class Benchmark:
    """A range the user entered for a KPI, optionally for one channel, with where it came from."""

    kpi: str
    low: float
    high: float
    channel: str | None = None
    source: str = ""

    def problems(self) -> list[str]:
        out = []
        if self.kpi not in catalog.KPIS:
            out.append(f"unknown KPI {self.kpi!r}")
        if self.low > self.high:
            out.append(f"low {self.low:g} is above high {self.high:g}")
        return out


@dataclass(frozen=True)
class BenchmarkCheck:
    benchmark: Benchmark
    value: float | None
    position: Position | None
    verdict: str | None  # good / bad / neutral given the KPI's direction


def position(value: float | None, low: float, high: float) -> Position | None:
    if value is None:
        return None
    return "below" if value < low else "above" if value > high else "within"


def check_benchmark(bm: Benchmark, frame: pl.DataFrame, inputs: Inputs | None = None) -> BenchmarkCheck:
    """The KPI on ``frame`` (on the benchmark's channel when it has one) against the range."""
    data = frame
    if bm.channel is not None:
        data = frame.filter(pl.col("channel") == bm.channel) if "channel" in frame.columns else frame.clear()
    value = metric_value(data, bm.kpi, inputs)
    pos = position(value, bm.low, bm.high)
    side = {"below": -1.0, "within": 0.0, "above": 1.0}.get(pos or "", None)
    return BenchmarkCheck(bm, value, pos, verdict(bm.kpi, side))


def benchmark_text(c: BenchmarkCheck, currency: str | None = None, lang: Lang = "en") -> str | None:
    """"1.84%, within the range 1.50% – 2.50% (our 2024 average)" in the language; None without a value."""
    if c.position is None:
        return None
    unit = unit_of(c.benchmark.kpi)
    shown = (lambda v: fmt.format_kpi(v, unit, currency, lang))  # noqa: E731
    source = f" ({c.benchmark.source})" if c.benchmark.source else ""
    return fmt.t("benchmark_line", lang, value=shown(c.value), position=fmt.t(c.position, lang),
                 low=shown(c.benchmark.low), high=shown(c.benchmark.high), source=source)


# --- the workspace file ---------------------------------------------------------------------------------

WORKSPACE_VERSION = 1


@dataclass(frozen=True)
class Workspace:
    """Everything a user sets up, without a single data row.

    recipes: per platform or file name, the column mapping the user chose ({header: canonical or null}).
    filters: dimension -> the values kept.
    """

    goal: str | None = None
    inputs: Inputs = Inputs()
    targets: tuple[Target, ...] = ()
    benchmarks: tuple[Benchmark, ...] = ()
    recipes: Mapping[str, Mapping[str, str | None]] = field(default_factory=dict)
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    version: int = WORKSPACE_VERSION
    period: tuple[date, date] | None = None  # the period analysed (first and last day)


class WorkspaceError(ValueError):
    """A workspace file that cannot be loaded; the message says where and what to do."""


def to_json(ws: Workspace) -> str:
    def target(t: Target) -> dict:
        out = {"metric": t.metric, "value": t.value, "change": t.change, "baseline": t.baseline,
               "start": t.start and t.start.isoformat(), "due": t.due and t.due.isoformat(),
               "segment": list(t.segment) if t.segment else None, "goal": t.goal}
        return {k: v for k, v in out.items() if v is not None}

    doc = {
        "version": ws.version, "goal": ws.goal,
        "inputs": {"margin": ws.inputs.margin, "other_costs": ws.inputs.other_costs},
        "targets": [target(t) for t in ws.targets],
        "benchmarks": [{"kpi": b.kpi, "low": b.low, "high": b.high, "channel": b.channel, "source": b.source}
                       for b in ws.benchmarks],
        "recipes": {k: dict(v) for k, v in ws.recipes.items()},
        "filters": {k: list(v) for k, v in ws.filters.items()},
    }
    if ws.period:
        doc["period"] = [ws.period[0].isoformat(), ws.period[1].isoformat()]
    return json.dumps(doc, ensure_ascii=False, indent=2)


_KEYS = {"version", "goal", "inputs", "targets", "benchmarks", "recipes", "filters", "period"}


def from_json(text: str | bytes, name: str = "workspace file") -> Workspace:
    """Load a workspace; any problem raises WorkspaceError naming the field, never a traceback."""
    try:
        doc = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise WorkspaceError(f"{name}: not valid JSON ({exc}). Save the workspace again from the app.") from None
    p = _Fields(name)
    if not isinstance(doc, dict):
        p.fail("", "expected a JSON object with version, goal, inputs, targets…")
    extra = sorted(set(doc) - _KEYS)
    if extra:
        p.fail("", f"unexpected field(s) {', '.join(extra)}; a workspace holds settings only, never data")
    version = doc.get("version")
    if version != WORKSPACE_VERSION:
        p.fail("version", f"version {version!r} is not supported (this app reads version {WORKSPACE_VERSION})")
    goal = doc.get("goal")
    if goal is not None and goal not in catalog.GOAL_IDS:
        p.fail("goal", f"unknown goal {goal!r}; choose one of {', '.join(catalog.GOAL_IDS)}")
    inp = p.obj(doc.get("inputs") or {}, "inputs")
    margin = p.num(inp.get("margin"), "inputs.margin", optional=True)
    if margin is not None and not 0 <= margin <= 1:
        p.fail("inputs.margin", f"{margin:g} is not a margin; give a fraction between 0 and 1")
    inputs = Inputs(margin=margin, other_costs=p.num(inp.get("other_costs", 0.0), "inputs.other_costs") or 0.0)
    targets = tuple(_target(p, t, f"targets[{i}]") for i, t in enumerate(p.items(doc.get("targets"), "targets")))
    benchmarks = tuple(_benchmark(p, b, f"benchmarks[{i}]")
                       for i, b in enumerate(p.items(doc.get("benchmarks"), "benchmarks")))
    recipes = {}
    for key, recipe in p.obj(doc.get("recipes") or {}, "recipes").items():
        mapping = p.obj(recipe, f"recipes.{key}")
        for header, canonical in mapping.items():
            if canonical is not None and canonical not in MEASURES and canonical not in DIMENSIONS:
                p.fail(f"recipes.{key}.{header}", f"{canonical!r} is not a canonical measure or dimension")
        recipes[str(key)] = dict(mapping)
    filters = {}
    for dim, values in p.obj(doc.get("filters") or {}, "filters").items():
        if dim not in DIMENSIONS:
            p.fail(f"filters.{dim}", f"unknown dimension {dim!r}")
        filters[dim] = tuple(str(v) for v in p.items(values, f"filters.{dim}"))
    period = None
    if doc.get("period") is not None:
        days = p.items(doc["period"], "period")
        if len(days) != 2:
            p.fail("period", "give the period as [first day, last day], e.g. [\"2025-03-01\", \"2025-03-31\"]")
        first, last = (p.day(d, f"period[{i}]") for i, d in enumerate(days))
        if first is None or last is None or first > last:
            p.fail("period", "give the period as [first day, last day], the first not after the last")
        period = (first, last)
    return Workspace(goal, inputs, targets, benchmarks, recipes, filters, WORKSPACE_VERSION, period)


def _target(p: _Fields, raw: object, where: str) -> Target:
    t = p.obj(raw, where)
    seg = t.get("segment")
    if seg is not None and not (isinstance(seg, list) and len(seg) == 2 and all(isinstance(s, str) for s in seg)):
        p.fail(f"{where}.segment", "give the segment as [dimension, value], e.g. [\"channel\", \"Paid Search\"]")
    target = Target(
        metric=str(t.get("metric", "")), value=p.num(t.get("value"), f"{where}.value", optional=True),
        change=p.num(t.get("change"), f"{where}.change", optional=True),
        baseline=p.num(t.get("baseline"), f"{where}.baseline", optional=True),
        start=p.day(t.get("start"), f"{where}.start"), due=p.day(t.get("due"), f"{where}.due"),
        segment=(seg[0], seg[1]) if seg else None, goal=t.get("goal"))
    for problem in target.problems():
        p.fail(where, problem)
    return target


def _benchmark(p: _Fields, raw: object, where: str) -> Benchmark:
    b = p.obj(raw, where)
    bm = Benchmark(str(b.get("kpi", "")), p.num(b.get("low"), f"{where}.low") or 0.0,
                   p.num(b.get("high"), f"{where}.high") or 0.0, b.get("channel"), str(b.get("source") or ""))
    for problem in bm.problems():
        p.fail(where, problem)
    return bm


@dataclass(frozen=True)
class _Fields:
    """Typed reads from parsed JSON that fail with the file name and the field's path."""

    name: str

    def fail(self, where: str, problem: str) -> None:
        raise WorkspaceError(f"{self.name}: {where + ': ' if where else ''}{problem}")

    def obj(self, v: object, where: str) -> dict:
        if not isinstance(v, dict):
            self.fail(where, "expected an object ({…})")
        return v  # type: ignore[return-value]

    def items(self, v: object, where: str) -> list:
        if v is None:
            return []
        if not isinstance(v, list):
            self.fail(where, "expected a list ([…])")
        return v  # type: ignore[return-value]

    def num(self, v: object, where: str, optional: bool = False) -> float | None:
        if v is None and optional:
            return None
        if isinstance(v, bool) or not isinstance(v, int | float):
            self.fail(where, f"expected a number, got {v!r}")
        return float(v)  # type: ignore[arg-type]

    def day(self, v: object, where: str) -> date | None:
        if v is None:
            return None
        try:
            return date.fromisoformat(str(v))
        except ValueError:
            self.fail(where, f"{v!r} is not a date; write YYYY-MM-DD")
        return None
