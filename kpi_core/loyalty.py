"""Loyalty from a shop's own orders: repeat purchases, churn, cohorts, LTV and LTV:CAC.

Ad exports count clicks and conversions; only the shop's orders know *who* bought, and whether
they came back. Everything here works on the orders table of a reader (``ReadResult.records``, one
row per order, columns of ``schema.RECORD_COLUMNS["orders"]``), where the customer is a salted hash.

Counting people is not summing rows: customers, repeat customers and churned customers are distinct
counts over a period, computed here and handed to the engine as one row of measures, so the KPI
formulas stay the catalog's (``period_measures`` + ``kpis``).

The definitions, as the UI states them (``DEFINITIONS``):
- cancelled orders are left out (and counted); net revenue = order total − refunded amount;
- a customer is *new* in the period of their first order, *returning* in any later one;
- repeat purchase rate = customers with 2 or more orders in the period / customers with an order in it;
- churn, with a window of W days (default 90): a customer is *active* on a day when they ordered in
  the W days up to it. Customers at start = active the day before the period starts; churned = of
  those, not active on the period's last day. It needs W days of orders before the period and a
  period that has ended, otherwise it is unknown (null), never 0;
- cohorts: customers grouped by the month of their first order; month k = the k-th calendar month
  after it. LTV at h months = net revenue of a cohort in months 0…h−1 / its customers; a cohort
  whose month h−1 has not ended by the data end (the last order, or a given as-of date) is
  incomplete for h: null, never 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

import polars as pl

from kpi_core import acquisition, catalog, fmt
from kpi_core.catalog import Formula
from kpi_core.engine import (
    Comparison,
    Inputs,
    Period,
    available_measures,
    compare,
    convert_currencies,
    evaluate,
    formula_expr,
    resolve,
)
from kpi_core.fmt import Note
from kpi_core.readers.result import ReadResult

CHURN_DAYS = 90
HORIZONS: tuple[int, ...] = (3, 6, 12)
HEALTHY_LTV_CAC = 3.0
REQUIRED = ("customer_id", "date", "revenue")

# Measures only an orders table can give; ``period_measures`` returns them all.
MEASURES = ("orders", "revenue", "returned_orders", "customers", "new_customers", "repeat_customers",
            "churned_customers", "customers_at_start")
# Catalog KPIs computable from those measures (ltv_cac_ratio also needs spend: see ``ltv_cac``).
KPIS = ("aov", "repeat_purchase_rate", "churn_rate", "return_rate", "ltv")
# Not in the catalog (not a goal KPI), but shown on the Loyalty page.
PURCHASE_FREQUENCY = Formula({"orders": 1.0}, {"customers": 1.0})

# The definitions as the Loyalty page states them, per language; {days} is the churn window.
DEFINITIONS: Mapping[str, Mapping[str, str]] = {
    "net_revenue": {
        "en": "Net revenue = order totals − refunded amounts; cancelled orders are left out.",
        "nb": "Nettoomsetning = ordresummer − refunderte beløp; kansellerte ordrer er utelatt.",
        "sv": "Nettointäkter = ordersummor − återbetalda belopp; avbrutna ordrar är uteslutna."},
    "new_customers": {
        "en": "A customer is new in the period of their first order and returning after it.",
        "nb": "En kunde er ny i perioden med sin første ordre og tilbakevendende etter den.",
        "sv": "En kund är ny i perioden med sin första order och återkommande efter den."},
    "repeat_purchase_rate": {
        "en": "Repeat purchase rate = customers with 2 or more orders in the period / customers with an order "
              "in the period.",
        "nb": "Gjenkjøpsrate = kunder med 2 eller flere ordrer i perioden / kunder med en ordre i perioden.",
        "sv": "Återköpsgrad = kunder med 2 eller fler ordrar i perioden / kunder med en order i perioden."},
    "purchase_frequency": {
        "en": "Purchase frequency = orders / customers in the period.",
        "nb": "Kjøpsfrekvens = ordrer / kunder i perioden.",
        "sv": "Köpfrekvens = ordrar / kunder i perioden."},
    "churn_rate": {
        "en": "A customer is active while their last order is at most {days} days old. Churn rate = customers "
              "active the day before the period who are no longer active on its last day (no order in the "
              "{days} days up to it) / customers active the day before the period.",
        "nb": "En kunde er aktiv så lenge siste ordre er høyst {days} dager gammel. Frafallsrate = kunder som var "
              "aktive dagen før perioden og ikke lenger er aktive på periodens siste dag (ingen ordre de {days} "
              "dagene fram til den) / kunder som var aktive dagen før perioden.",
        "sv": "En kund är aktiv så länge senaste ordern är högst {days} dagar gammal. Kundbortfall = kunder som "
              "var aktiva dagen före perioden och inte längre är aktiva på periodens sista dag (ingen order de "
              "{days} dagarna fram till den) / kunder som var aktiva dagen före perioden."},
    "return_rate": {
        "en": "Return rate = orders refunded (fully or partly) or returned / orders.",
        "nb": "Returrate = ordrer som er refundert (helt eller delvis) eller returnert / ordrer.",
        "sv": "Returgrad = ordrar som återbetalats (helt eller delvis) eller returnerats / ordrar."},
    "cohorts": {
        "en": "A cohort is the customers whose first order fell in that month; month k is the k-th calendar "
              "month after it.",
        "nb": "En kohort er kundene med første ordre i den måneden; måned k er den k-te kalendermåneden etter.",
        "sv": "En kohort är kunderna med första ordern i den månaden; månad k är den k:te kalendermånaden "
              "efter."},
    "ltv": {
        "en": "LTV at h months = net revenue of a cohort's customers in their months 0 to h−1 / the cohort's "
              "customers. A cohort whose month h−1 has not ended yet is incomplete: no value.",
        "nb": "LTV etter h måneder = nettoomsetning fra kohortens kunder i måned 0 til h−1 / kohortens kunder. "
              "En kohort der måned h−1 ikke er over, er ufullstendig: ingen verdi.",
        "sv": "LTV efter h månader = nettointäkter från kohortens kunder i månad 0 till h−1 / kohortens kunder. "
              "En kohort där månad h−1 inte är slut är ofullständig: inget värde."},
}


def definitions(lang: catalog.Lang = "en", churn_days: int = CHURN_DAYS) -> list[str]:
    """The page's definitions in ``lang`` (English where a text has no translation)."""
    return [(texts.get(lang) or texts["en"]).format(days=churn_days) for texts in DEFINITIONS.values()]


