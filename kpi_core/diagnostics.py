"""Reading the numbers in context: the rules of ../shared/kpi-reference.md as data.

Each ``Rule`` has an id, the KPIs it reads, a condition over the facts of one analysis (KPI values,
their change on the previous period, the other segments, targets, the readers' data-quality
findings), a finding written in plain words with the numbers filled in, and a suggested next step.
``diagnose`` runs every rule and ranks what fires: data-quality findings first (a wrong count makes
every ratio wrong), then alerts by money at stake, then explanations ("info": a reading that looks
bad but is not, such as a low ROAS in a brand campaign).

Thresholds are parameters (``Thresholds``) with defaults chosen as *relative* gaps (a segment 20 %
worse than the whole, a 15 % rise on the previous period), never industry benchmarks. The two fixed
numbers come from the articles: break-even ROAS = 1 / margin, and LTV at least 3 × CAC.

Money at stake is the amount a finding is about, in the data's currency: the spend a segment pays
above the overall CPA, the gross profit short of spend below break-even, the extra paid for clicks
since CPC rose. It is a ranking key, not a forecast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, Literal

import polars as pl

from kpi_core import catalog, fmt, loyalty
from kpi_core.catalog import Lang
from kpi_core.engine import Inputs, Period, compute, in_period
from kpi_core.readers.result import Finding, ReadResult
from kpi_core.schema import MONEY_MEASURES
from kpi_core.targets import TargetCheck, unit_of
from kpi_core.views import NOT_SET

Level = Literal["quality", "alert", "info"]
Texts = Mapping[Lang, str]


def _tr(en: str, nb: str, sv: str) -> Texts:
    """One text in English, Norwegian (bokmål) and Swedish, as the catalog holds its labels."""
    return MappingProxyType({"en": en, "nb": nb, "sv": sv})


# The words filled into the findings' placeholders, in each language.
WORDS: Mapping[str, Texts] = {
    "overall": _tr("overall", "totalt", "totalt"),
    "previous_period": _tr("in the previous period", "i forrige periode", "under föregående period"),
    "projected": _tr("projected ", "anslått ", "beräknat "),
    "by_date": _tr(" by {date}", " innen {date}", " senast {date}"),
    "over_months": _tr(" over {n} months", " over {n} måneder", " över {n} månader"),
    "more_place": _tr(" and 1 more place", " og 1 sted til", " och 1 ställe till"),
    "more_places": _tr(" and {n} more places", " og {n} steder til", " och {n} ställen till"),
    "cpa_rose": _tr("CPA rose {pct} to {value} (from {before})", "CPA steg {pct} til {value} (fra {before})",
                    "CPA steg {pct} till {value} (från {before})"),
    "cpa_reaches": _tr("CPA reaches {cpa} in {segment}", "CPA når {cpa} i {segment}", "CPA når {cpa} i {segment}"),
}


@dataclass(frozen=True)
class Thresholds:
    """When a rule fires. Relative gaps, so they hold for any market and currency."""

    segment_gap: float = 0.20  # a segment 20 % better or worse than the whole counts as different
    rise: float = 0.15  # a KPI that moved 15 % on the previous period has "risen"
    ltv_cac_min: float = 3.0  # the articles: a healthy LTV is at least 3 × CAC
    min_spend_share: float = 0.02  # segments under 2 % of spend are too small to judge
    # CTR differs by format (search ads click far more than display), so "low" means half the overall
    low_ctr_gap: float = 0.50
    brand_words: tuple[str, ...] = ("brand", "awareness", "kjennskap", "merkevare", "varumärke", "kännedom")


@dataclass(frozen=True)
class Facts:
    """What the rules look at: one analysis of the current period (and the previous one)."""

    totals: Mapping[str, Any]
    previous: Mapping[str, Any] = field(default_factory=dict)
    segments: tuple[Mapping[str, Any], ...] = ()  # rows of engine.compute(by=[dimension])
    previous_segments: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    dimension: str | None = None
    goal: str | None = None
    margin: float | None = None
    ltv: float | None = None  # customer lifetime value (orders export or entered), when the KPIs have none
    ltv_months: int | None = None  # the horizon that LTV covers, when known
    currency: str | None = None
    targets: tuple[TargetCheck, ...] = ()
    quality: tuple[tuple[str, Finding], ...] = ()  # (file, finding) from the readers
    thresholds: Thresholds = Thresholds()
    lang: Lang = "en"  # the findings' language and number formats

    def label(self, row: Mapping[str, Any]) -> str:
        if self.dimension is None:
            return "All"
        value = row.get(self.dimension)
        return NOT_SET if value is None else str(value)

    def material(self) -> list[Mapping[str, Any]]:
        """Segments big enough to judge: at least ``min_spend_share`` of spend (all, without spend)."""
        spend = self.totals.get("spend") or 0
        if not spend:
            return list(self.segments)
        return [s for s in self.segments if (s.get("spend") or 0) >= self.thresholds.min_spend_share * spend]

    def fmt(self, name: str, value: float | None) -> str:
        return value_text(name, value, self.currency, self.lang)

    def word(self, key: str, **values: object) -> str:
        """A word or phrase for a placeholder (``WORDS``) in the facts' language."""
        return WORDS[key][self.lang].format(**values)

    def shown(self, row: Mapping[str, Any]) -> str:
        """The segment as a finding names it: "All" (in the language) for the totals."""
        return fmt.t("all", self.lang) if row is self.totals else self.label(row)

    def ltv_text(self, value: float | None) -> str:
        return self.fmt("ltv", value) + (self.word("over_months", n=self.ltv_months) if self.ltv_months else "")


