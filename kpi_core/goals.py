"""Which KPIs fit a business goal, and which of them the data at hand can answer.

The matrix itself is data in ``catalog.GOAL_MATRIX``; this module answers the question a
page asks: "for this goal and these columns, what can I show, and what is missing?"
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kpi_core import catalog
from kpi_core.catalog import GOAL_IDS, GOAL_MATRIX, HEADLINES, STAGES, Formula, Stage
from kpi_core.engine import resolve


@dataclass(frozen=True)
class KpiStatus:
    kpi: str
    stage: Stage
    formula: Formula | None  # None for a ratio of two KPIs (ltv_cac_ratio) or when missing
    missing: str | None  # plain words ("enter your gross margin …"); None when computable

    @property
    def available(self) -> bool:
        return self.missing is None


@dataclass(frozen=True)
class GoalPlan:
    goal: str
    headline: str  # the KPI shown first (the fallback when the preferred one is missing)
    headline_note: str | None  # why the fallback was used, in plain words
    stages: tuple[tuple[Stage, tuple[KpiStatus, ...]], ...]

    @property
    def kpis(self) -> list[str]:
        """Every KPI of the plan, headline first, in funnel order."""
        ids = [self.headline] + [s.kpi for _, items in self.stages for s in items]
        return list(dict.fromkeys(ids))

    @property
    def available(self) -> list[str]:
        return [k for k in self.kpis if self.status(k) is None or self.status(k).available]

    @property
    def unavailable(self) -> list[KpiStatus]:
        return [s for _, items in self.stages for s in items if not s.available]

    def status(self, kpi_id: str) -> KpiStatus | None:
        for _, items in self.stages:
            for s in items:
                if s.kpi == kpi_id:
                    return s
        return None


def check_goal(goal: str) -> str:
    if goal not in GOAL_IDS:
        raise ValueError(f"unknown goal {goal!r}; choose one of: {', '.join(GOAL_IDS)}")
    return goal


def plan(goal: str, available: Iterable[str]) -> GoalPlan:
    """The KPIs for ``goal`` per funnel stage, each computable or with what it lacks.

    available: the measures present (see ``engine.available_measures``, which already counts
    gross profit when a margin was entered).
    """
    check_goal(goal)
    have = available
    ids = [k for stage in STAGES for k in GOAL_MATRIX[goal][stage]]
    preferred, fallback = HEADLINES[goal]
    chosen, missing = resolve(list(dict.fromkeys([preferred, *([fallback] if fallback else []), *ids])), have)

    headline, note = preferred, None
    if preferred in missing and fallback and fallback not in missing:
        headline = fallback
        note = (f"{catalog.get(preferred).label()} would lead here (what it takes: {missing[preferred]}); "
                f"showing {catalog.get(fallback).label()} instead.")

    stages = []
    for stage in STAGES:
        items = tuple(
            KpiStatus(k, stage, chosen.get(k), missing.get(k)) for k in GOAL_MATRIX[goal][stage]
        )
        stages.append((stage, items))
    return GoalPlan(goal, headline, note, tuple(stages))
