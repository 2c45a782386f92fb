"""Run one engine on one file in a fresh process and print one JSON line: timings, peak memory,
results.

``python bench/worker.py ENGINE FORMAT PATH [--reruns N]``; ``bench/run.py`` starts it. A fresh
process per run makes the peak RSS (``ru_maxrss``) belong to that engine alone, and only that
engine's libraries are imported (the pandas run never loads Polars).
"""

from __future__ import annotations

import argparse
import importlib
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.spec import DAYS, FIRST_DAY, filters  # noqa: E402  (needs the path above)

ENGINES = {"ours": "bench.ours", "pandas": "bench.pandas_way", "duckdb": "bench.duckdb_way", "bare": "bench.floor"}


def peak_rss_mb() -> float:
    """This process's RSS high-water mark, in MiB.

    Read from VmHWM in /proc/self/status: on Linux ``getrusage(RUSAGE_SELF).ru_maxrss`` carries the
    high-water mark of the parent across fork and exec (the runner's RSS would leak into every
    engine's figure), while VmHWM belongs to this process's own address space.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def timed(fn, state, changes: list) -> tuple[list[float], object]:
    """Seconds of ``fn(state, *change)`` for each filter change, and the last result."""
    times, result = [], None
    for change in changes:
        t = time.perf_counter()
        result = fn(state, *change)
        times.append(time.perf_counter() - t)
    return times, result


def run(engine: str, fmt: str, path: Path, reruns: int) -> dict:
    t = time.perf_counter()
    mod = importlib.import_module(ENGINES[engine])
    out: dict = {"engine": engine, "format": fmt, "import_s": time.perf_counter() - t,
                 "rss_after_import_mb": peak_rss_mb()}
    c0, t0 = time.process_time(), time.perf_counter()
    state = mod.load(path, fmt)
    t1 = time.perf_counter()
    native = mod.job(state)
    t2 = time.perf_counter()
    # CPU seconds of all threads: less hurt than wall time when other processes share the cores.
    out.update(read_s=t1 - t0, compute_s=t2 - t1, total_s=t2 - t0, cpu_s=time.process_time() - c0)
    results = mod.export(native)
    last = FIRST_DAY.fromordinal(FIRST_DAY.toordinal() + DAYS - 1)
    changes = filters(FIRST_DAY, last, reruns)
    if changes and hasattr(mod, "rerun"):
        out["rerun_s"], native = timed(mod.rerun, state, changes)
        results.update({f"rerun_{k}": v for k, v in mod.export(native).items()})
    if changes and hasattr(mod, "app_rerun"):
        out["app_rerun_s"], _ = timed(mod.app_rerun, state, changes)
    if changes and hasattr(mod, "app_sidebar"):  # once per dataset in the app: timed apart
        out["app_sidebar_s"], _ = timed(lambda frame, *_: mod.app_sidebar(frame), state, changes)
    out["peak_rss_mb"] = peak_rss_mb()
    out["results"] = results
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("engine", choices=list(ENGINES))
    ap.add_argument("format")
    ap.add_argument("path", type=Path)
    ap.add_argument("--reruns", type=int, default=0)
    args = ap.parse_args()
    print(json.dumps(run(args.engine, args.format, args.path, args.reruns)))


if __name__ == "__main__":
    main()
