"""Command line: ``python -m kpi_core summarize FILE [FILE ...] [--goal G] [--by DIM] [--margin F]
[--recipe RECIPE.json ...] [--currency NOK --rate SEK=0.95 ...] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]``.

The JSON output is a contract (acceptance checks, consultants' scripts and CI read it):

    {"sources": [ReadResult.to_dict(), ...],   # file, platform, kind, date_range, rows, columns, findings
     "findings": [{"level", "message", "where"}, ...],  # across files: overlaps, mixed currencies
     "currency": "NOK" | null,
     "totals": {measure: summed value, ...}, "kpis": {kpi: value or null, ...},
     "segments": [{<dim>: value, measure: ..., kpi: ..., ...}, ...]   # only with --by
     "goal": {...}, "notes": [...],
     "period": ["YYYY-MM-DD", "YYYY-MM-DD"]}  # only with --from / --to: the rows of those days

Rates are fractions. With an orders export (Shopify, WooCommerce), ``kpis`` and the goal plan also
hold the loyalty KPIs only orders can answer (repeat purchase rate, LTV, LTV:CAC, churn), over the
days the orders cover (or --from/--to), computed as the app's scorecard does (kpi_core.loyalty); null when the orders
cannot tell (churn needs 90 days of history), with a note saying why. A customer table (one row per
customer with totals, the iFood layout) gives customers, orders and revenue without dates: AOV, LTV and
repeat purchase rate over the window its totals cover; what it cannot give, the goal plan names.
A file that cannot be used gives exit code 2 and one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import polars as pl

from kpi_core import catalog, glossary, loyalty
from kpi_core.engine import Inputs, Period, available_measures, compute, in_period, rates_note
from kpi_core.goals import check_goal, plan
from kpi_core.readers import Finding, ReadError, ReadResult, combine, merge_orders, overlaps, read_file
from kpi_core.readers.recipe import Recipe, RecipeError, loads
from kpi_core.schema import MEASURES, MONEY_MEASURES


class UsageProblem(Exception):
    """Bad input on the command line or in a file: one line on stderr, exit code 2."""


def read_paths(paths: Sequence[str], recipes: Sequence[str] = ()) -> tuple[list[ReadResult], pl.DataFrame]:
    """Read each file through the readers; one canonical frame of every table with measures.

    Shop and CRM exports add their daily measures (orders, revenue, leads, MQLs…); the engine's
    source precedence keeps a result that two tools report from being counted twice. A recipe
    (``--recipe``, saved from the Data page) corrects the mapping of the files of its platform, as
    the app applies it."""
    by_platform = {r.platform: r for r in map(_load_recipe, recipes)}
    results = []
    for p in paths:
        path = Path(p)
        if not path.is_file():
            raise UsageProblem(f"{p}: no such file")
        data = path.read_bytes()
        try:
            result = read_file(data, path.name)
            if result.platform in by_platform:
                result = _with_recipe(data, path.name, result, by_platform[result.platform].columns)
        except ReadError as exc:
            raise UsageProblem(str(exc)) from None
        results.append(result)
    unused = sorted(set(by_platform) - {r.platform for r in results})
    if unused and results:  # said, not refused: a batch may pass the recipes of every platform it meets
        read_as = ", ".join(f"{r.file} is {r.platform}" for r in results)
        results[0].findings.append(Finding(
            "warning", f"the recipe for {', '.join(unused)} was not applied: no file given is of that platform "
                       f"({read_as}); a recipe applies to the files of the platform it was saved for.", "--recipe"))
    results = merge_orders(results)
    return results, combine(results)


def _with_recipe(data: bytes, name: str, result: ReadResult, columns: dict[str, str | None]) -> ReadResult:
    """The file read again with the recipe's mapping. A recipe header is matched to the file's header
    whatever its case and spaces ('pengebruk' -> 'Pengebruk'); one the file does not have is said."""
    header = {c.source.strip().casefold(): c.source for c in result.columns}
    matched = {header.get(k.strip().casefold(), k): v for k, v in columns.items()}
    missing = [k for k in columns if k.strip().casefold() not in header]
    result = read_file(data, name, matched)
    if missing:
        result.findings.append(Finding("warning", f"the recipe names column(s) this file does not have: "
                                                  f"{', '.join(repr(k) for k in missing)}; they were not applied.",
                                       ", ".join(missing)))
    return result


def _rates(given: Sequence[str], currency: str | None) -> tuple[tuple[str, float], ...]:
    """'SEK=0.95' (1 SEK is worth 0.95 of --currency) for each --rate."""
    if given and not currency:
        raise UsageProblem("--rate needs --currency: the currency the rates convert to (e.g. --currency NOK)")
    out = []
    for text in given:
        code, _, value = text.partition("=")
        try:
            rate = float(value.replace(",", "."))
        except ValueError:
            rate = 0.0
        if not code.strip() or rate <= 0:
            raise UsageProblem(f"--rate {text}: write it as CODE=RATE, e.g. SEK=0.95 (1 SEK = 0.95 {currency})")
        out.append((code.strip().upper(), rate))
    return tuple(out)


def _load_recipe(p: str) -> Recipe:
    path = Path(p)
    if not path.is_file():
        raise UsageProblem(f"--recipe {p}: no such file")
    try:
        return loads(path.read_text(encoding="utf-8-sig"))
    except (RecipeError, UnicodeDecodeError) as exc:
        raise UsageProblem(f"--recipe {p}: {exc}") from None


def _clean(value: object, name: str | None = None) -> object:
    """JSON-safe numbers: no NaN/inf; float noise from summing measures removed; counts as ints."""
    if not isinstance(value, float):
        return value
    if not math.isfinite(value):
        return None
    if name in MEASURES:
        value = round(value, 6)
    is_count = (name in MEASURES and MEASURES[name].unit == "count") or (
        name in catalog.KPIS and catalog.get(name).unit == "count")
    return int(value) if is_count and value.is_integer() else value


def _record(row: dict, measures: list[str], kpis: list[str], keys: Sequence[str] = ()) -> dict:
    out = {k: _json_key(row.get(k)) for k in keys}
    out.update({m: _clean(row.get(m), m) for m in measures})
    out.update({k: _clean(row.get(k), k) for k in kpis})
    return out


def _json_key(v: object) -> object:
    return v.isoformat() if hasattr(v, "isoformat") else v


def summarize(paths: Sequence[str], goal: str | None = None, by: str | None = None,
              margin: float | None = None, recipes: Sequence[str] = (), currency: str | None = None,
              rates: Sequence[str] = (), start: str | None = None, end: str | None = None) -> dict:
    """The ``summarize --json`` object for these files (``start``/``end``: the days analysed, ISO dates)."""
    if goal is not None:
        try:
            check_goal(goal)
        except ValueError as exc:
            raise UsageProblem(str(exc)) from None
    if margin is not None and not 0 <= margin <= 1:
        raise UsageProblem(f"--margin {margin}: give the gross margin as a fraction between 0 and 1")
    window = _window(start, end)
    results, frame = read_paths(paths, recipes)
    undated = [r.file for r in results if not r.frame.is_empty()
               and ("date" not in r.frame.columns or r.frame["date"].null_count() == r.frame.height)]
    dated = "date" in frame.columns and frame["date"].drop_nulls().len() > 0
    if window is not None and dated:
        lo, hi = frame["date"].min(), frame["date"].max()
        window = Period(window.start or lo, window.end or hi)
        frame = in_period(frame, window)
    inputs = Inputs(margin=margin, currency=currency.upper() if currency else None, rates=_rates(rates, currency))
    out: dict = {"sources": [r.to_dict() for r in results], "findings": [f.to_dict() for f in overlaps(results)]}
    if window is not None and window.start and window.end:
        out["period"] = [window.start.isoformat(), window.end.isoformat()]
    if frame.is_empty():
        out.update(currency=None, totals={}, kpis={}, notes=["No table with measures (advertising, "
                                                             "analytics, e-mail, orders, contacts) among these files."])
        return out
    if by is not None and by not in frame.columns:
        present = [c for c in frame.columns if c not in MEASURES and c not in ("date", "date_end")]
        raise UsageProblem(f"--by {by}: the data has no {by!r} column; it has: {', '.join(present)}")

    have = available_measures(frame, inputs)
    computable = [k for k in catalog.KPIS if k in compute_plan_ids(have)]
    total = compute(frame, computable, inputs=inputs)
    measures = [m for m in MEASURES if m in total.frame.columns]
    row = total.row(0)
    out["currency"] = total.currency
    out["totals"] = {m: _clean(row.get(m), m) for m in measures}
    out["kpis"] = {k: _clean(row.get(k), k) for k in total.kpis}
    notes = list(total.notes)
    if window is not None and undated:
        notes.append(f"{', '.join(undated)}: no dates the readers could read, so --from/--to cannot choose its "
                     + ("days; its rows are left out." if dated else "days; all its rows count."))
    if rates_note(frame, inputs) is not None:  # the rates given put the money in one currency
        out["findings"] = [f for f in out["findings"] if not f["message"].startswith("mixed currencies")]
    if inputs.currency and "currency" in frame.columns and rates_note(frame, inputs) is None:
        codes = sorted(set(frame["currency"].drop_nulls().cast(pl.String).unique().to_list()) - {inputs.currency})
        if codes:  # asked for, but not every other currency has a rate: say so, never convert in part
            notes.append(f"Money is not reported in {inputs.currency}: give a rate for "
                         f"{', '.join(codes)} (--rate {codes[0]}=…).")
    shop, why, unknown = _shop_kpis(results, frame, inputs, window)
    out["kpis"].update({k: _clean(v, k) for k, v in shop.items()})
    notes.extend(why)
    mixed = total.currency is None and "currency" in frame.columns and frame["currency"].drop_nulls().n_unique() > 1
    if mixed:
        per = compute(frame, computable, by=["currency"], inputs=inputs)
        out["by_currency"] = [_record(r, measures, list(per.kpis), ["currency"])
                              for r in per.frame.iter_rows(named=True)]
    if by is not None:
        # With several currencies each segment is split by currency too: its money is never added across them.
        keys = [by, "currency"] if mixed and by != "currency" else [by]
        seg = compute(frame, computable, by=keys, inputs=inputs)
        out["segments"] = [_record(r, measures, list(seg.kpis), keys) for r in seg.frame.iter_rows(named=True)]
        notes.extend(n for n in seg.notes if n not in notes)
    if goal is not None:
        p = plan(goal, have)
        out["goal"] = {
            "goal": goal,
            "headline": p.headline,
            "headline_note": p.headline_note,
            "stages": {stage: [_plan_item(s, row, shop, unknown) for s in items] for stage, items in p.stages},
        }
    out["notes"] = notes
    return out


def _window(start: str | None, end: str | None) -> Period | None:
    """--from and --to as a Period (either may be None: the data's first or last day)."""
    if not start and not end:
        return None
    try:
        lo, hi = (date.fromisoformat(d) if d else None for d in (start, end))
    except ValueError as exc:
        raise UsageProblem(f"--from/--to: {exc}; write dates as YYYY-MM-DD, e.g. --from 2025-03-01") from None
    if lo and hi and lo > hi:
        raise UsageProblem(f"--from {lo} is after --to {hi}")
    return Period(lo, hi)  # type: ignore[arg-type]


def _shop_kpis(results: list[ReadResult], frame: pl.DataFrame, inputs: Inputs,
               window: Period | None = None) -> tuple[dict, list[str], dict[str, str]]:
    """The loyalty KPIs (repeat purchase rate, LTV, LTV:CAC, churn…) the ad and analytics rows cannot
    give but the orders exports can, over the days the orders cover, as the scorecard computes them
    (kpi_core.loyalty); notes on how; and why a KPI has no value. Empty without orders exports."""
    try:
        orders = loyalty.orders_in(results, inputs=inputs)
    except loyalty.OrdersProblem as exc:  # orders in several currencies, no rates: each loyalty KPI says why
        why = f"{str(exc).rstrip('.')} (on the command line: --currency and --rate)."
        ids = loyalty.needs_orders(list(catalog.KPIS), frame, inputs)
        return {}, [f"Loyalty KPIs: {why}"], dict.fromkeys(ids, why)
    if orders is None:
        return {}, [], {}
    ids = loyalty.needs_orders(list(catalog.KPIS), frame, inputs)
    if not ids:
        return {}, [], {}
    period = Period(orders.data_start, orders.as_of)
    if window is not None:  # the days asked for; orders before them still tell who churned
        period = Period(window.start or period.start, min(window.end or period.end, orders.as_of))
    comp = loyalty.compare_periods(orders, frame, ids, period, inputs)
    values = {r["kpi"]: r["current"] for r in comp.frame.iter_rows(named=True)}
    notes = [f"{loyalty.scorecard_note(ids)} Period: {period.start.isoformat()} to {period.end.isoformat()}.",
             *orders.notes]
    gap = loyalty.churn_gap(orders, period)
    unknown = {"churn_rate": gap} if "churn_rate" in ids and gap else {}
    return {k: values.get(k) for k in ids}, notes + list(unknown.values()), unknown


def _plan_item(status, row: dict, shop: dict, unknown: dict[str, str]) -> dict:
    """One KPI of the goal plan: its value, or what it lacks (the orders can answer loyalty KPIs)."""
    if status.kpi in shop or status.kpi in unknown:
        value = _clean(shop.get(status.kpi), status.kpi)
        why = unknown.get(status.kpi, "the orders give no value for it (see the notes)")
        return {"kpi": status.kpi, "value": value, "missing": None if value is not None else why}
    value = _clean(row.get(status.kpi), status.kpi) if status.available else None
    return {"kpi": status.kpi, "value": value, "missing": status.missing}


def compute_plan_ids(have: set[str]) -> set[str]:
    """Every catalog KPI computable from the measures ``have``."""
    from kpi_core.engine import resolve

    chosen, _ = resolve(list(catalog.KPIS), have)
    return set(chosen)


# --- readable output ------------------------------------------------------------------------------

def _human(value: object, unit: str, currency: str | None) -> str:
    if value is None:
        return "–"
    v = float(value)  # type: ignore[arg-type]
    if unit == "rate":
        return f"{v * 100:.2f} %"
    if unit == "multiple":
        return f"{v:.2f}×"
    if unit == "currency":
        return f"{v:,.2f} {currency or ''}".rstrip()
    if unit == "seconds":
        return f"{v:.1f} s"
    return f"{v:,.0f}" if v.is_integer() else f"{v:,.2f}"


def _finding_lines(findings: list[dict]) -> list[str]:
    return [f"  {f['level']}: {f['message']}" + (f" ({f['where']})" if f.get("where") else "") for f in findings]


def render_text(summary: dict) -> str:
    lines = []
    for s in summary["sources"]:
        lines.append(f"{s['file']}: {s['platform']}, {s['rows_used']} of {s['rows_read']} rows used"
                     + (f", {len(s['rows_excluded'])} excluded" if s["rows_excluded"] else ""))
        lines.extend(_finding_lines(s["findings"]))
    lines.extend(_finding_lines(summary.get("findings", [])))
    cur = summary.get("currency")
    lines.append("")
    lines.append("Totals")
    for m, v in summary.get("totals", {}).items():
        unit = "currency" if m in MONEY_MEASURES else MEASURES[m].unit
        lines.append(f"  {m:<22}{_human(v, unit, cur):>20}")
    lines.append("")
    lines.append("KPIs")
    for k, v in summary.get("kpis", {}).items():
        kpi = catalog.get(k)
        lines.append(f"  {kpi.label():<40}{_human(v, kpi.unit, cur):>20}")
    if "goal" in summary:
        g = summary["goal"]
        lines.append("")
        lines.append(f"Goal: {catalog.GOAL_LABELS[g['goal']]['en']} (headline: {catalog.get(g['headline']).label()})")
        for stage, items in g["stages"].items():
            if not items:
                continue
            lines.append(f"  {catalog.STAGE_LABELS[stage]['en']}")
            for item in items:
                kpi = catalog.get(item["kpi"])
                if item["missing"]:
                    lines.append(f"    {kpi.label():<38}  – {item['missing']}")
                else:
                    lines.append(f"    {kpi.label():<38}{_human(item['value'], kpi.unit, cur):>20}")
    if "by_currency" in summary:
        lines.append("")
        lines.append("By currency (money is not added across currencies)")
        for r in summary["by_currency"]:
            money = [(m, r.get(m)) for m in ("spend", "revenue") if m in r]
            money += [(k, r.get(k)) for k in ("cpc", "cpa", "roas") if k in r]
            lines.append(f"  {str(r['currency']):<8}" + "".join(
                f"{name} {_human(v, catalog.get(name).unit if name in catalog.KPIS else 'currency', r['currency'])}"
                "   " for name, v in money).rstrip())
    if "segments" in summary:
        segs = summary["segments"]
        dim = next(iter(segs[0])) if segs else ""
        cols = [c for c in ("spend", "clicks", "conversions", "revenue", "ctr", "cpa", "roas")
                if segs and c in segs[0]]
        lines.append("")
        lines.append(f"By {dim}")
        lines.append(f"  {dim:<30}" + "".join(f"{c:>14}" for c in cols))
        for s in segs:
            cells = []
            for c in cols:
                unit = catalog.get(c).unit if c in catalog.KPIS else (
                    "currency" if c in MONEY_MEASURES else "count")
                cells.append(f"{_human(s.get(c), unit, None):>14}")
            label = f"{s[dim]} ({s['currency']})" if dim != "currency" and "currency" in s else str(s[dim])
            lines.append(f"  {label[:30]:<30}" + "".join(cells))
    for n in summary.get("notes", []):
        lines.append(f"Note: {n}")
    return "\n".join(lines)


# --- entry point ----------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kpi_core", description="KPI Compass from the command line.")
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("summarize", help="totals, KPIs and segments of one or more exports")
    s.add_argument("files", nargs="+", metavar="FILE")
    s.add_argument("--goal", choices=catalog.GOAL_IDS)
    s.add_argument("--by", metavar="DIMENSION")
    s.add_argument("--margin", type=float, metavar="FRACTION", help="gross margin, e.g. 0.4")
    s.add_argument("--json", action="store_true", help="print one JSON object")
    s.add_argument("--currency", metavar="CODE", help="report money in this currency, with --rate for the others")
    s.add_argument("--rate", action="append", default=[], metavar="CODE=RATE",
                   help="an exchange rate to --currency, e.g. SEK=0.95 (1 SEK = 0.95 of it)")
    s.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="the first day analysed (default: the data's)")
    s.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="the last day analysed (default: the data's)")
    s.add_argument("--recipe", action="append", default=[], metavar="RECIPE.json",
                   help="a mapping recipe saved on the Data page, applied to the files of its platform")
    s.set_defaults(run=_run_summarize)
    g = sub.add_parser("glossary", help="the KPI glossary (Markdown), generated from the catalog")
    g.add_argument("--write", metavar="README", help="replace the glossary section of this file")
    g.set_defaults(run=_run_glossary)
    for register in EXTRA_COMMANDS:
        register(sub)
    return parser


# Other modules add subcommands here: each entry takes the subparsers object, adds a parser and
# sets ``run=callable(args) -> str`` as its default.
EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []


def _run_summarize(args: argparse.Namespace) -> str:
    summary = summarize(args.files, goal=args.goal, by=args.by, margin=args.margin, recipes=args.recipe,
                        currency=args.currency, rates=args.rate, start=args.start, end=args.end)
    return json.dumps(summary, ensure_ascii=False) if args.json else render_text(summary)


def _run_glossary(args: argparse.Namespace) -> str:
    if args.write:
        glossary.write_readme(Path(args.write))
        return f"updated the glossary in {args.write}"
    return glossary.markdown()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        print(args.run(args))
    except UsageProblem as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:  # bad periods, unknown KPIs from subcommands
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `… | head` closed the pipe: the reader has what it wanted
        sys.stdout = None  # type: ignore[assignment]  # no second error while Python flushes at exit
        return 0
    except Exception as exc:  # noqa: BLE001 - a command line never shows a traceback
        print(f"error: unexpected {exc.__class__.__name__}: {exc}", file=sys.stderr)
        return 1
    return 0