class OrdersProblem(ValueError):
    """An orders table we cannot analyse; the message says what to do."""


@dataclass(frozen=True)
class Orders:
    """The orders that count, ready for analysis.

    frame: one row per kept order: customer_id, date, net, returned, channel, plus first_date
        (the customer's first order), cohort (its month) and first_channel (its channel).
    """

    frame: pl.DataFrame
    as_of: date  # the data end: last order date, or the as-of date given
    currency: str | None
    cancelled: int  # cancelled orders left out
    notes: tuple[str, ...]

    @property
    def data_start(self) -> date:
        """The first order in the data."""
        return self.frame["date"].min()


def prepare(records: pl.DataFrame, currency: str | None = None, as_of: date | None = None) -> Orders:
    """Check and clean an orders table: drop cancelled orders, compute net revenue, find first orders.

    currency: which currency to analyse when the orders mix several (money is never added across).
    as_of: the data end; orders after it are ignored. Default: the last order date.
    """
    missing = [c for c in REQUIRED if c not in records.columns]
    if missing:
        raise OrdersProblem(f"the orders table has no {', '.join(repr(c) for c in missing)} column; the "
                            "Loyalty page needs an orders export with a customer, a date and an amount per order "
                            "(for example Shopify's orders_export.csv).")
    f = records
    notes: list[str] = []
    if "currency" in f.columns:
        codes = sorted(f["currency"].drop_nulls().unique().to_list())
        if currency is None and len(codes) > 1:
            raise OrdersProblem(f"the orders are in {', '.join(codes)}; choose one currency to analyse "
                                "(amounts in different currencies are never added).")
        if currency is not None:
            f = f.filter(pl.col("currency").is_null() | (pl.col("currency") == currency))
        elif codes:
            currency = codes[0]
    cancelled = 0
    if "cancelled" in f.columns:
        cancelled = int(f["cancelled"].fill_null(False).sum())
        f = f.filter(~pl.col("cancelled").fill_null(False))
        if cancelled:
            notes.append(Note("note_cancelled_one" if cancelled == 1 else "note_cancelled", n=cancelled))
    unknown = f.filter(pl.col("customer_id").is_null() | pl.col("date").is_null()).height
    if unknown:
        notes.append(Note("note_orders_unknown_one" if unknown == 1 else "note_orders_unknown", n=unknown))
        f = f.filter(pl.col("customer_id").is_not_null() & pl.col("date").is_not_null())
    last = f["date"].max()
    if as_of is not None and last is not None and as_of < last:
        f = f.filter(pl.col("date") <= as_of)
        notes.append(Note("note_orders_after", day=as_of.isoformat()))
    if f.is_empty() and records["customer_id"].null_count() == records.height:
        raise OrdersProblem("the orders have no customer: export them with the customer's e-mail (Shopify's "
                            "'Email' column), which is read only as a salted hash. Loyalty needs to know who bought.")
    if f.is_empty():
        raise OrdersProblem("the orders table has no orders with a customer and a date (after leaving out "
                            "cancelled ones and any after the as-of date).")
    refunded = pl.col("refunded").fill_null(0.0) if "refunded" in f.columns else pl.lit(0.0)
    returned = pl.col("returned").fill_null(False) if "returned" in f.columns else pl.lit(False)
    channel = pl.col("channel") if "channel" in f.columns else pl.lit(None, dtype=pl.String)
    order_id = pl.col("order_id") if "order_id" in f.columns else pl.lit("")
    f = (
        f.select(
            "customer_id", "date", order_id.alias("order_id"),
            (pl.col("revenue").fill_null(0.0) - refunded).alias("net"),
            (returned | (refunded > 0)).alias("returned"),
            channel.alias("channel"),
        )
        .sort("date", "order_id")
        .with_columns(
            pl.col("date").min().over("customer_id").alias("first_date"),
            pl.col("channel").first().over("customer_id").alias("first_channel"),
        )
        .with_columns(pl.col("first_date").dt.truncate("1mo").alias("cohort"))
    )
    return Orders(f, as_of or last, currency, cancelled, tuple(notes))