def value_text(name: str, value: float | None, currency: str | None = None, lang: Lang = "en") -> str:
    """A KPI or measure value as the app writes it (``fmt.format_kpi``): "412.00 NOK", "3.45%", "8,120"."""
    return fmt.format_kpi(value, unit_of(name), currency, lang)


@dataclass(frozen=True)
class Hit:
    """One place a rule's condition holds, with the numbers for its text."""

    numbers: Mapping[str, str]  # formatted values for the finding template
    values: Mapping[str, float | None] = field(default_factory=dict)  # the raw numbers that triggered it
    at_stake: float = 0.0
    segment: str | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    kpis: tuple[str, ...]
    when: Callable[[Facts], Iterable[Hit]]
    finding: Texts  # per language, a template over Hit.numbers
    next_step: Texts  # per language
    level: Level = "alert"


@dataclass(frozen=True)
class Diagnosis:
    rule: str
    level: Level
    text: str
    next_step: str
    kpis: tuple[str, ...]
    values: Mapping[str, float | None]
    at_stake: float
    segment: str | None


def _ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None or b == 0 else a / b


def _gap_hits(facts: Facts, kpi: str, worse: Literal["above", "below"],
              gap: float | None = None) -> Iterable[tuple[Mapping, float, float]]:
    """(segment, its value, the overall value) where the segment is ``segment_gap`` worse than the whole.

    Brand-building segments are left out for conversion-stage KPIs: their job is to be seen, not to
    convert today (the brand rule explains them instead).
    """
    overall = facts.totals.get(kpi)
    if overall is None or facts.dimension is None:
        return
    g = facts.thresholds.segment_gap if gap is None else gap
    skip_brand = catalog.get(kpi).stage == "conversion"
    for s in facts.material():
        if skip_brand and _is_brand(facts, facts.label(s)):
            continue
        v = s.get(kpi)
        if v is not None and (v >= overall * (1 + g) if worse == "above" else v <= overall * (1 - g)):
            yield s, v, overall


def _is_brand(facts: Facts, label: str) -> bool:
    return facts.goal == "awareness" or any(w in label.lower() for w in facts.thresholds.brand_words)


# --- conditions -----------------------------------------------------------------------------------------


def _data_quality(facts: Facts) -> Iterable[Hit]:
    """Reader warnings and errors, one finding per file and message however often it recurs.

    The readers' message and its place are written in the chosen language (``fmt.note``), as are the words
    around them.
    """
    places: dict[tuple[str, str], list[str]] = {}
    for file, f in facts.quality:
        if f.level in ("warning", "error"):
            message = fmt.note(f.message, facts.lang).rstrip(".")
            places.setdefault((file, message), []).append(fmt.note(f.where, facts.lang))
    for (file, message), wheres in places.items():
        shown = [w for w in wheres if w]
        more = len(wheres) - 1
        more_text = facts.word("more_places" if more > 1 else "more_place", n=more) if more else ""
        where = f" ({shown[0]}{more_text})" if shown else ""
        yield Hit({"file": file, "message": message, "where": where}, at_stake=float("inf"))


