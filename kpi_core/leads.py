"""The lead funnel from CRM contacts: lead → MQL → SQL → opportunity → customer.

Works on the contacts table of a reader (``ReadResult.records``, ``schema.RECORD_COLUMNS["contacts"]``):
one row per contact with the date it reached each lifecycle stage and its current stage.

How a contact is counted (stated on the Funnel page through ``DEFINITION``): a contact has reached a
stage when it has that stage's date, or a date of a later stage, or its current lifecycle stage is
that stage or a later one. CRMs skip stages (a lead marked customer directly has no MQL date); without
this rule a later step could hold more contacts than the one before it. Counts per create month
follow the contacts created that month to wherever they are now (a cohort view).

The counts are additive (each contact is counted once per group), so they go through the engine like
any measures: step rates, CPL and CAC are ratios of sums (``kpis``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import polars as pl

from kpi_core import acquisition, catalog
from kpi_core.catalog import Formula
from kpi_core.engine import Period, evaluate, formula_expr, resolve
from kpi_core.fmt import Note
from kpi_core.readers.platforms.records import LOST
from kpi_core.readers.result import ReadResult

# Funnel steps as engine measures, in order, with the contact date that marks each.
STEPS: tuple[str, ...] = ("leads", "mqls", "sqls", "opportunities", "new_customers")
STEP_DATES: Mapping[str, str] = {
    "leads": "lead_date", "mqls": "mql_date", "sqls": "sql_date", "opportunities": "opportunity_date",
    "new_customers": "customer_date",
}
STEP_LABELS: Mapping[str, str] = {
    "leads": "Lead", "mqls": "MQL", "sqls": "SQL", "opportunities": "Opportunity", "new_customers": "Customer",
}
STEP_NAMES: Mapping[str, Mapping[str, str]] = {  # the steps as the funnel chart names them
    "en": STEP_LABELS,
    "nb": {**STEP_LABELS, "opportunities": "Salgsmulighet", "new_customers": "Kunde"},
    "sv": {**STEP_LABELS, "opportunities": "Affärsmöjlighet", "new_customers": "Kund"},
}
# Lifecycle stage (normalised by the reader, or HubSpot's internal value) -> the last step it implies.
STAGE_STEP: Mapping[str, int] = {
    "lead": 0, "mql": 1, "marketingqualifiedlead": 1, "sql": 2, "salesqualifiedlead": 2,
    "opportunity": 3, "customer": 4, "evangelist": 4,
}
# Each step's conversion from the step before it: the catalog's KPI where there is one.
STEP_RATE: Mapping[str, str] = {
    "mqls": "lead_to_mql_rate", "sqls": "mql_to_sql_rate", "opportunities": "sql_to_opportunity_rate",
    "new_customers": "opportunity_to_customer_rate",
}
RATES: Mapping[str, Formula] = {
    "lead_to_mql_rate": catalog.get("lead_to_mql_rate").formulas[0],
    "mql_to_sql_rate": catalog.get("mql_to_sql_rate").formulas[0],
    "sql_to_opportunity_rate": Formula({"opportunities": 1.0}, {"sqls": 1.0}),
    "opportunity_to_customer_rate": Formula({"new_customers": 1.0}, {"opportunities": 1.0}),
    "lead_to_customer_rate": Formula({"new_customers": 1.0}, {"leads": 1.0}),
}
COST_KPIS = ("cpl", "cac")

DEFINITION: Mapping[str, str] = {
    "en": "A contact counts at a stage when it has that stage's date, a later stage's date, or its lifecycle "
          "stage is that stage or later (CRMs skip stages). Step rate = contacts at a step / contacts at the "
          "step before. Days lead → customer: from the lead date (the create date when it has none) to the "
          "customer date, the median over contacts that became customers.",
    "nb": "En kontakt telles på et steg når den har stegets dato, en senere stegdato, eller livssyklusfasen er "
          "det steget eller senere (CRM-er hopper over steg). Stegrate = kontakter på et steg / kontakter på "
          "steget før. Dager lead → kunde: fra lead-datoen (opprettelsesdatoen når den mangler) til kundedatoen, "
          "medianen over kontakter som ble kunder.",
    "sv": "En kontakt räknas på ett steg när den har stegets datum, ett senare stegs datum, eller livscykelfasen "
          "är det steget eller senare (CRM-system hoppar över steg). Stegandel = kontakter på ett steg / "
          "kontakter på steget före. Dagar lead → kund: från lead-datumet (skapandedatumet när det saknas) till "
          "kunddatumet, medianen över kontakter som blev kunder.",
}


def definition(lang: str = "en") -> str:
    """How contacts are counted, in ``lang`` (English when not translated)."""
    return DEFINITION.get(lang) or DEFINITION["en"]


class CrmProblem(ValueError):
    """A contacts or deals table we cannot use; the message says what to do."""


def records_in(results: Sequence[ReadResult], kind: str = "contacts") -> pl.DataFrame | None:
    """The records of every CRM export of ``kind`` ("contacts" or "deals") among ``results``; None
    when there is none."""
    tables = [r.records for r in results if r.kind == kind and r.records is not None and r.records.height]
    return pl.concat(tables, how="diagonal_relaxed") if tables else None


def created_span(contacts: pl.DataFrame) -> Period:
    """From the first to the last create date: the whole export."""
    return Period(contacts["create_date"].min(), contacts["create_date"].max())


def reached(contacts: pl.DataFrame) -> pl.DataFrame:
    """One row per contact: create_date, month, channel, a 0/1 column per step, days_to_customer."""
    if "create_date" not in contacts.columns:
        raise CrmProblem("the contacts table has no 'create_date' column; export the contacts with "
                              "'Create Date' and the 'Became a … Date' properties.")
    dates = [STEP_DATES[s] for s in STEPS if STEP_DATES[s] in contacts.columns]
    if not dates and "lifecycle_stage" not in contacts.columns:
        raise CrmProblem("the contacts table has neither lifecycle stage dates nor a lifecycle stage; "
                              "export 'Lifecycle Stage' or the 'Became a … Date' properties.")
    stage = (
        pl.col("lifecycle_stage").str.to_lowercase().str.replace_all(r"[\s_-]", "").replace_strict(
            {k: v for k, v in STAGE_STEP.items()}, default=None, return_dtype=pl.Int32)
        if "lifecycle_stage" in contacts.columns else pl.lit(None, dtype=pl.Int32)
    )
    flags = []
    for i, step in enumerate(STEPS):
        later = [pl.col(STEP_DATES[s]).is_not_null() for s in STEPS[i:] if STEP_DATES[s] in contacts.columns]
        hit = pl.any_horizontal(*later) if later else pl.lit(False)
        flags.append((hit | (stage.fill_null(-1) >= i)).cast(pl.Float64).alias(step))
    start = pl.coalesce(pl.col("lead_date") if "lead_date" in contacts.columns else pl.lit(None, dtype=pl.Date),
                        pl.col("create_date"))
    days = ((pl.col("customer_date") - start).dt.total_days() if "customer_date" in contacts.columns
            else pl.lit(None, dtype=pl.Int64))
    channel = pl.col("channel").fill_null("(unknown)") if "channel" in contacts.columns else pl.lit("(unknown)")
    return contacts.select(
        "create_date",
        pl.col("create_date").dt.truncate("1mo").alias("month"),
        channel.alias("channel"),
        *flags,
        days.cast(pl.Float64).alias("days_to_customer"),
    )


def kpis(counts: pl.DataFrame) -> pl.DataFrame:
    """Step rates (and CPL, CAC when the frame has spend) on summed counts, via the engine's formulas."""
    out = counts.with_columns(formula_expr(f, counts.columns).alias(k) for k, f in RATES.items())
    if "spend" in counts.columns:
        chosen, _ = resolve(list(COST_KPIS), counts.columns)
        out = evaluate(out, chosen)
    return out