# --- measures for a period ----------------------------------------------------------------------


def period_measures(orders: Orders, period: Period, churn_days: int = CHURN_DAYS) -> dict[str, float | None]:
    """The loyalty base measures of one period, as the engine's measure names.

    orders, revenue (net), returned_orders, customers, new_customers, repeat_customers (2+ orders in
    the period), and churned_customers / customers_at_start (null when the data cannot tell: see
    ``churn_gap``).
    """
    f = orders.frame
    inside = f.filter(pl.col("date").is_between(period.start, period.end))
    per_customer = inside.group_by("customer_id").agg(pl.len().alias("n"), pl.col("first_date").first())
    out: dict[str, float | None] = {
        "orders": float(inside.height),
        "revenue": float(inside["net"].sum()),
        "returned_orders": float(inside["returned"].sum()),
        "customers": float(per_customer.height),
        "new_customers": float(per_customer.filter(pl.col("first_date") >= period.start).height),
        "repeat_customers": float(per_customer.filter(pl.col("n") >= 2).height),
        "churned_customers": None,
        "customers_at_start": None,
    }
    if churn_gap(orders, period, churn_days) is None:
        window = timedelta(days=churn_days)
        at_start = _active(f, period.start - timedelta(days=1), window)
        at_end = _active(f, period.end, window)
        out["customers_at_start"] = float(len(at_start))
        out["churned_customers"] = float(len(at_start - at_end))
    return out


def _active(f: pl.DataFrame, day: date, window: timedelta) -> set[str]:
    """Customers with an order in the ``window`` up to and including ``day``."""
    recent = f.filter(pl.col("date").is_between(day - window + timedelta(days=1), day))
    return set(recent["customer_id"].unique().to_list())


def churn_gap(orders: Orders, period: Period, churn_days: int = CHURN_DAYS) -> str | None:
    """Why churn cannot be known for this period (plain words), or None when it can."""
    before = period.start - timedelta(days=churn_days)
    if orders.data_start > before:
        return Note("note_churn_history", days=churn_days, since=before.isoformat(),
                    start=orders.data_start.isoformat())
    if period.end > orders.as_of:
        return Note("note_churn_unfinished", last=orders.as_of.isoformat(), end=period.end.isoformat())
    return None