def _high_cpa(facts: Facts) -> Iterable[Hit]:
    for s, cpa, overall in _gap_hits(facts, "cpa", "above"):
        spend = s.get("spend") or 0.0
        excess = spend - (s.get("conversions") or 0.0) * overall
        yield Hit({"segment": facts.label(s), "cpa": facts.fmt("cpa", cpa), "cpa_all": facts.fmt("cpa", overall),
                   "spend": facts.fmt("spend", spend), "excess": facts.fmt("spend", excess)},
                  {"cpa": cpa, "cpa_all": overall, "spend": spend}, excess, facts.label(s))


def _good_but(good: str, bad: str) -> Callable[[Facts], Iterable[Hit]]:
    """Segments ``segment_gap`` better than the whole on ``good`` but as much worse on ``bad``.

    High CTR with a low conversion rate (the site does not convince); cheap leads that do not qualify.
    Money at stake: the segment's spend × the share of ``bad`` it falls short of the whole.
    """

    def when(facts: Facts) -> Iterable[Hit]:
        good_all, bad_all = facts.totals.get(good), facts.totals.get(bad)
        if good_all is None or not bad_all or facts.dimension is None:
            return
        g = facts.thresholds.segment_gap
        for s in facts.material():
            label, v_good, v_bad = facts.label(s), s.get(good), s.get(bad)
            if v_good is None or v_bad is None or _is_brand(facts, label):
                continue
            if _beats(good, v_good, good_all, g) and _beats(bad, bad_all, v_bad, g):
                yield Hit({"segment": label, "good": facts.fmt(good, v_good), "good_all": facts.fmt(good, good_all),
                           "bad": facts.fmt(bad, v_bad), "bad_all": facts.fmt(bad, bad_all)},
                          {good: v_good, f"{good}_all": good_all, bad: v_bad, f"{bad}_all": bad_all},
                          (s.get("spend") or 0.0) * abs(1 - v_bad / bad_all), label)

    return when


def _beats(kpi: str, a: float, b: float, gap: float) -> bool:
    """Whether ``a`` is better than ``b`` by at least ``gap`` (relative), given the KPI's direction."""
    return a >= b * (1 + gap) if catalog.get(kpi).direction == "higher" else a <= b * (1 - gap)


def _low_ctr(facts: Facts) -> Iterable[Hit]:
    for s, ctr, overall in _gap_hits(facts, "ctr", "below", facts.thresholds.low_ctr_gap):
        spend = s.get("spend") or 0.0
        yield Hit({"segment": facts.label(s), "ctr": facts.fmt("ctr", ctr), "ctr_all": facts.fmt("ctr", overall)},
                  {"ctr": ctr, "ctr_all": overall}, spend * (1 - ctr / overall) if overall else 0.0, facts.label(s))


def _roas_rows(facts: Facts) -> list[Mapping[str, Any]]:
    return facts.material() if facts.dimension else [facts.totals]


def _below_break_even(brand: bool) -> Callable[[Facts], Iterable[Hit]]:
    """ROAS under 1 / margin; ``brand`` picks the brand-building segments (explained) or the rest (alarmed)."""

    def when(facts: Facts) -> Iterable[Hit]:
        if not facts.margin:
            return
        be = 1 / facts.margin
        for s in _roas_rows(facts):
            roas, label = s.get("roas"), facts.label(s)
            if roas is None or roas >= be or _is_brand(facts, label) != brand:
                continue
            spend = s.get("spend") or 0.0
            loss = spend - (s.get("revenue") or 0.0) * facts.margin
            yield Hit({"segment": facts.shown(s), "roas": facts.fmt("roas", roas), "break_even": facts.fmt("roas", be),
                       "margin": facts.fmt("ctr", facts.margin), "loss": facts.fmt("spend", loss),
                       "spend": facts.fmt("spend", spend)},
                      {"roas": roas, "break_even_roas": be, "spend": spend}, 0.0 if brand else loss, label)

    return when


