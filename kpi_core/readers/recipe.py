"""A mapping recipe: the user's column corrections, saved as small JSON and loaded next month.

    {"version": 1, "platform": "google_ads", "columns": {"Konv. (alle)": "conversions", "Budsjett": null}}

``columns`` is exactly the ``overrides`` argument of ``read_file`` (source header -> canonical
name, or null to ignore the column). ``platform`` records which export it was made for (the
ReadResult's platform), so a recipe is offered for the next file of the same platform only.
Loading validates everything and reports every problem at once, as messages a marketer can act
on, instead of failing on the first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from kpi_core.readers.platforms import PLATFORMS
from kpi_core.schema import DIMENSIONS, MEASURES

VERSION = 1
PLATFORM_IDS = frozenset(p.id for p in PLATFORMS) | {"generic"}


@dataclass(frozen=True)
class Recipe:
    platform: str
    columns: dict[str, str | None] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps({"version": VERSION, "platform": self.platform, "columns": self.columns},
                          ensure_ascii=False, indent=2, sort_keys=False)


class RecipeError(ValueError):
    """A recipe that cannot be used; ``problems`` lists every reason."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


def problems(obj: object) -> list[str]:
    """Everything wrong with a decoded recipe, as messages (empty when it is valid)."""
    if not isinstance(obj, dict):
        return ["the recipe must be a JSON object with version, platform and columns"]
    out = []
    if obj.get("version") != VERSION:
        out.append(f"version must be {VERSION} (found {obj.get('version')!r})")
    if obj.get("platform") not in PLATFORM_IDS:
        out.append(f"platform {obj.get('platform')!r} is unknown; use one of {', '.join(sorted(PLATFORM_IDS))}")
    columns = obj.get("columns")
    if not isinstance(columns, dict):
        out.append("columns must be an object of source header -> canonical name (or null to ignore)")
        return out
    for source, target in columns.items():
        if target is not None and target not in MEASURES and target not in DIMENSIONS:
            out.append(f"column {source!r}: {target!r} is no canonical measure or dimension")
    unknown = set(obj) - {"version", "platform", "columns"}
    if unknown:
        out.append(f"unknown keys {', '.join(sorted(unknown))}")
    return out


def loads(text: str) -> Recipe:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecipeError([f"not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}"]) from None
    found = problems(obj)
    if found:
        raise RecipeError(found)
    return Recipe(obj["platform"], dict(obj["columns"]))