def funnel(contacts: pl.DataFrame, by: Sequence[str] = ("channel",), period: Period | None = None) -> pl.DataFrame:
    """Counts per step, step rates and median days lead → customer, per group.

    by: any of "channel" (original source) and "month" (create month); () for one total row.
    period: only contacts created in it.
    """
    rows = reached(contacts)
    if period is not None:
        rows = rows.filter(pl.col("create_date").is_between(period.start, period.end))
    aggs = [pl.len().alias("contacts"), *(pl.col(s).sum() for s in STEPS),
            pl.col("days_to_customer").filter(pl.col("new_customers") > 0).median().alias("median_days_to_customer")]
    counts = rows.group_by(list(by)).agg(aggs).sort(list(by)) if by else rows.select(aggs)
    return kpis(counts)


def steps_long(funnel_frame: pl.DataFrame, by: Sequence[str] = ("channel",),
               lang: str = "en") -> pl.DataFrame:
    """Tidy funnel for a chart: keys, step (label in ``lang``), order, count, rate (from the step before)."""
    counts = funnel_frame.unpivot(on=list(STEPS), index=list(by), variable_name="measure", value_name="count")
    rates = funnel_frame.select(
        *by, *(pl.col(rate).alias(step) for step, rate in STEP_RATE.items()),
        pl.lit(None, dtype=pl.Float64).alias(STEPS[0]),
    ).unpivot(on=list(STEPS), index=list(by), variable_name="measure", value_name="rate")
    order = {s: i for i, s in enumerate(STEPS)}
    return (
        counts.join(rates, on=[*by, "measure"])
        .with_columns(
            pl.col("measure").replace_strict(order, return_dtype=pl.Int32).alias("order"),
            pl.col("measure").replace_strict(dict(STEP_NAMES.get(lang, STEP_LABELS))).alias("step"),
        )
        .sort([*by, "order"])
        .select(*by, "step", "order", "count", "rate")
    )


