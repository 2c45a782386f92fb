"""The catalog is the single place a KPI is defined, and it is sound."""

import re
from dataclasses import replace

from kpi_core import catalog
from kpi_core.catalog import GOAL_MATRIX, KPIS, Formula, validate

REFERENCE_IDS = """impressions reach frequency cpm ctr engagement_rate video_view_rate sessions cpc
cost_per_session avg_engagement_time pages_per_session bounce_rate downloads email_open_rate
email_click_rate conversion_rate cpa cpl lead_to_mql_rate mql_to_sql_rate mql_to_customer_rate roas poas
roi romi aov cart_abandonment_rate cac ltv ltv_cac_ratio repeat_purchase_rate churn_rate return_rate
unsubscribe_rate""".split()


def test_shipped_catalog_has_no_issues():
    assert validate() == []


def test_every_kpi_of_the_reference_is_in_the_catalog_with_its_id():
    assert list(KPIS) == REFERENCE_IDS


def test_validator_reports_every_problem_rather_than_the_first():
    ctr = KPIS["ctr"]
    broken = [
        replace(ctr, id="Bad-Id"),
        replace(ctr, labels={"en": "CTR", "nb": "", "sv": "CTR"}),
        replace(ctr, id="ctr2", formulas=(Formula({"klicks": 1.0}, {"impressions": 1.0}),)),
        ctr,
        ctr,
    ]
    issues = validate(broken, matrix={})
    messages = [i.message for i in issues]
    assert "malformed id (use lower_snake_case)" in messages
    assert "missing nb label" in messages
    assert "unknown measure 'klicks'" in messages
    assert "duplicate id" in messages
    assert messages.count("duplicate id") == 2  # the blank-label ctr and one plain ctr repeat "ctr"
    assert len(issues) == 5


def test_validator_catches_unknown_kpis_in_the_goal_matrix():
    issues = validate(matrix={"sales": {"conversion": ("roaz",)}})
    assert [i.message for i in issues] == ["unknown KPI 'roaz'"]


def test_goal_matrix_places_each_kpi_in_its_own_stage():
    for goal, stages in GOAL_MATRIX.items():
        for stage, ids in stages.items():
            for k in ids:
                assert KPIS[k].stage == stage, (goal, k)
                assert goal in KPIS[k].goals


def test_formula_descriptions_read_like_the_reference():
    assert KPIS["cpm"].formulas[0].describe() == "1000 × spend / impressions"
    assert KPIS["cart_abandonment_rate"].formulas[0].describe() == "1 − orders / carts"
    assert KPIS["roi"].formulas[0].describe() == "(gross_profit − spend − other_costs) / (spend + other_costs)"


def test_labels_exist_in_three_languages_and_differ_where_the_languages_do():
    assert KPIS["impressions"].label("nb") == "Visninger"
    assert KPIS["impressions"].label("sv") == "Visningar"
    for k in KPIS.values():
        assert all(re.search(r"\w", k.label(lang)) for lang in catalog.LANGS)


def test_every_kpi_says_what_it_is_and_why_in_norwegian_and_swedish():
    from kpi_core.catalog_texts import TEXTS

    assert set(TEXTS) == set(catalog.KPIS)
    for k in catalog.KPIS.values():
        for lang in ("nb", "sv"):
            assert k.describe(lang) and k.describe(lang) != k.description, (k.id, lang)
            assert k.reason(lang) and k.reason(lang) != k.why, (k.id, lang)
    assert catalog.get("impressions").describe("nb") == "Hvor mange ganger annonsene ble vist."
    assert catalog.get("impressions").describe("en") == "How many times the ads were shown."