def _rising(kpi: str) -> Callable[[Facts], Iterable[Hit]]:
    """``kpi`` up at least ``rise`` on the previous period, overall and per segment."""

    def when(facts: Facts) -> Iterable[Hit]:
        pairs = [(facts.totals, facts.previous)]
        if facts.dimension:
            pairs += [(s, facts.previous_segments.get(facts.label(s), {})) for s in facts.material()]
        for now, before in pairs:
            v, v0 = now.get(kpi), before.get(kpi)
            change = _ratio(v, v0)
            if change is None or change - 1 < facts.thresholds.rise:
                continue
            label = "All" if now is facts.totals else facts.label(now)
            base = _denominator(kpi)
            scale = catalog.get(kpi).formulas[0].scale  # CPM is per 1000 impressions
            volume = now.get(base) or 0.0
            yield Hit({"segment": facts.shown(now), "value": facts.fmt(kpi, v), "before": facts.fmt(kpi, v0),
                       "pct": fmt.percent(change - 1, facts.lang, decimals=0), "volume": facts.fmt(base, volume),
                       "base": base if facts.lang == "en" else fmt.name(base, facts.lang).lower()},
                      {kpi: v, f"{kpi}_previous": v0}, volume * (v - v0) / scale, label)

    return when


def _denominator(kpi: str) -> str:
    """The first measure of the KPI's denominator (clicks for CPC): what a rise in it is paid on."""
    return next(iter(catalog.get(kpi).formulas[0].denominator or {"spend": 1.0}))


def _too_high(kpi: str) -> Callable[[Facts], Iterable[Hit]]:
    """A rate where lower is better, above the whole (per segment) or risen on the previous period."""

    def when(facts: Facts) -> Iterable[Hit]:
        for s, v, overall in _gap_hits(facts, kpi, "above"):
            yield _rate_hit(facts, kpi, s, v, overall, facts.word("overall"))
        v, v0 = facts.totals.get(kpi), facts.previous.get(kpi)
        if v is not None and v0 and v >= v0 * (1 + facts.thresholds.rise):
            yield _rate_hit(facts, kpi, facts.totals, v, v0, facts.word("previous_period"))

    return when


def _rate_hit(facts: Facts, kpi: str, row: Mapping, v: float, ref: float, ref_text: str) -> Hit:
    label = "All" if row is facts.totals else facts.label(row)
    spend = row.get("spend") or 0.0
    return Hit({"segment": facts.shown(row), "kpi": catalog.get(kpi).label(facts.lang), "value": facts.fmt(kpi, v),
                "ref": facts.fmt(kpi, ref), "ref_text": ref_text},
               {kpi: v, f"{kpi}_reference": ref}, spend * min(1.0, v / ref - 1) if ref else 0.0, label)


def ltv_cac(facts: Facts) -> tuple[float | None, float | None, str]:
    """(LTV, LTV per acquisition cost, which cost): from the data, else the LTV the user entered."""
    t = facts.totals
    if t.get("ltv_cac_ratio") is not None:
        return t.get("ltv"), t["ltv_cac_ratio"], "CAC"
    if facts.ltv is None:
        return None, None, ""
    for cost, name in (("cac", "CAC"), ("cpa", "CPA")):
        if t.get(cost):
            return facts.ltv, facts.ltv / t[cost], name
    return facts.ltv, None, ""


def _ltv_cac_low(facts: Facts) -> Iterable[Hit]:
    ltv, ratio, cost = ltv_cac(facts)
    if ratio is None or ratio >= facts.thresholds.ltv_cac_min:
        return
    cost_value = facts.totals.get(cost.lower())
    customers = facts.totals.get("new_customers" if cost == "CAC" else "conversions") or 0.0
    over = customers * (cost_value - ltv / facts.thresholds.ltv_cac_min) if cost_value and ltv else 0.0
    yield Hit({"ratio": fmt.number(ratio, facts.lang, 1), "ltv": facts.ltv_text(ltv), "cost": cost,
               "cost_value": facts.fmt("cac", cost_value), "min": f"{facts.thresholds.ltv_cac_min:g}"},
              {"ltv": ltv, "ltv_cac_ratio": ratio}, max(0.0, over), None)


