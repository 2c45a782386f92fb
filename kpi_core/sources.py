"""When several tools report the same thing, count it once.

Google Ads and Meta report the conversions and revenue they attribute to their ads; GA4 reports
conversions and revenue for all traffic (organic included); HubSpot counts the leads that the
LinkedIn lead forms also count. Adding these up counts one sale or one lead two or three times.

The shop (Shopify orders) records every order and its revenue, whichever channel brought it: it
is the system of record for money, like analytics for traffic. Next to the ad platforms it would
count the sales they attribute a second time, so it ranks after them for orders and revenue (alone,
or with analytics, its figures are used: the shop's own count beats web analytics). For new
customers the shop and the CRM are each the system of record of their own kind of business; when
a file of each is loaded, the shop's first orders are used and the CRM's customers set aside.

The rule: for each contested measure, the sources are ranked in tiers by *role* (ad platform,
e-mail tool, shop, analytics, CRM). When a table mixes tiers, only the highest tier present keeps the
measure; the others' values are set aside (not deleted from the upload: filtering to one source
shows them again) and a note says so. Sources of the same tier are complementary and add up
(Google Ads + Meta conversions; ad + e-mail revenue).
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from kpi_core.fmt import Note, measure_words

ROLES: Mapping[str, str] = {
    "google_ads": "ads",
    "meta_ads": "ads",
    "linkedin_ads": "ads",
    "tiktok_ads": "ads",
    "microsoft_ads": "ads",
    "snapchat_ads": "ads",
    "pinterest_ads": "ads",
    "mailchimp": "email",
    "klaviyo": "email",
    "ga4": "analytics",
    "universal_analytics": "analytics",
    "ga360_sessions": "analytics",
    "hubspot": "crm",
    "hubspot_contacts": "crm",
    "hubspot_deals": "crm",
    "shopify": "shop",
    "shopify_orders": "shop",
    "woocommerce_orders": "shop",
    "ifood_customers": "shop",
    "shopify_customers": "customer_list",
}

# A sheet of the marketer's own (the generic reader, or any source no platform claims) is ranked as
# the kind of tool its columns come from, the first that fits: with media spend it reports what the
# ads bought; else e-mails delivered make it an e-mail tool, leads a CRM, sessions web analytics,
# orders or revenue a shop. Without a role its figures would add to every tool's.
SHEET_ROLES: tuple[tuple[str, str], ...] = (
    ("spend", "ads"), ("emails_delivered", "email"), ("leads", "crm"), ("mqls", "crm"), ("sqls", "crm"),
    ("sessions", "analytics"), ("orders", "shop"), ("revenue", "shop"),
)

# Sources whose rows are each one distinct person (a customer table: its reader keeps one row per
# customer id). Within such a source, counts of people add up over rows (engine.aggregate).
PEOPLE_LISTS: frozenset[str] = frozenset({"ifood_customers", "shopify_customers"})

# measure -> tiers of roles, best first. Ad and e-mail tools attribute results to the activity
# we analyse; analytics sees all traffic; the CRM is the system of record for leads and customers.
# The shop sees every sale (ads and organic alike), so it ranks below the ad platforms, whose
# revenue is what the spend bought, and above web analytics, which only estimates the shop's sales.
PRECEDENCE: Mapping[str, tuple[frozenset[str], ...]] = {
    "conversions": (frozenset({"ads", "email"}), frozenset({"analytics"})),
    "revenue": (frozenset({"ads", "email"}), frozenset({"shop"}), frozenset({"customer_list"}),
                frozenset({"analytics"})),
    "orders": (frozenset({"ads", "email"}), frozenset({"shop"}), frozenset({"customer_list"}),
               frozenset({"analytics"})),
    "leads": (frozenset({"crm"}), frozenset({"ads", "analytics"})),
    "new_customers": (frozenset({"shop"}), frozenset({"crm"}), frozenset({"ads", "analytics"})),
}

# A measure taken from the same tier as another because KPIs divide one by the other: AOV =
# revenue / orders must not be the ad platforms' revenue over the shop's orders. When that tier does
# not report the measure at all, it is set aside everywhere (AOV then falls back to revenue per conversion).
FOLLOWS: Mapping[str, str] = {"orders": "revenue"}

ROLE_NAMES: Mapping[str, Mapping[str, str]] = {
    "ads": {"en": "the ad platforms", "nb": "annonseplattformene", "sv": "annonsplattformarna"},
    "email": {"en": "the e-mail tools", "nb": "e-postverktøyene", "sv": "e-postverktygen"},
    "analytics": {"en": "web analytics", "nb": "webanalysen", "sv": "webbanalysen"},
    "crm": {"en": "the CRM", "nb": "CRM-systemet", "sv": "CRM-systemet"},
    "shop": {"en": "the shop", "nb": "nettbutikken", "sv": "webbutiken"},
    # a shop's customer list: lifetime totals per customer, which the shop's orders also hold
    "customer_list": {"en": "the customer list", "nb": "kundelisten", "sv": "kundlistan"},
}


def role(source: str | None) -> str | None:
    return ROLES.get(source or "")


def roles_in(frame: pl.DataFrame) -> dict[str, str]:
    """Each source's role in ``frame``: its platform's, or a sheet's by its measures (SHEET_ROLES)."""
    roles = {}
    for source in frame["source"].drop_nulls().unique().to_list():
        if source in ROLES:
            roles[source] = ROLES[source]
            continue
        rows = frame.filter(pl.col("source") == source)
        found = next((r for m, r in SHEET_ROLES if m in rows.columns and rows[m].is_not_null().any()), None)
        if found:
            roles[source] = found
    return roles