def kpis(measures: pl.DataFrame | Mapping[str, float | None], kpi_ids: Sequence[str] = KPIS) -> pl.DataFrame:
    """Catalog KPIs (and purchase frequency) on rows of measures, through the engine's formulas.

    A measure that is null (churn the data cannot tell) gives a null KPI, not a missing column.
    """
    frame = measures if isinstance(measures, pl.DataFrame) else pl.DataFrame(
        [dict(measures)], schema={k: pl.Float64 for k in measures})
    chosen, _ = resolve(list(kpi_ids), frame.columns)
    out = evaluate(frame, chosen)
    if {"orders", "customers"} <= set(frame.columns):
        out = out.with_columns(formula_expr(PURCHASE_FREQUENCY, frame.columns).alias("purchase_frequency"))
    return out


def by_period(orders: Orders, grain: str = "month", churn_days: int = CHURN_DAYS) -> pl.DataFrame:
    """One row per month (or quarter) up to the data end: measures, returning customers and KPIs.

    ``complete`` is false for the last period when the data ends inside it.
    """
    step = {"month": "1mo", "quarter": "1q"}[grain]
    first = pl.Series([orders.data_start]).dt.truncate(step).item()
    starts = pl.date_range(first, orders.as_of, step, eager=True)
    ends = starts.dt.offset_by(step) - timedelta(days=1)
    rows = []
    for start, end in zip(starts.to_list(), ends.to_list(), strict=True):
        m = period_measures(orders, Period(start, end), churn_days)  # churn unknown while it runs
        rows.append({"period": start, "complete": end <= orders.as_of, **m})
    frame = pl.DataFrame(rows, schema={"period": pl.Date, "complete": pl.Boolean, **{m: pl.Float64 for m in MEASURES}})
    return _with_returning(kpis(frame, [k for k in KPIS if k != "ltv"]))


def summary(orders: Orders, period: Period, churn_days: int = CHURN_DAYS) -> dict[str, float | None]:
    """The period's measures and KPIs in one dict, returning customers included (the Loyalty page)."""
    return _with_returning(kpis(period_measures(orders, period, churn_days))).row(0, named=True)


def _with_returning(frame: pl.DataFrame) -> pl.DataFrame:
    """Customers of the period who had bought before it: all of them but the new ones."""
    return frame.with_columns((pl.col("customers") - pl.col("new_customers")).alias("returning_customers"))


# --- cohorts ------------------------------------------------------------------------------------


def _month_number(d: pl.Expr) -> pl.Expr:
    return d.dt.year().cast(pl.Int32) * 12 + d.dt.month().cast(pl.Int32)


def cohort_table(orders: Orders, by: str | None = None, margin: float | None = None) -> pl.DataFrame:
    """Cohorts by first-order month: one row per cohort (and ``by`` group) and month since it.

    Columns: [by], cohort, month (0, 1, …), customers (cohort size), active (customers with an order
    that month), retention (active / customers), revenue (that month's net revenue), cum_revenue,
    ltv (cum_revenue / customers), [ltv_gross_profit with a margin], complete (the month has ended by
    the data end). Months after the data end are not rows: they have not happened.
    """
    keys = [by, "cohort"] if by else ["cohort"]
    f = orders.frame.with_columns((_month_number(pl.col("date")) - _month_number(pl.col("cohort"))).alias("month"))
    end_month = orders.as_of.year * 12 + orders.as_of.month
    as_of_is_month_end = (orders.as_of + timedelta(days=1)).day == 1
    sizes = f.group_by(keys).agg(pl.col("customer_id").n_unique().cast(pl.Float64).alias("customers"))
    grid = sizes.with_columns(
        pl.int_ranges(0, end_month - _month_number(pl.col("cohort")) + 1, dtype=pl.Int32).alias("month")
    ).explode("month")
    activity = f.group_by([*keys, "month"]).agg(
        pl.col("customer_id").n_unique().cast(pl.Float64).alias("active"),
        pl.col("net").sum().alias("revenue"),
    )
    month_of = _month_number(pl.col("cohort")) + pl.col("month")
    out = (
        grid.join(activity, on=[*keys, "month"], how="left")
        .with_columns(pl.col("active").fill_null(0.0), pl.col("revenue").fill_null(0.0))
        .sort([*keys, "month"])
        .with_columns(pl.col("revenue").cum_sum().over(keys).alias("cum_revenue"))
        .with_columns(
            (pl.col("active") / pl.col("customers")).alias("retention"),
            (pl.col("cum_revenue") / pl.col("customers")).alias("ltv"),
            ((month_of < end_month) | ((month_of == end_month) & as_of_is_month_end)).alias("complete"),
        )
    )
    if margin is not None:
        out = out.with_columns((pl.col("ltv") * margin).alias("ltv_gross_profit"))
    return out.select([*keys, "month", "customers", "active", "retention", "revenue", "cum_revenue", "ltv",
                       *(["ltv_gross_profit"] if margin is not None else []), "complete"])