def _high_cpa_ltv_ok(facts: Facts) -> Iterable[Hit]:
    ltv, ratio, cost = ltv_cac(facts)
    if ratio is None or ratio < facts.thresholds.ltv_cac_min:
        return
    risen = next((h for h in _rising("cpa")(facts) if h.segment == "All"), None)
    high = next(iter(_high_cpa(facts)), None)
    if risen is not None:
        what = facts.word("cpa_rose", **risen.numbers)
    elif high is not None:
        what = facts.word("cpa_reaches", cpa=high.numbers["cpa"], segment=high.segment)
    else:
        return
    yield Hit({"what": what, "ltv": facts.ltv_text(ltv), "ratio": fmt.number(ratio, facts.lang, 1), "cost": cost},
              {"ltv": ltv, "ltv_cac_ratio": ratio})


def _targets(facts: Facts) -> Iterable[Hit]:
    spend = facts.totals.get("spend") or 0.0
    for c in facts.targets:
        if c.status not in ("at_risk", "off_track") or c.goal is None or c.judged is None:
            continue
        m = c.target.metric
        gap = abs(c.judged - c.goal)
        money = m in MONEY_MEASURES or (m in catalog.KPIS and catalog.get(m).unit == "currency"
                                        and not catalog.get(m).formulas[0].denominator)
        at_stake = gap if money else spend * min(1.0, gap / abs(c.goal)) if c.goal else 0.0
        if m in catalog.KPIS:
            label = catalog.get(m).label(facts.lang)
        else:
            label = m.replace("_", " ") if facts.lang == "en" else fmt.name(m, facts.lang)
        seg = f" ({c.target.segment[1]})" if c.target.segment else ""
        how = facts.word("projected") if c.pacing else ""
        due = facts.word("by_date", date=c.period.end.isoformat()) if c.period else ""
        yield Hit({"metric": label + seg, "how": how, "value": facts.fmt(m, c.judged), "goal": facts.fmt(m, c.goal),
                   "due": due, "status": fmt.t(c.status, facts.lang)},
                  {"value": c.judged, "goal": c.goal}, at_stake, c.target.segment[1] if c.target.segment else None)


# --- the rules ------------------------------------------------------------------------------------------

_RATE_STEPS: Mapping[str, Texts] = {
    "unsubscribe_rate": _tr("Review the e-mails' content, design and sending frequency.",
                            "Se over innholdet, designet og utsendelsesfrekvensen i e-postene.",
                            "Se över e-postens innehåll, design och utskicksfrekvens."),
    "bounce_rate": _tr("Review the page's content and design, and check that it matches what the ad promises.",
                       "Se over sidens innhold og design, og sjekk at den holder det annonsen lover.",
                       "Se över sidans innehåll och design, och kontrollera att den motsvarar det annonsen lovar."),
    "cart_abandonment_rate": _tr("Review the checkout steps and unexpected costs (shipping, fees, payment options).",
                                 "Se over stegene i kassen og uventede kostnader (frakt, gebyrer, betalingsmåter).",
                                 "Se över stegen i kassan och oväntade kostnader (frakt, avgifter, betalsätt)."),
    "return_rate": _tr("Review product descriptions, sizing information and product quality.",
                       "Se over produktbeskrivelser, størrelsesinformasjon og produktkvalitet.",
                       "Se över produktbeskrivningar, storleksinformation och produktkvalitet."),
}

_RISING_STEPS: Mapping[str, Texts] = {
    "cpc": _tr("Check the bid strategy, audience settings and keyword choice; the budget may need adjusting.",
               "Se over budstrategi, målgruppeinnstillinger og valg av søkeord; budsjettet kan trenge justering.",
               "Se över budstrategi, målgruppsinställningar och val av sökord; budgeten kan behöva justeras."),
    "cpm": _tr("The audience may be tiring of the ads or competition rising: refresh the creatives, widen the audience "
               "or compare placements with a lower CPM.",
               "Målgruppen kan ha gått lei annonsene, eller konkurransen øker: forny annonsemateriellet, utvid "
               "målgruppen eller sammenlign med plasseringer som har lavere CPM.",
               "Målgruppen kan ha tröttnat på annonserna, eller så ökar konkurrensen: förnya annonsmaterialet, bredda "
               "målgruppen eller jämför med placeringar som har lägre CPM."),
}

