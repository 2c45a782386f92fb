"""The KPI catalog, as data.

Every KPI is declared once here: id, labels (en, nb, sv), description, unit, direction,
funnel stage, the goals it serves, and one or more formulas over *additive base measures*
(see ``schema.py``). The engine never hard-codes a KPI; it evaluates these formulas on
summed measures, which is what keeps totals, segments and periods consistent.

A formula is ``offset + scale * numerator / denominator`` where numerator and denominator
are linear combinations of measures. A KPI may list several formulas: the first whose
required measures are present is used (``bounce_rate`` from bounces, else from engaged
sessions), and the result says which one.

The goal matrix (which KPIs fit which business goal, per funnel stage) also lives here,
so that a KPI's ``goals`` are derived from the one table rather than written twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from kpi_core.catalog_texts import TEXTS
from kpi_core.schema import MEASURES

Stage = Literal["awareness", "consideration", "conversion", "loyalty"]
Unit = Literal["count", "currency", "rate", "multiple", "number", "seconds"]
Direction = Literal["higher", "lower", "neither"]
Lang = Literal["en", "nb", "sv"]

LANGS: tuple[Lang, ...] = ("en", "nb", "sv")
STAGES: tuple[Stage, ...] = ("awareness", "consideration", "conversion", "loyalty")
GOAL_IDS: tuple[str, ...] = ("sales", "leads", "traffic", "awareness", "loyalty")

STAGE_LABELS: Mapping[Stage, Mapping[Lang, str]] = MappingProxyType({
    "awareness": {"en": "Awareness", "nb": "Kjennskap", "sv": "Kännedom"},
    "consideration": {"en": "Consideration", "nb": "Vurdering", "sv": "Övervägande"},
    "conversion": {"en": "Conversion", "nb": "Handling", "sv": "Konvertering"},
    "loyalty": {"en": "Loyalty", "nb": "Lojalitet", "sv": "Lojalitet"},
})

STAGE_GOALS: Mapping[Stage, str] = MappingProxyType({
    "awareness": "Reach new people and build interest.",
    "consideration": "Build trust and interest.",
    "conversion": "Trigger purchases, leads and sign-ups.",
    "loyalty": "Keep customers and grow their value.",
})


@dataclass(frozen=True)
class Formula:
    """``offset + scale * Σ(numerator) / Σ(denominator)``; no denominator means a plain sum."""

    numerator: Mapping[str, float]
    denominator: Mapping[str, float] | None = None
    scale: float = 1.0
    offset: float = 0.0
    # Measures counted as zero when absent: costs the user may or may not enter.
    optional: tuple[str, ...] = ()
    # Said to the user when this formula is the one used, e.g. "per click: no sessions in the data".
    note: str = ""
    # Numerator and denominator must be reported by one source. Conversions per session is only
    # meaningful when one tool counts both (GA4); ad-platform conversions over GA4's sessions for
    # all traffic mix two different things, so the next formula (per click) is used instead.
    same_source: bool = False
    # The denominator counts only the rows that report the numerator: video views per impression of the
    # rows that count video views (Google Ads next to LinkedIn, which reports none), bounces per session
    # of the tool that counts bounces (Universal Analytics next to GA4). A part of the rows is no zero.
    paired: bool = False
    # The other way round: the numerator counts only the rows that report the denominator (frequency:
    # the impressions of the rows that give a reach, not Google's impressions over Meta's reach).
    paired_numerator: bool = False

    @property
    def measures(self) -> frozenset[str]:
        return frozenset(self.numerator) | frozenset(self.denominator or {})

    @property
    def required(self) -> frozenset[str]:
        return self.measures - set(self.optional)

    def describe(self, names: Callable[[str], str] | None = None) -> str:
        """The formula in plain words, e.g. ``1000 × spend / impressions`` (``names``: the measures'
        names to write instead of their ids, 'kostnad' for 'spend')."""
        text = _terms_text(self.numerator, parens=bool(self.denominator), names=names)
        if self.denominator:
            text += " / " + _terms_text(self.denominator, parens=True, names=names)
        if abs(self.scale) != 1:
            text = f"{abs(self.scale):g} × {text}"
        if self.offset:
            text = f"{self.offset:g} {'−' if self.scale < 0 else '+'} {text}"
        return text


def _terms_text(terms: Mapping[str, float], parens: bool, names: Callable[[str], str] | None = None) -> str:
    """``spend + other_costs``; wrapped in parentheses when it has several terms."""
    out = ""
    for i, (measure, coef) in enumerate(terms.items()):
        word = names(measure) if names else measure
        name = word if abs(coef) == 1 else f"{abs(coef):g} × {word}"
        if i == 0:
            out = name if coef > 0 else f"−{name}"
        else:
            out += f" {'+' if coef > 0 else '−'} {name}"
    return f"({out})" if parens and len(terms) > 1 else out


@dataclass(frozen=True)
class Kpi:
    id: str
    labels: Mapping[Lang, str]
    description: str
    unit: Unit
    direction: Direction
    stage: Stage
    formulas: tuple[Formula, ...]
    why: str  # why a marketer watches it: shown as "why this KPI"
    # For a KPI that is a ratio of two other KPIs (ltv_cac_ratio = ltv / cac).
    of_kpis: tuple[str, str] | None = None
    inputs: tuple[str, ...] = ()  # business inputs it can use: "margin", "other_costs"
    # Where our definition departs from ../shared/kpi-reference.md, and why.
    note: str = ""
    goals: tuple[str, ...] = field(default=())

    def label(self, lang: Lang = "en") -> str:
        return self.labels.get(lang) or self.labels["en"]

    def describe(self, lang: Lang = "en") -> str:
        """What the KPI is, in ``lang`` (catalog_texts holds the Norwegian and Swedish)."""
        return self.description if lang == "en" else TEXTS[self.id]["description"][lang]

    def reason(self, lang: Lang = "en") -> str:
        """Why a marketer watches it, in ``lang``."""
        return self.why if lang == "en" else TEXTS[self.id]["why"][lang]


def _f(num: str | Mapping[str, float], den: str | Mapping[str, float] | None = None, **kw) -> Formula:
    as_terms = (lambda x: {x: 1.0} if isinstance(x, str) else dict(x))  # noqa: E731
    return Formula(as_terms(num), None if den is None else as_terms(den), **kw)


_COST = {"spend": 1.0, "other_costs": 1.0}
_OPT = ("other_costs",)

# --- The goal matrix (kpi-reference.md, "Goals -> KPIs") --------------------------------------
# goal -> stage -> KPI ids, in the order they are shown. Headline first, fallbacks beside it.
GOAL_MATRIX: Mapping[str, Mapping[Stage, tuple[str, ...]]] = MappingProxyType({
    "sales": {
        "awareness": ("cpm", "ctr"),
        "consideration": ("cpc", "bounce_rate"),
        "conversion": ("conversion_rate", "cpa", "roas", "poas", "aov", "cart_abandonment_rate"),
        "loyalty": ("repeat_purchase_rate", "ltv", "ltv_cac_ratio", "return_rate"),
    },
    "leads": {
        "awareness": ("impressions", "ctr"),
        "consideration": ("cpc", "avg_engagement_time", "downloads"),
        "conversion": ("cpl", "lead_to_mql_rate", "mql_to_sql_rate", "mql_to_customer_rate", "cac"),
        "loyalty": ("ltv_cac_ratio", "churn_rate"),
    },
    "traffic": {
        "awareness": ("impressions", "ctr", "cpm"),
        "consideration": ("sessions", "cpc", "cost_per_session", "pages_per_session", "bounce_rate"),
        "conversion": ("conversion_rate",),
        "loyalty": (),
    },
    "awareness": {
        "awareness": ("reach", "impressions", "frequency", "cpm", "engagement_rate", "video_view_rate"),
        "consideration": ("sessions",),
        "conversion": (),
        "loyalty": (),
    },
    "loyalty": {
        "awareness": (),
        "consideration": ("email_open_rate", "email_click_rate"),
        "conversion": ("conversion_rate",),
        "loyalty": ("repeat_purchase_rate", "churn_rate", "ltv", "return_rate", "unsubscribe_rate"),
    },
})

# goal -> (headline KPI, fallback when the headline cannot be computed)
HEADLINES: Mapping[str, tuple[str, str | None]] = MappingProxyType({
    "sales": ("poas", "roas"),  # poas needs a margin; without it, roas
    "leads": ("cac", "cpl"),  # cac needs customers; without them, cpl
    "traffic": ("cost_per_session", "cpc"),
    "awareness": ("reach", "impressions"),  # reach counts people; cpm is its cost
    "loyalty": ("repeat_purchase_rate", None),
})

GOAL_LABELS: Mapping[str, Mapping[Lang, str]] = MappingProxyType({
    "sales": {"en": "Sales (e-commerce)", "nb": "Salg (netthandel)", "sv": "Försäljning (e-handel)"},
    "leads": {"en": "Leads (B2B)", "nb": "Leads (B2B)", "sv": "Leads (B2B)"},
    "traffic": {"en": "Traffic", "nb": "Trafikk", "sv": "Trafik"},
    "awareness": {"en": "Brand awareness", "nb": "Merkevarekjennskap", "sv": "Varumärkeskännedom"},
    "loyalty": {"en": "Loyalty & retention", "nb": "Lojalitet og gjenkjøp", "sv": "Lojalitet och återköp"},
})


def _goals_of(kpi_id: str) -> tuple[str, ...]:
    return tuple(g for g in GOAL_IDS if any(kpi_id in ids for ids in GOAL_MATRIX[g].values()))


def _k(id: str, en: str, nb: str, sv: str, description: str, unit: Unit, direction: Direction,
       stage: Stage, formulas: Formula | tuple[Formula, ...], why: str, **kw) -> Kpi:
    fs = formulas if isinstance(formulas, tuple) else (formulas,)
    return Kpi(id=id, labels=MappingProxyType({"en": en, "nb": nb, "sv": sv}), description=description,
               unit=unit, direction=direction, stage=stage, formulas=fs, why=why,
               goals=_goals_of(id), **kw)


_KPIS: list[Kpi] = [
    # --- awareness -------------------------------------------------------------------------
    _k("impressions", "Impressions", "Visninger", "Visningar",
       "How many times the ads were shown.", "count", "higher", "awareness", _f("impressions"),
       "Visibility is the raw material of every later stage."),
    _k("reach", "Reach", "Rekkevidde", "Räckvidd",
       "How many different people saw the ads, as the platform counts them.", "count", "higher",
       "awareness", _f("reach"),
       "Brand work is about reaching new people, not showing the same people more ads.",
       note="Reach counts people: it is only shown at the grain the export gives, never summed."),
    _k("frequency", "Frequency", "Frekvens", "Frekvens",
       "Average times each person saw an ad (impressions / reach).", "multiple", "neither",
       "awareness", _f("impressions", "reach", paired_numerator=True),
       "Too low and the message does not stick; too high and people tire of it."),
    _k("cpm", "CPM (cost per 1,000 impressions)", "CPM (kostnad per 1000 visninger)",
       "CPM (kostnad per 1000 visningar)", "What 1,000 ad impressions cost.", "currency", "lower",
       "awareness", _f("spend", "impressions", scale=1000.0),
       "The price of attention: what visibility costs you in each channel."),
    _k("ctr", "Click-through rate (CTR)", "Klikkrate (CTR)", "Klickfrekvens (CTR)",
       "Share of impressions that led to a click.", "rate", "higher", "awareness",
       _f("clicks", "impressions"),
       "Shows whether the ad's message and image speak to the audience."),
    _k("engagement_rate", "Engagement rate", "Engasjementsrate", "Engagemangsgrad",
       "Interactions (likes, comments, shares) per impression.", "rate", "higher", "awareness",
       _f("engagements", "impressions", paired=True),
       "Engagement shows that the content reaches the right people and builds interest."),
    _k("video_view_rate", "Video view rate", "Videovisningsrate", "Videovisningsgrad",
       "Video views per impression.", "rate", "higher", "awareness",
       _f("video_views", "impressions", paired=True),
       "Tells whether people stop to watch, not just scroll past."),
    # --- consideration ---------------------------------------------------------------------
    _k("sessions", "Sessions", "Økter", "Sessioner",
       "Visits to the website.", "count", "higher", "consideration", _f("sessions"),
       "Traffic shows interest turning into a visit; compare organic and paid by channel."),
    _k("cpc", "Cost per click (CPC)", "Kostnad per klikk (CPC)", "Kostnad per klick (CPC)",
       "What each click cost.", "currency", "lower", "consideration", _f("spend", "clicks"),
       "Rising CPC points at bids, audience settings or keyword choice."),
    _k("cost_per_session", "Cost per session", "Kostnad per økt", "Kostnad per session",
       "Media spend per website session.", "currency", "lower", "consideration",
       _f("spend", "sessions"),
       "What a visit really costs, after clicks that never load the page."),
    _k("avg_engagement_time", "Average engagement time", "Gjennomsnittlig engasjementstid",
       "Genomsnittlig engagemangstid", "Engagement seconds per session (time on site).", "seconds",
       "higher", "consideration", _f("engagement_seconds", "sessions", paired=True),
       "Time on the landing page shows whether the content holds people's interest."),
    _k("pages_per_session", "Pages per session", "Sider per økt", "Sidor per session",
       "Page views per session.", "number", "higher", "consideration",
       _f("pageviews", "sessions", paired=True),
       "More pages per visit means people explore rather than leave."),
    _k("bounce_rate", "Bounce rate", "Fluktfrekvens", "Avvisningsfrekvens",
       "Share of sessions that left without interacting.", "rate", "lower", "consideration",
       (_f("bounces", "sessions", paired=True),
        _f("engaged_sessions", "sessions", scale=-1.0, offset=1.0, paired=True,
           note="1 − engaged sessions / sessions (GA4 has no bounces column)")),
       "A high bounce rate points at content or design that does not match the ad."),
    _k("downloads", "Downloads", "Nedlastinger", "Nedladdningar",
       "Content downloads (e-books, guides, white papers).", "count", "higher", "consideration",
       _f("downloads"), "Content consumption shows trust being built before a lead."),
    _k("email_open_rate", "Email open rate", "Åpningsrate e-post", "Öppningsgrad e-post",
       "Unique opens per delivered e-mail.", "rate", "higher", "consideration",
       _f("email_opens", "emails_delivered"),
       "Shows whether subject lines and sender earn attention.",
       note="Unique opens count people, so this rate is only shown per campaign as exported."),
    _k("email_click_rate", "Email click rate", "Klikkrate e-post", "Klickgrad e-post",
       "Clicks per delivered e-mail.", "rate", "higher", "consideration",
       _f("email_clicks", "emails_delivered"),
       "Shows whether the e-mail's content makes people act."),
    # --- conversion ------------------------------------------------------------------------
    _k("conversion_rate", "Conversion rate", "Konverteringsrate", "Konverteringsgrad",
       "Conversions per session (per click when the data has no sessions; orders per session when it "
       "has orders but no conversions).", "rate", "higher",
       "conversion",
       (_f("conversions", "sessions", same_source=True),
        _f("conversions", "clicks", same_source=True,
           note="per click: the source of the conversions reports no sessions"),
        # A shop's or analytics tool's orders (Shopify, Universal Analytics' transactions, a sheet's
        # 'Orders') count the whole site's purchases, as sessions count its visits: the e-commerce
        # conversion rate, meaningful across the two tools.
        _f("orders", "sessions", note="orders per session: the data has orders but no conversions column")),
       "Tells whether the site convinces the visitors the ads bring."),
    _k("cpa", "Cost per acquisition (CPA)", "Kostnad per konvertering (CPA)",
       "Kostnad per konvertering (CPA)", "Media spend per conversion.", "currency", "lower",
       "conversion",
       (_f("spend", "conversions"),
        # Cost per order, only where one source reports both (a sheet with cost and orders): ad spend
        # over a shop's orders, organic ones included, is no acquisition cost.
        _f("spend", "orders", same_source=True, note="per order: the data has orders but no conversions column")),
       "What each purchase or sign-up costs; fine when high if the customer's LTV is higher."),
    _k("cpl", "Cost per lead (CPL)", "Kostnad per lead (CPL)", "Kostnad per lead (CPL)",
       "Marketing cost (media plus other costs) per lead.", "currency", "lower", "conversion",
       _f(_COST, "leads", optional=_OPT),
       "A cheap lead that never converts is worthless: read CPL with lead quality.",
       inputs=("other_costs",)),
    _k("lead_to_mql_rate", "Lead → MQL rate", "Lead → MQL-rate", "Lead → MQL-andel",
       "Share of leads that became marketing-qualified.", "rate", "higher", "conversion",
       _f("mqls", "leads"), "Lead quality: do the leads fit the customer you want?"),
    _k("mql_to_sql_rate", "MQL → SQL rate", "MQL → SQL-rate", "MQL → SQL-andel",
       "Share of marketing-qualified leads that sales accepted.", "rate", "higher",
       "conversion", _f("sqls", "mqls"),
       "Shows whether marketing and sales agree on what a good lead is."),
    _k("mql_to_customer_rate", "MQL → customer rate", "MQL → kunde-rate", "MQL → kund-andel",
       "Share of marketing-qualified leads that became customers.", "rate", "higher",
       "conversion", _f("new_customers", "mqls", same_source=True),
       "The end of the lead funnel: qualified interest turning into revenue."),
    _k("roas", "Return on ad spend (ROAS)", "Avkastning på annonsekroner (ROAS)",
       "Avkastning på annonskostnad (ROAS)", "Revenue per unit of ad spend (4.2× = 4.20 back per 1).",
       "multiple", "higher", "conversion", _f("revenue", "spend"),
       "The quick read of ad efficiency; compare it with break-even ROAS (1 / margin)."),
    _k("poas", "Profit on ad spend (POAS)", "Fortjeneste per annonsekrone (POAS)",
       "Vinst på annonskostnad (POAS)", "Gross profit per unit of ad spend.", "multiple",
       "higher", "conversion", _f("gross_profit", "spend"),
       "ROAS with the margin in: below 1 the ads lose money on the first order.",
       inputs=("margin",)),
    _k("roi", "Return on investment (ROI)", "Avkastning på investering (ROI)",
       "Avkastning på investering (ROI)",
       "Gross profit left after all marketing costs, per unit of marketing cost.", "rate",
       "higher", "conversion",
       _f({"gross_profit": 1.0, "spend": -1.0, "other_costs": -1.0}, _COST, optional=_OPT),
       "Counts every cost, so it answers whether marketing pays for itself.",
       inputs=("margin", "other_costs")),
    _k("romi", "Return on marketing investment (ROMI)", "Avkastning på markedsinvestering (ROMI)",
       "Avkastning på marknadsinvestering (ROMI)",
       "Attributed revenue minus marketing cost, per unit of marketing cost.", "rate", "higher",
       "conversion",
       _f({"revenue": 1.0, "spend": -1.0, "other_costs": -1.0}, _COST, optional=_OPT),
       "Like ROI on revenue rather than profit: flatters high-cost products.",
       inputs=("other_costs",)),
    _k("aov", "Average order value (AOV)", "Gjennomsnittlig ordreverdi (AOV)",
       "Genomsnittligt ordervärde (AOV)", "Revenue per order.", "currency", "higher",
       # The revenue of the rows that count the orders: an e-mail tool's 6 orders do not divide the ad
       # platforms' revenue too (paired_numerator).
       "conversion", (_f("revenue", "orders", same_source=True, paired_numerator=True),
                      _f("revenue", "conversions", same_source=True, paired_numerator=True,
                         note="per conversion: the source of the revenue reports no orders")),
       "Bigger baskets make every click and every customer worth more."),
    _k("cart_abandonment_rate", "Cart abandonment rate", "Andel forlatte handlekurver",
       "Andel övergivna varukorgar", "Share of carts or checkouts that did not become an order.",
       "rate", "lower", "conversion",
       _f("orders", "carts", scale=-1.0, offset=1.0),
       "High abandonment points at checkout steps or unexpected costs."),
    _k("cac", "Customer acquisition cost (CAC)", "Kundeanskaffelseskostnad (CAC)",
       "Kundanskaffningskostnad (CAC)", "Marketing cost per new customer.", "currency", "lower",
       "conversion", _f(_COST, "new_customers", optional=_OPT),
       "What a new customer costs; weigh it against what the customer is worth (LTV).",
       inputs=("other_costs",)),
    # --- loyalty ---------------------------------------------------------------------------
    _k("ltv", "Customer lifetime value (LTV)", "Kundens livstidsverdi (LTV)",
       "Kundens livstidsvärde (LTV)",
       "Revenue per customer over the period the orders cover.", "currency", "higher", "loyalty",
       _f("revenue", "customers"),
       "What a customer is worth decides what you can pay to win one.",
       note="From an orders export: revenue per distinct customer over the data's horizon; the "
            "Loyalty page gives LTV at fixed 3, 6 and 12 month horizons by cohort."),
    _k("ltv_cac_ratio", "LTV:CAC ratio", "LTV:CAC-forhold", "LTV:CAC-kvot",
       "Customer lifetime value per unit of acquisition cost (healthy at 3 or more).",
       "multiple", "higher", "loyalty", (), of_kpis=("ltv", "cac"),
       why="A high CPA is fine when customers are worth much more than they cost."),
    _k("repeat_purchase_rate", "Repeat purchase rate", "Gjenkjøpsrate", "Återköpsgrad",
       "Share of customers with two or more orders.", "rate", "higher", "loyalty",
       _f("repeat_customers", "customers"),
       "Customers who come back are the cheapest revenue there is."),
    _k("churn_rate", "Churn rate", "Frafallsrate", "Kundbortfall (churn)",
       "Share of customers active at the start of a period who were lost in it.", "rate",
       "lower", "loyalty", _f("churned_customers", "customers_at_start"),
       "Losing customers quietly undoes what acquisition spends."),
    _k("return_rate", "Return rate", "Returrate", "Returgrad",
       "Share of orders returned or refunded.", "rate", "lower", "loyalty",
       _f("returned_orders", "orders"),
       "Returns point at product descriptions or quality, and eat the margin."),
    _k("unsubscribe_rate", "Unsubscribe rate", "Avmeldingsrate", "Avregistreringsgrad",
       "Unsubscribes per delivered e-mail.", "rate", "lower", "loyalty",
       _f("unsubscribes", "emails_delivered"),
       "Rising unsubscribes point at content, design or sending frequency."),
]

KPIS: Mapping[str, Kpi] = MappingProxyType({k.id: k for k in _KPIS})


def get(kpi_id: str) -> Kpi:
    try:
        return KPIS[kpi_id]
    except KeyError:
        raise KeyError(f"unknown KPI {kpi_id!r}; known: {', '.join(KPIS)}") from None


@dataclass(frozen=True)
class CatalogIssue:
    level: Literal["error", "warning"]
    where: str
    message: str


def validate(kpis: list[Kpi] | None = None,
             matrix: Mapping[str, Mapping[str, tuple[str, ...]]] | None = None) -> list[CatalogIssue]:
    """Every problem in a catalog, as a list (empty when the catalog is sound)."""
    items = list(KPIS.values()) if kpis is None else list(kpis)
    matrix = matrix if matrix is not None else GOAL_MATRIX
    issues: list[CatalogIssue] = []
    seen: set[str] = set()
    for k in items:
        where = f"kpi {k.id!r}"
        if not re.fullmatch(r"[a-z][a-z0-9_]*", k.id):
            issues.append(CatalogIssue("error", where, "malformed id (use lower_snake_case)"))
        if k.id in seen:
            issues.append(CatalogIssue("error", where, "duplicate id"))
        seen.add(k.id)
        for lang in LANGS:
            if not (k.labels.get(lang) or "").strip():
                issues.append(CatalogIssue("error", where, f"missing {lang} label"))
        if not k.description.strip():
            issues.append(CatalogIssue("error", where, "missing description"))
        if k.stage not in STAGES:
            issues.append(CatalogIssue("error", where, f"unknown stage {k.stage!r}"))
        if not k.formulas and not k.of_kpis:
            issues.append(CatalogIssue("error", where, "no formula"))
        for f in k.formulas:
            for m in sorted(f.measures - set(MEASURES)):
                issues.append(CatalogIssue("error", where, f"unknown measure {m!r}"))
        if k.of_kpis:
            ids = {x.id for x in items}
            for other in k.of_kpis:
                if other not in ids:
                    issues.append(CatalogIssue("error", where, f"refers to unknown KPI {other!r}"))
    ids = {x.id for x in items}
    for goal, stages in matrix.items():
        for stage, kpi_ids in stages.items():
            for kid in kpi_ids:
                if kid not in ids:
                    issues.append(CatalogIssue("error", f"goal {goal!r}", f"unknown KPI {kid!r}"))
                elif next(x for x in items if x.id == kid).stage != stage:
                    issues.append(CatalogIssue(
                        "warning", f"goal {goal!r}", f"{kid!r} listed under {stage!r}"))
    return issues
