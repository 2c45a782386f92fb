"""The Loyalty and lead-funnel charts encode the tidy frames they are given (checked via to_dict)."""

from datetime import date

from kpi_core import leads, loyalty
from kpi_core.charts import loyalty as charts
from kpi_core.engine import Period
from tests.test_leads import contacts
from tests.test_loyalty import PERFORMANCE, records


def _data(spec: dict, layer: int | None = None) -> list[dict]:
    name = (spec["layer"][layer] if layer is not None else spec)["data"]["name"]
    return spec["datasets"][name]


def test_cohort_heatmap_has_one_cell_per_cohort_month_and_fades_running_months():
    table = loyalty.cohort_table(loyalty.prepare(records()))
    spec = charts.cohort_heatmap(table).to_dict()
    cells = spec["layer"][0]
    assert cells["mark"]["type"] == "rect" and cells["encoding"]["color"]["field"] == "retention"
    assert "complete" in str(cells["encoding"]["opacity"])
    assert len(spec["datasets"][spec["data"]["name"]]) == 12  # 5 + 4 + 3 cohort months, as in cohort_table


def test_ltv_curves_plot_the_chosen_value():
    table = loyalty.cohort_table(loyalty.prepare(records()), margin=0.4)
    spec = charts.ltv_curves(table, "NOK", field="ltv_gross_profit").to_dict()
    assert spec["encoding"]["y"]["field"] == "ltv_gross_profit"
    assert spec["encoding"]["y"]["title"] == "LTV per customer (NOK)"


def test_ltv_cac_bars_draw_the_line_at_three():
    result = loyalty.ltv_cac(loyalty.prepare(records()), PERFORMANCE, Period(date(2025, 1, 1), date(2025, 2, 28)), 3)
    spec = charts.ltv_cac_bars(result.frame, 3).to_dict()
    assert [row["x"] for row in _data(spec, 1)] == [3.0]
    assert [row["acquisition"] for row in _data(spec, 0)] == [loyalty.ALL, "Google Ads", "Meta Ads"]
    assert spec["layer"][0]["encoding"]["x"]["title"] == "LTV (3 months) : CAC"


def test_lead_funnel_keeps_step_order():
    spec = charts.lead_funnel(leads.steps_long(leads.funnel(contacts()))).to_dict()
    assert spec["encoding"]["x"]["sort"] == {"field": "order"}
    assert len(spec["datasets"][spec["data"]["name"]]) == 15  # 3 sources × 5 steps