def horizon_measures(table: pl.DataFrame, horizon: int, by: str | None = None) -> pl.DataFrame:
    """Net revenue within ``horizon`` months and customers, over the cohorts old enough for it.

    One row per ``by`` group (one row in all without it): revenue (net revenue of months
    0…horizon−1), customers, cohorts (how many are complete for the horizon), cohorts_incomplete.
    Feed it to ``kpis(..., ["ltv"])`` for LTV at that horizon: a ratio of sums over complete cohorts.
    """
    keys = [by] if by else []
    at = table.filter((pl.col("month") == horizon - 1) & pl.col("complete")).select(
        *keys, "cohort", "cum_revenue")
    cohorts = table.filter(pl.col("month") == 0).select(*keys, "cohort", "customers").join(
        at, on=[*keys, "cohort"], how="left")
    known = pl.col("cum_revenue").is_not_null()
    aggs = [
        pl.col("cum_revenue").fill_null(0.0).sum().alias("revenue"),
        pl.col("customers").filter(known).sum().alias("customers"),
        known.sum().cast(pl.Int64).alias("cohorts"),
        (~known).sum().cast(pl.Int64).alias("cohorts_incomplete"),
    ]
    return cohorts.group_by(keys).agg(aggs).sort(keys) if by else cohorts.select(aggs)


def ltv_by_cohort(table: pl.DataFrame, horizons: Sequence[int] = HORIZONS) -> pl.DataFrame:
    """cohort, customers, ltv_3m, ltv_6m, ltv_12m: null where the cohort is too young (incomplete)."""
    out = table.filter(pl.col("month") == 0).select("cohort", "customers")
    for h in horizons:
        at = table.filter((pl.col("month") == h - 1) & pl.col("complete")).select(
            "cohort", pl.col("ltv").alias(f"ltv_{h}m"))
        out = out.join(at, on="cohort", how="left")
    return out.sort("cohort")


# --- LTV:CAC ------------------------------------------------------------------------------------

ALL = "All customers"


@dataclass(frozen=True)
class LtvCac:
    frame: pl.DataFrame  # acquisition, new_customers, spend, other_costs, cac, customers, revenue, ltv,
    #                      ltv_cac_ratio, healthy: the first row is ALL, then one per matched channel
    horizon: int
    period: Period
    notes: tuple[str, ...]

    @property
    def has_ratio(self) -> bool:
        """Whether any row has an LTV:CAC (none without ad spend or without a cohort old enough)."""
        return self.frame["ltv_cac_ratio"].drop_nulls().len() > 0

    def labelled(self, lang: str = "en") -> pl.DataFrame:
        """The frame with its first row named in ``lang`` ('Alle kunder')."""
        return self.frame.with_columns(pl.col("acquisition").replace(ALL, fmt.t("all_customers", lang)))