def _set_aside(measure: str, sources: list[str]) -> pl.Expr:
    return pl.when(pl.col("source").is_in(sources)).then(None).otherwise(pl.col(measure)).alias(measure)


def label(source: str, lang: str = "en") -> str:
    """A source as people know it: "ga4" -> "GA4", "shopify_orders" -> "Shopify orders" ("Shopify-ordre"
    in Norwegian: the brand stays, the word is translated)."""
    from kpi_core.readers.platforms.specs import GENERIC_PLATFORM, PLATFORMS  # late: the readers import the engine

    if lang != "en" and source in LABELS:
        return LABELS[source][lang]
    return next((p.label for p in (*PLATFORMS, GENERIC_PLATFORM) if p.id == source), source)


# Sources whose name is words, not only a brand.
LABELS: dict[str, dict[str, str]] = {
    "generic": {"nb": "Eget ark", "sv": "Eget kalkylblad"},
    "shopify_orders": {"nb": "Shopify-ordre", "sv": "Shopify-ordrar"},
    "shopify_customers": {"nb": "Shopify-kunder", "sv": "Shopify-kunder"},
    "woocommerce_orders": {"nb": "WooCommerce-ordre", "sv": "WooCommerce-ordrar"},
    "hubspot_contacts": {"nb": "HubSpot-kontakter", "sv": "HubSpot-kontakter"},
    "hubspot_deals": {"nb": "HubSpot-avtaler", "sv": "HubSpot-affärer"},
    "ifood_customers": {"nb": "iFood-kundetabell", "sv": "iFood-kundtabell"},
}


def _labels(sources: list[str]) -> str:
    return ", ".join(label(s) for s in sorted(sources))


def _names(roles: frozenset[str] | set[str]) -> dict[str, str]:
    """The roles' names in each language, in the order of their English names."""
    ordered = sorted(roles, key=lambda r: ROLE_NAMES[r]["en"])
    return {lg: ", ".join(ROLE_NAMES[r][lg] for r in ordered) for lg in ("en", "nb", "sv")}


def reconcile(frame: pl.DataFrame, decide_on: pl.DataFrame | None = None) -> tuple[pl.DataFrame, list[str]]:
    """Keep each contested measure from its best tier of sources only; say what was set aside.

    ``decide_on``: the rows whose sources decide the tiers (default ``frame``). Two periods compared are
    decided on together, so a KPI compares like with like: AOV from the ad platforms now against AOV
    from the shop before (when the ads were not running yet) would be two different things."""
    if "source" not in frame.columns or frame.height == 0:
        return frame, []
    decide_on = frame if decide_on is None or "source" not in decide_on.columns else decide_on
    contested = [m for m in PRECEDENCE if m in frame.columns and m in decide_on.columns]
    if not contested:
        return frame, []
    roles = roles_in(decide_on)
    if len(set(roles.values())) < 2:
        return frame, []
    carriers = decide_on.group_by("source").agg(pl.col(m).count() for m in contested)
    notes: list[str] = []
    fixes: list[pl.Expr] = []
    best_of: dict[str, frozenset[str]] = {}  # measure -> roles it is taken from
    for m in contested:
        with_m = [s for s, n in zip(carriers["source"], carriers[m], strict=True) if n and s in roles]
        roles_present = {roles[s] for s in with_m}
        partner = FOLLOWS.get(m, "")
        if partner in best_of and not best_of[partner] & roles_present:
            fixes.append(_set_aside(m, with_m))
            notes.append(Note("note_unpaired", measure=measure_words(m), sources=_labels(with_m),
                              partner=measure_words(partner, start=False), roles=_names(best_of[partner]),
                              m=measure_words(m, start=False)))
            continue
        tier = best_of.get(partner) or next((t for t in PRECEDENCE[m] if t & roles_present), None)
        if tier is None:
            continue
        best_of[m] = tier & roles_present
        dropped = sorted(s for s in with_m if roles[s] not in tier and any(roles[s] in t for t in PRECEDENCE[m]))
        if not dropped:
            continue
        fixes.append(_set_aside(m, dropped))
        words = measure_words(m)
        if m == "revenue":  # "Revenue are taken from …" in English: the figures are
            words = {**words, "en": "Revenue figures"}
        notes.append(Note("note_taken_from_one" if len(dropped) == 1 else "note_taken_from_many",
                          measure=words, roles=_names(best_of[m]), sources=_labels(dropped)))
    return (frame.with_columns(fixes) if fixes else frame), notes
