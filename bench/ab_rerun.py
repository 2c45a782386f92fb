"""A/B of the app's rerun (``bench.ours.app_rerun``) between source trees, each run in a fresh process.

    python bench/ab_rerun.py TREE_A TREE_B [--input google_ads] [--rows 1000000] [--pairs 3] [--reruns 20]

A tree is a directory holding a ``kpi_core`` package (``git archive e72a697 kpi_core | tar -x -C
/tmp/a``); the harness (``bench/ours.py``, ``bench/spec.py``) is this checkout's for both, so only the
engine differs. Each child reads the file with ``read_file`` (untimed), times ``app_rerun`` on the
bench's filter changes and prints its median; per tree the median of the children's medians is
reported with the load average. It then says whether both trees gave the same scorecards (every
card's values, texts and sparklines) and segments (tables and charts), exactly or within 1e-9
relative. The data must exist in bench/data/ (``python bench/run.py`` generates it).
"""

from __future__ import annotations

import argparse
import importlib
import math
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(tree: str, path: str, fmt: str, reruns: int, out: str) -> None:
    sys.path[:0] = [tree, str(ROOT)]
    core = importlib.import_module("kpi_core")  # the tree's, before bench puts ROOT first
    assert core.__file__ and core.__file__.startswith(tree), core.__file__
    from bench import ours
    from bench.spec import DAYS, FIRST_DAY, filters

    frame = ours.load(Path(path), fmt)
    last = FIRST_DAY.fromordinal(FIRST_DAY.toordinal() + DAYS - 1)
    times, cards, segs = [], [], []
    for change in filters(FIRST_DAY, last, reruns):
        t = time.perf_counter()
        card, seg = ours.app_rerun(frame, *change)
        times.append(time.perf_counter() - t)
        shown = [c for s in card.stages for c in s.cards] + ([card.headline] if card.headline else [])
        cards.append([(c.kpi, c.value, c.text, c.previous_text, c.delta, c.spark, c.spark_dates) for c in shown])
        segs.append((seg.table.to_dicts(), seg.chart.to_dicts(), seg.notes))
    with open(out, "wb") as f:
        pickle.dump((times, cards, segs), f)


def close(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(close(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
    return a == b


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("trees", nargs=2)
    ap.add_argument("--input", default="google_ads")
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--reruns", type=int, default=20)
    args = ap.parse_args()
    path = ROOT / "bench" / "data" / f"{args.input}_{args.rows}_v2.csv"
    trees = dict(zip("AB", (str(Path(t).resolve()) for t in args.trees), strict=True))
    medians: dict[str, list[float]] = {k: [] for k in trees}
    loads: list[float] = []
    results: dict[str, tuple] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.pairs):
            for k in ("AB" if i % 2 == 0 else "BA"):
                out = os.path.join(tmp, f"{k}.pkl")
                loads.append(os.getloadavg()[0])
                cmd = [sys.executable, __file__, "--child", trees[k], str(path), args.input, str(args.reruns), out]
                subprocess.run(cmd, check=True)
                with open(out, "rb") as f:
                    results[k] = pickle.load(f)
                medians[k].append(1000 * statistics.median(results[k][0]))
                print(f"pair {i + 1} {k}: {medians[k][-1]:.1f} ms (load {loads[-1]:.2f})", flush=True)
    for k, tree in trees.items():
        runs = ", ".join(f"{m:.1f}" for m in medians[k])
        print(f"{k} {tree}: {statistics.median(medians[k]):.1f} ms median of medians ({runs})")
    print(f"load average {min(loads):.2f}–{max(loads):.2f}")
    for i, name in ((1, "scorecards"), (2, "segments")):
        a, b = results["A"][i], results["B"][i]
        print(f"{name}: {'identical' if a == b else 'within 1e-9' if close(a, b) else 'DIFFERENT'}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        tree, path, fmt, reruns, out = sys.argv[2:7]
        child(tree, path, fmt, int(reruns), out)
    else:
        main()
