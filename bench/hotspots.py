"""Where our path spends its time and memory: cProfile over read_file and the job, kpi_core
functions first, and the peak RSS reached inside each kpi_core function.

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
import threading
import time
from collections import defaultdict
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


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class MemorySampler(threading.Thread):
    """Samples RSS every few ms and charges it to the innermost kpi_core function running then.

    Polars allocates in Rust, out of tracemalloc's sight; RSS sampling sees it. A function's figure
    is the highest RSS seen while it was the innermost kpi_core frame on the main thread.
    """

    def __init__(self, interval: float = 0.003):
        super().__init__(daemon=True)
        self.interval, self.peaks, self.stop = interval, defaultdict(float), threading.Event()
        self.main = threading.main_thread().ident

    def run(self) -> None:
        while not self.stop.is_set():
            frame = sys._current_frames().get(self.main)
            while frame is not None and "kpi_core" not in frame.f_code.co_filename:
                frame = frame.f_back
            if frame is not None:
                where = f"{Path(frame.f_code.co_filename).relative_to(ROOT)}:{frame.f_code.co_name}"
                self.peaks[where] = max(self.peaks[where], rss_mb())
            time.sleep(self.interval)


def memory(path: Path, fmt: str, top: int) -> None:
    base = rss_mb()
    sampler = MemorySampler()
    sampler.start()
    frame = ours.load(path, fmt)
    ours.job(frame)
    sampler.stop.set()
    sampler.join()
    size = path.stat().st_size / 2**20
    print(f"\n# peak RSS inside kpi_core functions, in the order they first ran (file {size:.0f} MB, RSS before "
          f"reading {base:.0f} MB); the {top} highest are marked *")
    highest = {w for w, _ in sorted(sampler.peaks.items(), key=lambda kv: -kv[1])[:top]}
    for where, mb in sampler.peaks.items():
        print(f"{'*' if where in highest else ' '} {mb:7.0f} MB  {mb / size:5.1f}× file  {where}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", default="google_ads", choices=["google_ads", "nordic", "clean"])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--top", type=int, default=25, help="functions shown (default 25)")
    ap.add_argument("--memory", action="store_true", help="peak RSS per kpi_core function instead of time")
    args = ap.parse_args(argv)
    path = generate.ensure(args.rows, DATA)[args.input]
    if args.memory:
        memory(path, args.input, args.top)
        return
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
