"""Numbers and words for people: KPI values in English, Norwegian or Swedish.

Every number the app shows goes through here, so a page never decides how a value looks:
"1 234,50 NOK" in nb/sv and "1,234.50 NOK" in en (the ISO code, never a bare "kr" that could be
NOK or SEK), rates as percentages, multiples as "4,28×", durations as "1 min 12 s", and "–" for a
value that cannot be computed (a zero denominator). The small table of interface texts lives here
too, next to the number formats, so that translating the app means editing one file.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import date

from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_decimal

from kpi_core.catalog import LANGS, Lang
from kpi_core.reader_texts import TEXTS as READER_TEXTS

NULL = "–"
LOCALES: Mapping[str, str] = {"en": "en_GB", "nb": "nb_NO", "sv": "sv_SE"}
LANG_NAMES: Mapping[str, str] = {"en": "English", "nb": "Norsk", "sv": "Svenska"}
_COMPACT_FROM = 1_000_000  # below this, counts are written out in full


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and not math.isfinite(value))


def number(value: float | None, lang: Lang = "en", decimals: int = 0) -> str:
    """A plain number with the language's grouping and decimal signs."""
    if _missing(value):
        return NULL
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


_GROUPING = str.maketrans("", "", " \u00a0\u202f'’_")


def parse_amount(text: str, lang: Lang = "en") -> float | None:
    """A number typed by the user, the way they write it: '12 500,50', '12.500,50', '12,500.50', '40,5',
    '4.2'; None when the field is empty. With one kind of sign, a comma is the decimal sign in nb and sv
    (and in en unless it groups thousands: '12,500'); a dot is the decimal sign in every language (one
    dot: '1.050' is a rate; '1.234.567' groups thousands). Raises ValueError for text that is no number."""
    cleaned = (text or "").strip().translate(_GROUPING).replace("−", "-")
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1]
    if not cleaned:
        return None
    if "," in cleaned and "." in cleaned:  # the later sign is the decimal one
        decimal = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
    elif "," in cleaned:
        decimal = "." if lang == "en" and re.fullmatch(r"-?\d{1,3}(,\d{3})+", cleaned) else ","
    elif "." in cleaned:  # '1.050' stays a rate of 1.05; only '1.234.567' groups thousands
        decimal = "," if re.fullmatch(r"-?\d{1,3}(\.\d{3}){2,}", cleaned) else "."
    else:
        decimal = "."
    group = "." if decimal == "," else ","
    cleaned = cleaned.replace(group, "").replace(decimal, ".")
    if not re.fullmatch(r"-?(\d+(\.\d*)?|\.\d+)", cleaned):
        raise ValueError(text)
    return float(cleaned)


def amount_text(value: float | None, lang: Lang = "en") -> str:
    """A number as typed back into a field: no grouping, the language's decimal sign, no trailing zeros."""
    if _missing(value):
        return ""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang != "en" else text


def compact(value: float | None, lang: Lang = "en") -> str:
    """Large numbers shortened: 1.2M (en), 1,2 mill. (nb), 1,2 mn (sv); smaller ones in full."""
    if _missing(value):
        return NULL
    if abs(value) < _COMPACT_FROM:
        return number(value, lang)
    return format_compact_decimal(value, locale=LOCALES[lang], fraction_digits=1)


def percent(value: float | None, lang: Lang = "en", decimals: int | None = None) -> str:
    """A fraction as a percentage: 0.0345 -> "3.45%" (en), "3,45 %" (nb, sv).

    Small rates keep two decimals (CTR 1.12 %); from 10 % on one is enough (bounce rate 45.3 %).
    """
    if _missing(value):
        return NULL
    if decimals is None:
        decimals = 2 if abs(value) < 0.1 else 1
    text = number(value * 100, lang, decimals)
    return f"{text}%" if lang == "en" else f"{text}\u00a0%"


def multiple(value: float | None, lang: Lang = "en") -> str:
    """ROAS-style multiples: 4.283 -> "4.28×"; from 10 on one decimal."""
    if _missing(value):
        return NULL
    return number(value, lang, 2 if abs(value) < 10 else 1) + "×"


def money(value: float | None, currency: str | None, lang: Lang = "en", compact_large: bool = False) -> str:
    """An amount with its ISO code: "1 234,50 NOK". Cents are dropped from 1,000 on."""
    if _missing(value):
        return NULL
    if compact_large and abs(value) >= _COMPACT_FROM:
        text = compact(value, lang)
    else:
        text = number(value, lang, 2 if abs(value) < 1000 else 0)
    return f"{text}\u00a0{currency}" if currency else text


def seconds(value: float | None, lang: Lang = "en") -> str:
    """A duration: 72 -> "1 min 12 s", 3900 -> "1 h 5 min", 38.4 -> "38 s"."""
    if _missing(value):
        return NULL
    total = round(value)
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    if h:
        return f"{h} h {m} min" if m else f"{h} h"
    if m:
        return f"{m} min {s} s" if s else f"{m} min"
    return f"{s} s"


def format_kpi(value: float | None, unit: str, currency: str | None = None, lang: Lang = "en",
               compact_large: bool = False) -> str:
    """A KPI value the way a marketer reads it, by the catalog unit of the KPI."""
    if unit == "rate":
        return percent(value, lang)
    if unit == "multiple":
        return multiple(value, lang)
    if unit == "currency":
        return money(value, currency, lang, compact_large)
    if unit == "seconds":
        return seconds(value, lang)
    if unit == "count":
        return compact(value, lang) if compact_large else number(value, lang)
    return number(value, lang, 2)


def change(value: float | None, lang: Lang = "en") -> str | None:
    """A relative change with an explicit sign, "+12.3%" / "-4.0%": None when it is unknown.

    The sign is always an ASCII "+" or "-" because st.metric reads the arrow's direction from it.
    A change too small to show (under 0.05 %) is "±0.0%": no direction, neither good nor bad.
    """
    if _missing(value):
        return None
    sign = "±" if abs(value) < 0.0005 else ("+" if value > 0 else "-")
    return sign + percent(abs(value), lang, decimals=1)


_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|<>$~:")