@dataclass(frozen=True)
class SourceCosts:
    frame: pl.DataFrame  # acquisition, channels, contacts, steps…, spend, step rates, cpl, cac
    notes: tuple[str, ...]


def by_source_with_costs(contacts: pl.DataFrame, performance: pl.DataFrame, period: Period,
                         currency: str | None = None) -> SourceCosts:
    """The funnel per original source with CPL and CAC, for contacts and spend of the same period.

    Sources are mapped to ad platforms by ``acquisition.assign_spend`` ("Paid Social" gets the social
    platforms' spend); several sources mapped to one platform are one row. Unmatched sources keep their
    own row, with no spend. Customers are those of the period's contacts who have become customers.
    """
    rows = reached(contacts).filter(pl.col("create_date").is_between(period.start, period.end))
    platform_spend, notes = acquisition.spend_by_platform(performance, period.start, period.end, currency)
    assigned = acquisition.assign_spend(rows["channel"].unique().to_list(), platform_spend)
    rows = rows.join(assigned.channels, on="channel", how="left").with_columns(
        pl.coalesce("acquisition", "channel").alias("acquisition"))
    counts = (
        rows.group_by("acquisition").agg(
            pl.col("channel").unique().sort().str.join(", ").alias("channels"),
            pl.len().alias("contacts"), *(pl.col(s).sum() for s in STEPS),
            pl.col("days_to_customer").filter(pl.col("new_customers") > 0).median().alias(
                "median_days_to_customer"),
        )
        .join(assigned.spend, on="acquisition", how="left")
        .sort("spend", "acquisition", descending=[True, False], nulls_last=True)
    )
    notes += assigned.notes()
    if not platform_spend:
        notes.append(Note("note_no_spend_cpl"))
    return SourceCosts(kpis(counts), tuple(notes))


# --- deals (optional) ---------------------------------------------------------------------------

DEAL_RATES: Mapping[str, Formula] = {
    "win_rate": Formula({"won": 1.0}, {"closed": 1.0}),
    "avg_won_amount": Formula({"won_amount": 1.0}, {"won": 1.0}),
}


def deals_summary(deals: pl.DataFrame, by: Sequence[str] = ("month",)) -> pl.DataFrame:
    """Deals per create month (or pipeline): deals, closed, won, won_amount, win_rate (won / closed),
    avg_won_amount, median_days_to_close (create → close, won deals).

    A deal is closed when won or when its stage says lost ("Closed Lost", "closedlost", "Lukket tapt",
    "Stängd förlorad": records.LOST).
    """
    if "create_date" not in deals.columns or "won" not in deals.columns:
        raise CrmProblem("the deals table needs 'Create Date' and 'Deal Stage' columns.")
    lost = (deals["stage"].str.to_lowercase().str.replace_all(r"[\s_-]", "").str.contains(LOST)
            .fill_null(False) if "stage" in deals.columns else pl.Series([False] * deals.height))
    rows = deals.with_columns(
        pl.col("create_date").dt.truncate("1mo").alias("month"),
        pl.col("won").fill_null(False).alias("won"),
        (pl.col("won").fill_null(False) | lost).alias("closed"),
        pl.col("amount").fill_null(0.0).alias("amount") if "amount" in deals.columns else pl.lit(0.0).alias("amount"),
        ((pl.col("close_date") - pl.col("create_date")).dt.total_days() if "close_date" in deals.columns
         else pl.lit(None, dtype=pl.Int64)).alias("days"),
    )
    aggs = [pl.len().cast(pl.Float64).alias("deals"), pl.col("closed").sum().cast(pl.Float64),
            pl.col("won").sum().cast(pl.Float64), pl.col("amount").filter(pl.col("won")).sum().alias("won_amount"),
            pl.col("days").filter(pl.col("won")).median().alias("median_days_to_close")]
    counts = rows.group_by(list(by)).agg(aggs).sort(list(by)) if by else rows.select(aggs)
    return counts.with_columns(formula_expr(f, counts.columns).alias(k) for k, f in DEAL_RATES.items())