def ltv_cac(orders: Orders, performance: pl.DataFrame, period: Period, horizon: int = 12,
            other_costs: float = 0.0) -> LtvCac:
    """LTV at ``horizon`` months against CAC over ``period``, overall and per acquisition channel.

    CAC = (ad spend + other costs) / customers whose first order fell in the period. Per channel, a
    customer's channel is that of their first order, mapped to the ad platforms by
    ``acquisition.assign_spend``; other costs stay in the total (they are not split). LTV = net revenue
    per customer in months 0…horizon−1, over the cohorts old enough (all cohorts, not only the period's).
    """
    platform_spend, notes = acquisition.spend_by_platform(performance, period.start, period.end, orders.currency)
    f = orders.frame
    assigned = acquisition.assign_spend(f["first_channel"].unique().to_list(), platform_spend)
    labelled = replace(orders, frame=f.join(assigned.channels.rename({"channel": "first_channel"}),
                                            on="first_channel", how="left"))
    new = labelled.frame.filter(pl.col("first_date").is_between(period.start, period.end))
    new_by = new.group_by("acquisition").agg(pl.col("customer_id").n_unique().cast(pl.Float64).alias(
        "new_customers"))
    columns = {"acquisition": pl.String, "new_customers": pl.Float64, "spend": pl.Float64,
               "other_costs": pl.Float64}
    total = pl.concat([
        pl.DataFrame({"acquisition": [ALL], "new_customers": [float(new["customer_id"].n_unique())],
                      "spend": [sum(platform_spend.values()) if platform_spend else None],
                      "other_costs": [other_costs]}, schema=columns),
        horizon_measures(cohort_table(orders), horizon),
    ], how="horizontal")
    labels = assigned.channels.select("acquisition").drop_nulls().unique()
    per = (
        labels.join(assigned.spend, on="acquisition", how="left")
        .join(new_by, on="acquisition", how="left")
        .with_columns(pl.col("new_customers").fill_null(0.0), pl.lit(0.0).alias("other_costs"))
        .join(horizon_measures(cohort_table(labelled, by="acquisition"), horizon, by="acquisition"),
              on="acquisition", how="left")
        .sort("acquisition")
    )
    frame = kpis(pl.concat([total, per.select(total.columns)]), ["ltv", "cac", "ltv_cac_ratio"])
    frame = frame.with_columns((pl.col("ltv_cac_ratio") >= HEALTHY_LTV_CAC).alias("healthy"))
    notes += assigned.notes()
    if not platform_spend:
        notes.append(Note("note_no_spend_cac"))
    if frame["cohorts"][0] == 0:
        notes.append(Note("note_no_cohort_old_enough", h=horizon))
    return LtvCac(frame.drop("cohorts", "cohorts_incomplete"), horizon, period, tuple(notes))



# --- for the app: the orders of an upload, the scorecard's loyalty KPIs --------------------------


def orders_in(results: Sequence[ReadResult], currency: str | None = None, as_of: date | None = None,
              inputs: Inputs | None = None) -> Orders | None:
    """The orders of every orders export among ``results``, prepared; None when there is none. With the
    user's exchange rates (``inputs``) for every currency of the orders, their money is in one currency."""
    tables = [r.records for r in results if r.kind == "orders" and r.records is not None and r.records.height]
    if not tables:
        return None
    records = pl.concat(tables, how="diagonal_relaxed")
    if currency is None and inputs is not None and inputs.currency and "currency" in records.columns:
        converted = convert_currencies(records, inputs, money=ORDER_MONEY)
        if converted is not records:
            records, currency = converted, inputs.currency.upper()
    return prepare(records, currency=currency, as_of=as_of)


ORDER_MONEY = ("revenue", "refunded", "discount")  # the money columns of an orders table


def order_currencies(results: Sequence[ReadResult]) -> list[str]:
    """The currencies the orders exports are in, sorted (the page asks for one when there are several)."""
    codes = {c for r in results if r.kind == "orders" and r.records is not None and "currency" in r.records.columns
             for c in r.records["currency"].drop_nulls().unique().to_list()}
    return sorted(codes)


def customer_tables(results: Sequence[ReadResult]) -> list[str]:
    """The files that are customer tables with measures (one row per customer, no order dates: the iFood
    layout): they answer customers, orders and revenue, but no cohort or churn."""
    return [r.file for r in results if r.kind == "customers" and not r.frame.is_empty()]


def dropped_personal_data(results: Sequence[ReadResult]) -> list[str]:
    """What the readers left out as personal data, per file ("orders_export.csv: Email, Billing Name…")."""
    return [f"{r.file}: {f.message}" for r in results for f in r.findings if "personal data" in f.message]