def md(text: object) -> str:
    """Data text (a campaign name) made safe inside Markdown: shown literally, never as formatting."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in str(text))


# --- interface texts ------------------------------------------------------------------------------
# key -> {lang: text}. Texts may hold {placeholders} filled by ``t``.

_UI_TEXTS: Mapping[str, Mapping[str, str]] = {
    "app_title": {"en": "KPI Compass", "nb": "KPI-kompasset", "sv": "KPI-kompassen"},
    "language": {"en": "Language", "nb": "Språk", "sv": "Språk"},
    "data_active": {"en": "Data", "nb": "Data", "sv": "Data"},
    "your_upload": {"en": "Your upload (1 file)", "nb": "Din opplasting (1 fil)", "sv": "Din uppladdning (1 fil)"},
    "your_uploads": {"en": "Your uploads ({n} files)", "nb": "Dine opplastinger ({n} filer)",
                     "sv": "Dina uppladdningar ({n} filer)"},
    "no_data": {"en": "No data yet. Upload an export on the Data page.",
                "nb": "Ingen data ennå. Last opp en eksport på Data-siden.",
                "sv": "Inga data ännu. Ladda upp en export på sidan Data."},
    "ltv_cac_none": {"en": "No channel has an LTV:CAC yet: it needs ad spend in the period and customers old "
                           "enough for the horizon (see the notes below).",
                     "nb": "Ingen kanal har LTV:CAC ennå: det trengs annonsekostnad i perioden og kunder som er "
                           "gamle nok for horisonten (se merknadene under).",
                     "sv": "Ingen kanal har LTV:CAC ännu: det krävs annonskostnad i perioden och kunder som är "
                           "tillräckligt gamla för horisonten (se anteckningarna nedan)."},
    "no_readable_files": {"en": "None of your {n} file(s) could be read: the Data page says why for each.",
                          "nb": "Ingen av de {n} filene dine kunne leses: Data-siden sier hvorfor for hver av dem.",
                          "sv": "Ingen av dina {n} filer kunde läsas: sidan Data säger varför för var och en."},
    "no_measures": {"en": "The files loaded hold no numbers to compute KPIs from (a customer or deal list is used "
                          "by the Loyalty page). Add an ad, analytics or shop export on the Data page.",
                    "nb": "Filene som er lastet inn, har ingen tall å beregne KPI-er fra (en kunde- eller avtaleliste "
                          "brukes på Lojalitet-siden). Legg til en annonse-, analyse- eller butikkeksport "
                          "på Data-siden.",
                    "sv": "De inlästa filerna har inga siffror att beräkna KPI:er från (en kund- eller affärslista "
                          "används på sidan Lojalitet). Lägg till en annons-, analys- eller butiksexport "
                          "på sidan Data."},
    "no_dates": {"en": "This data has no dates, so there are no periods to compare. Export the report with a day "
                       "(or date) column; Segments and Funnel work without one.",
                 "nb": "Dataene har ingen datoer, så det finnes ingen perioder å sammenligne. Eksporter rapporten med "
                       "en dag- eller datokolonne; Segmenter og Trakt virker uten.",
                 "sv": "Data saknar datum, så det finns inga perioder att jämföra. Exportera rapporten med en dag- "
                       "eller datumkolumn; Segment och Tratt fungerar utan."},
    "filters": {"en": "Filters (all pages)", "nb": "Filtre (alle sider)", "sv": "Filter (alla sidor)"},
    "period": {"en": "Period analysed", "nb": "Periode", "sv": "Period"},
    "source": {"en": "Source", "nb": "Kilde", "sv": "Källa"},
    "channel": {"en": "Channel", "nb": "Kanal", "sv": "Kanal"},
    "campaign": {"en": "Campaign", "nb": "Kampanje", "sv": "Kampanj"},
    "currency": {"en": "Currency", "nb": "Valuta", "sv": "Valuta"},
    "report_currency": {"en": "Report money in", "nb": "Vis beløp i", "sv": "Visa belopp i"},
    "per_currency": {"en": "each currency apart", "nb": "hver valuta for seg", "sv": "varje valuta för sig"},
    "report_currency_help": {
        "en": "The data mixes currencies. Pick one and give the rate of each other: money is then added in it.",
        "nb": "Dataene blander valutaer. Velg én og oppgi kursen for hver av de andre: beløpene legges da "
              "sammen i den.",
        "sv": "Datan blandar valutor. Välj en och ange kursen för var och en av de andra: beloppen läggs då "
              "ihop i den."},
    "rate_of": {"en": "1 {code} = … {base}", "nb": "1 {code} = … {base}", "sv": "1 {code} = … {base}"},
    "all": {"en": "All", "nb": "Alle", "sv": "Alla"},
    "page_data": {"en": "Data", "nb": "Data", "sv": "Data"},
    "page_goal": {"en": "Goal & KPIs", "nb": "Mål og KPI-er", "sv": "Mål och KPI:er"},
    "page_segments": {"en": "Segments", "nb": "Segmenter", "sv": "Segment"},
    "page_trends": {"en": "Trends", "nb": "Trender", "sv": "Trender"},
    "page_funnel": {"en": "Funnel", "nb": "Trakt", "sv": "Tratt"},
    "goal_question": {"en": "What is the marketing for?", "nb": "Hva skal markedsføringen oppnå?",
                      "sv": "Vad ska marknadsföringen uppnå?"},
    "goal": {"en": "Business goal", "nb": "Forretningsmål", "sv": "Affärsmål"},
    "business_inputs": {"en": "Business inputs (optional)", "nb": "Forretningstall (valgfritt)",
                        "sv": "Affärsdata (valfritt)"},
    "margin": {"en": "Gross margin %", "nb": "Bruttomargin %", "sv": "Bruttomarginal %"},
    "amount_bad": {"en": "'{text}' is not a number: type it as 12500.50, 12 500,50 or 40,5.",
                   "nb": "'{text}' er ikke et tall: skriv det som 12 500,50, 12500,50 eller 40,5.",
                   "sv": "'{text}' är inget tal: skriv det som 12 500,50, 12500,50 eller 40,5."},
    "amount_range": {"en": "'{text}' is outside {lo} to {hi}.", "nb": "'{text}' er utenfor {lo} til {hi}.",
                     "sv": "'{text}' ligger utanför {lo} till {hi}."},
    "margin_help": {"en": "Turns revenue into gross profit, for POAS and ROI. Leave at 0 if unknown.",
                    "nb": "Gjør omsetning om til bruttofortjeneste, for POAS og ROI. La stå på 0 om ukjent.",
                    "sv": "Gör intäkter till bruttovinst, för POAS och ROI. Lämna 0 om okänt."},
    "other_costs": {"en": "Other marketing & sales costs in the period",
                    "nb": "Andre markeds- og salgskostnader i perioden",
                    "sv": "Övriga marknads- och säljkostnader i perioden"},
    "scorecard_caption": {
        "en": "{current} compared with the {days} days before ({previous}). Green is better, red is worse.",
        "nb": "{current} sammenlignet med de {days} dagene før ({previous}). Grønt er bedre, rødt er verre.",
        "sv": "{current} jämfört med de {days} dagarna före ({previous}). Grönt är bättre, rött är sämre."},
    "stage_goal_awareness": {"en": "Reach new people and build interest.", "nb": "Nå nye mennesker og skap interesse.",
                             "sv": "Nå nya människor och väck intresse."},
    "stage_goal_consideration": {"en": "Build trust and interest.", "nb": "Bygg tillit og interesse.",
                                 "sv": "Bygg förtroende och intresse."},
    "stage_goal_conversion": {"en": "Trigger purchases, leads and sign-ups.",
                              "nb": "Utløs kjøp, leads og påmeldinger.", "sv": "Utlös köp, leads och registreringar."},
    "stage_goal_loyalty": {"en": "Keep customers and grow their value.", "nb": "Behold kundene og øk verdien deres.",
                           "sv": "Behåll kunderna och öka deras värde."},
    "headline_empty": {"en": "{preferred} would lead here, but it has no value for this period (see the notes "
                             "below). Showing {shown} instead.",
                       "nb": "{preferred} skulle stått først, men har ingen verdi for perioden (se merknadene "
                             "under). Viser {shown} i stedet.",
                       "sv": "{preferred} skulle stått först, men har inget värde för perioden (se anteckningarna "
                             "nedan). Visar {shown} i stället."},
    "headline_fallback": {"en": "{preferred} would lead here (what it takes: {missing}). Showing {shown} until then.",
                          "nb": "{preferred} skulle stått her (det som trengs: {missing}). "
                                "Viser {shown} inntil videre.",
                          "sv": "{preferred} skulle stå här (det som krävs: {missing}). Visar {shown} tills vidare."},
    # What a KPI lacks (engine.missing_text): one text per missing measure, and a column in general.
    "lacks_gross_profit": {"en": "enter your gross margin (or upload data with gross profit or cost of goods)",
                           "nb": "legg inn bruttomarginen (eller last opp data med bruttofortjeneste eller "
                                 "varekostnad)",
                           "sv": "ange bruttomarginalen (eller ladda upp data med bruttovinst eller varukostnad)"},
    "lacks_revenue": {"en": "needs a revenue or conversion value column",
                      "nb": "trenger en kolonne for omsetning eller konverteringsverdi",
                      "sv": "behöver en kolumn för intäkter eller konverteringsvärde"},
    "lacks_spend": {"en": "needs a cost or amount spent column", "nb": "trenger en kolonne for kostnad",
                    "sv": "behöver en kolumn för kostnad"},
    "lacks_customers": {"en": "needs an orders export (for example Shopify orders)",
                        "nb": "trenger en ordreeksport (for eksempel Shopify-ordrer)",
                        "sv": "behöver en orderexport (till exempel Shopify-ordrar)"},
    "lacks_repeat_customers": {"en": "needs an orders export (for example Shopify orders)",
                               "nb": "trenger en ordreeksport (for eksempel Shopify-ordrer)",
                               "sv": "behöver en orderexport (till exempel Shopify-ordrar)"},
    "lacks_churned_customers": {"en": "needs an orders export with customer ids",
                                "nb": "trenger en ordreeksport med kunde-ID-er",
                                "sv": "behöver en orderexport med kund-id:n"},
    "lacks_customers_at_start": {"en": "needs an orders export with customer ids",
                                 "nb": "trenger en ordreeksport med kunde-ID-er",
                                 "sv": "behöver en orderexport med kund-id:n"},
    "lacks_new_customers": {"en": "needs new customers (orders export or CRM contacts with a customer date)",
                            "nb": "trenger nye kunder (ordreeksport eller CRM-kontakter med kundedato)",
                            "sv": "behöver nya kunder (orderexport eller CRM-kontakter med kunddatum)"},
    "lacks_mqls": {"en": "needs a CRM export with MQL dates (for example HubSpot contacts)",
                   "nb": "trenger en CRM-eksport med MQL-datoer (for eksempel HubSpot-kontakter)",
                   "sv": "behöver en CRM-export med MQL-datum (till exempel HubSpot-kontakter)"},
    "lacks_sqls": {"en": "needs a CRM export with SQL dates (for example HubSpot contacts)",
                   "nb": "trenger en CRM-eksport med SQL-datoer (for eksempel HubSpot-kontakter)",
                   "sv": "behöver en CRM-export med SQL-datum (till exempel HubSpot-kontakter)"},
    "lacks_leads": {"en": "needs a leads column or a CRM export", "nb": "trenger en lead-kolonne eller en CRM-eksport",
                    "sv": "behöver en leadkolumn eller en CRM-export"},
    "lacks_reach": {"en": "needs a reach column (Meta, TikTok or LinkedIn exports have one)",
                    "nb": "trenger en kolonne for rekkevidde (eksporter fra Meta, TikTok og LinkedIn har den)",
                    "sv": "behöver en kolumn för räckvidd (exporter från Meta, TikTok och LinkedIn har den)"},
    "lacks_sessions": {"en": "needs web analytics (for example a GA4 traffic export)",
                       "nb": "trenger webanalyse (for eksempel en trafikkeksport fra GA4)",
                       "sv": "behöver webbanalys (till exempel en trafikexport från GA4)"},
    "lacks_emails_delivered": {"en": "needs an e-mail campaign export (Mailchimp or Klaviyo)",
                               "nb": "trenger en eksport av e-postkampanjer (Mailchimp eller Klaviyo)",
                               "sv": "behöver en export av e-postkampanjer (Mailchimp eller Klaviyo)"},
    "lacks_carts": {"en": "needs add-to-cart or checkout counts",
                    "nb": "trenger antall lagt i handlekurv eller påbegynte kassa",
                    "sv": "behöver antal tillagda i varukorgen eller påbörjade kassor"},
    "lacks_column": {"en": "needs {name} column", "nb": "trenger en kolonne for {name}",
                     "sv": "behöver en kolumn för {name}"},
    "lacks_list": {"en": "{items}", "nb": "{items}", "sv": "{items}"},
    "lacks_same_tool": {"en": "needs {names} from the same tool (filter to one source to see it)",
                        "nb": "trenger {names} fra samme verktøy (filtrer på én kilde for å se den)",
                        "sv": "behöver {names} från samma verktyg (filtrera på en källa för att se den)"},
    "no_value_currencies": {
        "en": "no value: the data mixes currencies, and money is never added across them (pick one in the "
              "Currency filter, or give exchange rates under business inputs)",
        "nb": "ingen verdi: dataene blander valutaer, og beløp legges aldri sammen på tvers av dem (velg én i "
              "valutafilteret, eller oppgi valutakurser under forretningstall)",
        "sv": "inget värde: datan blandar valutor, och belopp läggs aldrig ihop över dem (välj en i "
              "valutafiltret, eller ange växelkurser under affärsdata)"},
    "no_value": {"en": "no value in either period: its inputs are zero here or were set aside so as not to count "
                       "a result twice (see how these numbers were counted)",
                 "nb": "ingen verdi i noen av periodene: grunnlaget er null her eller ble holdt utenfor for ikke å "
                       "telle et resultat to ganger (se hvordan tallene ble telt)",
                 "sv": "inget värde i någon av perioderna: underlaget är noll här eller hölls utanför för att inte "
                       "räkna ett resultat två gånger (se hur siffrorna räknades)"},
    "headline": {"en": "Headline KPI", "nb": "Hoved-KPI", "sv": "Huvud-KPI"},
    "vs_previous": {"en": "vs previous period", "nb": "mot forrige periode", "sv": "mot föregående period"},
    "why": {"en": "Why this KPI?", "nb": "Hvorfor denne KPI-en?", "sv": "Varför denna KPI?"},
    "formula": {"en": "Formula", "nb": "Formel", "sv": "Formel"},
    "previous_value": {"en": "Previous period", "nb": "Forrige periode", "sv": "Föregående period"},
    "target_status": {"en": "Target", "nb": "Mål", "sv": "Mål"},
    "missing_title": {"en": "KPIs this data cannot answer yet", "nb": "KPI-er disse dataene ikke kan svare på ennå",
                      "sv": "KPI:er som dessa data inte kan besvara ännu"},
    "notes": {"en": "How these numbers were counted", "nb": "Slik ble tallene telt",
              "sv": "Så räknades siffrorna"},
    # the engine's and the sources' notes (``Note``), written under the scorecard and the segments
    "note_unpaired": {"en": "{measure} of {sources} are left out of the totals: {partner} comes from {roles}, which "
                            "report no {m}, and a KPI must not divide one tool's {partner} by another's {m}.",
                      "nb": "{measure} fra {sources} holdes utenfor totalene: {partner} hentes fra {roles}, som "
                            "ikke rapporterer {m}, og en KPI skal ikke dele ett verktøys {partner} på et annet "
                            "verktøys {m}.",
                      "sv": "{measure} från {sources} räknas inte med i totalerna: {partner} hämtas från {roles}, som "
                            "inte rapporterar {m}, och en KPI får inte dela ett verktygs {partner} med ett annat "
                            "verktygs {m}."},
    "note_taken_from_one": {"en": "{measure} are taken from {roles}; {sources} also reports them, so those figures "
                                  "are left out of the totals to avoid counting the same result twice (filter to that "
                                  "source to see them).",
                            "nb": "{measure} hentes fra {roles}; {sources} rapporterer dem også, så de tallene holdes "
                                  "utenfor totalene for at samme resultat ikke skal telles to ganger (filtrer på den "
                                  "kilden for å se dem).",
                            "sv": "{measure} hämtas från {roles}; {sources} rapporterar dem också, så de siffrorna "
                                  "räknas inte med i totalerna för att samma resultat inte ska räknas två gånger "
                                  "(filtrera på den källan för att se dem)."},
    "note_taken_from_many": {"en": "{measure} are taken from {roles}; {sources} also report them, so those figures "
                                   "are left out of the totals to avoid counting the same result twice (filter to "
                                   "that source to see them).",
                             "nb": "{measure} hentes fra {roles}; {sources} rapporterer dem også, så de tallene "
                                   "holdes utenfor totalene for at samme resultat ikke skal telles to ganger (filtrer "
                                   "på en av kildene for å se dem).",
                             "sv": "{measure} hämtas från {roles}; {sources} rapporterar dem också, så de siffrorna "
                                   "räknas inte med i totalerna för att samma resultat inte ska räknas två gånger "
                                   "(filtrera på en av källorna för att se dem)."},
    "note_people": {"en": "{measure} counts people, so it cannot be added up over rows (days, campaigns or platforms) "
                          "without counting someone twice; it is shown only where the export gives it for exactly "
                          "that group.",
                    "nb": "{measure} teller personer og kan derfor ikke summeres over rader (dager, kampanjer eller "
                          "plattformer) uten at noen telles to ganger; tallet vises bare der eksporten oppgir det for "
                          "akkurat den gruppen.",
                    "sv": "{measure} räknar personer och kan därför inte summeras över rader (dagar, kampanjer eller "
                          "plattformar) utan att någon räknas två gånger; värdet visas bara där exporten anger det för "
                          "just den gruppen."},
    "note_spans_grain": {"en": "{n} row(s) cover several days as a whole (a report without a day breakdown): "
                               "they belong to no single day or week, so this series leaves them out; a coarser "
                               "grain or the scorecard counts them.",
                         "nb": "{n} rad(er) gjelder flere dager samlet (en rapport uten inndeling per dag): de hører "
                               "ikke til én bestemt dag eller uke, så denne serien utelater dem; en grovere "
                               "inndeling eller resultatkortet teller dem.",
                         "sv": "{n} rad(er) gäller flera dagar sammanlagt (en rapport utan uppdelning per dag): de "
                               "hör inte till en enskild dag eller vecka, så den här serien utelämnar dem; en grövre "
                               "indelning eller resultatkortet räknar dem."},
    "note_currencies": {"en": "The data mixes currencies; money values are not added across currencies. Filter to "
                              "one currency or enter exchange rates (Goal page, business inputs; --currency and "
                              "--rate on the command line).",
                        "nb": "Dataene blander valutaer; pengebeløp legges ikke sammen på tvers av valutaer. Filtrer "
                              "på én valuta eller legg inn valutakurser (Mål-siden, forretningstall; --currency og "
                              "--rate på kommandolinjen).",
                        "sv": "Datan blandar valutor; belopp läggs inte ihop över olika valutor. Filtrera på en "
                              "valuta eller ange växelkurser (Mål-sidan, affärsdata; --currency och --rate på "
                              "kommandoraden)."},
    "note_unmatched_channels": {
        "en": "No ad spend could be matched to these channels (unpaid, or a name we do not recognise): {channels}.",
        "nb": "Ingen annonsekostnad kunne knyttes til disse kanalene (ubetalte, eller et navn vi ikke kjenner "
              "igjen): {channels}.",
        "sv": "Ingen annonskostnad kunde kopplas till dessa kanaler (obetalda, eller ett namn vi inte känner "
              "igen): {channels}."},
    "note_unclaimed_spend": {
        "en": "Spend no channel of the records names, left out of the per-channel figures: {spend}.",
        "nb": "Kostnad som ingen kanal i postene nevner, holdt utenfor tallene per kanal: {spend}.",
        "sv": "Kostnad som ingen kanal i posterna nämner, utelämnad ur siffrorna per kanal: {spend}."},
    "note_churn_history": {
        "en": "Churn needs {days} days of orders before the period starts (from {since}); the orders start on "
              "{start}.",
        "nb": "Frafall trenger {days} dager med ordrer før perioden starter (fra {since}); ordrene starter "
              "{start}.",
        "sv": "Kundbortfall kräver {days} dagar med order före periodens start (från {since}); ordrarna börjar "
              "{start}."},
    "note_churn_unfinished": {
        "en": "Churn needs the whole period to have passed; the orders end on {last}, before the period ends "
              "({end}).",
        "nb": "Frafall krever at hele perioden er over; ordrene slutter {last}, før perioden slutter ({end}).",
        "sv": "Kundbortfall kräver att hela perioden har passerat; ordrarna slutar {last}, före periodens slut "
              "({end})."},
    "note_no_spend_cac": {"en": "No ad spend in the period: load the ad platforms' exports for CAC.",
                          "nb": "Ingen annonsekostnad i perioden: last inn eksportene fra annonseplattformene "
                                "for CAC.",
                          "sv": "Ingen annonskostnad i perioden: läs in exporterna från annonsplattformarna "
                                "för CAC."},
    "note_no_spend_cpl": {
        "en": "No ad spend in the period: load the ad platforms' exports for CPL and CAC per source.",
        "nb": "Ingen annonsekostnad i perioden: last inn eksportene fra annonseplattformene for CPL og CAC per "
              "kilde.",
        "sv": "Ingen annonskostnad i perioden: läs in exporterna från annonsplattformarna för CPL och CAC per "
              "källa."},
    "note_no_cohort_old_enough": {
        "en": "No cohort is {h} months old yet: LTV at {h} months is unknown. Choose a shorter horizon.",
        "nb": "Ingen kohort er {h} måneder gammel ennå: LTV etter {h} måneder er ukjent. Velg en kortere "
              "horisont.",
        "sv": "Ingen kohort är {h} månader gammal ännu: LTV efter {h} månader är okänt. Välj en kortare "
              "horisont."},
    "note_cancelled_one": {"en": "1 cancelled order is left out.", "nb": "1 kansellert ordre er utelatt.",
                           "sv": "1 annullerad order är utelämnad."},
    "note_cancelled": {"en": "{n} cancelled orders are left out.", "nb": "{n} kansellerte ordrer er utelatt.",
                       "sv": "{n} annullerade order är utelämnade."},
    "note_orders_unknown_one": {"en": "1 order has no customer or no date and is left out.",
                                "nb": "1 ordre mangler kunde eller dato og er utelatt.",
                                "sv": "1 order saknar kund eller datum och är utelämnad."},
    "note_orders_unknown": {"en": "{n} orders have no customer or no date and are left out.",
                            "nb": "{n} ordrer mangler kunde eller dato og er utelatt.",
                            "sv": "{n} order saknar kund eller datum och är utelämnade."},
    "note_orders_after": {"en": "Orders after {day} are ignored (the as-of date).",
                          "nb": "Ordrer etter {day} tas ikke med (per-datoen).",
                          "sv": "Order efter {day} räknas inte med (per-datumet)."},
    "note_spend_other_currency": {
        "en": "Ad spend in {codes} is left out: the orders or contacts are in {currency}, and amounts in different "
              "currencies are never added.",
        "nb": "Annonsekostnad i {codes} er utelatt: ordrene eller kontaktene er i {currency}, og beløp i ulike "
              "valutaer legges aldri sammen.",
        "sv": "Annonskostnad i {codes} är utelämnad: ordrarna eller kontakterna är i {currency}, och belopp i "
              "olika valutor läggs aldrig ihop."},
    "note_spend_currencies": {
        "en": "The ad spend is in {codes}; amounts in different currencies are never added, so there is no spend "
              "per channel. Filter the sidebar to one currency's sources.",
        "nb": "Annonsekostnaden er i {codes}; beløp i ulike valutaer legges aldri sammen, så det finnes ingen "
              "kostnad per kanal. Filtrer sidefeltet på én valutas kilder.",
        "sv": "Annonskostnaden är i {codes}; belopp i olika valutor läggs aldrig ihop, så det finns ingen "
              "kostnad per kanal. Filtrera sidofältet på en valutas källor."},
    "e_explain_currencies": {
        "en": "the data mixes currencies ({codes}) and money is never added across them; filter to one currency "
              "first",
        "nb": "dataene blander valutaer ({codes}), og beløp legges aldri sammen på tvers av dem; filtrer på én "
              "valuta først",
        "sv": "datan blandar valutor ({codes}), och belopp läggs aldrig ihop över dem; filtrera på en valuta "
              "först"},
    "e_explain_undefined_previous": {
        "en": "{kpi} has no value in the previous period {period}: no {den} there",
        "nb": "{kpi} har ingen verdi i forrige periode {period}: ingen {den} der",
        "sv": "{kpi} har inget värde i föregående period {period}: ingen {den} där"},
    "e_explain_undefined_current": {
        "en": "{kpi} has no value in the current period {period}: no {den} there",
        "nb": "{kpi} har ingen verdi i denne perioden {period}: ingen {den} der",
        "sv": "{kpi} har inget värde i denna period {period}: ingen {den} där"},
    "all_customers": {"en": "All customers", "nb": "Alle kunder", "sv": "Alla kunder"},
    "note_rates": {"en": "Money in {codes} is reported in {base} at your rates ({rates}).",
                   "nb": "Beløp i {codes} vises i {base} etter kursene du oppga ({rates}).",
                   "sv": "Belopp i {codes} visas i {base} enligt dina kurser ({rates})."},
    "note_other_costs": {"en": "Other costs are included in totals only, not split over segments or periods.",
                         "nb": "Andre kostnader tas bare med i totalene; de fordeles ikke på segmenter eller perioder.",
                         "sv": "Övriga kostnader räknas bara med i totalerna; de fördelas inte på segment eller "
                               "perioder."},
    "note_formula": {"en": "{kpi}: {note}.", "nb": "{kpi}: {note}.", "sv": "{kpi}: {note}."},
    # the catalog's formula notes (catalog.Formula.note, the English here must be the same)
    "note_formula_bounce_rate": {"en": "1 − engaged sessions / sessions (GA4 has no bounces column)",
                                 "nb": "1 − engasjerte økter / økter (GA4 har ingen kolonne for avvisninger)",
                                 "sv": "1 − engagerade sessioner / sessioner (GA4 har ingen kolumn för avvisningar)"},
    "note_formula_conversion_rate": {"en": "per click: the source of the conversions reports no sessions",
                                     "nb": "per klikk: kilden til konverteringene rapporterer ingen økter",
                                     "sv": "per klick: källan till konverteringarna rapporterar inga sessioner"},
    "note_formula_conversion_rate_orders": {
        "en": "orders per session: the data has orders but no conversions column",
        "nb": "ordrer per økt: dataene har ordrer, men ingen kolonne for konverteringer",
        "sv": "ordrar per session: datan har ordrar men ingen kolumn för konverteringar"},
    "note_formula_cpa": {"en": "per order: the data has orders but no conversions column",
                         "nb": "per ordre: dataene har ordrer, men ingen kolonne for konverteringer",
                         "sv": "per order: datan har ordrar men ingen kolumn för konverteringar"},
    "note_formula_aov": {"en": "per conversion: the source of the revenue reports no orders",
                         "nb": "per konvertering: kilden til omsetningen rapporterer ingen ordrer",
                         "sv": "per konvertering: källan till intäkterna rapporterar inga ordrar"},
    "note_previous_uncovered": {"en": "The data does not cover the whole previous period ({period}).",
                                "nb": "Dataene dekker ikke hele forrige periode ({period}).",
                                "sv": "Datan täcker inte hela föregående period ({period})."},
    "no_kpis_stage": {"en": "This goal has no KPIs at this stage.", "nb": "Målet har ingen KPI-er i dette steget.",
                      "sv": "Målet har inga KPI:er i detta steg."},
    "spans_left_out": {
        "en": "{n} row(s) from {sources} cover {start} to {end} as a whole, not day by day: they count only in a "
              "period that covers all of those days, so this period leaves them out. Pick {start} – {end} to see them.",
        "nb": "{n} rad(er) fra {sources} gjelder {start} til {end} samlet, ikke dag for dag: de teller bare i en "
              "periode som dekker alle de dagene, så denne perioden utelater dem. Velg {start} – {end} for å se dem.",
        "sv": "{n} rad(er) från {sources} gäller {start} till {end} sammanlagt, inte dag för dag: de räknas bara i "
              "en period som täcker alla de dagarna, så den här perioden utelämnar dem. Välj {start} – {end} för att "
              "se dem."},
    "segments_mixed_currencies": {
        "en": "{kpi} is money, and the segments' money is in different currencies: the table below gives each "
              "segment's in its own. Pick one currency in the sidebar's Currency filter, or enter exchange rates "
              "on the Goal page (business inputs), to compare them in a chart.",
        "nb": "{kpi} er penger, og segmentenes penger er i ulike valutaer: tabellen under viser hvert segment i sin "
              "egen. Velg én valuta i valutafilteret i sidefeltet, eller legg inn valutakurser på Mål-siden "
              "(forretningstall), for å sammenligne dem i et diagram.",
        "sv": "{kpi} är pengar, och segmentens pengar är i olika valutor: tabellen nedan visar varje segment i sin "
              "egen. Välj en valuta i valutafiltret i sidofältet, eller ange växelkurser på Mål-sidan "
              "(affärsdata), för att jämföra dem i ett diagram."},
    "shares_mixed_currencies": {
        "en": "Shares of spend, and spend against efficiency, need one currency: the segments spend in several.",
        "nb": "Andeler av kostnad, og kostnad mot effektivitet, krever én valuta: segmentene bruker flere.",
        "sv": "Andelar av kostnad, och kostnad mot effektivitet, kräver en valuta: segmenten använder flera."},
    "note_stage_dates": {
        "en": "Lead → MQL, MQL → SQL and MQL → customer count each stage on the day it was reached: the MQLs of the "
              "period over its leads, whoever they were. The Funnel page follows the contacts created in the "
              "period through their stages instead, so its rates can differ.",
        "nb": "Lead → MQL, MQL → SQL og MQL → kunde teller hvert steg på dagen det ble nådd: periodens MQL-er over "
              "periodens leads, uansett hvem de var. Trakt-siden følger i stedet kontaktene som ble opprettet i "
              "perioden gjennom stegene, så ratene der kan avvike.",
        "sv": "Lead → MQL, MQL → SQL och MQL → kund räknar varje steg den dag det nåddes: periodens MQL:er över "
              "periodens leads, vilka de än var. Tratt-sidan följer i stället kontakterna som skapades i perioden "
              "genom stegen, så dess andelar kan skilja sig."},
    "link_uploads": {
        "en": "This link was made on uploaded files, and files never travel in a link: the sample data is shown. "
              "Upload the same exports on the Data page to see the view it shared (the goal is kept).",
        "nb": "Denne lenken ble laget med opplastede filer, og filer følger aldri med en lenke: eksempeldataene "
              "vises. Last opp de samme eksportene på Data-siden for å se visningen som ble delt (målet beholdes).",
        "sv": "Den här länken gjordes med uppladdade filer, och filer följer aldrig med en länk: exempeldatan "
              "visas. Ladda upp samma exporter på Data-sidan för att se vyn som delades (målet behålls)."},
    "no_rows": {"en": "No rows match the filters. Widen the period or clear a filter in the sidebar.",
                "nb": "Ingen rader passer filtrene. Utvid perioden eller fjern et filter i sidefeltet.",
                "sv": "Inga rader matchar filtren. Bredda perioden eller ta bort ett filter i sidofältet."},
    "data_question": {"en": "Which data are we looking at?", "nb": "Hvilke data ser vi på?",
                      "sv": "Vilka data tittar vi på?"},
    "privacy": {"en": "Your files stay in this browser session and are never stored. Closing the tab discards them.",
                "nb": "Filene dine blir i denne nettleserøkten og lagres aldri. Lukker du fanen, forsvinner de.",
                "sv": "Dina filer stannar i denna webbläsarsession och sparas aldrig. "
                      "Stänger du fliken försvinner de."},
    "upload": {"en": "Upload exports (CSV, TSV or XLSX)", "nb": "Last opp eksporter (CSV, TSV eller XLSX)",
               "sv": "Ladda upp exporter (CSV, TSV eller XLSX)"},
    "samples": {"en": "Or explore a sample set", "nb": "Eller utforsk et eksempelsett",
                "sv": "Eller utforska ett exempelset"},
    "no_samples": {"en": "No sample data is bundled with this copy of the app.",
                   "nb": "Denne kopien av appen har ingen eksempeldata.",
                   "sv": "Denna kopia av appen har inga exempeldata."},
    "use_sample": {"en": "Use this set", "nb": "Bruk dette settet", "sv": "Använd detta set"},
    "sample_files": {"en": "In use: how its {n} files were read", "nb": "I bruk: slik ble de {n} filene lest",
                     "sv": "Används: så lästes dess {n} filer"},
    "remove": {"en": "Remove", "nb": "Fjern", "sv": "Ta bort"},
    "rows_summary": {"en": "{used} of {read} rows used, {excluded} excluded",
                     "nb": "{used} av {read} rader brukt, {excluded} utelatt",
                     "sv": "{used} av {read} rader används, {excluded} uteslutna"},
    "col_line": {"en": "Line", "nb": "Linje", "sv": "Rad"},
    "col_reason": {"en": "Reason", "nb": "Grunn", "sv": "Skäl"},
    "excluded_rows": {"en": "Excluded rows and why", "nb": "Utelatte rader og hvorfor",
                      "sv": "Uteslutna rader och varför"},
    "findings": {"en": "Data-quality findings", "nb": "Funn om datakvalitet", "sv": "Fynd om datakvalitet"},
    "mapping": {"en": "Column mapping: correct a column and the file is re-read at once",
                "nb": "Kolonnekobling: rett en kolonne, så leses filen på nytt med en gang",
                "sv": "Kolumnmappning: rätta en kolumn så läses filen om direkt"},
    "download_recipe": {"en": "Download mapping recipe (JSON)", "nb": "Last ned koblingsoppskrift (JSON)",
                        "sv": "Ladda ner mappningsrecept (JSON)"},
    "upload_recipe": {"en": "Apply a saved recipe", "nb": "Bruk en lagret oppskrift", "sv": "Använd ett sparat recept"},
    "platform": {"en": "Platform", "nb": "Plattform", "sv": "Plattform"},
    "map_column": {"en": "Column in the file", "nb": "Kolonne i filen", "sv": "Kolumn i filen"},
    "map_to": {"en": "Read as", "nb": "Leses som", "sv": "Läses som"},
    "map_rule": {"en": "Why", "nb": "Hvorfor", "sv": "Varför"},
    "kind": {"en": "Table", "nb": "Tabell", "sv": "Tabell"},
    "currency_code": {"en": "Currency", "nb": "Valuta", "sv": "Valuta"},
    "dates": {"en": "Dates", "nb": "Datoer", "sv": "Datum"},
    "ignore": {"en": "ignore", "nb": "ignorer", "sv": "ignorera"},
    "segments_question": {"en": "Where does the result come from?", "nb": "Hvor kommer resultatet fra?",
                          "sv": "Var kommer resultatet ifrån?"},
    "kpi": {"en": "KPI", "nb": "KPI", "sv": "KPI"},
    "dimension": {"en": "Break down by", "nb": "Del opp etter", "sv": "Dela upp efter"},
    "second_dimension": {"en": "…and by (heatmap)", "nb": "…og etter (varmekart)", "sv": "…och efter (värmekarta)"},
    "bars_caption": {"en": "Click a bar to focus the views below on that segment; click it again to clear.",
                     "nb": "Klikk på en stolpe for å se bare det segmentet nedenfor; klikk igjen for å nullstille.",
                     "sv": "Klicka på en stapel för att fokusera vyerna nedan på segmentet; "
                            "klicka igen för att rensa."},
    "focus": {"en": "Focused on {dim} = {value}", "nb": "Viser bare {dim} = {value}",
              "sv": "Visar bara {dim} = {value}"},
    "share_title": {"en": "Share of spend vs share of {result}", "nb": "Andel av kostnad mot andel av {result}",
                    "sv": "Andel av kostnad mot andel av {result}"},
    "share_caption": {"en": "A segment whose result share is larger than its spend share pulls more than its weight.",
                      "nb": "Et segment med større resultatandel enn kostnadsandel drar mer enn sin del.",
                      "sv": "Ett segment med större resultatandel än kostnadsandel drar mer än sin del."},
    "bubble_title": {"en": "Spend against {kpi}", "nb": "Kostnad mot {kpi}", "sv": "Kostnad mot {kpi}"},
    "bubble_caption": {"en": "Big bubbles far from the good side are where budget is at stake.",
                       "nb": "Store bobler langt fra den gode siden er der budsjettet står på spill.",
                       "sv": "Stora bubblor långt från den goda sidan är där budgeten står på spel."},
    "heatmap_title": {"en": "{kpi} by {a} and {b}", "nb": "{kpi} etter {a} og {b}", "sv": "{kpi} efter {a} och {b}"},
    "table_title": {"en": "Every KPI per segment", "nb": "Alle KPI-er per segment", "sv": "Alla KPI:er per segment"},
    "download_csv": {"en": "Download CSV", "nb": "Last ned CSV", "sv": "Ladda ner CSV"},
    "download_xlsx": {"en": "Download XLSX", "nb": "Last ned XLSX", "sv": "Ladda ner XLSX"},
    "no_dimensions": {"en": "Nothing to compare: in this period every dimension (campaign, channel, device…) has "
                            "a single value or none. Widen the period in the sidebar or add another export.",
                      "nb": "Ingenting å sammenligne: i denne perioden har hver dimensjon (kampanje, kanal, enhet …) "
                            "bare én verdi eller ingen. Utvid perioden i sidepanelet eller legg til en eksport til.",
                      "sv": "Inget att jämföra: under perioden har varje dimension (kampanj, kanal, enhet …) bara "
                            "ett värde eller inget. Bredda perioden i sidopanelen eller lägg till en export till."},
    "trends_question": {"en": "How did it move over time?", "nb": "Hvordan har det utviklet seg?",
                        "sv": "Hur har det utvecklats över tid?"},
    "kpis": {"en": "KPIs", "nb": "KPI-er", "sv": "KPI:er"},
    "grain": {"en": "Grain", "nb": "Tidsenhet", "sv": "Tidsenhet"},
    "day": {"en": "Day", "nb": "Dag", "sv": "Dag"},
    "week": {"en": "Week", "nb": "Uke", "sv": "Vecka"},
    "month": {"en": "Month", "nb": "Måned", "sv": "Månad"},
    "current": {"en": "This period", "nb": "Denne perioden", "sv": "Denna period"},
    "previous": {"en": "Previous period", "nb": "Forrige periode", "sv": "Föregående period"},
    "trends_caption": {"en": "The solid line is the period analysed; the dashed line is the period before it, "
                             "laid over the same dates.",
                       "nb": "Heltrukken linje er perioden; stiplet linje er perioden før, lagt over de samme datoene.",
                       "sv": "Heldragen linje är perioden; streckad linje är perioden före, lagd över samma datum."},
    "funnel_question": {"en": "Where do people drop off?", "nb": "Hvor faller folk fra?",
                        "sv": "Var faller folk bort?"},
    "funnel_other_tool": {
        "en": "{stage} are left out of this chain: no one tool reports both {before} and {stage} (web analytics "
              "counts all traffic, organic and direct included), so a step between them would mislead.",
        "nb": "{stage} er utelatt fra kjeden: ingen kilde rapporterer både {before} og {stage} (webanalyse teller "
              "all trafikk, også organisk og direkte), så et steg mellom dem ville villede.",
        "sv": "{stage} är utelämnade ur kedjan: ingen källa rapporterar både {before} och {stage} (webbanalys "
              "räknar all trafik, även organisk och direkt), så ett steg mellan dem skulle vilseleda.",
    },
    "funnel_caption": {"en": "Volume: how many reached each stage. Step rate: the share that made it from the "
                             "stage before. The red step loses the largest share.",
                       "nb": "Hver stolpe er et steg; raten er andelen som kom videre fra steget før. "
                             "Det røde steget mister størst andel.",
                       "sv": "Varje stapel är ett steg; andelen är hur många som kom vidare från steget före. "
                             "Det röda steget tappar störst andel."},
    "funnel_biggest_drop": {"en": "Biggest drop: {a} → {b} ({rate} make it).",
                            "nb": "Største frafall: {a} → {b} ({rate} kommer videre).",
                            "sv": "Största tappet: {a} → {b} ({rate} går vidare)."},
    "funnel_too_short": {"en": "The data needs at least two funnel stages (for example impressions and clicks).",
                         "nb": "Dataene trenger minst to steg i trakten (for eksempel visninger og klikk).",
                         "sv": "Data behöver minst två steg i tratten (till exempel visningar och klick)."},
    "step_rate": {"en": "Step rate", "nb": "Stegrate", "sv": "Stegandel"},
    "volume": {"en": "Volume", "nb": "Volum", "sv": "Volym"},
    "stage": {"en": "Stage", "nb": "Steg", "sv": "Steg"},
    "other": {"en": "Other", "nb": "Andre", "sv": "Övriga"},
    "value": {"en": "Value", "nb": "Verdi", "sv": "Värde"},
    "date": {"en": "Date", "nb": "Dato", "sv": "Datum"},
    "spend": {"en": "Spend", "nb": "Kostnad", "sv": "Kostnad"},
    "read_error": {"en": "{file}: {problem}", "nb": "{file}: {problem}", "sv": "{file}: {problem}"},
    # --- the Loyalty page and the lead funnel (kpi_core.loyalty, kpi_core.leads) ---
    "page_loyalty": {"en": "Loyalty", "nb": "Lojalitet", "sv": "Lojalitet"},
    "loyalty_question": {"en": "Do customers come back?", "nb": "Kommer kundene tilbake?",
                         "sv": "Kommer kunderna tillbaka?"},
    "loyalty_no_orders": {
        "en": "Loyalty needs the shop's orders: upload an orders export (Shopify's orders_export.csv, or a sheet "
              "with order id, customer, date and amount) on the Data page.",
        "nb": "Lojalitet trenger butikkens ordrer: last opp en ordreeksport (Shopifys orders_export.csv, eller et "
              "ark med ordrenummer, kunde, dato og beløp) på Data-siden.",
        "sv": "Lojalitet behöver butikens ordrar: ladda upp en orderexport (Shopifys orders_export.csv, eller ett "
              "ark med ordernummer, kund, datum och belopp) på sidan Data."},
    "loyalty_customer_table": {
        "en": "{files}: a customer table, one row per customer with totals but no order dates. It gives customers, "
              "orders, revenue, AOV, LTV and repeat purchase rate on the Segments page; cohorts, churn and LTV curves "
              "need each order with its date.",
        "nb": "{files}: en kundetabell, én rad per kunde med summer men uten ordredatoer. Den gir kunder, ordrer, "
              "omsetning, AOV, LTV og gjenkjøpsrate på Segmenter-siden; kohorter, frafall og LTV-kurver trenger "
              "hver ordre med dato.",
        "sv": "{files}: en kundtabell, en rad per kund med summor men utan orderdatum. Den ger kunder, ordrar, "
              "intäkter, AOV, LTV och återköpsgrad på sidan Segment; kohorter, kundbortfall och LTV-kurvor behöver "
              "varje order med datum."},
    "order_currency": {"en": "Currency of the orders analysed (amounts in different currencies are never added)",
                       "nb": "Valuta for ordrene (beløp i ulike valutaer legges aldri sammen)",
                       "sv": "Valuta för ordrarna (belopp i olika valutor läggs aldrig ihop)"},
    "churn_window": {"en": "Churn window (days)", "nb": "Frafallsvindu (dager)", "sv": "Churn-fönster (dagar)"},
    "ltv_horizon": {"en": "LTV horizon (months)", "nb": "LTV-horisont (måneder)", "sv": "LTV-horisont (månader)"},
    "loyalty_period": {"en": "{start} – {end} (the period in the sidebar). The orders end on {as_of}.",
                       "nb": "{start} – {end} (perioden i sidefeltet). Ordrene slutter {as_of}.",
                       "sv": "{start} – {end} (perioden i sidofältet). Ordrarna slutar {as_of}."},
    "orders": {"en": "Orders", "nb": "Ordrer", "sv": "Ordrar"},
    "net_revenue": {"en": "Net revenue", "nb": "Nettoomsetning", "sv": "Nettointäkter"},
    "customers_new_returning": {"en": "Customers (new / returning)", "nb": "Kunder (nye / tilbakevendende)",
                                "sv": "Kunder (nya / återkommande)"},
    "returning_customers": {"en": "Returning customers", "nb": "Tilbakevendende kunder",
                            "sv": "Återkommande kunder"},
    "ltv_customers": {"en": "Customers in cohorts {h} months old", "nb": "Kunder i kohorter eldre enn {h} måneder",
                      "sv": "Kunder i kohorter äldre än {h} månader"},
    "purchase_frequency": {"en": "Purchase frequency", "nb": "Kjøpsfrekvens", "sv": "Köpfrekvens"},
    "definitions": {"en": "How these numbers are defined", "nb": "Slik er tallene definert",
                    "sv": "Så definieras siffrorna"},
    "cohorts_title": {"en": "Cohorts: who keeps buying", "nb": "Kohorter: hvem fortsetter å kjøpe",
                      "sv": "Kohorter: vilka fortsätter att köpa"},
    "incomplete_caption": {"en": "Faded cells and points: the month is not over yet, so the value can still grow.",
                           "nb": "Bleke celler og punkter: måneden er ikke over, så verdien kan fortsatt øke.",
                           "sv": "Bleka celler och punkter: månaden är inte slut, så värdet kan fortfarande öka."},
    "ltv_title": {"en": "LTV curves", "nb": "LTV-kurver", "sv": "LTV-kurvor"},
    "ltv_basis_gp": {"en": "Gross profit per customer (net revenue × the margin entered on the Goal page).",
                     "nb": "Bruttofortjeneste per kunde (nettoomsetning × marginen fra Mål-siden).",
                     "sv": "Bruttovinst per kund (nettointäkter × marginalen från Mål-sidan)."},
    "ltv_basis_revenue": {"en": "Net revenue per customer. Enter a gross margin on the Goal page for gross profit.",
                          "nb": "Nettoomsetning per kunde. Legg inn bruttomargin på Mål-siden for bruttofortjeneste.",
                          "sv": "Nettointäkter per kund. Ange bruttomarginal på Mål-sidan för bruttovinst."},
    "ltv_by_cohort": {"en": "LTV per cohort at 3, 6 and 12 months (– = the cohort is too young)",
                      "nb": "LTV per kohort etter 3, 6 og 12 måneder (– = kohorten er for ung)",
                      "sv": "LTV per kohort efter 3, 6 och 12 månader (– = kohorten är för ung)"},
    "ltv_cac_title": {"en": "LTV:CAC by acquisition channel", "nb": "LTV:CAC per anskaffelseskanal",
                      "sv": "LTV:CAC per anskaffningskanal"},
    "ltv_cac_caption": {
        "en": "LTV = net revenue per customer over their first {h} months, from the cohorts old enough. CAC = "
              "(ad spend + other costs) / new customers, {start} – {end}. A customer's channel is that of their "
              "first order. Healthy at 3 or more.",
        "nb": "LTV = nettoomsetning per kunde de første {h} månedene, fra kohortene som er gamle nok. CAC = "
              "(annonsekostnad + andre kostnader) / nye kunder, {start} – {end}. Kundens kanal er kanalen til "
              "første ordre. Sunt fra 3 og oppover.",
        "sv": "LTV = nettointäkter per kund de första {h} månaderna, från kohorterna som är gamla nog. CAC = "
              "(annonskostnad + övriga kostnader) / nya kunder, {start} – {end}. Kundens kanal är den första "
              "orderns kanal. Sunt från 3 och uppåt."},
    "by_month_title": {"en": "New and returning customers by month", "nb": "Nye og tilbakevendende kunder per måned",
                       "sv": "Nya och återkommande kunder per månad"},
    "personal_data": {"en": "Personal data left out by the readers (never shown, stored or sent to the browser)",
                      "nb": "Personopplysninger som leserne utelot (vises, lagres og sendes aldri til nettleseren)",
                      "sv": "Personuppgifter som läsarna uteslöt (visas, sparas och skickas aldrig till webbläsaren)"},
    "lead_funnel_title": {"en": "Lead funnel (CRM)", "nb": "Leadstrakt (CRM)", "sv": "Leadstratt (CRM)"},
    "lead_funnel_caption": {
        "en": "Contacts created {start} – {end}, followed to the stage they have reached now; CPL and CAC use the "
              "ad spend of the same dates.",
        "nb": "Kontakter opprettet {start} – {end}, fulgt til steget de har nådd nå; CPL og CAC bruker "
              "annonsekostnaden for de samme datoene.",
        "sv": "Kontakter skapade {start} – {end}, följda till steget de nått nu; CPL och CAC använder "
              "annonskostnaden för samma datum."},
    "lead_by_month": {"en": "By create month", "nb": "Etter opprettelsesmåned", "sv": "Efter skapandemånad"},
    "deals_title": {"en": "Deals by create month", "nb": "Avtaler etter opprettelsesmåned",
                    "sv": "Affärer efter skapandemånad"},
    "deals_caption": {"en": "Win rate = won / closed (won or lost) deals; days to close: median over won deals.",
                      "nb": "Vinnrate = vunnet / lukkede (vunnet eller tapt) avtaler; dager til lukking: median "
                            "over vunne avtaler.",
                      "sv": "Vinstandel = vunna / stängda (vunna eller förlorade) affärer; dagar till avslut: median "
                            "över vunna affärer."},
    "months_since_first": {"en": "Months since first order", "nb": "Måneder siden første ordre",
                           "sv": "Månader sedan första ordern"},
    "cohort_first_order": {"en": "Cohort (first order)", "nb": "Kohort (første ordre)", "sv": "Kohort (första order)"},
    "still_buying": {"en": "Still buying", "nb": "Kjøper fortsatt", "sv": "Köper fortfarande"},
    "ltv_per_customer": {"en": "LTV per customer", "nb": "LTV per kunde", "sv": "LTV per kund"},
    "ltv_cac_healthy": {"en": "3 or more (healthy)", "nb": "3 eller mer (sunt)", "sv": "3 eller mer (sunt)"},
    "ltv_cac_below": {"en": "below 3", "nb": "under 3", "sv": "under 3"},
    "month_complete": {"en": "Month over", "nb": "Hel måned", "sv": "Hel månad"},
    "bars_no_value": {"en": "No {kpi} for {segments}: its inputs are missing there.",
                      "nb": "Ingen {kpi} for {segments}: tallene den bygger på, mangler der.",
                      "sv": "Ingen {kpi} för {segments}: siffrorna den bygger på saknas där."},
    "no_headline": {"en": "No headline KPI yet: {kpis} would lead this goal ({why}).",
                    "nb": "Ingen hoved-KPI ennå: {kpis} skulle ledet dette målet ({why}).",
                    "sv": "Ingen huvud-KPI ännu: {kpis} skulle leda det här målet ({why})."},
    "trend_no_value_spans": {
        "en": "{kpi} has no value by {grain} here: the rows it comes from cover several days as a whole (a report "
              "without a day breakdown, such as a GA4 download without dates), so they fit no single {grain}. A "
              "coarser grain (month) or the scorecard counts them.",
        "nb": "{kpi} har ingen verdi per {grain} her: radene den kommer fra gjelder flere dager samlet (en rapport "
              "uten inndeling per dag, som en GA4-nedlasting uten datoer), så de passer ikke i én {grain}. En "
              "grovere inndeling (måned) eller resultatkortet teller dem.",
        "sv": "{kpi} har inget värde per {grain} här: raderna det kommer från gäller flera dagar sammanlagt (en "
              "rapport utan uppdelning per dag, som en GA4-nedladdning utan datum), så de passar inte i en {grain}. "
              "En grövre indelning (månad) eller resultatkortet räknar dem."},
    "trend_no_value": {"en": "{kpi} has no value by {grain} here: people counts such as reach cannot be added up over "
                             "days or campaigns, and a ratio needs both its parts from one tool.",
                       "nb": "{kpi} har ingen verdi per {grain} her: antall personer, som rekkevidde, kan ikke legges "
                             "sammen over dager eller kampanjer, og et forhold trenger begge delene fra samme verktøy.",
                       "sv": "{kpi} har inget värde per {grain} här: antal personer, som räckvidd, kan inte läggas "
                             "ihop över dagar eller kampanjer, och en kvot behöver båda delarna från samma verktyg."},
    "grain_shown": {"en": "Shown by {grain}: the data is not dated finely enough, or the period is too long, "
                          "for the grain chosen.",
                    "nb": "Vist per {grain}: dataene er ikke datert fint nok, eller perioden er for lang, for "
                          "tidsenheten som er valgt.",
                    "sv": "Visas per {grain}: datan är inte daterad tillräckligt fint, eller perioden är för lång, "
                          "för den valda tidsenheten."},
    "no_segment_kpis": {"en": "No KPI has a value by {dim}. Pick another dimension above.",
                        "nb": "Ingen KPI har en verdi etter {dim}. Velg en annen inndeling over.",
                        "sv": "Ingen KPI har ett värde per {dim}. Välj en annan indelning ovan."},
    "ltv_cac_axis": {"en": "LTV ({h} months) : CAC", "nb": "LTV ({h} måneder) : CAC", "sv": "LTV ({h} månader) : CAC"},
    "contacts": {"en": "Contacts", "nb": "Kontakter", "sv": "Kontakter"},
    "original_source": {"en": "Original source", "nb": "Opprinnelig kilde", "sv": "Ursprunglig källa"},
    "lead_dates": {"en": "Contacts created", "nb": "Kontakter opprettet", "sv": "Kontakter skapade"},
    "lead_dates_all": {"en": "All dates of the CRM export", "nb": "Alle datoer i CRM-eksporten",
                       "sv": "Alla datum i CRM-exporten"},
    "lead_dates_period": {"en": "In the period analysed", "nb": "I perioden", "sv": "I perioden"},
    "lead_dates_help": {"en": "Leads take months to become customers: the whole export shows where they end up.",
                        "nb": "Det tar måneder før leads blir kunder: hele eksporten viser hvor de ender.",
                        "sv": "Det tar månader innan leads blir kunder: hela exporten visar var de hamnar."},
    # context: targets, diagnostics, why it moved, where a number comes from, anomalies
    "targets": {"en": "Targets", "nb": "Mål", "sv": "Mål"},
    "targets_help": {"en": "On track when the value meets the target, at risk within 10 % of it, off track beyond. "
                           "Sums (spend, revenue, conversions…) are projected in a straight line to the due date.",
                     "nb": "I rute når verdien når målet, i fare innenfor 10 % av det, ellers ikke i rute. Summer "
                           "(kostnad, omsetning, konverteringer…) framskrives lineært til fristen.",
                     "sv": "I fas när värdet når målet, i riskzonen inom 10 % av det, annars ur fas. Summor "
                           "(kostnad, intäkter, konverteringar…) skrivs fram linjärt till slutdatumet."},
    "target_metric": {"en": "KPI", "nb": "KPI", "sv": "KPI"},
    "target_kind": {"en": "Target as", "nb": "Mål som", "sv": "Mål som"},
    "target_value": {"en": "a value", "nb": "en verdi", "sv": "ett värde"},
    "target_change": {"en": "a change on the previous period (%)", "nb": "en endring fra forrige periode (%)",
                      "sv": "en förändring mot föregående period (%)"},
    "target_amount": {"en": "Value (a rate in %) or change in %", "nb": "Verdi (en rate i %) eller endring i %",
                      "sv": "Värde (en andel i %) eller förändring i %"},
    "target_due": {"en": "By", "nb": "Innen", "sv": "Senast"},
    "target_add": {"en": "Add target", "nb": "Legg til mål", "sv": "Lägg till mål"},
    "target_none": {"en": "No targets yet. Set a few, each with a date: \"raise conversion rate by 10 % within "
                          "three months\".",
                    "nb": "Ingen mål ennå. Sett noen få, hvert med en dato: «øk konverteringsraten med 10 % innen tre "
                          "måneder».",
                    "sv": "Inga mål ännu. Sätt några få, vart och ett med ett datum: ”höj konverteringsgraden med "
                          "10 % inom tre månader”."},
    "target_line": {"en": "{status}: {value} vs target {goal}{due}", "nb": "{status}: {value} mot målet {goal}{due}",
                    "sv": "{status}: {value} mot målet {goal}{due}"},
    "target_by": {"en": " by {date}", "nb": " innen {date}", "sv": " senast {date}"},
    "projected": {"en": "projected {value}", "nb": "anslått {value}", "sv": "prognos {value}"},
    "on_track": {"en": "on track", "nb": "i rute", "sv": "i fas"},
    "at_risk": {"en": "at risk", "nb": "i fare", "sv": "i riskzonen"},
    "off_track": {"en": "off track", "nb": "ikke i rute", "sv": "ur fas"},
    "workspace": {"en": "Workspace file", "nb": "Arbeidsområdefil", "sv": "Arbetsytefil"},
    "workspace_save": {"en": "Save workspace", "nb": "Lagre arbeidsområde", "sv": "Spara arbetsyta"},
    "workspace_load": {"en": "Load a workspace", "nb": "Last inn arbeidsområde", "sv": "Läs in arbetsyta"},
    "workspace_help": {"en": "Goal, business inputs, targets and filters as a small JSON file, without any data rows.",
                       "nb": "Mål, forretningstall, mål og filtre som en liten JSON-fil, uten datarader.",
                       "sv": "Mål, affärsuppgifter, mål och filter som en liten JSON-fil, utan datarader."},
    "workspace_loaded": {"en": "Workspace loaded: {n} targets.", "nb": "Arbeidsområde lastet inn: {n} mål.",
                         "sv": "Arbetsyta inläst: {n} mål."},
    "suggest_targets": {"en": "Suggest: 10 % better than the previous period", "nb": "Foreslå: 10 % bedre enn "
                        "forrige periode", "sv": "Föreslå: 10 % bättre än föregående period"},
    "benchmarks": {"en": "Benchmark ranges", "nb": "Referanseområder", "sv": "Jämförelseintervall"},
    "benchmarks_help": {"en": "Ranges you trust (your own history, an agency's report), per KPI and optionally per "
                              "channel. None are built in: published industry figures vary too much to be facts.",
                        "nb": "Områder du stoler på (egen historikk, et byrås rapport), per KPI og eventuelt per "
                              "kanal. Ingen er innebygd: publiserte bransjetall varierer for mye til å være fakta.",
                        "sv": "Intervall du litar på (egen historik, en byrås rapport), per KPI och eventuellt per "
                              "kanal. Inga är inbyggda: publicerade branschsiffror varierar för mycket för att "
                              "vara fakta."},
    "benchmark_low": {"en": "Low", "nb": "Lav", "sv": "Låg"},
    "benchmark_high": {"en": "High", "nb": "Høy", "sv": "Hög"},
    "benchmark_source": {"en": "Where it comes from", "nb": "Kilde", "sv": "Källa"},
    "benchmark_add": {"en": "Add range", "nb": "Legg til område", "sv": "Lägg till intervall"},
    "benchmark_status": {"en": "Benchmark", "nb": "Referanse", "sv": "Jämförelse"},
    "all_channels": {"en": "all channels", "nb": "alle kanaler", "sv": "alla kanaler"},
    "below": {"en": "below the range", "nb": "under området", "sv": "under intervallet"},
    "within": {"en": "within the range", "nb": "innenfor området", "sv": "inom intervallet"},
    "above": {"en": "above the range", "nb": "over området", "sv": "över intervallet"},
    "benchmark_line": {"en": "{value}, {position} {low} – {high}{source}", "nb": "{value}, {position} {low} – {high}"
                       "{source}", "sv": "{value}, {position} {low} – {high}{source}"},
    "diagnostics": {"en": "What the numbers say", "nb": "Hva tallene forteller", "sv": "Vad siffrorna säger"},
    "diagnostics_caption": {"en": "Ranked by money at stake, data quality first; segments by {dim}.",
                            "nb": "Rangert etter beløpet det gjelder, datakvalitet først; segmenter etter {dim}.",
                            "sv": "Rangordnat efter beloppet det gäller, datakvalitet först; segment efter {dim}."},
    "diagnostics_none": {"en": "Nothing stands out against the other segments or the previous period.",
                         "nb": "Ingenting skiller seg ut mot de andre segmentene eller forrige periode.",
                         "sv": "Inget sticker ut mot de andra segmenten eller föregående period."},
    "next_step": {"en": "Next step", "nb": "Neste steg", "sv": "Nästa steg"},
    "explain_number": {"en": "Where this number comes from", "nb": "Hvor tallet kommer fra",
                       "sv": "Var siffran kommer ifrån"},
    "rows_behind": {"en": "{n} rows summed", "nb": "{n} rader summert", "sv": "{n} rader summerade"},
    "no_filters": {"en": "no filters", "nb": "ingen filtre", "sv": "inga filter"},
    "why_moved": {"en": "Why did it move?", "nb": "Hvorfor endret det seg?", "sv": "Varför ändrades det?"},
    "why_moved_caption": {"en": "{kpi}: {previous} → {current} ({change}) = mix {mix} + rate {rate}. Mix: volume "
                                "moved between segments; rate: the segments themselves got better or worse.",
                          "nb": "{kpi}: {previous} → {current} ({change}) = miks {mix} + rate {rate}. Miks: volum "
                                "flyttet mellom segmenter; rate: segmentene selv ble bedre eller dårligere.",
                          "sv": "{kpi}: {previous} → {current} ({change}) = mix {mix} + takt {rate}. Mix: volym "
                                "flyttad mellan segment; takt: segmenten själva blev bättre eller sämre."},
    "why_split": {"en": "Show mix and rate apart", "nb": "Vis miks og rate hver for seg",
                  "sv": "Visa mix och takt var för sig"},
    "anomalies_caption": {"en": "Dots: unusual days, outside the median ± 3 robust standard deviations of the 28 days "
                                "before; green is good news, red bad.",
                          "nb": "Prikker: uvanlige dager, utenfor medianen ± 3 robuste standardavvik for de 28 "
                                "dagene før; grønt er gode nyheter, rødt dårlige.",
                          "sv": "Prickar: ovanliga dagar, utanför medianen ± 3 robusta standardavvikelser för de 28 "
                                "dagarna före; grönt är goda nyheter, rött dåliga."},
}
# and what the readers say (kpi_core/reader_texts.py): one key space, so no key may stand in both
assert not _UI_TEXTS.keys() & READER_TEXTS.keys(), sorted(_UI_TEXTS.keys() & READER_TEXTS.keys())
TEXTS: Mapping[str, Mapping[str, str]] = {**_UI_TEXTS, **READER_TEXTS}

# Funnel stage and dimension names for charts and selectors (measures and dimensions of schema.py).
NAMES: Mapping[str, Mapping[str, str]] = {
    "impressions": {"en": "Impressions", "nb": "Visninger", "sv": "Visningar"},
    "clicks": {"en": "Clicks", "nb": "Klikk", "sv": "Klick"},
    "sessions": {"en": "Sessions", "nb": "Økter", "sv": "Sessioner"},
    "conversions": {"en": "Conversions", "nb": "Konverteringer", "sv": "Konverteringar"},
    "orders": {"en": "Orders", "nb": "Ordrer", "sv": "Ordrar"},
    "revenue": {"en": "Revenue", "nb": "Omsetning", "sv": "Intäkter"},
    "leads": {"en": "Leads", "nb": "Leads", "sv": "Leads"},
    "spend": {"en": "Spend", "nb": "Kostnad", "sv": "Kostnad"},
    "source": {"en": "Source", "nb": "Kilde", "sv": "Källa"},
    "channel": {"en": "Channel", "nb": "Kanal", "sv": "Kanal"},
    "campaign": {"en": "Campaign", "nb": "Kampanje", "sv": "Kampanj"},
    "campaign_type": {"en": "Campaign type", "nb": "Kampanjetype", "sv": "Kampanjtyp"},
    "ad_group": {"en": "Ad group / ad set", "nb": "Annonsegruppe", "sv": "Annonsgrupp"},
    "ad": {"en": "Ad", "nb": "Annonse", "sv": "Annons"},
    "keyword": {"en": "Keyword", "nb": "Søkeord", "sv": "Sökord"},
    "device": {"en": "Device", "nb": "Enhet", "sv": "Enhet"},
    "country": {"en": "Country", "nb": "Land", "sv": "Land"},
    "region": {"en": "Region", "nb": "Region", "sv": "Region"},
    "age": {"en": "Age", "nb": "Alder", "sv": "Ålder"},
    "gender": {"en": "Gender", "nb": "Kjønn", "sv": "Kön"},
    "placement": {"en": "Placement", "nb": "Plassering", "sv": "Placering"},
    "audience": {"en": "Audience", "nb": "Målgruppe", "sv": "Målgrupp"},
    "customer_type": {"en": "New or returning", "nb": "Ny eller tilbakevendende", "sv": "Ny eller återkommande"},
    "landing_page": {"en": "Landing page", "nb": "Landingsside", "sv": "Landningssida"},
    "lifecycle_stage": {"en": "Lifecycle stage", "nb": "Livssyklusfase", "sv": "Livscykelfas"},
    "education": {"en": "Education", "nb": "Utdanning", "sv": "Utbildning"},
    "marital_status": {"en": "Marital status", "nb": "Sivilstatus", "sv": "Civilstånd"},
    "reach": {"en": "Reach", "nb": "Rekkevidde", "sv": "Räckvidd"},
    "engagements": {"en": "Engagements", "nb": "Engasjementer", "sv": "Engagemang"},
    "video_views": {"en": "Video views", "nb": "Videovisninger", "sv": "Videovisningar"},
    "users": {"en": "Users", "nb": "Brukere", "sv": "Användare"},
    "engaged_sessions": {"en": "Engaged sessions", "nb": "Engasjerte økter", "sv": "Engagerade sessioner"},
    "bounces": {"en": "Bounces", "nb": "Fluktøkter", "sv": "Avvisningar"},
    "pageviews": {"en": "Page views", "nb": "Sidevisninger", "sv": "Sidvisningar"},
    "engagement_seconds": {"en": "Engagement time (s)", "nb": "Engasjementstid (s)", "sv": "Engagemangstid (s)"},
    "downloads": {"en": "Downloads", "nb": "Nedlastinger", "sv": "Nedladdningar"},
    "mqls": {"en": "MQLs", "nb": "MQL-er", "sv": "MQL:er"},
    "sqls": {"en": "SQLs", "nb": "SQL-er", "sv": "SQL:er"},
    "opportunities": {"en": "Opportunities", "nb": "Salgsmuligheter", "sv": "Affärsmöjligheter"},
    "gross_profit": {"en": "Gross profit", "nb": "Bruttofortjeneste", "sv": "Bruttovinst"},
    "cogs": {"en": "Cost of goods", "nb": "Varekostnad", "sv": "Varukostnad"},
    "carts": {"en": "Carts", "nb": "Handlekurver", "sv": "Varukorgar"},
    "new_customers": {"en": "New customers", "nb": "Nye kunder", "sv": "Nya kunder"},
    "customers": {"en": "Customers", "nb": "Kunder", "sv": "Kunder"},
    "repeat_customers": {"en": "Repeat customers", "nb": "Gjenkjøpskunder", "sv": "Återkommande kunder"},
    "returning_customers": {"en": "Returning customers", "nb": "Tilbakevendende kunder",
                            "sv": "Återkommande kunder"},
    "churned_customers": {"en": "Customers lost", "nb": "Tapte kunder", "sv": "Förlorade kunder"},
    "customers_at_start": {"en": "Active customers at start", "nb": "Aktive kunder ved start",
                           "sv": "Aktiva kunder vid start"},
    "returned_orders": {"en": "Returned orders", "nb": "Returnerte ordrer", "sv": "Returnerade ordrar"},
    "emails_delivered": {"en": "E-mails delivered", "nb": "Leverte e-poster", "sv": "Levererade e-post"},
    "email_opens": {"en": "E-mail opens", "nb": "Åpnede e-poster", "sv": "Öppnade e-post"},
    "email_clicks": {"en": "E-mail clicks", "nb": "Klikk i e-post", "sv": "Klick i e-post"},
    "unsubscribes": {"en": "Unsubscribes", "nb": "Avmeldinger", "sv": "Avregistreringar"},
    "other_costs": {"en": "Other costs", "nb": "Andre kostnader", "sv": "Övriga kostnader"},
    # columns of the lead-funnel and loyalty tables
    "contacts": {"en": "Contacts", "nb": "Kontakter", "sv": "Kontakter"},
    "cohort": {"en": "Cohort (first order)", "nb": "Kohort (første ordre)", "sv": "Kohort (första order)"},
    "sql_to_opportunity_rate": {"en": "SQL → opportunity", "nb": "SQL → salgsmulighet",
                                "sv": "SQL → affärsmöjlighet"},
    "opportunity_to_customer_rate": {"en": "Opportunity → customer", "nb": "Salgsmulighet → kunde",
                                     "sv": "Affärsmöjlighet → kund"},
    "lead_to_customer_rate": {"en": "Lead → customer", "nb": "Lead → kunde", "sv": "Lead → kund"},
    "median_days_to_customer": {"en": "Median days lead → customer", "nb": "Median dager lead → kunde",
                                "sv": "Median dagar lead → kund"},
    "channels": {"en": "Ad platforms matched", "nb": "Annonseplattformer", "sv": "Annonsplattformar"},
    "month": {"en": "Month", "nb": "Måned", "sv": "Månad"},
    "file": {"en": "File", "nb": "Fil", "sv": "Fil"},
    "rows_read": {"en": "Rows read", "nb": "Rader lest", "sv": "Rader lästa"},
    "rows_used": {"en": "Rows used", "nb": "Rader brukt", "sv": "Rader använda"},
    "rows_excluded": {"en": "Rows left out", "nb": "Rader utelatt", "sv": "Rader utelämnade"},
    # what kind of table a file holds (Data page)
    "table_performance": {"en": "campaign performance", "nb": "kampanjeresultater", "sv": "kampanjresultat"},
    "table_analytics": {"en": "web analytics", "nb": "webanalyse", "sv": "webbanalys"},
    "table_orders": {"en": "shop orders", "nb": "butikkordrer", "sv": "butiksordrar"},
    "table_customers": {"en": "shop customers", "nb": "butikkunder", "sv": "butikskunder"},
    "table_contacts": {"en": "CRM contacts", "nb": "CRM-kontakter", "sv": "CRM-kontakter"},
    "table_deals": {"en": "CRM deals", "nb": "CRM-avtaler", "sv": "CRM-affärer"},
    "table_email": {"en": "e-mail campaigns", "nb": "e-postkampanjer", "sv": "e-postkampanjer"},
    "deals": {"en": "Deals", "nb": "Avtaler", "sv": "Affärer"},
    "closed": {"en": "Closed", "nb": "Avsluttet", "sv": "Avslutade"},
    "won": {"en": "Won", "nb": "Vunnet", "sv": "Vunna"},
    "won_amount": {"en": "Won amount", "nb": "Vunnet beløp", "sv": "Vunnet belopp"},
    "win_rate": {"en": "Win rate", "nb": "Vinnerandel", "sv": "Vinstandel"},
    "avg_won_amount": {"en": "Average won deal", "nb": "Snitt vunnet avtale", "sv": "Snitt vunnen affär"},
    "median_days_to_close": {"en": "Median days to close", "nb": "Median dager til avslutning",
                             "sv": "Median dagar till avslut"},
}


def sentence(text: str) -> str:
    """A message shown on its own starts with a capital letter ("the data mixes …" -> "The data mixes …")."""
    return text[:1].upper() + text[1:]


def t(key: str, lang: Lang = "en", **values: object) -> str:
    """The interface text ``key`` in ``lang`` (English when not translated), placeholders filled."""
    texts = TEXTS[key]
    text = texts.get(lang) or texts["en"]
    return text.format(**values) if values else text


def name(key: str, lang: Lang = "en") -> str:
    """A measure's or dimension's display name: "campaign" -> "Kampanje" (nb)."""
    names = NAMES.get(key)
    if names is None:
        return key.replace("_", " ").capitalize()
    return names.get(lang) or names["en"]


class Note(str):
    """A note that is its English text (a ``str``: it compares, hashes, joins and prints as before) and keeps
    its text key and values, so a page can write it in the user's language with ``note``.

    A value is filled in as it is, or in the language when it is a ``{lang: text}`` mapping or a Note.
    """

    key: str
    values: Mapping[str, object]

    def __new__(cls, key: str, **values: object) -> Note:
        self = super().__new__(cls, _fill(key, "en", values))
        self.key, self.values = key, values
        return self

    def __reduce__(self) -> tuple:  # st.cache_data pickles results: rebuild from the key and values
        return _note, (self.key, dict(self.values))

    def text(self, lang: Lang = "en") -> str:
        return _fill(self.key, lang, self.values)


def _note(key: str, values: dict[str, object]) -> Note:
    return Note(key, **values)


def _fill(key: str, lang: Lang, values: Mapping[str, object]) -> str:
    return t(key, lang, **{k: _in(v, lang) for k, v in values.items()})


def _in(value: object, lang: Lang) -> object:
    """A Note's value in ``lang``: a Note's text, a ``{lang: text}`` mapping's entry, anything else as it is."""
    if isinstance(value, Note):
        return value.text(lang)
    if isinstance(value, Mapping):
        return value.get(lang) or value["en"]
    return value


