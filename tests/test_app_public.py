"""The iFood customer table (export-formats.md §9) uploaded in the app: what each page shows.

Expected values from tests/test_readers_public.py (fixture: make_fixtures.py, public_datasets())."""

from pathlib import Path

from conftest import chart_rows, upload

IFOOD = (Path(__file__).parent / "fixtures" / "exports" / "ifood_marketing_campaign.csv").read_bytes()


def plain(markdown: str) -> str:
    return markdown.replace("\\", "")


def test_ifood_upload_is_read_as_a_customer_table(app):
    # The Kaggle file is tab-separated under a .csv name.
    at = upload(app, "marketing_campaign.csv", IFOOD)
    assert [s.value for s in at.subheader][0] == "marketing_campaign.csv"
    facts = plain(at.markdown[0].value)
    assert "**Platform** iFood customer table" in facts and "**Table** shop customers" in facts
    assert "**Currency** –" in facts and "**Dates** –" in facts  # no '$', and no dated measure
    assert "5 of 5 rows used, 0 excluded" in [c.value for c in at.caption]
    infos = [plain(i.value) for i in at.info]
    assert any("Year_Birth, Income, Kidhome, Teenhome dropped as personal data" in i for i in infos)
    assert any("2012: 1, 2013: 1, 2014: 3" in i for i in infos)  # new customers by enrolment year
    assert [plain(w.value) for w in at.warning] == [
        "1 customer(s) have more discounted purchases (NumDealsPurchases) than web, catalogue and store purchases "
        "together: orders count only those three, check the export. (line 5)"]
    assert not at.error


def test_ifood_segments_by_education_and_what_needs_dates(app):
    at = upload(app, "marketing_campaign.csv", IFOOD)
    at.switch_page("pages/segments.py").run()
    assert not at.exception
    assert at.selectbox(key="w_seg_kpi").options == ["Average order value (AOV)", "Customer lifetime value (LTV)",
                                                     "Repeat purchase rate"]
    assert at.selectbox(key="w_seg_dim").value == "education"
    at.selectbox(key="w_seg_kpi").set_value("ltv").run()
    # LTV: Graduation (1500 + 25) / 2 = 762.50; Master 740 / 1; PhD (52 + 400) / 2 = 226. Best first.
    assert [(r["segment"], r["text"]) for r in chart_rows(at, 0)] == [
        ("Graduation", "762.50"), ("Master", "740.00"), ("PhD", "226.00")]
    table = at.dataframe[0].value
    assert table["education"].tolist() == ["Graduation", "Master", "PhD"]
    assert table["revenue"].tolist() == [1525.0, 740.0, 452.0] and table["customers"].tolist() == [2.0, 1.0, 2.0]
    # "Why did it move?" compares periods: the table has none, and the page says so.
    assert any(i.value.startswith("This data has no dates") for i in at.info)

    at.switch_page("pages/goal.py").run()
    assert not at.exception and at.info[0].value.startswith("This data has no dates")
    at.switch_page("pages/loyalty.py").run()
    assert not at.exception
    assert plain(at.info[0].value).startswith("marketing_campaign.csv: a customer table, one row per customer")
    assert "cohorts, churn and LTV curves need each order with its date" in at.info[0].value
