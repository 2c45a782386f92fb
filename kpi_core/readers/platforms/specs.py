"""What each platform's export calls its columns, declared as data.

A header is matched after ``normalise_header``: lower case, Unicode NFKC (TikTok's full-width
``）`` becomes ``)``), spaces collapsed, and a trailing currency code in brackets taken off
(``Amount spent (NOK)`` -> ``amount spent``, currency NOK). Each platform lists its names in
English and, where known, Norwegian, Swedish and Danish; names marked as inferred in
export-formats.md are included too, since a wrong guess costs nothing when it never matches.

A ``Col`` says what a header becomes:
- a canonical measure or dimension and how its cells are parsed;
- ``times``: an average turned back into a total by multiplying with another measure of the same
  row (GA4 average engagement time per session x sessions = engagement seconds);
- ``canonical=None`` with ``parse="ratio"``: a ratio, dropped and recomputed from the totals;
  with ``parse="ignore"``: a column the platform writes that no KPI needs (kept out of the
  "unrecognised" list, and it helps recognise the platform);
- ``priority``: when two headers give the same measure (Meta ``Link clicks`` and ``Clicks (all)``),
  the lower number wins and the other is left out, saying why;
- ``views``: the count may include view-through conversions (more conversions than clicks is then
  expected: an info finding says so instead of the double-tracking warning);
- ``note``: what the column holds, in plain words, added to its mapping rule (for an ignored
  column it replaces "not used by any KPI": why it is not read).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from babel.numbers import list_currencies

from kpi_core.fmt import Note
from kpi_core.readers.result import TableKind
from kpi_core.schema import DIMENSIONS, MEASURES


@dataclass(frozen=True)
class Col:
    canonical: str | None
    parse: str = "number"  # number, percent, duration, date, text, device, gender, currency, ratio, ignore
    times: str | None = None
    priority: int = 0
    views: bool = False
    note: str = ""
    # The canonical name the header takes when another header wins ``canonical`` (Google Ads in Swedish
    # and Danish: 'Visningar' beside 'Exp.' are the video views, alone they are the impressions).
    second: str | None = None


@dataclass(frozen=True)
class Platform:
    id: str
    label: str
    kind: TableKind
    columns: dict[str, Col]
    patterns: tuple[tuple[str, Col], ...] = ()  # regexes over normalised headers, after ``columns``
    # Score needed to be recognised. Shop and CRM exports are wide and use plain words ("Name",
    # "Email", "Total"), so they must show several of their headers.
    min_score: float = 1.0
    # Headers that name the platform on their own (TikTok's 'By Day'): each adds 1 to the score.
    signature: frozenset[str] = frozenset()
    # Decisions worth telling the user, shown when the file has the header (normalised) they are about.
    notes: dict[str, str] = field(default_factory=dict)
    # Whether the export can hold summary rows ('Total: Account', blank-dimension sums). A list of
    # sessions has none: a keyword such as 'total' is data there.
    summary_rows: bool = True
    # Lines above the header that name the platform (regexes over the lower-cased line): each line
    # that matches one adds 1 to the score, as a signature header does.
    preamble_signature: tuple[str, ...] = ()


# 'Amount spent (NOK)': an ISO 4217 code in brackets. Only a real code: TikTok's 'Conversion rate (CVR)'
# and 'Cost per mille (CPM)' name no currency.
_CURRENCY_SUFFIX = re.compile(r"\s*\(([A-Z]{3})\)\s*$")
_ISO_CODES = frozenset(list_currencies())
# How own sheets write the currency after a money header: 'Kostnad (kr)', 'Cost (€)', 'Spend [nok]',
# 'Kostnad, NOK', 'Kostnad i kr', 'Spend NOK'. 'kr' names no currency (NOK, SEK or DKK).
_MONEY_MARK = r"(kr\.?|nok|sek|dkk|isk|eur|usd|gbp|chf|€|\$|£)"
_MONEY_SUFFIX = re.compile(rf"(?i)\s*[(\[]\s*{_MONEY_MARK}\s*[)\]]\s*$|(\s*,\s*|\s+i\s+|\s+in\s+){_MONEY_MARK}\s*$"
                           r"|\s+(?-i:(NOK|SEK|DKK|ISK|EUR|USD|GBP|CHF|kr))\s*$")
_SYMBOL_CODES = {"€": "EUR", "$": "USD", "£": "GBP"}


def normalise_header(header: str) -> tuple[str, str | None]:
    """(matching key, currency code found in the header or None). Underscores count as spaces, so
    ``Total_Conversion`` and ``engaged_sessions`` match ``total conversion`` and ``engaged sessions``."""
    text = unicodedata.normalize("NFKC", header).replace("\u00a0", " ").replace("_", " ").strip().strip('"').strip()
    code = None
    m = _CURRENCY_SUFFIX.search(text)
    m = m if m and m.group(1) in _ISO_CODES else _MONEY_SUFFIX.search(text)
    if m:
        mark = next(g for g in m.groups()[::-1] if g and g.strip(" ,") and g.strip() not in ("i", "in")).strip()
        code = _SYMBOL_CODES.get(mark) or (mark.upper() if mark.lower().rstrip(".") != "kr" else None)
        text = text[: m.start()]
    return " ".join(text.lower().split()), code


def _c(canonical: str | None, *headers: str, **kw) -> dict[str, Col]:
    col = Col(canonical, **kw)
    return {h: col for h in headers}


def _ratios(*headers: str) -> dict[str, Col]:
    return _c(None, *headers, parse="ratio")


def _ignored(*headers: str) -> dict[str, Col]:
    return _c(None, *headers, parse="ignore")


def _merge(*parts: dict[str, Col]) -> dict[str, Col]:
    out: dict[str, Col] = {}
    for p in parts:
        out.update(p)
    return out


# --- Names any sheet may use (the generic reader, and a fallback for every platform) -------------
# Google-only names ('Impr.', 'Conv. value') are not here: a header only Google writes must count
# towards recognising Google Ads (names listed here weigh nothing in recognition).
GENERIC: dict[str, Col] = _merge(
    _c("date", "date", "day", "dato", "datum", "dag", parse="date"),
    _c("date", "timestamp", "tidspunkt", "tidpunkt", "date and time", "dato og tid", "datum och tid", parse="date",
       priority=1),  # hourly rows: their day
    # a week or month column is the date when the sheet has no day column ('Uke;Dato;…': Dato is)
    _c("date", "week", "uke", "vecka", "uge", "month", "måned", "månad", parse="date", priority=1),
    _c("campaign", "campaign", "campaign name", "kampanje", "kampanj", "kampagne", "kampanjenavn", "kampanjnamn",
       "kampagnenavn", parse="text"),
    _c("ad_group", "ad group", "ad set", "ad set name", "annonsegruppe", "annonsgrupp", "annoncegruppe",
       parse="text"),
    _c("ad", "ad", "ad name", "annonse", "annons", "annonce", parse="text"),
    _c("keyword", "keyword", "søkeord", "sökord", "søgeord", parse="text"),
    _c("device", "device", "enhet", "enhed", parse="device"),
    _c("country", "country", "land", parse="text"),
    _c("region", "region", "fylke", "län", parse="text"),
    _c("channel", "channel", "kanal", "channel group", parse="text"),
    _c("source", "source", "platform", "plattform", parse="text"),
    _c("age", "age", "alder", "ålder", parse="text"),
    _c("gender", "gender", "kjønn", "kön", "køn", parse="gender"),
    _c("placement", "placement", "plassering", "placering", parse="text"),
    _c("landing_page", "landing page", "landingsside", "landningssida", parse="text"),
    _c("currency", "currency", "currency code", "valuta", "valutakode", "valutakod", parse="currency"),
    _c("spend", "spend", "cost", "costs", "amount spent", "spent", "kostnad", "kostnader", "forbruk",
       "omkostninger", "omkostning", "forbrug", "utgift", "udgift", "ad spend", "ad cost", "media spend",
       "media cost", "annonsekostnad", "annonsekostnader", "mediekostnad", "mediekostnader", "medieforbruk",
       "annonskostnad", "annonskostnader", "annonceforbrug", "annonceudgift", "medieforbrug", "totalkostnad",
       "totalkostnader"),
    _c("impressions", "impressions", "visninger", "visningar", "eksponeringer", "exponeringar", "impr", "imps"),
    _c("reach", "reach", "rekkevidde", "räckvidd", "rækkevidde"),
    _c("clicks", "clicks", "klikk", "klick", "klik"),
    _c("engagements", "engagements", "engasjementer", "engagemang"),
    _c("video_views", "video views", "videovisninger", "videovisningar"),
    _c("sessions", "sessions", "økter", "sessioner", "besøk", "besök", "visits"),
    _c("users", "users", "brukere", "användare", "brugere"),
    _c("engaged_sessions", "engaged sessions", "engasjerte økter"),
    _c("pageviews", "pageviews", "page views", "sidevisninger", "sidvisningar"),
    _c("bounces", "bounces", "fluktfrekvens antall"),
    _c("leads", "leads", "leads (antall)"),
    _c("mqls", "mql", "mqls", "mql-er", "marketing qualified leads", "markedsføringskvalifiserte leads",
       "marknadskvalificerade leads"),
    _c("sqls", "sql", "sqls", "sql-er", "sales qualified leads", "salgskvalifiserte leads",
       "försäljningskvalificerade leads"),
    _c("conversions", "conversions", "konverteringer", "konverteringar", "conv.", "konv.", "total conversion",
       "total conversions", "conv", "purchases", "kjøp", "köp", "køb"),
    # not 'transactions': it is how Universal Analytics exports are told from a sheet
    _c("orders", "orders", "ordrer", "ordrar", "bestillinger", "beställningar", "ordre", "order", "transaksjoner",
       "transaktioner"),
    _c("revenue", "revenue", "conversion value", "value", "inntekt", "inntekter", "intäkt",
       "intäkter", "omsetning", "omsättning", "omsætning", "indtægt", "indtægter", "salg", "försäljning",
       "salgsinntekt", "salgsinntekter", "försäljningsintäkter"),
    _c("new_customers", "new customers", "nye kunder", "nya kunder"),
    _c("revenue", "konverteringsverdi", "konverteringsvärde", "konverteringsværdi", priority=1),
    _c("carts", "carts", "add to cart", "adds to cart", "added to cart", "checkouts", "handlekurver",
       "lagt i handlekurv", "legg i handlekurv", "varukorgar", "lagt i varukorg", "tilføjet til kurv"),
    _c("gross_profit", "gross profit", "bruttofortjeneste", "bruttoresultat", "dekningsbidrag", "bruttovinst",
       "täckningsbidrag", "dækningsbidrag", "bruttoavanse"),
    _c("cogs", "cogs", "cost of goods sold", "cost of goods", "varekost", "varekostnad", "varukostnad",
       "vareforbrug"),
    _c("returned_orders", "returned orders", "returns", "returer", "returnerte ordrer", "returnerade ordrar",
       "returordrer"),
    _c("engagements", "engagement", "engasjement", "engagemang", "interaksjoner"),
    _c("downloads", "downloads", "nedlastinger", "nedladdningar", "downloads (antall)"),
    _c("emails_delivered", "emails delivered", "delivered", "levert", "leverte", "levererade", "leveret",
       "leverte e-poster", "levererade e-postmeddelanden"),
    _c("email_opens", "email opens", "unique opens", "unike åpninger", "unika öppningar", "unikke åbninger"),
    _c("email_clicks", "email clicks", "unique clicks", "unike klikk", "unika klick", "unikke klik"),
    _c("unsubscribes", "unsubscribes", "avmeldinger", "avregistreringar"),
)
# Every canonical name also matches itself (a sheet already in our vocabulary).
for _name, _dim in DIMENSIONS.items():
    _parse = "date" if _dim.kind == "date" else _name if _name in ("currency", "device", "gender") else "text"
    GENERIC.setdefault(_name.replace("_", " "), Col(_name, _parse))
for _name in MEASURES:
    GENERIC.setdefault(_name.replace("_", " "), Col(_name))

# Headers that are ratios or averages in any export: dropped, KPIs are recomputed from totals.
RATIO_PATTERN = re.compile(
    r"^(ctr|cpc|cpm|cpa|cpv|cpl|roas|poas|aov|frequency|frekvens)\b|^avg\b|^avg\.|^average\b|"
    r"^gj\.\s?sn\.|^gen\.|^gns\.|^cost per\b|^cost /|^kostnad per\b|^kostnad/|^pris per\b|"
    r"\brate\b|\(%\)|%|\bper\b|/|klikkfrekvens|klickfrekvens|\bshare\b|andel\b|\broas\b|\bctr\b|\bcpc\b|\bcpm\b"
)

# --- Ad platforms ---------------------------------------------------------------------------------
GOOGLE_ADS = Platform(
    "google_ads", "Google Ads", "performance",
    _merge(
        _c("date", "day", "dag", "dato", "datum", parse="date"),
        _c("campaign", "campaign", "kampanje", "kampanj", "kampagne", parse="text"),
        _c("campaign_type", "campaign type", "kampanjetype", "kampanjtyp", "kampagnetype", parse="text"),
        _c("ad_group", "ad group", "annonsegruppe", "annonsgrupp", "annoncegruppe", parse="text"),
        _c("keyword", "keyword", "search keyword", "søkeord", "sökord", parse="text"),
        _c("keyword", "search term", "søketerm", "sökterm", "søgeterm", parse="text", priority=1),
        _c("device", "device", "enhet", "enhed", parse="device"),
        _c("country", "country/territory (user location)", "country/territory", "country/territory (matched)",
           parse="text"),
        _c("currency", "currency code", "valutakode", "valutakod", parse="currency"),
        _c("impressions", "impr.", "visn.", "exp.", "eksp.", "exponeringar", "eksponeringer"),
        # Norwegian 'Visninger' are impressions; the Swedish and Danish interfaces call impressions
        # 'Exp.'/'Eksp.' and video views 'Visningar'/'Visninger' (Google's sv/da help pages).
        _c("impressions", "visninger", "visningar", priority=1, second="video_views"),
        _c("clicks", "clicks", "klikk", "klick", "klik"),
        _c("spend", "cost", "kostnad", "kostnader", "omkostninger"),
        _c("conversions", "conversions", "konverteringer", "konverteringar", "konv."),
        _c("revenue", "conv. value", "konv.verdi", "konv. verdi", "konv.värde", "konv. värde", "konv.værdi",
           "konv. værdi"),
        _ratios("ctr", "avg. cpc", "gj.sn. cpc", "gen. cpc", "gns. cpc", "avg. cpm", "gj.sn. cpm", "gen. cpm",
                "cost / conv.", "kostnad/konv.", "kostnad / konv.", "klikkfrekvens", "conv. rate",
                "interaction rate", "conv. value / cost", "search impr. share", "exponeringsandel",
                "avg. cost", "optimization score", "bid adj."),
        # 'Interactions' are clicks, views and calls together (what each ad type counts): no engagements.
        _ignored("campaign status", "budget", "interactions", "interaksjoner", "interaktioner",
                 "status", "account", "view-through conv.", "match type", "search term match type",
                 "added/excluded", "ad group status", "ad group type", "ad status", "ad type", "final url",
                 "keyword status", "search keyword status", "search keyword match type", "quality score",
                 "customer id", "account name", "all conv.", "all conv. value", "view-through conv. value",
                 "alle konv.", "alla konv.", "alle konv.verdi", "alla konv.värde", "alle konv.værdi"),
    ),
)

META_ADS = Platform(
    "meta_ads", "Meta", "performance",
    _merge(
        _c("date", "day", "dag", "día", parse="date"),  # a Day breakdown is finer than the reporting period
        # Swedish and Danish names are inferred (export-formats.md found none): a wrong guess never matches.
        # The Spanish names are confirmed (Inicio del informe, Día, Importe gastado (MXN), Resultados, Compras…).
        _c("date", "reporting starts", "rapportering starter", "rapporteringen starter", "rapporteringen startar",
           "rapportering startar", "rapporteringsstart", "inicio del informe", parse="date", priority=1),
        _c("date_end", "reporting ends", "rapportering slutter", "rapporteringen slutter", "rapporteringen slutar",
           "rapportering slutar", "rapporteringsslut", "fin del informe", parse="date"),
        _c("campaign", "campaign name", "kampanjenavn", "kampanjens navn", "kampanjnamn", "kampagnenavn",
           "nombre de la campaña", parse="text"),
        _c("ad_group", "ad set name", "annonsesettnavn", "annonsesettets navn", "annonsuppsättningens namn",
           "annoncesætnavn", "nombre del conjunto de anuncios", parse="text"),
        _c("ad", "ad name", "annonsenavn", "annonsnamn", "annoncenavn", "nombre del anuncio", parse="text"),
        _c("spend", "amount spent", "beløp brukt", "brukt beløp", "belopp som spenderats", "spenderat belopp",
           "forbrugt beløb", "brugt beløb", "beløb brugt", "importe gastado"),
        _c("impressions", "impressions", "eksponeringer", "visninger", "visningar", "exponeringar", "impresiones"),
        _c("reach", "reach", "rekkevidde", "räckvidd", "rækkevidde", "alcance"),
        _c("clicks", "link clicks", "klikk på lenke", "klikk på lenken", "lenkeklikk", "länkklick", "klick på länk",
           "linkklik", "link-klik", "klik på link", "clics en el enlace"),
        _c("clicks", "clicks (all)", "klikk (alle)", "klick (alla)", "klik (alle)", priority=1),
        _c("conversions", "purchases", "kjøp", "köp", "køb", "compras", views=True),
        # The Website column set counts the pixel's purchases only ('Purchases' adds app and offline ones).
        _c("conversions", "website purchases", "kjøp på nettstedet", "köp på webbplatsen", "køb på websitet",
           views=True),
        _c("conversions", "results", "resultater", "resultat", "resultados", priority=1, views=True),
        _c("leads", "leads", "potensielle kunder"),
        _c("revenue", "purchases conversion value", "konverteringsverdi for kjøp", "konverteringsvärde för köp",
           "konverteringsværdi for køb", "valor de conversión de compras", "website purchases conversion value",
           "konverteringsverdi for kjøp på nettstedet", "konverteringsvärde för köp på webbplatsen"),
        _c("carts", "adds to cart", "legg i handlekurv"),
        _c("device", "impression device", "device platform", parse="device"),
        _c("placement", "placement", "plassering", parse="text"),
        _c("placement", "platform", "plattform", parse="text", priority=1),  # joined: 'Instagram Stories'
        _c("age", "age", "alder", parse="text"),
        _c("gender", "gender", "kjønn", parse="gender"),
        _c("engagements", "post engagement", "innleggsengasjement"),
        _c("video_views", "thruplays"),
        _c("video_views", "3-second video plays", "3-second video views", priority=1),
        _ratios("cost per results", "cost per result", "kostnad per resultat", "frequency", "frekvens",
                "cpm (cost per 1,000 impressions)", "cpm (kostnad per 1000 eksponeringer)",
                "cpc (cost per link click)", "cpc (kostnad per klikk på lenke)", "ctr (link click-through rate)",
                "ctr (klikkfrekvens for lenker)", "cpc (all)", "cpc (alle)", "ctr (all)", "ctr (alle)",
                "purchase roas (return on ad spend)", "cost per purchase"),
        _ignored("result indicator", "resultatindikator", "indicador de resultado", "result type", "resultattype",
                 "campaign delivery",
                 "ad set delivery", "ad delivery", "levering", "delivery status", "delivery level",
                 "attribution setting", "attribusjonsinnstilling", "quality ranking", "ends", "starts",
                 "last significant edit", "landing page views", "visninger av landingsside",
                 "adds to cart conversion value", "bid", "bid type", "budget"),
    ),
    notes={
        "results": Note("p_meta_results"),
        "reporting ends": Note("p_meta_ends"),
    },
)

LINKEDIN_ADS = Platform(
    "linkedin_ads", "LinkedIn", "performance",
    _merge(
        _c("date", "start date (in utc)", "start date", parse="date"),
        _c("campaign", "campaign name", parse="text"),
        _c("ad", "creative name", parse="text"),
        _c("currency", "currency", parse="currency"),
        _c("spend", "total spent", "amount spent"),
        _c("impressions", "impressions"),
        _c("clicks", "clicks"),
        _c("reach", "reach"),
        _c("leads", "leads"),
        _c("conversions", "post-click conversions"),
        _c("conversions", "conversions", priority=1, views=True),
        _c("engagements", "total engagements"),
        _c("video_views", "video views", "video plays"),
        _ratios("average cpm", "average cpc", "click through rate", "lead form completion rate",
                "conversion rate", "cost per conversion", "cost per lead", "engagement rate"),
        _c("campaign_type", "campaign type", parse="text"),
        _ignored("account name", "campaign group name", "campaign id", "campaign objective",
                 "campaign start date", "campaign end date", "ad introduction text", "ad headline", "click url",
                 "clicks to landing page", "clicks to linkedin page", "total social actions", "reactions",
                 "comments", "shares", "follows", "other clicks", "viral impressions", "lead forms opened",
                 "card impressions", "event registrations", "conversion name", "conversion type",
                 "view-through conversions", "campaign status"),
    ),
    notes={"conversions": Note("p_linkedin_conversions")},
)

TIKTOK_ADS = Platform(
    "tiktok_ads", "TikTok", "performance",
    _merge(
        _c("date", "by day", "date", "day", parse="date"),
        _c("campaign", "campaign name", parse="text"),
        _c("ad_group", "ad group name", parse="text"),
        _c("ad", "ad name", parse="text"),
        _c("currency", "currency", parse="currency"),
        _c("spend", "cost", "total cost"),
        _c("impressions", "impressions"),
        _c("reach", "reach"),
        _c("clicks", "clicks (destination)"),
        _c("clicks", "clicks (all)", "clicks", priority=1),
        _c("conversions", "conversions", views=True),
        _c("video_views", "video views"),
        # The purchases' value of TikTok's shop and pixel events (inferred names, as export-formats.md has none)
        _c("revenue", "total complete payment value", "complete payment value", "total purchase value",
           "purchase value"),
        _ratios("cpc (destination)", "ctr (destination)", "cpc (all)", "ctr (all)", "cpm", "cost per conversion",
                "cost per 1,000 people reached", "frequency", "conversion rate", "conversion rate (cvr)",
                "complete payment roas", "purchase roas"),
        _ignored("primary status", "website url (ad level)", "2-second video views", "6-second video views",
                 "campaign budget"),
    ),
    min_score=1.5,  # 'Total cost' alone is an own sheet's word too: a TikTok export has more of its own
    signature=frozenset({"by day"}),  # TikTok's date header: with it, Campaign name, Cost and Clicks are TikTok's
)

MICROSOFT_ADS = Platform(
    "microsoft_ads", "Microsoft Advertising", "performance",
    _merge(
        _c("date", "gregorian date", "gregoriandate", "time period", "timeperiod", "week", "month", parse="date"),
        _c("campaign", "campaign name", "campaignname", "campaign", parse="text"),
        _c("campaign_type", "campaign type", "campaigntype", parse="text"),
        _c("ad_group", "ad group", "adgroupname", "ad group name", parse="text"),
        _c("keyword", "keyword", parse="text"),
        _c("device", "device type", "devicetype", parse="device"),
        _c("currency", "currency code", "currencycode", parse="currency"),
        _c("impressions", "impressions"),
        _c("clicks", "clicks"),
        _c("spend", "spend"),
        _c("conversions", "conversions"),
        _c("revenue", "revenue"),
        _ratios("ctr (%)", "ctr", "average cpc", "averagecpc", "avg. position", "averageposition",
                "conversion rate (%)", "conversionrate", "cpa", "cost per conversion", "costperconversion",
                "return on ad spend (roas)", "returnonadspend", "qualityscore", "quality score"),
        # 'All conversions' adds the goals not counted in 'Conversions': the latter are the conversions.
        _ignored("account name", "accountname", "account number", "accountnumber", "accountid", "campaignid",
                 "adgroupid", "campaign status", "campaignstatus", "adgroupstatus",
                 "ad group status", "all conv.", "all conv. value", "allconversions", "allrevenue",
                 "all conversions", "all revenue"),
    ),
    # Its report preamble: '"Report Name: …"', '"Report Time: …"', '"Report Aggregation: Weekly"'
    preamble_signature=(r"^report aggregation:", r"^last completed available (day|hour):"),
)

SNAPCHAT_ADS = Platform(
    "snapchat_ads", "Snapchat", "performance",
    _merge(
        _c("date", "start time", parse="date"),  # 'End Time' of a daily row is the next midnight: not used
        _c("campaign", "campaign name", parse="text"),
        _c("ad_group", "ad squad name", parse="text"),
        _c("ad", "ad name", parse="text"),
        _c("currency", "currency", parse="currency"),
        _c("impressions", "paid impressions"),
        _c("clicks", "swipe ups", "swipes"),
        _c("spend", "spend", "amount spent"),
        # Pixel purchases and their value (inferred names)
        _c("conversions", "purchases", "conversion purchases"),
        _c("revenue", "purchases value", "conversion purchases value"),
        _ratios("ecpm", "ecpsu", "swipe up rate"),
        _ignored("end time"),
    ),
)

# Pinterest Ads Manager's campaign report (inferred from its UI names: export-formats.md has no sample).
# Outbound clicks leave Pinterest for the site, as Meta's link clicks: they win over Pin clicks.
PINTEREST_ADS = Platform(
    "pinterest_ads", "Pinterest", "performance",
    _merge(
        _c("date", "date", parse="date"),
        _c("campaign", "campaign name", parse="text"),
        _c("ad_group", "ad group name", parse="text"),
        _c("spend", "spend in account currency", "spend"),
        _c("impressions", "impressions", "paid impressions"),
        _c("clicks", "outbound clicks", "paid outbound clicks"),
        _c("clicks", "pin clicks", "paid pin clicks", priority=1),
        _c("conversions", "total conversions", "conversions (checkout)", "total conversions (checkout)", views=True),
        _c("revenue", "total order value (checkout)", "order value (checkout)", "total order value"),
        _ratios("ctr", "outbound ctr", "total roas (checkout)", "roas (checkout)", "cpc", "cpm", "ecpm", "ecpc"),
        _ignored("campaign id", "campaign status", "ad group id", "saves", "engagements"),
    ),
    signature=frozenset({"pin clicks", "spend in account currency", "total order value (checkout)"}),
)

# --- Analytics ------------------------------------------------------------------------------------
GA4 = Platform(
    "ga4", "GA4", "performance",
    _merge(
        _c("date", "date", "dato", "datum", "year month", "år måned", "week", parse="date"),
        _c("campaign", "session campaign", "first user campaign", parse="text"),
        _c("landing_page", "landing page + query string", "landing page", "page path and screen class",
           "landingsside + søkestreng", "landingsside", "landningssida + frågesträng", "landningssida",
           "destinationsside + forespørgselsstreng", "sidebane og skjermklasse", "sidsökväg och skärmklass",
           parse="text"),
        _c("device", "device category", "enhetskategori", parse="device"),
        _c("country", "country", "land", parse="text"),
        _c("users", "active users", "aktive brukere", "aktiva användare", "aktive brugere"),
        _c("users", "total users", "users", "brukere", priority=1),
        _c("sessions", "sessions", "økter", "sessioner"),
        _c("engaged_sessions", "engaged sessions", "engasjerte økter", "engagerade sessioner", "engagerede sessioner"),
        _c("engagement_seconds", "average engagement time per session", "gjennomsnittlig engasjementstid per økt",
           "genomsnittlig engagemangstid per session", "gennemsnitlig engagementstid pr. session",
           parse="duration", times="sessions"),
        _c("conversions", "key events", "nøkkelhendelser", "nyckelhändelser", "nøglehændelser", "conversions",
           "konverteringer"),
        _c("revenue", "total revenue", "samlede inntekter", "totale inntekter", "purchase revenue", "total intäkt",
           "totala intäkter", "total intäkter", "samlede indtægter", "total omsætning", "kjøpsinntekter",
           "köpintäkter", "købsindtægter"),
        _c("pageviews", "views", "visninger", "visningar", "visninger i alt"),
        # purchases (transactions) counted by GA4's e-commerce: the orders (AOV = revenue / orders)
        _c("orders", "ecommerce purchases", "transactions", "e-handelskjøp", "netthandelskjøp", "e-handelsköp",
           "transaksjoner", "transaktioner", "e-handelskøb"),
        # Rates turned back into counts with the row's sessions (as Universal Analytics' bounce rate): a
        # report with no 'Engaged sessions' column still gives the bounce rate; the count wins when present.
        _c("bounces", "bounce rate", "fluktfrekvens", "avvisningsfrekvens", "afvisningsprocent", parse="percent",
           times="sessions"),
        _c("engaged_sessions", "engagement rate", "engasjementsfrekvens", "engasjementsrate", "engagemangsgrad",
           "engagementsrate", parse="percent", times="sessions", priority=1),
        _ratios("views per session", "events per session", "average engagement time", "views per active user",
                "visninger per aktiv bruker", "visningar per aktiv användare",
                "average engagement time per active user", "gjennomsnittlig engasjementstid per aktiv bruker",
                "genomsnittlig engagemangstid per aktiv användare"),
        # Source / medium is the channel when the report has no channel group (a channel group wins).
        _c("channel", "session source / medium", "first user source / medium", "session source", "first user source",
           "øktkilde / -medium", "sessionskälla/-medium", parse="text", priority=2),
        # The Ecommerce purchases report counts items, not carts or orders: only its revenue is used.
        _c("revenue", "item revenue", "vareinntekter", "artikelintäkter", priority=2),
        _ignored("event count", "antall hendelser", "antal händelser", "antal hændelser", "new users", "nye brukere",
                 "nya användare", "session medium", "user engagement",
                 "date range", "datoperiode", "datumintervall", "datointervall",
                 "items viewed", "items added to cart", "items purchased", "items checked out"),
    ),
    patterns=(
        (r"^(session|first user) .*channel group|^øktens .*kanalgruppe|^sessionens .*kanalgrupp",
         Col("channel", "text")),
        (r"channel group|kanalgruppe|kanalgrupp", Col("channel", "text", priority=1)),
        (r"\(previous period\)$|\(forrige periode\)$", Col(None, "ignore")),
        # 'Totale inntekter', 'Totala intäkter', 'Samlet omsætning': the nb/sv/da UI names vary
        (r"^(total[ae]?|samlede?|samlet) (inntekter|intäkter|indtægter|omsætning)$", Col("revenue", priority=1)),
    ),
)

UNIVERSAL_ANALYTICS = Platform(
    "universal_analytics", "Universal Analytics", "performance",
    _merge(
        # English, and the Norwegian and Swedish UI (inferred: export-formats.md shows the English layout)
        _c("channel", "default channel grouping", "standard kanalgruppering", "standardkanalgruppering",
           parse="text"),
        _c("date", "date", "day index", "dagindeks", "dagsindex", parse="date"),
        _c("landing_page", "landing page", "landingsside", "landningssida", parse="text"),
        _c("users", "users", "brukere", "användare"),
        _c("sessions", "sessions", "økter", "sessioner"),
        _c("bounces", "bounce rate", "fluktfrekvens", "avvisningsfrekvens", parse="percent", times="sessions"),
        _c("pageviews", "pages / session", "sider/økt", "sider / økt", "sidor/session", "sidor / session",
           times="sessions"),
        _c("engagement_seconds", "avg. session duration", "gj.sn. øktvarighet", "gjennomsnittlig øktvarighet",
           "genomsn. sessionslängd", "genomsnittlig sessionslängd", parse="duration", times="sessions"),
        _c("orders", "transactions", "transaksjoner", "transaktioner"),
        _c("revenue", "revenue", "inntekter", "intäkter"),
        _c("conversions", "goal completions", "goal completions (all)", "måloppnåelser", "måluppfyllelser"),
        _ratios("% new sessions", "ecommerce conversion rate", "goal conversion rate", "goal value",
                "% nye økter", "% nya sessioner", "konverteringsfrekvens for e-handel",
                "konverteringsfrekvens för e-handel"),
        _ignored("new users", "source / medium", "hour index", "nye brukere", "nya användare", "kilde / medium",
                 "källa/medium"),
    ),
    notes={"bounce rate": Note("p_ua_rates")},
)

# GA360's BigQuery export as the Kaggle "Customer Revenue Prediction" CSV: one row per visit, the
# session's totals, device, geoNetwork and trafficSource as JSON text. ga360.py turns the JSON cells
# into columns named '<column>.<key>' ('totals.visits'), which are mapped here like any header.
GA360_SESSIONS = Platform(
    "ga360_sessions", "GA360 sessions", "performance",
    _merge(
        _c("channel", "channelgrouping", parse="text"),
        _c("date", "date", parse="date"),
        _c("customer_type", "visitnumber", parse="text"),  # 1 = new, else returning (ga360.py)
        _c("customer_type", "totals.newvisits", parse="text", priority=1),
        _c("sessions", "totals.visits"),
        _c("pageviews", "totals.pageviews"),
        _c("bounces", "totals.bounces"),  # a session with one hit and no interaction (UA's bounce)
        _c("engagement_seconds", "totals.timeonsite"),
        _c("conversions", "totals.transactions"),  # also orders (ga360.py)
        _c("revenue", "totals.transactionrevenue"),  # micros (ga360.py)
        _c("revenue", "totals.totaltransactionrevenue", priority=1),
        _c("device", "device.devicecategory", parse="device"),
        _c("country", "geonetwork.country", parse="text"),
        _c("campaign", "trafficsource.campaign", parse="text"),
        _c("keyword", "trafficsource.keyword", parse="text"),
        _c("channel", "trafficsource.source / medium", parse="text", priority=2),  # as GA4's source / medium
        # JSON columns (read key by key), ids and columns no KPI needs
        _ignored("totals", "device", "geonetwork", "trafficsource", "fullvisitorid", "sessionid", "visitid",
                 "visitstarttime", "socialengagementtype", "customdimensions", "hits"),
    ),
    min_score=3,  # 'channelGrouping' and a 'totals' column alone do not make a GA360 export
    summary_rows=False,
)

# --- E-mail ---------------------------------------------------------------------------------------
MAILCHIMP = Platform(
    "mailchimp", "Mailchimp", "email",
    _merge(
        _c("date", "send date", parse="date"),
        _c("campaign", "title", parse="text"),
        _c("emails_delivered", "successful deliveries"),
        _c("email_opens", "unique opens"),
        _c("email_clicks", "unique clicks"),
        _c("unsubscribes", "unsubscribes"),
        _c("revenue", "total revenue"),
        _c("orders", "total orders"),
        _ratios("open rate", "click rate"),
        _ignored("subject", "list", "send weekday", "total recipients", "soft bounces", "hard bounces",
                 "total bounces", "times forwarded", "forwarded opens", "total opens", "total clicks",
                 "abuse complaints", "times liked on facebook", "folder id", "unique id", "total gross sales"),
    ),
)

KLAVIYO = Platform(
    "klaviyo", "Klaviyo", "email",
    _merge(
        _c("date", "send time", "message send date time", "day", parse="date"),
        _c("campaign", "campaign name", "flow name", parse="text"),
        _c("ad", "message name", parse="text"),  # a flow's e-mails, as ads are a campaign's
        _c("channel", "campaign channel", parse="text"),  # Email or SMS (an SMS is no e-mail: performance.py)
        _c("ad", "variant", parse="text"),  # an A/B test's variants of one campaign, as a campaign's ads
        _c("emails_delivered", "successful deliveries", "delivered"),
        _c("email_opens", "unique opens"),
        _c("email_clicks", "unique clicks"),
        _c("unsubscribes", "unsubscribes"),
        _c("revenue", "revenue", "conversion value", "total placed order value"),
        _c("orders", "unique placed order"),
        _c("conversions", "count of unique conversions"),
        _ratios("placed order rate", "open rate", "click rate", "spam complaints rate", "bounce rate",
                "unsubscribe rate", "conversion rate"),
        _ignored("tags", "subject", "list", "send weekday", "total recipients", "total opens", "total clicks",
                 "spam complaints", "bounces", "campaign id", "winning variant", "flow id", "message id"),
    ),
)

# --- Public data sets (export-formats.md §9) -------------------------------------------------------
# Kaggle's KAG_conversion_data.csv: one row per Facebook ad, no date. The ids are the names: ad_id
# the ad, xyz_campaign_id the campaign, fb_campaign_id Facebook's ad set (one per targeting), interest
# a Facebook interest code (the audience targeted). The platform is Meta's (its spend and conversions
# are an ad platform's, ranked as such in sources.py), read in the dataset's own layout.
_APPROVED = ("the conversions the advertiser approved, a subset of Total_Conversion: not added (that would "
             "count them twice). Total_Conversion is used; to count only approved conversions, map this column "
             "to conversions (Total_Conversion is then left out)")
KAG_FACEBOOK = Platform(
    "meta_ads", "Facebook ads (KAG)", "performance",
    _merge(
        _c("ad", "ad id", parse="text", note="the ad's id"),
        _c("campaign", "xyz campaign id", parse="text", note="the campaign's id"),
        _c("ad_group", "fb campaign id", parse="text", note="Facebook's id of the ad set"),
        _c("audience", "interest", parse="text", note="a Facebook interest code: the audience targeted"),
        _c("age", "age", parse="text", note="age band"),
        _c("gender", "gender", parse="gender"),
        _c("impressions", "impressions"),
        _c("clicks", "clicks"),
        _c("spend", "spent"),
        _c("conversions", "total conversion", views=True, note="every conversion, view-through included"),
        _c(None, "approved conversion", parse="ignore", note=_APPROVED),
    ),
    min_score=3,  # its own words: ad_id, xyz_campaign_id, fb_campaign_id, interest, Approved_Conversion
    notes={"total conversion": Note("p_kag")},
)

# --- Record exports (shop and CRM): recognised here, read by records.py ---------------------------
SHOPIFY_ORDERS = Platform(
    "shopify_orders", "Shopify orders", "orders",
    _ignored("name", "email", "financial status", "paid at", "fulfillment status", "fulfilled at",
             "accepts marketing", "currency", "subtotal", "shipping", "taxes", "total", "discount code",
             "discount amount", "shipping method", "created at", "lineitem quantity", "lineitem name",
             "lineitem price", "lineitem sku", "billing name", "billing zip", "billing country",
             "shipping country", "cancelled at", "refunded amount", "source", "id", "payment method"),
    min_score=3,
)
def _labelled(labels: dict[str, str], *english: str) -> dict[str, Col]:
    """A record export's English headers and their translations in ``labels`` (HUBSPOT_LABELS, WOO_LABELS),
    read by records.py: here they only recognise the export."""
    return _ignored(*english, *(k for k, v in labels.items() if v in english))


# WooCommerce writes the headers of the shop's language (the Analytics > Orders download in a Norwegian or
# Swedish WordPress; an export plugin's translated keys): read as the English ones (inferred names).
WOO_LABELS: dict[str, str] = {
    "dato": "date", "datum": "date", "ordre #": "order #", "kunde": "customer", "kund": "customer",
    "kundetype": "customer type", "kundtyp": "customer type", "varer solgt": "items sold",
    "sålda artiklar": "items sold", "kupong(er)": "coupon(s)", "kuponger": "coupon(s)", "nettosalg": "net sales",
    "nettoförsäljning": "net sales", "ordre-id": "order id", "order-id": "order id", "ordrenummer": "order number",
    "ordernummer": "order number", "ordredato": "order date", "orderdatum": "order date", "betalt dato": "paid date",
    "betalningsdatum": "paid date", "ordretotal": "order total", "ordersumma": "order total",
    "ordertotal": "order total", "valuta": "order currency", "kundens e-post": "customer email",
    "kundens e-postadresse": "customer email", "kundens e-postadress": "customer email",
    "betalingsmetode": "payment method", "betalningsmetod": "payment method", "frakt": "shipping total",
    "rabatt": "discount total", "delsum": "order subtotal", "delsumma": "order subtotal",
    "refundert": "refund total", "återbetalt": "refund total",
}


WOOCOMMERCE_ORDERS = Platform(
    "woocommerce_orders", "WooCommerce orders", "orders",
    _labelled(WOO_LABELS, "order id", "order number", "order date", "paid date", "completed date", "status",
              "order status", "shipping total", "tax total", "discount total", "cart discount", "order total",
              "order subtotal", "order currency", "payment method", "payment method title", "customer email",
              "customer id", "customer note", "billing email", "refund total", "order refund", "created via",
              "order key",
              # the Analytics > Orders download
              "order #", "customer", "customer type", "product(s)", "items sold", "coupon(s)", "net sales",
              "attribution"),
    min_score=3,
)
SHOPIFY_CUSTOMERS = Platform(
    "shopify_customers", "Shopify customers", "customers",
    _ignored("customer id", "first name", "last name", "email", "accepts email marketing", "accepts marketing",
             "default address country code", "country code", "total spent", "total orders",
             "accepts sms marketing", "tax exempt", "default address zip", "default address city"),
    min_score=3,
)
# HubSpot writes the property labels of the user's language. The Norwegian and Swedish labels are
# inferred (HubSpot's translated help pages, export-formats.md lists English only); records.py reads a
# file with them as if its headers were the English ones.
HUBSPOT_LABELS: dict[str, str] = {
    # Norwegian (bokmål)
    "post-id": "record id", "kontakt-id": "contact id", "fornavn": "first name", "etternavn": "last name",
    "e-post": "email", "e-postadresse": "email", "livssyklusstadium": "lifecycle stage",
    "livssyklusfase": "lifecycle stage", "lead-status": "lead status", "leadstatus": "lead status",
    "opprettelsesdato": "create date", "opprettet dato": "create date", "opprinnelig kilde": "original source",
    "opprinnelig kilde drill-down 1": "original source drill-down 1",
    "ble en abonnent-dato": "became a subscriber date", "ble en lead-dato": "became a lead date",
    "ble en markedsføringskvalifisert lead-dato": "became a marketing qualified lead date",
    "ble en salgskvalifisert lead-dato": "became a sales qualified lead date",
    "ble en mulighet-dato": "became an opportunity date", "ble en kunde-dato": "became a customer date",
    "kontakteier": "contact owner", "total inntekt": "total revenue",
    "avtalenavn": "deal name", "avtalestadium": "deal stage", "avtalefase": "deal stage", "beløp": "amount",
    "avslutningsdato": "close date", "avtaleeier": "deal owner", "tilknyttet selskap": "associated company",
    # Swedish
    "förnamn": "first name", "efternamn": "last name", "e-postadress": "email",
    "livscykelstadium": "lifecycle stage", "livscykelfas": "lifecycle stage", "skapandedatum": "create date",
    "skapad datum": "create date",
    "ursprunglig källa": "original source", "blev en lead-datum": "became a lead date",
    "blev en marknadskvalificerad lead-datum": "became a marketing qualified lead date",
    "blev en försäljningskvalificerad lead-datum": "became a sales qualified lead date",
    "blev en affärsmöjlighet-datum": "became an opportunity date", "blev en kund-datum": "became a customer date",
    "kontaktägare": "contact owner", "affärens namn": "deal name", "affärsnamn": "deal name",
    "affärsstadium": "deal stage", "belopp": "amount", "stängningsdatum": "close date", "affärsägare": "deal owner",
}


HUBSPOT_CONTACTS = Platform(
    "hubspot_contacts", "HubSpot contacts", "contacts",
    _labelled(HUBSPOT_LABELS, "record id", "contact id", "first name", "last name", "email", "lifecycle stage",
              "lead status", "create date", "original source", "original source drill-down 1", "became a lead date",
              "became a marketing qualified lead date", "became a sales qualified lead date",
              "became an opportunity date", "became a customer date", "contact owner", "total revenue",
              "became a subscriber date"),
    min_score=2,  # 'Lifecycle Stage' and 'Original Source' are HubSpot's own words
)
HUBSPOT_DEALS = Platform(
    "hubspot_deals", "HubSpot deals", "deals",
    _labelled(HUBSPOT_LABELS, "record id", "deal name", "deal stage", "pipeline", "amount", "close date",
              "create date", "deal owner", "associated company"),
    min_score=3,
)

# Kaggle's iFood marketing_campaign.csv (tab-separated) and its marketing_data.csv variant: one row per
# customer, read by records.read_customer_table.
IFOOD_CUSTOMERS = Platform(
    "ifood_customers", "iFood customer table", "customers",
    _ignored("id", "year birth", "education", "marital status", "income", "kidhome", "teenhome", "dt customer",
             "recency", "mntwines", "mntfruits", "mntmeatproducts", "mntfishproducts", "mntsweetproducts",
             "mntgoldprods", "numdealspurchases", "numwebpurchases", "numcatalogpurchases", "numstorepurchases",
             "numwebvisitsmonth", "acceptedcmp1", "acceptedcmp2", "acceptedcmp3", "acceptedcmp4", "acceptedcmp5",
             "complain", "z costcontact", "z revenue", "response"),
    min_score=3,
)

GENERIC_PLATFORM = Platform("generic", "Own sheet", "performance", {})  # no platform recognised

PLATFORMS: tuple[Platform, ...] = (
    GOOGLE_ADS, META_ADS, LINKEDIN_ADS, TIKTOK_ADS, MICROSOFT_ADS, SNAPCHAT_ADS, PINTEREST_ADS, GA4,
    UNIVERSAL_ANALYTICS, GA360_SESSIONS, MAILCHIMP, KLAVIYO, KAG_FACEBOOK, SHOPIFY_ORDERS, WOOCOMMERCE_ORDERS,
    SHOPIFY_CUSTOMERS, HUBSPOT_CONTACTS, HUBSPOT_DEALS, IFOOD_CUSTOMERS,
)
