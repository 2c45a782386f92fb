"""How close can any reader of the Google Ads download come to a bare read? (issue 4 item 10)

    python bench/floor_parse.py                 # 1M rows, 3 runs of each step, this process
    python bench/floor_parse.py --memory        # peak RSS of each way of reading, each in a fresh process

Item 10 asks for a read in at most 1.3x the time of a bare ``pl.read_csv`` of the same file, under 3x
the file size in memory. This measures three things side by side on ``bench/data`` (generated as by
bench/run.py):

- ``bare``: the bare read (title lines skipped, every cell as text; bench/floor.py);
- ``minimal``: the bare read plus the least any reader must do to give numbers: thousands commas
  taken out and cast for the 5 measures, the 6 text dimensions as Categorical, the day as a Date. No
  detection, no checks, no summary rows: a lower bound, not a reader;
- ``ours``: ``kpi_core.readers.read_file``.

For each it prints wall and CPU seconds (user + sys of all threads). The CPU seconds are the floor:
on N cores the minimal read cannot take less wall time than its CPU seconds / N, whatever overlaps.

``--memory`` adds the peak RSS (VmHWM) of each in a fresh process, beside ``batched``: the minimal
parse done on slices of the bytes (cut at line ends), each slice's text dropped once parsed, and
``categorical``: the minimal parse with the dimensions read as Categorical by the CSV reader (see
bench/FINDINGS.md).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import polars as pl  # noqa: E402  (after the path)

from bench.floor import LAYOUT  # noqa: E402

MEASURES = ("Impr.", "Clicks", "Cost", "Conversions", "Conv. value")
DIMENSIONS = ("Campaign", "Ad group", "Campaign type", "Device", "Country/Territory (User location)", "Currency code")


def bare(data: bytes) -> pl.DataFrame:
    skip, separator = LAYOUT["google_ads"]
    return pl.read_csv(data, skip_rows=skip, separator=separator, infer_schema=False)


def parsed(text: pl.DataFrame) -> pl.DataFrame:
    """The minimal parse of a String frame of the download (its 'Total:' rows parse to null days)."""
    return text.select(
        pl.col("Day").str.to_date("%Y-%m-%d", strict=False),
        *(pl.col(c).cast(pl.Categorical) for c in DIMENSIONS),
        *(pl.col(c).str.replace_all(",", "", literal=True).cast(pl.Float64, strict=False) for c in MEASURES),
    )


def minimal(data: bytes) -> pl.DataFrame:
    return parsed(bare(data))


def batched(data: bytes, batches: int = 16) -> pl.DataFrame:
    """The minimal parse on ``batches`` slices of the body, cut after a line end (the download's
    quoted cells hold no line breaks); one slice's text in memory at a time."""
    skip, separator = LAYOUT["google_ads"]
    start = 0
    for _ in range(skip + 1):  # past the title lines and the header
        start = data.index(b"\n", start) + 1
    header = data[:start].splitlines()[skip].decode()
    names = header.split(separator)
    step, parts = max(1, (len(data) - start) // batches), []
    while start < len(data):
        end = data.find(b"\n", min(start + step, len(data) - 1)) + 1 or len(data)
        text = pl.read_csv(data[start:end], has_header=False, new_columns=names, separator=separator,
                           infer_schema=False)
        parts.append(parsed(text))
        start = end
    return pl.concat(parts)


def categorical(data: bytes) -> pl.DataFrame:
    """The minimal parse with the text dimensions read as Categorical by the CSV reader itself: a
    String cell costs a 16-byte view (15M views, about 240 MB, more than the file), a Categorical
    one 4 bytes. The only way measured here that stays under 3x without slicing the bytes."""
    skip, separator = LAYOUT["google_ads"]
    text = pl.read_csv(data, skip_rows=skip, separator=separator, infer_schema=False,
                       schema_overrides=dict.fromkeys(DIMENSIONS, pl.Categorical))
    return parsed(text)


def ours(data: bytes) -> object:
    from bench.spec import OVERRIDES
    from kpi_core.readers import read_file

    return read_file(data, "google_ads.csv", OVERRIDES.get("google_ads"))


WAYS = {"bare": bare, "minimal": minimal, "batched": batched, "categorical": categorical, "ours": ours}


def timed(fn, data: bytes) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    fn(data)
    return time.perf_counter() - wall, time.process_time() - cpu


def one_in_a_fresh_process(way: str, path: Path) -> dict:
    """Peak RSS of one way of reading, alone in its process (the file's bytes are in memory too)."""
    code = (f"import sys, json; sys.path.insert(0, {str(ROOT)!r}); from pathlib import Path; "
            f"from bench.floor_parse import WAYS; from bench.worker import peak_rss_mb; "
            f"import kpi_core.readers; data = Path({str(path)!r}).read_bytes(); before = peak_rss_mb(); "
            f"WAYS[{way!r}](data); print(json.dumps({{'before': before, 'peak': peak_rss_mb()}}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--memory", action="store_true", help="also the peak RSS of each way, in fresh processes")
    args = ap.parse_args(argv)
    from bench.generate import ensure

    path = ensure(args.rows, ROOT / "bench" / "data")["google_ads"]
    data = path.read_bytes()
    mb = len(data) / 2**20
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{path.name}: {mb:.0f} MiB, {cores} cores, Polars {pl.__version__}, load {os.getloadavg()[0]:.1f}")
    ways = ["bare", "minimal", "ours"] + (["batched", "categorical"] if args.memory else [])
    best: dict[str, tuple[float, float]] = {}
    for _ in range(args.runs):  # alternating, so a busy moment hurts each way alike
        for way in ways:
            wall, cpu = timed(WAYS[way], data)
            best[way] = min(best.get(way, (wall, cpu)), (wall, cpu))
    print(f"{'way':<12}{'wall s':>8}{'CPU s':>8}{'wall / bare':>13}{'CPU s / cores':>15}")
    for way in ways:
        wall, cpu = best[way]
        print(f"{way:<12}{wall:>8.2f}{cpu:>8.2f}{wall / best['bare'][0]:>12.2f}x{cpu / cores:>15.2f}")
    floor = best["minimal"][1] / cores / best["bare"][0]
    print(f"floor: the minimal parse needs {best['minimal'][1]:.2f} CPU s; on {cores} cores no reader can take "
          f"less than {floor:.2f}x the bare read's wall time (item 10 asks 1.3x)")
    if args.memory:
        print(f"\n{'way':<12}{'peak RSS MiB':>14}{'/ file':>9}   (RSS with imports and the file's bytes before: MiB)")
        for way in ways:
            rss = one_in_a_fresh_process(way, path)
            print(f"{way:<12}{rss['peak']:>14.0f}{rss['peak'] / mb:>8.1f}x   {rss['before']:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
