"""Shop and CRM exports: lists of orders, customers, contacts and deals.

Each reader returns one record per order / customer / contact / deal (schema.RECORD_COLUMNS) and,
for orders and contacts, daily additive measures so the file feeds the scorecard like an ad export;
a customer table with totals per customer (the iFood layout, ``read_customer_table``) gives undated
measures per customer group instead.
Personal data never leaves this module: e-mails and record ids become a salted SHA-256 (first 16 hex
digits), and names, phones and addresses are not read at all; a finding lists what was dropped.

Shopify decisions (the shop's own reports differ in places; these are the ones we can defend):
- one row per line item; order-level fields are on the order's first row, so rows are grouped by
  ``Name`` and each field takes its first filled value;
- a cancelled order (``Cancelled at`` set) stays in the records but counts in no daily measure;
- daily revenue is the order total minus the refunded amount (net sales); ``returned_orders``
  counts orders with a refund; ``new_customers`` counts each customer on the date of their first
  order in the file (an export that starts mid-history overstates it, and a finding says so).
HubSpot: a contact counts as a lead on its "Became a Lead Date"; when that is empty but the contact
is (or was) at a stage past subscriber, its Create Date is used (every contact's, when the export has
neither lead dates nor stages).
Internal values (``marketingqualifiedlead``, ``PAID_SOCIAL``) read as the UI labels.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import polars as pl

from kpi_core.fmt import Note
from kpi_core.readers import quality, values
from kpi_core.readers.platforms import Platform, normalise_header
from kpi_core.readers.platforms.preamble import period_of_rows
from kpi_core.readers.platforms.specs import HUBSPOT_LABELS, WOO_LABELS
from kpi_core.readers.result import ColumnMap, Exclusion, Finding, ReadError, ReadResult
from kpi_core.readers.sniff import LINE, RawTable
from kpi_core.schema import RECORD_COLUMNS

# Personal data: never read. Country codes and Shopify's order number 'Name' are not personal.
_PERSONAL = {"email", "customer email", "customer", "first name", "last name", "phone", "phone number",
             "mobile phone number", "contact owner", "deal owner", "note", "notes", "ip address", "billing name",
             "year birth", "income", "kidhome", "teenhome"}
_PERSONAL_PREFIXES = ("billing ", "default address ", "address")
_ADDRESS_PARTS = {"name", "street", "address1", "address2", "company", "city", "zip", "province", "phone"}
_KEEP = {"default address country code", "default address province code", "billing country", "shipping country",
         "billing province name"}


def _is_personal(key: str) -> bool:
    if key in _KEEP:
        return False
    if key in _PERSONAL or key.startswith(_PERSONAL_PREFIXES):
        return True
    words = key.split(" ")
    return words[0] == "shipping" and len(words) == 2 and words[1] in _ADDRESS_PARTS


def _personal(raw: RawTable, key=lambda h: normalise_header(h)[0]) -> list[Finding]:
    dropped = [h for h in raw.header if _is_personal(key(h))]
    if not dropped:
        return []
    return [Finding("info", Note("f_personal", columns=", ".join(dropped)))]


def hashed(s: pl.Series, salt: bytes, lower: bool = True) -> pl.Series:
    """sha256(salt + value) as 16 hex digits; computed once per distinct value."""
    clean = s.str.strip_chars().str.strip_chars_start("'")
    if lower:
        clean = clean.str.to_lowercase()
    distinct = [v for v in clean.unique().to_list() if v]
    table = {v: hashlib.sha256(salt + v.encode()).hexdigest()[:16] for v in distinct}
    return clean.replace_strict(table, default=None, return_dtype=pl.String)


class _Sheet:
    """A record export's columns by normalised header. Remembers which header fed which record field,
    so the mapping shown to the user says it (and which columns were dropped as personal data)."""

    def __init__(self, raw: RawTable, salt: bytes, labels: dict[str, str] | None = None,
                 rules: dict[str, str] | None = None):
        """``labels`` translate headers to the English ones the readers ask for (HubSpot in Norwegian);
        ``rules``: normalised header -> the rule text shown for it (what it holds, why)."""
        self.raw, self.salt, self.n = raw, salt, raw.frame.height
        self.labels = labels or {}
        self.by_key = {self.key(h): h for h in raw.header}
        self.used: dict[str, str] = {}
        self.rules = rules or {}

    def key(self, header: str) -> str:
        key = normalise_header(header)[0]
        return self.labels.get(key, key)

    def has(self, key: str) -> bool:
        return key in self.by_key

    def col(self, field: str, *keys: str) -> pl.Series | None:
        for k in keys:
            if k in self.by_key:
                self.used[self.by_key[k]] = field
                return self.raw.frame[self.by_key[k]]
        return None

    def num(self, field: str, *keys: str) -> pl.Series:
        s = self.col(field, *keys)
        return values.parse_number(s)[0] if s is not None else pl.Series([None] * self.n, dtype=pl.Float64)

    def date(self, field: str, *keys: str) -> pl.Series:
        s = self.col(field, *keys)
        return values.parse_date(s)[0] if s is not None else pl.Series([None] * self.n, dtype=pl.Date)

    def text(self, field: str, *keys: str) -> pl.Series:
        s = self.col(field, *keys)
        if s is None:
            return pl.Series([None] * self.n, dtype=pl.String)
        s = s.str.strip_chars().str.strip_chars_start("'")
        return pl.select(pl.when(s != "").then(s)).to_series()

    def hashed(self, field: str, *keys: str) -> pl.Series:
        s = self.col(field, *keys)
        return hashed(s, self.salt) if s is not None else pl.Series([None] * self.n, dtype=pl.String)

    def maps(self, platform: Platform) -> list[ColumnMap]:
        out = []
        for h in self.raw.header:
            field, key = self.used.get(h), self.key(h)
            if key in self.rules:
                rule = f"{platform.label} '{h}': {self.rules[key]}"
            elif _is_personal(key):
                rule = f"personal data: only a salted hash is kept ({field})" if field else "personal data, not read"
            else:
                rule = f"{platform.label} '{h}'" if field else f"{platform.label} '{h}': not used"
            out.append(ColumnMap(h, field, rule))
        return out

    def result(self, platform: Platform, name: str, records: pl.DataFrame, frame: pl.DataFrame,
               findings: list[Finding], currency: str | None = None,
               excluded: Sequence[Exclusion] = ()) -> ReadResult:
        """``excluded``: data rows the reader set aside itself (a repeated customer id)."""
        raw = self.raw
        body = [e for e in raw.excluded if e.line > raw.header_line]
        return ReadResult(file=name, platform=platform.id, kind=platform.kind, frame=frame, currency=currency,
                          columns=self.maps(platform), rows_read=raw.frame.height + len(body),
                          rows_excluded=sorted([*body, *excluded], key=lambda e: e.line),
                          findings=raw.findings + _personal(raw, self.key) + findings, records=records,
                          rows_used_override=raw.frame.height - len(excluded),
                          date_range=period_of_rows(frame, periods=False))


def _channel(sheet: _Sheet) -> pl.Series:
    """Where the order came from: the utm_source an attribution app wrote into Note Attributes
    ("utm_source: google"), else the Source column (Shopify's sales channel: web, pos…)."""
    notes = sheet.text("channel", "note attributes").str.extract(r"(?i)utm_source:\s*([^\s;,]+)")
    return pl.select(pl.coalesce(notes, sheet.text("channel", "utm source", "source", "referring site"))).to_series()


def read_shopify_orders(raw: RawTable, platform: Platform, name: str, salt: bytes) -> ReadResult:
    sheet = _Sheet(raw, salt)
    if not sheet.has("name"):
        raise ReadError(name, Note("e_shopify_no_name"))
    lines = {
        "order_id": sheet.text("order_id", "name"),
        "customer_id": sheet.hashed("customer_id", "email"),
        "date": sheet.date("date", "created at", "paid at"),
        "revenue": sheet.num("revenue", "total"),
        "refunded": sheet.num("refunded", "refunded amount"),
        "discount": sheet.num("discount", "discount amount"),
        "cancelled": sheet.text("cancelled", "cancelled at").is_not_null(),
        "status": sheet.text("status", "financial status"),
        "currency": sheet.text("currency", "currency").str.to_uppercase(),
        "channel": _channel(sheet),
        "country": sheet.text("country", "billing country", "shipping country"),
    }
    return _orders_result(sheet, platform, name, lines, Note("p_shopify"))


# WooCommerce statuses that are no sale: the order stays in the list but counts in no total.
WOO_NO_SALE = ("cancelled", "failed", "pending", "trash", "checkout-draft")
# The statuses as a Norwegian or Swedish shop shows them (inferred from WooCommerce's translations).
WOO_STATUSES = {
    "fullført": "completed", "behandler": "processing", "behandles": "processing", "kansellert": "cancelled",
    "avbrutt": "cancelled", "refundert": "refunded", "mislykket": "failed", "mislyktes": "failed",
    "venter på betaling": "pending", "venter": "pending", "på vent": "on-hold", "utkast": "checkout-draft",
    "slutförd": "completed", "behandlar": "processing", "behandlas": "processing", "avbruten": "cancelled",
    "avbeställd": "cancelled", "återbetald": "refunded", "misslyckad": "failed", "misslyckades": "failed",
    "väntar på betalning": "pending", "väntande": "pending", "pausad": "on-hold", "i papperskorgen": "trash",
}


def read_woocommerce_orders(raw: RawTable, platform: Platform, name: str, salt: bytes) -> ReadResult:
    """An order export plugin's CSV (WebToffee and alike): snake_case keys, one row per order (rows of
    one order are grouped as Shopify's), dates month first (``01/15/2025 09:00:00``); or the
    Analytics > Orders download (``Order #``, ``Net sales``, the customer's name, read as a hash)."""
    sheet = _Sheet(raw, salt, WOO_LABELS)
    if not sheet.has("order total") and not sheet.has("net sales"):
        raise ReadError(name, Note("e_woo_no_total"))
    status = sheet.text("status", "status", "order status").str.to_lowercase().str.replace(r"^wc-", "")
    status = status.replace(WOO_STATUSES)  # the shop's language: 'Fullført', 'Kansellert', 'Återbetald'…
    order_total = sheet.num("revenue", "order total", "net sales")
    refunded = sheet.num("refunded", "refund total", "order refund", "refunded total")
    if not sheet.has("refund total") and not sheet.has("order refund") and not sheet.has("refunded total"):
        # a refunded order's total is taken off; a refund row of the Analytics download ('-299,00', status
        # Refunded) is the refund itself, already negative
        refunded = pl.select(pl.when((status == "refunded") & (order_total > 0)).then(order_total)
                             .otherwise(0.0)).to_series()
    lines = {
        "order_id": sheet.text("order_id", "order number", "order id", "order #"),
        "customer_id": sheet.hashed("customer_id", "customer email", "billing email", "customer id", "customer"),
        "date": _iso_date(sheet.text("date", "order date", "paid date", "date"), r"^(\d{1,2})/(\d{1,2})/(\d{4})",
                          "${3}-${1}-${2}")[0],
        "revenue": order_total,
        "refunded": refunded,
        "discount": sheet.num("discount", "discount total", "cart discount"),
        "cancelled": status.is_in(WOO_NO_SALE),
        "status": status,
        "currency": sheet.text("currency", "order currency", "currency").str.to_uppercase(),
        "channel": sheet.text("channel", "utm source", "created via"),
        "country": sheet.text("country", "billing country", "shipping country"),
    }
    return _orders_result(sheet, platform, name, lines, Note("p_woocommerce", statuses=", ".join(WOO_NO_SALE)))


def _iso_date(text: pl.Series, pattern: str, to: str) -> tuple[pl.Series, values.ParseReport]:
    """Dates in a layout known from the platform, made ISO before parsing: WooCommerce writes 'MM/DD/YYYY
    H:i:s' (01/03 is 3 January, not 1 March), iFood 'DD-MM-YYYY'. Other cells are parsed as they are."""
    iso = text.str.replace(pattern, to)
    iso = iso.str.replace(r"^(\d{4})-(\d)-", "${1}-0${2}-").str.replace(r"^(\d{4}-\d{2})-(\d)\b", "${1}-0${2}")
    dates, report = values.parse_date(iso)
    report.bad_examples = [(pos, text[pos]) for pos, _ in report.bad_examples]  # as written, not as made ISO
    return dates, report


def _orders_result(sheet: _Sheet, platform: Platform, name: str, lines: dict[str, pl.Series],
                   note: str) -> ReadResult:
    """Rows grouped into orders (each field its first filled value), the daily measures and findings."""
    cancelled = lines.pop("cancelled")
    lines = {**lines, "cancelled": pl.select(pl.when(cancelled).then(True)).to_series(), LINE: sheet.raw.frame[LINE]}
    orders = (pl.DataFrame(lines).filter(pl.col("order_id").is_not_null())
              .group_by("order_id", maintain_order=True)
              .agg(pl.all().exclude(LINE).drop_nulls().first())
              .with_columns(pl.col("refunded").fill_null(0.0), pl.col("discount").fill_null(0.0),
                            pl.col("cancelled").fill_null(False))
              .with_columns(returned=(pl.col("refunded") > 0)
                            | pl.col("status").str.contains("refund").fill_null(False))
              .select(list(RECORD_COLUMNS["orders"])))
    findings = [Finding("info", note)]
    cancelled_ids = orders.filter(pl.col("cancelled"))["order_id"].to_list()
    if cancelled_ids:
        key = "f_no_sale" if platform.id == "woocommerce_orders" else "f_cancelled"  # failed, pending… too
        findings.append(Finding("info", Note(key, n=len(cancelled_ids), ids=", ".join(cancelled_ids[:5]))))
    codes = set(orders["currency"].drop_nulls().unique().to_list())
    currency = next(iter(codes)) if len(codes) == 1 else None
    return sheet.result(platform, name, orders, daily_orders(orders, platform.id),
                        findings + quality.mixed_currencies(codes), currency=currency)


def daily_orders(orders: pl.DataFrame, source: str, customers_before: pl.Series | None = None) -> pl.DataFrame:
    """Orders, revenue net of refunds, returned orders and new customers per day (and channel).
    ``customers_before``: customers of an earlier export of the shop, new there, not here."""
    live = orders.filter(~pl.col("cancelled"))
    first = (live.filter(pl.col("customer_id").is_not_null()).sort("date")
             .group_by("customer_id", maintain_order=True).agg(pl.col("order_id").first()))
    if customers_before is not None:
        first = first.filter(~pl.col("customer_id").is_in(customers_before.implode()))
    live = live.with_columns(new=pl.col("order_id").is_in(first["order_id"].implode()))
    keys = ["date", "currency"] + (["channel"] if live["channel"].is_not_null().any() else [])
    return (live.group_by(keys).agg(orders=pl.len().cast(pl.Float64),
                                    revenue=(pl.col("revenue") - pl.col("refunded")).sum(),
                                    returned_orders=pl.col("returned").sum().cast(pl.Float64),
                                    new_customers=pl.col("new").sum().cast(pl.Float64))
            .with_columns(source=pl.lit(source)).sort(keys))


def read_shopify_customers(raw: RawTable, platform: Platform, name: str, salt: bytes) -> ReadResult:
    sheet = _Sheet(raw, salt)
    accepts = sheet.text("accepts_marketing", "accepts email marketing", "accepts marketing").str.to_lowercase()
    records = pl.DataFrame({
        "customer_id": sheet.hashed("customer_id", "email", "customer id"),
        "total_spent": sheet.num("total_spent", "total spent"),
        "total_orders": sheet.num("total_orders", "total orders"),
        "accepts_marketing": accepts.is_in(["yes", "true", "ja", "1"]),
        "country": sheet.text("country", "default address country code", "country code", "country"),
        "since": pl.Series([None] * sheet.n, dtype=pl.Date),
    })
    # Lifetime totals per customer, as the iFood table's: customers who bought (a subscriber without an
    # order is in the list too, but no customer of a KPI), their orders and spend, repeat customers (2 or
    # more orders), by country. Undated: no period to compare.
    bought = (pl.col("total_orders") > 0) | (pl.col("total_orders").is_null() & (pl.col("total_spent") > 0))
    known = records.filter(bought)
    measures = [pl.len().cast(pl.Float64).alias("customers"), pl.col("total_orders").sum().alias("orders"),
                (pl.col("total_orders") >= 2).sum().cast(pl.Float64).alias("repeat_customers"),
                pl.col("total_spent").sum().alias("revenue")]
    by = ["country"] if known["country"].is_not_null().any() else []
    frame = (known.group_by(by).agg(measures).sort(by, nulls_last=True) if by else known.select(measures))
    frame = frame.with_columns(source=pl.lit(platform.id))
    return sheet.result(platform, name, records, frame, [Finding("info", Note("p_shopify_customers"))])


STAGES = {
    "subscriber": "subscriber", "lead": "lead", "marketing qualified lead": "mql", "marketingqualifiedlead": "mql",
    "sales qualified lead": "sql", "salesqualifiedlead": "sql", "opportunity": "opportunity",
    "customer": "customer", "evangelist": "evangelist", "other": "other",
    # the Norwegian and Swedish UI labels (inferred, as specs.HUBSPOT_LABELS)
    "abonnent": "subscriber", "markedsføringskvalifisert lead": "mql", "salgskvalifisert lead": "sql",
    "mulighet": "opportunity", "salgsmulighet": "opportunity", "kunde": "customer", "annet": "other",
    "annen": "other", "prenumerant": "subscriber", "marknadskvalificerad lead": "mql",
    "försäljningskvalificerad lead": "sql", "affärsmöjlighet": "opportunity", "möjlighet": "opportunity",
    "kund": "customer", "annan": "other",
}
_CONTACT_DATES = {
    "lead_date": ("became a lead date",),
    "mql_date": ("became a marketing qualified lead date",),
    "sql_date": ("became a sales qualified lead date",),
    "opportunity_date": ("became an opportunity date",),
    "customer_date": ("became a customer date",),
}
# HubSpot's internal 'Original Source' values whose UI label is not the value in title case.
_SOURCE_LABELS = {"SOCIAL_MEDIA": "Organic Social", "OFFLINE": "Offline Sources", "AI_REFERRALS": "AI Referrals"}
# The Norwegian and Swedish UI labels of 'Original Source' (inferred), read as the English ones, which
# acquisition.py maps to the ad platforms ('Paid Social' -> Meta, LinkedIn, TikTok, Snapchat).
_NORDIC_SOURCES = {
    "Betalt sosialt": "Paid Social", "Betalt søk": "Paid Search", "Organisk søk": "Organic Search",
    "Organisk sosialt": "Organic Social", "Direkte trafikk": "Direct Traffic", "E-postmarkedsføring": "Email Marketing",
    "Henvisninger": "Referrals", "Andre kampanjer": "Other Campaigns", "Frakoblede kilder": "Offline Sources",
    "Betald social": "Paid Social", "Betald sökning": "Paid Search", "Organisk sökning": "Organic Search",
    "Organisk social": "Organic Social", "Direkttrafik": "Direct Traffic", "E-postmarknadsföring": "Email Marketing",
    "Hänvisningar": "Referrals", "Andra kampanjer": "Other Campaigns", "Offlinekällor": "Offline Sources",
}


def _source_label(s: pl.Series) -> pl.Series:
    """'PAID_SOCIAL' -> 'Paid Social' (an API or workflow export), UI labels unchanged."""
    internal = s.str.contains(r"^[A-Z]+(_[A-Z]+)*$").fill_null(False)
    label = s.replace_strict(_SOURCE_LABELS, default=s.str.replace_all("_", " ").str.to_titlecase())
    return pl.select(pl.when(internal).then(label).otherwise(s.replace(_NORDIC_SOURCES))).to_series().alias(s.name)


# The lifecycle stages at or past each date's stage: a customer has been a lead, an MQL and an SQL.
_LADDER = ("lead", "mql", "sql", "opportunity", "customer", "evangelist")
_REACHED = {k: list(_LADDER[i:]) for i, k in enumerate(("lead_date", "mql_date", "sql_date", "opportunity_date",
                                                       "customer_date"))}
_COUNTED = {"lead_date": "leads", "mql_date": "mqls", "sql_date": "sqls", "opportunity_date": "opportunities",
            "customer_date": "new_customers"}


def read_hubspot_contacts(raw: RawTable, platform: Platform, name: str, salt: bytes) -> ReadResult:
    sheet = _Sheet(raw, salt, HUBSPOT_LABELS)
    stage = sheet.text("lifecycle_stage", "lifecycle stage").str.to_lowercase()
    records = pl.DataFrame({
        "contact_id": sheet.hashed("contact_id", "record id", "contact id"),
        "create_date": sheet.date("create_date", "create date"),
        **{k: sheet.date(k, *keys) for k, keys in _CONTACT_DATES.items()},
        "lifecycle_stage": stage.replace_strict(STAGES, default=stage, return_dtype=pl.String),
        "channel": _source_label(sheet.text("channel", "original source")),
        "revenue": sheet.num("revenue", "total revenue"),
    })
    later = pl.any_horizontal(pl.col(k).is_not_null() for k in ("mql_date", "sql_date", "opportunity_date",
                                                                  "customer_date"))
    later = later | pl.col("lifecycle_stage").is_in(_REACHED["lead_date"])
    known = sheet.has("became a lead date") or sheet.has("lifecycle stage")
    fallback = later if known else pl.lit(True)  # a bare contact list: every contact is a lead
    records = records.with_columns(lead_date=pl.coalesce("lead_date", pl.when(fallback).then("create_date")))
    dated = {k for k, keys in _CONTACT_DATES.items() if any(sheet.has(key) for key in keys)} | {"lead_date"}
    findings = []
    if dated == {"lead_date"} and sheet.has("lifecycle stage"):  # no 'Became a … Date' column past leads
        records = records.with_columns(pl.when(pl.col("lifecycle_stage").is_in(_REACHED[k])).then("create_date")
                                       .alias(k) for k in _COUNTED if k != "lead_date")
        dated = set(_COUNTED)
        findings.append(Finding("info", Note("p_hubspot_stages")))
    # A stage with neither its date column nor the lifecycle stage is unknown (no value), not zero.
    counted = {k: m for k, m in _COUNTED.items() if k in dated}
    counts = [records.filter(pl.col(k).is_not_null()).group_by(date=pl.col(k), channel=pl.col("channel"))
              .agg(pl.len().cast(pl.Float64).alias(m)) for k, m in counted.items()]
    frame = (pl.concat(counts, how="diagonal_relaxed").group_by("date", "channel")
             .agg(pl.col(m).sum() for m in counted.values() if m in {c for f in counts for c in f.columns})
             .with_columns(source=pl.lit("hubspot_contacts")).sort("date", "channel", nulls_last=True))
    return sheet.result(platform, name, records, frame, findings)


# 'Closed Won' (and 'closedwon'), in Norwegian 'Lukket vunnet', in Swedish 'Stängd vunnen' (inferred).
WON = "closedwon|lukketvunnet|stängdvunnen"
# 'Closed Lost', 'Lukket tapt', 'Stängd förlorad' (Danish 'Lukket tabt'): closed, not won.
LOST = "closedlost|lukkettapt|lukkettabt|stängdförlorad"


def read_hubspot_deals(raw: RawTable, platform: Platform, name: str, salt: bytes) -> ReadResult:
    sheet = _Sheet(raw, salt, HUBSPOT_LABELS)
    stage = sheet.text("stage", "deal stage")
    records = pl.DataFrame({
        "deal_id": sheet.hashed("deal_id", "record id", "deal id"),
        "create_date": sheet.date("create_date", "create date"),
        "close_date": sheet.date("close_date", "close date"),
        "stage": stage,
        "won": stage.str.to_lowercase().str.replace_all(r"[\s_-]", "").str.contains(WON).fill_null(False),
        "amount": sheet.num("amount", "amount"),
        "pipeline": sheet.text("pipeline", "pipeline"),
    })
    return sheet.result(platform, name, records, pl.DataFrame(), [])


# --- A customer table: one row per customer, amounts and purchase counts over a window -----------
# Kaggle's iFood marketing data (marketing_campaign.csv, tab-separated; marketing_data.csv with
# '$58,138.00 ' incomes and a Country column). Each column's rule says what it holds and why it is
# read or not; the decisions:
# - revenue = the Mnt… amounts (spent per product category in the last 2 years), summed;
# - orders = web + catalogue + store purchases. NumDealsPurchases counts purchases made with a
#   discount, which were made through one of those channels: adding it would count them twice;
# - repeat customers = customers with 2 or more of those purchases;
# - none of these has a date: Dt_Customer is when the customer enrolled, not when they bought, and
#   Recency counts days back from a snapshot date the file does not give. So the table has no
#   period: its measures are undated (Segments, Funnel and the command line use them), the enrolment
#   dates stay with each customer (records ``since``) and a finding counts new customers per year;
# - Year_Birth, Income, Kidhome and Teenhome are personal attributes and are not read;
# - campaign acceptances (AcceptedCmp1-5, Response) fit no KPI of the catalog (a response rate per
#   customer contacted is none of them) and are not read; Z_CostContact and Z_Revenue are constants.
_AMOUNTS = {"mntwines": "wine", "mntfruits": "fruits", "mntmeatproducts": "meat products", "mntfishproducts":
            "fish products", "mntsweetproducts": "sweet products", "mntgoldprods": "gold products"}
_PURCHASES = {"numwebpurchases": "on the web site", "numcatalogpurchases": "from the catalogue",
              "numstorepurchases": "in stores"}
_NOT_A_KPI = "no KPI of the catalog takes it (a response rate per customer contacted is none of them): not read"
CUSTOMER_TABLE_RULES: dict[str, str] = {
    "id": "the customer's id: only a salted hash is kept (customer_id); a repeated id is counted once",
    "year birth": "a personal attribute (year of birth): not read",
    "income": "a personal attribute (household income): not read",
    "kidhome": "a personal attribute (children at home): not read",
    "teenhome": "a personal attribute (teenagers at home): not read",
    "education": "the customer's education level, as written",
    "marital status": "the customer's marital status, as written",
    "country": "the customer's country, as written",
    "dt customer": "the customer's enrolment date, kept with the customer (since): it dates when they joined, "
                   "not their purchases, so it gives the measures no date",
    "recency": "days since the last purchase, counted from a snapshot date the file does not give: not read",
    **{k: f"amount spent on {what} in the last 2 years: summed into revenue with the other Mnt columns"
       for k, what in _AMOUNTS.items()},
    **{k: f"purchases {where}: summed into orders (web + catalogue + store)" for k, where in _PURCHASES.items()},
    "numdealspurchases": "purchases made with a discount, already among the web, catalogue and store purchases: "
                         "not added (they would count twice)",
    "numwebvisitsmonth": "web site visits in the last month only, while the purchases cover 2 years: not read as "
                         "sessions",
    **{f"acceptedcmp{n}": f"1 when the customer accepted the offer of campaign {n}; {_NOT_A_KPI}" for n in range(1, 6)},
    "response": f"1 when the customer accepted the offer of the last campaign; {_NOT_A_KPI}",
    "complain": "1 when the customer complained in the last 2 years: no KPI uses it, not read",
    "z costcontact": "a constant (the cost per contact, the same in every row): not read",
    "z revenue": "a constant (the revenue per accepted offer, the same in every row): not read",
}
_DIMENSIONS = {"education": "education", "marital_status": "marital status", "country": "country"}


def read_customer_table(raw: RawTable, platform: Platform, name: str, salt: bytes) -> ReadResult:
    sheet = _Sheet(raw, salt, rules=CUSTOMER_TABLE_RULES)
    amounts, purchases = [k for k in _AMOUNTS if sheet.has(k)], [k for k in _PURCHASES if sheet.has(k)]
    if not sheet.has("id") or not (amounts or purchases):
        raise ReadError(name, Note("e_ifood_columns"))
    lines = raw.frame[LINE]
    reports: dict[str, values.ParseReport] = {}

    def total(field: str, keys: list[str]) -> pl.Series | None:
        if not keys:
            return None
        parsed = []
        for k in keys:
            s, reports[sheet.by_key[k]] = values.parse_number(sheet.col(field, k))
            parsed.append(s)
        filled = pl.any_horizontal(s.is_not_null() for s in parsed)
        return pl.select(pl.when(filled).then(pl.sum_horizontal(parsed))).to_series().alias(field)

    revenue, orders = total("revenue", amounts), total("orders", purchases)
    since, report = _iso_date(sheet.text("since", "dt customer"), r"^(\d{1,2})-(\d{1,2})-(\d{4})$", "${3}-${2}-${1}")
    if sheet.has("dt customer"):
        reports[sheet.by_key["dt customer"]] = report
    table = pl.DataFrame({
        "customer_id": sheet.hashed("customer_id", "id"),
        LINE: lines,
        "revenue": revenue if revenue is not None else pl.Series([None] * sheet.n, dtype=pl.Float64),
        "orders": orders if orders is not None else pl.Series([None] * sheet.n, dtype=pl.Float64),
        "since": since,
        **{d: sheet.text(d, key) for d, key in _DIMENSIONS.items()},
    })
    table = table.with_columns(pl.col(LINE).min().over("customer_id").alias("first"))
    no_id = table.filter(pl.col("customer_id").is_null())[LINE]
    excluded = [Exclusion(line, Note("r_no_customer_id")) for line in no_id]
    again = table.filter(pl.col("customer_id").is_not_null() & (pl.col(LINE) != pl.col("first")))
    excluded += [Exclusion(line, Note("r_same_customer", line=f))
                 for line, f in again.select(LINE, "first").iter_rows()]
    table = table.filter(pl.col("customer_id").is_not_null() & (pl.col(LINE) == pl.col("first"))).drop("first")
    money = [sheet.by_key[k] for k in ("income", *amounts) if sheet.has(k)]
    currency = "USD" if any(raw.frame[c].str.contains("$", literal=True).any() for c in money) else None
    findings = [Finding("info", Note("p_ifood"))]
    findings += _enrolments(table)
    findings += _more_deals_than_purchases(sheet, orders, lines)
    findings += quality.parse_findings(reports, lines)
    dims = [d for d in _DIMENSIONS if table[d].is_not_null().any()]
    measures = [pl.len().cast(pl.Float64).alias("customers")]
    if orders is not None:
        measures += [pl.col("orders").sum(), (pl.col("orders") >= 2).sum().cast(pl.Float64).alias("repeat_customers")]
    if revenue is not None:
        measures.append(pl.col("revenue").sum())
    frame = (table.group_by(dims).agg(measures) if dims else table.select(measures)).with_columns(
        source=pl.lit(platform.id))
    if currency:
        frame = frame.with_columns(currency=pl.lit(currency))
    frame = frame.sort(dims, nulls_last=True) if dims else frame
    records = table.select(
        "customer_id", pl.col("revenue").alias("total_spent"), pl.col("orders").alias("total_orders"),
        pl.lit(None, dtype=pl.Boolean).alias("accepts_marketing"), "country", "since")
    return sheet.result(platform, name, records, frame, findings, currency=currency, excluded=excluded)


def _enrolments(table: pl.DataFrame) -> list[Finding]:
    """New customers by the year they enrolled (Dt_Customer)."""
    since = table["since"].drop_nulls()
    if since.is_empty():
        return []
    years = since.dt.year().value_counts(sort=False).sort(since.dt.year().name)
    per_year = ", ".join(f"{y}: {n}" for y, n in years.iter_rows())
    return [Finding("info", Note("p_ifood_enrolled", lo=since.min(), hi=since.max(), per_year=per_year))]


def _more_deals_than_purchases(sheet: _Sheet, orders: pl.Series | None, lines: pl.Series) -> list[Finding]:
    """NumDealsPurchases above web + catalogue + store: then discounted purchases are not among those."""
    if orders is None or not sheet.has("numdealspurchases"):
        return []
    deals = values.parse_number(sheet.raw.frame[sheet.by_key["numdealspurchases"]])[0]
    bad = lines.filter((deals > orders).fill_null(False)).to_list()
    if not bad:
        return []
    return [Finding("warning", Note("f_deals_over_orders", n=len(bad)), quality._lines(bad))]


READERS = {
    "shopify_orders": read_shopify_orders,
    "woocommerce_orders": read_woocommerce_orders,
    "shopify_customers": read_shopify_customers,
    "hubspot_contacts": read_hubspot_contacts,
    "hubspot_deals": read_hubspot_deals,
    "ifood_customers": read_customer_table,
}
