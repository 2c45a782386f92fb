"""The canonical schema: base measures and dimensions, declared once.

Every reader maps an export's columns to these names; every KPI is a formula over
these measures. A measure is *additive* when summing it over rows gives a true total
(spend, clicks). Measures that count people (reach, users, customers, unique opens)
are not: the same person appears in many rows, so summing overstates them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Unit = Literal["count", "currency", "seconds"]


@dataclass(frozen=True)
class Measure:
    name: str
    unit: Unit
    additive: bool
    description: str


@dataclass(frozen=True)
class Dimension:
    name: str
    description: str
    kind: Literal["date", "text"] = "text"


_M = Measure

MEASURES: dict[str, Measure] = {
    m.name: m
    for m in [
        _M("spend", "currency", True, "Media spend (amount spent, cost)."),
        _M("impressions", "count", True, "Times an ad was shown."),
        _M("reach", "count", False, "People who saw an ad at least once (counts people)."),
        _M("clicks", "count", True, "Clicks (link clicks where the platform separates them)."),
        _M("engagements", "count", True, "Likes, comments, shares and other interactions."),
        _M("video_views", "count", True, "Video views as the platform counts them."),
        _M("sessions", "count", True, "Website sessions (visits)."),
        _M("users", "count", False, "Website users (counts people)."),
        _M("engaged_sessions", "count", True, "Sessions that the analytics tool counts as engaged."),
        _M("bounces", "count", True, "Single-page sessions without interaction."),
        _M("pageviews", "count", True, "Page or screen views."),
        _M("engagement_seconds", "seconds", True, "Total engagement time in seconds."),
        _M("downloads", "count", True, "Content downloads (e-books, white papers)."),
        _M("leads", "count", True, "New leads (form fills, sign-ups)."),
        _M("mqls", "count", True, "Marketing-qualified leads."),
        _M("sqls", "count", True, "Sales-qualified leads."),
        _M("opportunities", "count", True, "Sales opportunities (deals opened)."),
        _M("conversions", "count", True, "Conversions or key events as the source counts them."),
        _M("orders", "count", True, "Orders placed."),
        _M("revenue", "currency", True, "Revenue (conversion value, sales)."),
        _M("gross_profit", "currency", True, "Revenue minus cost of goods."),
        _M("cogs", "currency", True, "Cost of goods sold."),
        _M("carts", "count", True, "Add-to-carts or checkouts started."),
        _M("new_customers", "count", True, "Customers buying for the first time."),
        _M("customers", "count", False, "Distinct customers (counts people)."),
        _M("repeat_customers", "count", False, "Distinct customers with two or more orders."),
        _M("churned_customers", "count", False, "Customers lost in a period."),
        _M("customers_at_start", "count", False, "Active customers at the start of a period."),
        _M("returned_orders", "count", True, "Orders returned or refunded."),
        _M("emails_delivered", "count", True, "E-mails delivered."),
        _M("email_opens", "count", False, "Unique e-mail opens (counts people)."),
        _M("email_clicks", "count", True, "E-mail clicks."),
        _M("unsubscribes", "count", True, "Unsubscribes."),
        _M("other_costs", "currency", True, "Non-media marketing and sales costs entered by the user."),
    ]
}

MONEY_MEASURES: frozenset[str] = frozenset(n for n, m in MEASURES.items() if m.unit == "currency")
NON_ADDITIVE: frozenset[str] = frozenset(n for n, m in MEASURES.items() if not m.additive)

_D = Dimension

DIMENSIONS: dict[str, Dimension] = {
    d.name: d
    for d in [
        _D("date", "Day the row covers (or the first day of its reporting period).", "date"),
        _D("date_end", "Last day of the reporting period when a row covers several days.", "date"),
        _D("source", "The platform or file the row came from."),
        _D("channel", "Channel or channel group (Paid Search, Organic Social, Email…)."),
        _D("campaign", "Campaign name."),
        _D("campaign_type", "Campaign type (Search, Performance Max, Sponsored Content…)."),
        _D("ad_group", "Ad group or ad set."),
        _D("ad", "Ad or creative."),
        _D("keyword", "Search keyword."),
        _D("device", "Device type."),
        _D("country", "Country."),
        _D("region", "Region or county."),
        _D("age", "Age band."),
        _D("gender", "Gender."),
        _D("placement", "Placement (feed, stories, search partners…)."),
        _D("audience", "Audience or targeting."),
        _D("customer_type", "New or returning customer."),
        _D("landing_page", "Landing page."),
        _D("lifecycle_stage", "CRM lifecycle stage."),
        _D("education", "Customer's education level, as a customer table writes it."),
        _D("marital_status", "Customer's marital status, as a customer table writes it."),
        _D("currency", "ISO currency code of the row's money values."),
    ]
}

# Dimensions a user can break KPIs down by (date and currency are handled apart).
SEGMENT_DIMENSIONS: tuple[str, ...] = tuple(
    n for n in DIMENSIONS if n not in {"date", "date_end", "currency"}
)

TIME_GRAINS: tuple[str, ...] = ("day", "week", "month", "quarter")


def measures_in(columns: list[str] | tuple[str, ...]) -> list[str]:
    """The canonical measures present among ``columns``, in schema order."""
    present = set(columns)
    return [m for m in MEASURES if m in present]


def dimensions_in(columns: list[str] | tuple[str, ...]) -> list[str]:
    present = set(columns)
    return [d for d in DIMENSIONS if d in present]


# --- Record tables: one row per order, customer, contact or deal --------------------------------
# Ad, analytics and e-mail exports become rows of measures (above). Shop and CRM exports are lists
# of *things*; their reader returns such a table in ``ReadResult.records`` (the Loyalty and Funnel
# pages need the individual orders and contacts) and also daily additive measures in
# ``ReadResult.frame`` (orders, revenue, new customers, leads, MQLs… per date and source), so they
# feed the scorecard like any other export. Personal data (e-mail, names, phones, addresses) never
# reaches these tables: customers and contacts are identified by a salted hash.

RECORD_COLUMNS: dict[str, dict[str, str]] = {
    "orders": {
        "order_id": "Order number or id as exported (text).",
        "customer_id": "Salted hash of the customer's e-mail or id (never the e-mail itself).",
        "date": "When the order was created (date).",
        "revenue": "Order total as charged, before refunds (currency).",
        "refunded": "Amount refunded (currency, 0 when none).",
        "discount": "Discount amount (currency, 0 when none).",
        "cancelled": "True when the order was cancelled.",
        "returned": "True when the order was (partly) refunded or returned.",
        "status": "Financial status as exported (paid, refunded, partially_refunded…).",
        "currency": "ISO currency code.",
        "channel": "Source, UTM source or channel the order came from, when exported.",
        "country": "Billing or shipping country, when exported.",
    },
    "customers": {
        "customer_id": "Salted hash of the customer's e-mail or id.",
        "total_spent": "Lifetime spend as exported (currency).",
        "total_orders": "Lifetime order count as exported.",
        "accepts_marketing": "True when the customer accepts e-mail marketing.",
        "country": "Country code, when exported.",
        "since": "When the customer joined (enrolment date), when exported.",
    },
    "contacts": {
        "contact_id": "Salted hash of the CRM record id.",
        "create_date": "When the contact was created (date).",
        "lead_date": "Became a lead (date, null when never).",
        "mql_date": "Became a marketing-qualified lead (date).",
        "sql_date": "Became a sales-qualified lead (date).",
        "opportunity_date": "Became an opportunity (date).",
        "customer_date": "Became a customer (date).",
        "lifecycle_stage": "Current lifecycle stage, normalised (lead, mql, sql, opportunity, customer…).",
        "channel": "Original source (Paid Social, Organic Search…).",
        "revenue": "Total revenue recorded on the contact (currency), when exported.",
    },
    "deals": {
        "deal_id": "Salted hash of the deal id.",
        "create_date": "When the deal was created (date).",
        "close_date": "Close date (date).",
        "stage": "Deal stage as exported.",
        "won": "True for closed-won deals.",
        "amount": "Deal amount (currency).",
        "pipeline": "Pipeline name.",
    },
}