RULES: tuple[Rule, ...] = (
    Rule("data_quality", (), _data_quality,
         _tr("{file}: {message}{where}.", "{file}: {message}{where}.", "{file}: {message}{where}."),
         _tr("Fix the data before reading the KPIs: a double-counted or lost conversion makes every ratio wrong.",
             "Rett opp dataene før du leser KPI-ene: én konvertering som telles dobbelt eller faller bort, gjør "
             "alle forholdstallene feil.",
             "Rätta till datan innan du läser KPI:erna: en konvertering som räknas dubbelt eller faller bort gör "
             "alla nyckeltal fel."),
         "quality"),
    Rule("target_missed", (), _targets,
         _tr("{metric}: {how}{value} against a target of {goal}{due}: {status}.",
             "{metric}: {how}{value} mot et mål på {goal}{due}: {status}.",
             "{metric}: {how}{value} mot ett mål på {goal}{due}: {status}."),
         _tr("Open \"Why did it move?\" for the segments behind it, and decide whether the target or the plan changes.",
             "Åpne «Hvorfor endret det seg?» for å se segmentene bak, og avgjør om det er målet eller planen som "
             "må endres.",
             "Öppna ”Varför ändrades det?” för att se segmenten bakom, och avgör om det är målet eller planen som "
             "ska ändras.")),
    Rule("below_break_even", ("roas",), _below_break_even(brand=False),
         _tr("{segment}: ROAS {roas} is below break-even ROAS {break_even} (1 / margin {margin}): the first orders "
             "lose {loss} on {spend} spend.",
             "{segment}: ROAS {roas} er under break-even-ROAS {break_even} (1 / margin {margin}): de første "
             "ordrene taper {loss} på {spend} i annonsekostnad.",
             "{segment}: ROAS {roas} ligger under break even-ROAS {break_even} (1 / marginal {margin}): de "
             "första ordrarna förlorar {loss} på {spend} i annonskostnad."),
         _tr("Count every cost and the customers' long-term value; cut or rework this spend unless repeat purchases "
             "pay it back.",
             "Ta med alle kostnader og kundenes langsiktige verdi; kutt eller legg om denne annonseringen hvis "
             "gjenkjøp ikke tjener den inn.",
             "Räkna med alla kostnader och kundernas långsiktiga värde; dra ner på eller gör om den här "
             "annonseringen om inte återköpen betalar tillbaka den.")),
    Rule("brand_low_roas", ("roas",), _below_break_even(brand=True),
         _tr("{segment}: ROAS {roas} is below break-even ({break_even}), which is expected of brand building that "
             "drives later sales.",
             "{segment}: ROAS {roas} er under break-even ({break_even}), noe som er ventet av merkevarebygging "
             "som skal gi salg senere.",
             "{segment}: ROAS {roas} ligger under break even ({break_even}), vilket är väntat av "
             "varumärkesbyggande som ska ge försäljning längre fram."),
         _tr("Judge it on reach, CPM and the growth of direct and organic traffic in the following months.",
             "Vurder den på rekkevidde, CPM og veksten i direkte og organisk trafikk de neste månedene.",
             "Bedöm den utifrån räckvidd, CPM och hur direkt och organisk trafik växer de kommande månaderna."),
         "info"),
    Rule("high_cpa", ("cpa",), _high_cpa,
         _tr("{segment}: CPA {cpa} vs {cpa_all} overall, {spend} spend ({excess} above the overall CPA).",
             "{segment}: CPA {cpa} mot {cpa_all} totalt, {spend} i annonsekostnad ({excess} mer enn samlet CPA "
             "tilsier).",
             "{segment}: CPA {cpa} mot {cpa_all} totalt, {spend} i annonskostnad ({excess} mer än den totala "
             "CPA:n motsvarar)."),
         _tr("Move budget towards the segments with a lower CPA, or check bids, targeting and the offer here.",
             "Flytt budsjett over til segmentene med lavere CPA, eller se over bud, målretting og tilbudet her.",
             "Flytta budget till segmenten med lägre CPA, eller se över bud, målgruppsinriktning och erbjudandet "
             "här.")),
    Rule("high_ctr_low_conversion", ("ctr", "conversion_rate"), _good_but("ctr", "conversion_rate"),
         _tr("{segment}: CTR {good} vs {good_all} overall, but a conversion rate of {bad} vs {bad_all}: the ads "
             "attract, the site does not convince.",
             "{segment}: CTR {good} mot {good_all} totalt, men en konverteringsrate på {bad} mot {bad_all}: "
             "annonsene fanger interessen, men nettstedet overbeviser ikke.",
             "{segment}: CTR {good} mot {good_all} totalt, men en konverteringsgrad på {bad} mot {bad_all}: "
             "annonserna lockar, men webbplatsen övertygar inte."),
         _tr("Check the landing page: load time, message match with the ad, checkout steps and trust signals.",
             "Sjekk landingssiden: lastetid, om budskapet matcher annonsen, stegene i kassen og tillitsskapende "
             "elementer.",
             "Se över landningssidan: laddningstid, att budskapet matchar annonsen, stegen i kassan och "
             "förtroendeskapande signaler.")),
    Rule("low_ctr", ("ctr",), _low_ctr,
         _tr("{segment}: CTR {ctr} vs {ctr_all} overall.", "{segment}: CTR {ctr} mot {ctr_all} totalt.",
             "{segment}: CTR {ctr} mot {ctr_all} totalt."),
         _tr("Check the audience and the ad's text and images; test variants.",
             "Se over målgruppen og annonsens tekst og bilder; test ulike varianter.",
             "Se över målgruppen och annonsens text och bilder; testa olika varianter.")),
    *(Rule(f"rising_{kpi}", (kpi,), _rising(kpi),
           _tr(f"{{segment}}: {name} rose {{pct}} to {{value}} (from {{before}}) on {{volume}} {{base}}.",
               f"{{segment}}: {name} steg {{pct}} til {{value}} (fra {{before}}) på {{volume}} {{base}}.",
               f"{{segment}}: {name} steg {{pct}} till {{value}} (från {{before}}) på {{volume}} {{base}}."),
           step)
      for kpi, name, step in (("cpc", "CPC", _RISING_STEPS["cpc"]), ("cpm", "CPM", _RISING_STEPS["cpm"]))),
    Rule("cheap_leads_low_quality", ("cpl", "lead_to_mql_rate"), _good_but("cpl", "lead_to_mql_rate"),
         _tr("{segment}: cheap leads (CPL {good} vs {good_all}) but only {bad} become MQLs (vs {bad_all} overall).",
             "{segment}: billige leads (CPL {good} mot {good_all}), men bare {bad} blir MQL-er (mot {bad_all} "
             "totalt).",
             "{segment}: billiga leads (CPL {good} mot {good_all}), men bara {bad} blir MQL:er (mot {bad_all} "
             "totalt)."),
         _tr("Read CPL with lead quality: compare cost per MQL, and tighten targeting or the form.",
             "Se CPL sammen med kvaliteten på leadsene: sammenlign kostnad per MQL, og stram inn målrettingen "
             "eller skjemaet.",
             "Läs CPL tillsammans med leadens kvalitet: jämför kostnad per MQL och skärp målgruppsinriktningen "
             "eller formuläret.")),
    Rule("ltv_cac_low", ("ltv", "cac"), _ltv_cac_low,
         _tr("LTV:{cost} is {ratio}: a customer worth {ltv} costs {cost_value} to win (healthy is {min} or more).",
             "LTV:{cost} er {ratio}: en kunde som er verdt {ltv}, koster {cost_value} å skaffe (sunt er {min} "
             "eller mer).",
             "LTV:{cost} är {ratio}: en kund som är värd {ltv} kostar {cost_value} att skaffa (sunt är {min} "
             "eller mer)."),
         _tr("Lower acquisition cost in the weakest segments, or raise what customers are worth (repeat purchases).",
             "Senk anskaffelseskostnaden i de svakeste segmentene, eller øk verdien av kundene (gjenkjøp).",
             "Sänk anskaffningskostnaden i de svagaste segmenten, eller öka kundernas värde (återköp).")),
    Rule("high_cpa_ltv_ok", ("cpa", "ltv"), _high_cpa_ltv_ok,
         _tr("{what}, but customers are worth {ltv}, {ratio} × their {cost}: acquisition pays.",
             "{what}, men kundene er verdt {ltv}, {ratio} × {cost}: kundeanskaffelsen lønner seg.",
             "{what}, men kunderna är värda {ltv}, {ratio} × {cost}: kundanskaffningen lönar sig."),
         _tr("Judge acquisition on LTV:CAC rather than CPA alone, and keep it at 3 or more.",
             "Vurder kundeanskaffelsen på LTV:CAC heller enn på CPA alene, og hold forholdet på 3 eller mer.",
             "Bedöm kundanskaffningen utifrån LTV:CAC snarare än enbart CPA, och håll kvoten på 3 eller mer."),
         "info"),
    *(Rule(f"high_{kpi}", (kpi,), _too_high(kpi),
           _tr("{segment}: {kpi} {value} vs {ref} {ref_text}.", "{segment}: {kpi} {value} mot {ref} {ref_text}.",
               "{segment}: {kpi} {value} mot {ref} {ref_text}."), step)
      for kpi, step in _RATE_STEPS.items()),
)