def default_horizon(table: pl.DataFrame, horizons: Sequence[int] = HORIZONS) -> int:
    """The longest horizon some cohort is old enough for (the shortest when none is)."""
    done = [h for h in horizons if table.filter((pl.col("month") == h - 1) & pl.col("complete")).height]
    return max(done) if done else min(horizons)


def needs_orders(kpi_ids: Sequence[str], performance: pl.DataFrame, inputs: Inputs | None = None) -> list[str]:
    """The KPIs the performance data cannot answer but an orders table can (repeat rate, churn, LTV…).

    Only KPIs made of the shop's measures (plus spend and other costs, for CAC) qualify: the shop's
    orders over Meta's carts would mix two tools in one ratio.
    """
    have = available_measures(performance, inputs) if performance.height else set()
    from_data, _ = resolve(list(kpi_ids), have)
    with_orders, _ = resolve(list(kpi_ids), set(MEASURES) | (have & {"spend", "other_costs"}))
    return [k for k in kpi_ids if k in with_orders and k not in from_data]


def compare_periods(orders: Orders, performance: pl.DataFrame, kpi_ids: Sequence[str], current: Period,
                    inputs: Inputs | None = None, churn_days: int = CHURN_DAYS) -> Comparison:
    """Loyalty KPIs in ``current`` against the period before it, through ``engine.compare``.

    The frame compared has one row of the shop's measures per period (people counted once, so the
    engine keeps them) and the ad platforms' spend rows, for CAC and LTV:CAC. Only spend is taken from
    the ad data: the shop's revenue and orders are never mixed with the platforms' attributed ones.
    """
    previous = current.previous()
    shop = pl.DataFrame(
        [{"date": p.start, **period_measures(orders, p, churn_days)} for p in (previous, current)],
        schema={"date": pl.Date, **{m: pl.Float64 for m in MEASURES}},
    ).with_columns(pl.lit(orders.currency, dtype=pl.String).alias("currency"))
    parts = [shop]
    if {"date", "spend"} <= set(performance.columns):
        cols = ["date", "spend", *(["currency"] if "currency" in performance.columns else [])]
        parts.append(performance.select(cols).filter(pl.col("spend").is_not_null()))
    return compare(pl.concat(parts, how="diagonal_relaxed"), list(kpi_ids), current=current, previous=previous,
                   inputs=inputs)


def formulas(kpi_ids: Sequence[str]) -> dict[str, Formula]:
    """The catalog formula each loyalty KPI uses on the shop's measures (for "how is it computed")."""
    chosen, _ = resolve(list(kpi_ids), set(MEASURES) | {"spend", "other_costs"})
    return {k: f for k, f in chosen.items() if f is not None and k in kpi_ids}


_SCORECARD_NOTE: Mapping[str, str] = {
    "en": "{kpis}: from the shop's orders (net of refunds, cancelled orders left out), not from the ad platforms; "
          "CAC uses the ad spend. Repeat purchase rate counts customers with 2 or more orders in the period; churn "
          "uses a {days}-day window (see the Loyalty page).",
    "nb": "{kpis}: fra butikkens ordrer (etter refusjoner, uten kansellerte ordrer), ikke fra annonseplattformene; "
          "CAC bruker annonsekostnaden. Gjenkjøpsrate teller kunder med 2 eller flere ordrer i perioden; frafall "
          "bruker et vindu på {days} dager (se Lojalitet-siden).",
    "sv": "{kpis}: från butikens ordrar (efter återbetalningar, utan avbrutna ordrar), inte från "
          "annonsplattformarna; CAC använder annonskostnaden. Återköpsgrad räknar kunder med 2 eller fler ordrar "
          "i perioden; kundbortfall använder ett fönster på {days} dagar (se sidan Lojalitet).",
}


def scorecard_note(kpi_ids: Sequence[str], lang: catalog.Lang = "en") -> str:
    """Says where the scorecard's loyalty KPIs come from and how churn is defined."""
    names = ", ".join(catalog.get(k).label(lang) for k in kpi_ids)
    return (_SCORECARD_NOTE.get(lang) or _SCORECARD_NOTE["en"]).format(kpis=names, days=CHURN_DAYS)
