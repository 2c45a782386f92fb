from pathlib import Path

from kpi_core import glossary
from kpi_core.catalog import KPIS

README = Path(__file__).parents[1] / "README.md"


def test_readme_glossary_matches_the_catalog():
    current = glossary.current_section(README.read_text(encoding="utf-8"))
    assert current is not None, "README.md lost its glossary markers"
    assert current == glossary.section(), "run: python -m kpi_core glossary --write README.md"


def test_glossary_lists_every_kpi_once():
    text = glossary.markdown()
    for kpi_id in KPIS:
        assert text.count(f"| `{kpi_id}` |") == 1