def diagnose(facts: Facts, rules: Sequence[Rule] = RULES) -> list[Diagnosis]:
    """Every finding, ranked: data quality first, then alerts by money at stake, then explanations."""
    out = []
    for rule in rules:
        for hit in rule.when(facts):
            out.append(Diagnosis(rule.id, rule.level, rule.finding[facts.lang].format(**hit.numbers),
                                 rule.next_step[facts.lang],
                                 rule.kpis, hit.values, hit.at_stake, hit.segment))
    order = {"quality": 0, "alert": 1, "info": 2}
    return sorted(out, key=lambda d: (order[d.level], -d.at_stake))


def top(found: Sequence[Diagnosis], n: int = 8, explanations: int = 2) -> list[Diagnosis]:
    """The first ``n`` findings, keeping room for up to ``explanations`` info findings: a reading that looks
    bad but is not (a brand campaign's ROAS) matters as much as the alerts around it."""
    info = [d for d in found if d.level == "info"][:explanations]
    return [d for d in found if d.level != "info"][:n - len(info)] + info


def gather(frame: pl.DataFrame, current: Period | None = None, previous: Period | None = None,
           by: str | None = None, goal: str | None = None, inputs: Inputs | None = None,
           ltv: float | None = None, ltv_months: int | None = None, targets: Sequence[TargetCheck] = (),
           quality: Sequence[tuple[str, Finding]] = (), thresholds: Thresholds | None = None,
           lang: Lang = "en") -> Facts:
    """The facts of one analysis, computed through the engine (every KPI, ratio of sums)."""
    inputs = inputs or Inputs()
    cur = in_period(frame, current) if current else frame
    prev = in_period(frame, previous) if previous else frame.clear()

    def rows(data: pl.DataFrame, keys: Sequence[str]) -> list[dict]:
        return list(compute(data, by=keys, inputs=inputs).frame.iter_rows(named=True)) if data.height else []

    total = compute(cur, inputs=inputs) if cur.height else None
    before = rows(prev, ())
    facts = Facts(total.row(0) if total else {}, before[0] if before else {},
                  segments=tuple(rows(cur, [by]) if by else ()), dimension=by, goal=goal, margin=inputs.margin,
                  ltv=ltv, ltv_months=ltv_months, currency=total.currency if total else None, targets=tuple(targets),
                  quality=tuple(quality), thresholds=thresholds or Thresholds(), lang=lang)
    return replace(facts, previous_segments={facts.label(r): r for r in rows(prev, [by])} if by else {})


def customer_ltv(results: Sequence[ReadResult], performance: pl.DataFrame,
                 period: Period) -> tuple[float | None, int | None]:
    """(LTV per customer, its horizon in months) from the first orders export among ``results``: net revenue
    per customer at the longest horizon its cohorts cover (``loyalty.ltv_cac``). (None, None) without one."""
    rec = next((r for r in results if r.kind == "orders" and r.records is not None), None)
    if rec is None:
        return None, None
    try:
        orders = loyalty.prepare(rec.records, rec.currency)
    except loyalty.OrdersProblem:
        return None, None
    for months in sorted(loyalty.HORIZONS, reverse=True):
        value = loyalty.ltv_cac(orders, performance, period, horizon=months).frame["ltv"][0]
        if value is not None:
            return float(value), months
    return None, None
