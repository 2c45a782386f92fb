"""A/B of ``read_file`` between source trees: each run in a fresh process, the trees alternating.

    python bench/ab.py TREE_A TREE_B [--input google_ads] [--rows 1000000] [--pairs 3]

A tree is a directory holding a ``kpi_core`` package, e.g. ``git archive 94c0fe3 kpi_core | tar -x -C
/tmp/a``. Prints per tree the median wall time, CPU time (user + sys) and peak RSS (VmHWM) of the
child, and the load average while it ran; fails when the trees' results differ (every canonical
column ``Series.equals`` once dimensions are compared as text, and every other ReadResult field ==).
The data comes from bench/data/ (generated when missing, as by bench/run.py).
"""

from __future__ import annotations

import argparse
import importlib
import os
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(tree: str, path: str, fmt: str, out: str) -> None:
    """One read in this process; prints 'wall cpu peak' and pickles the result to ``out``."""
    sys.path[:0] = [tree, str(ROOT)]
    # The tree's kpi_core first: importing bench.worker puts ROOT (this checkout) first on the path.
    read_file = importlib.import_module("kpi_core.readers").read_file
    from bench.spec import OVERRIDES
    from bench.worker import peak_rss_mb

    data = Path(path).read_bytes()
    before, start = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    result = read_file(data, Path(path).name, OVERRIDES.get(fmt))
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    print(f"{wall} {cpu} {peak_rss_mb()}")
    with open(out, "wb") as fh:
        pickle.dump((result.frame, {k: v for k, v in vars(result).items() if k != "frame"}), fh)


def same(a: tuple, b: tuple) -> list[str]:
    """What differs between two pickled results (empty when they agree)."""
    import polars as pl

    (fa, ra), (fb, rb) = a, b
    if fa.columns != fb.columns:
        return [f"columns {fa.columns} vs {fb.columns}"]
    text = [pl.Categorical, pl.String]
    diff = [c for c in fa.columns
            if not (fa[c].cast(pl.String) if fa[c].dtype in text else fa[c]).equals(
                fb[c].cast(pl.String) if fb[c].dtype in text else fb[c])]
    return diff + [k for k in ra if ra[k] != rb.get(k)]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:  # one run, started by the loop below
        child(*argv[1:5])
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("trees", nargs="+")
    ap.add_argument("--input", default="google_ads", choices=["google_ads", "nordic", "clean"])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--pairs", type=int, default=3)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from bench import generate
    from bench.run import DATA

    path = str(generate.ensure(args.rows, DATA)[args.input])
    runs: dict[str, list[tuple[float, ...]]] = {t: [] for t in args.trees}
    loads, results = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.pairs):
            for i, tree in enumerate(args.trees):
                out = f"{tmp}/{i}.pkl"
                line = subprocess.run([sys.executable, __file__, "--child", tree, path, args.input, out],
                                      capture_output=True, text=True, check=True).stdout.split()
                runs[tree].append(tuple(float(x) for x in line[-3:]))
                loads.append(os.getloadavg()[0])
                with open(out, "rb") as fh:
                    results.setdefault(tree, pickle.load(fh))
    size = Path(path).stat().st_size / 2**20
    for tree, values in runs.items():
        wall, cpu, peak = (statistics.median(v) for v in zip(*values, strict=True))
        print(f"{tree:30s} {args.input:10s} wall {wall:6.3f} s  cpu {cpu:6.3f} s  peak RSS {peak:5.0f} MB "
              f"({peak / size:.1f}× the file)")
    print(f"load average (1 min) during the runs: {min(loads):.1f}–{max(loads):.1f}")
    first = results[args.trees[0]]
    differ = {t: d for t in args.trees[1:] if (d := same(first, results[t]))}
    for tree, what in differ.items():
        print(f"{tree}: results differ from {args.trees[0]}: {', '.join(what)}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