def note(text: str, lang: Lang = "en") -> str:
    """A note in ``lang`` when it carries its text key (``Note``); any other text as it is written."""
    return text.text(lang) if isinstance(text, Note) else text


def joined(parts: Sequence[object], sep: object = ", ") -> dict[str, str]:
    """Notes, ``{lang: text}`` mappings or plain text joined into one value for a Note, in each language
    (``sep`` may be any of them too)."""
    return {lg: str(_in(sep, lg)).join(str(_in(p, lg)) for p in parts) for lg in LANGS}


def long_date(day: date) -> dict[str, str]:
    """A date written out for a sentence, in each language: '1 February 2025', '1. februar 2025'."""
    return {"en": format_date(day, "d MMMM y", locale="en"), "nb": format_date(day, "d. MMMM y", locale="nb"),
            "sv": format_date(day, "d MMMM y", locale="sv")}


def measure_words(measure: str, start: bool = True) -> dict[str, str]:
    """A measure's name in each language for a note: at the start of a sentence ("Conversions"), else lower case
    (the English as the notes have always written it: the capitalised id, or the id itself)."""
    en = measure.replace("_", " ").capitalize() if start else measure
    return {"en": en, **{lg: name(measure, lg) if start else name(measure, lg).lower() for lg in ("nb", "sv")}}
