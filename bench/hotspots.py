"""Where our path spends its time: cProfile over read_file and the job, kpi_core functions first.

    python bench/hotspots.py [--input google_ads] [--rows 1000000] [--top 25]

Polars does its work in Rust, so a Python profile attributes the time to the kpi_core function
that called ``collect``/``select``/``with_columns``: that is exactly the level at which a fix is
made. The data comes from bench/data/ (generated when missing, as by bench/run.py).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import generate, ours  # noqa: E402  (needs the path above)
from bench.run import DATA  # noqa: E402


def stage(label: str, fn, *args):
    t = time.perf_counter()
    out = fn(*args)
    print(f"{label:<28} {time.perf_counter() - t:8.3f} s", file=sys.stderr)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", default="google_ads", choices=["google_ads", "nordic", "clean"])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--top", type=int, default=25, help="functions shown (default 25)")
    args = ap.parse_args(argv)
    path = generate.ensure(args.rows, DATA)[args.input]
    stage("read_file (unprofiled)", ours.load, path, args.input)
    profile = cProfile.Profile()
    profile.enable()
    frame = stage("read_file (profiled)", ours.load, path, args.input)
    stage("job (profiled)", ours.job, frame)
    profile.disable()
    stats = pstats.Stats(profile, stream=sys.stdout).sort_stats("cumulative")
    print(f"\n# kpi_core functions by cumulative time ({args.input}, {args.rows:,} rows)")
    stats.print_stats(r"kpi_core", args.top)


if __name__ == "__main__":
    main()
