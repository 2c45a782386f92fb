"""The benchmark: our path against pandas, DuckDB and a bare ``pl.read_csv``, side by side.

    python bench/run.py [--rows 1000000] [--sizes 1e6,1e7] [--repeat 5] [--quick]

Generates the inputs into bench/data/ when missing, then runs every (engine, input) pair once per
repeat, in a rotating order so that a noisy neighbour hurts every engine alike, each in a fresh
process (bench/worker.py) so peak memory is per engine. It checks that all engines give the same
numbers, prints a Markdown report and writes bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import generate  # noqa: E402  (needs the path above)
from bench.compare import disagreements  # noqa: E402

DATA = ROOT / "bench" / "data"
RESULTS = ROOT / "bench" / "results"
INPUTS = ("google_ads", "nordic", "clean")
RIVALS = ("pandas", "duckdb")
TOLERANCE = 1e-9  # relative
HEADLINE = "google_ads"  # the targets are about the messy export
# target -> (limit, what it measures); every one is "at most".
TARGETS = {
    "vs_bare": (1.3, "messy export -> scorecard, over the bare read of the clean file (issue 8)"),
    "read_vs_bare": (1.3, "messy export read through kpi_core, over a bare read of the same file (issue 4 item 10)"),
    "vs_pandas": (0.5, "over pandas (at least 2x faster)"),
    "vs_duckdb": (1.0, "over DuckDB (no slower)"),
    "rerun_ms": (50.0, "recompute of the scorecard and one breakdown after a filter change, ms (median)"),
    "app_rerun_ms": (50.0, "the same as the app does it on a filter change (views.scorecard, views.segments; "
                     "the sidebar's options are worked out once per dataset and timed apart), ms"),
    "rss_per_file": (3.0, "peak memory of the whole process over the file size"),
}


def tasks(inputs: tuple[str, ...]) -> list[tuple[str, str]]:
    """Every (engine, input) pair of one repeat: each input read bare too, and the clean file always (the
    floor of the whole job)."""
    bare = [("bare", f) for f in dict.fromkeys(("clean", *inputs))]
    return bare + [(e, f) for f in inputs for e in ("ours", *RIVALS)]


def run_worker(engine: str, fmt: str, path: Path, reruns: int) -> dict:
    cmd = [sys.executable, str(ROOT / "bench" / "worker.py"), engine, fmt, str(path), "--reruns", str(reruns)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=1800)
    if proc.returncode != 0:
        lines = [ln for ln in proc.stderr.strip().splitlines() if ln.strip()]
        return {"engine": engine, "format": fmt, "error": lines[-1] if lines else f"exit code {proc.returncode}"}
    return json.loads(proc.stdout)


def bench_size(rows: int, repeat: int, reruns: int, inputs: tuple[str, ...]) -> dict:
    t = time.perf_counter()
    files = generate.ensure(rows, DATA)
    print(f"# {rows:,} rows: data ready in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    for p in files.values():  # read once so every engine finds the files in the page cache
        p.read_bytes()
    order = tasks(inputs)
    runs: dict[tuple[str, str], list[dict]] = {task: [] for task in order}
    for r in range(repeat):
        shift = r % len(order)
        for engine, fmt in order[shift:] + order[:shift]:
            res = run_worker(engine, fmt, files[fmt], reruns)
            runs[(engine, fmt)].append(res)
            status = res.get("error") or f"{res['total_s']:.3f} s, {res['peak_rss_mb']:.0f} MB"
            print(f"  repeat {r + 1}/{repeat} {engine:>6} {fmt:<10} {status}", file=sys.stderr)
    return summarise(rows, files, runs)


def summarise(rows: int, files: dict[str, Path], runs: dict[tuple[str, str], list[dict]]) -> dict:
    cells = []
    for (engine, fmt), results in runs.items():
        ok = [r for r in results if "error" not in r]
        cell = {"engine": engine, "input": fmt, "runs": len(results), "file_mb": files[fmt].stat().st_size / 2**20}
        if not ok:
            cell["error"] = results[0]["error"]
            cells.append(cell)
            continue
        for key in ("total_s", "read_s", "compute_s", "cpu_s", "peak_rss_mb", "rss_after_import_mb", "import_s"):
            cell[key] = statistics.median(r[key] for r in ok)
        cell["total_min_s"] = min(r["total_s"] for r in ok)
        cell["total_max_s"] = max(r["total_s"] for r in ok)
        for kind in ("rerun", "app_rerun", "app_sidebar"):
            times = sorted(t for r in ok for t in r.get(f"{kind}_s", []))
            if times:
                cell[f"{kind}_median_ms"] = 1000 * statistics.median(times)
                cell[f"{kind}_p90_ms"] = 1000 * times[int(0.9 * (len(times) - 1))]
        cell["rss_per_file"] = cell["peak_rss_mb"] / cell["file_mb"]
        cells.append(cell)
    rat = ratios(cells)
    return {"rows": rows, "cells": cells, "ratios": rat, "targets": targets(cells, rat), "agreement": agreement(runs)}


def targets(cells: list[dict], rat: list[dict]) -> list[dict]:
    """Our path on the messy export against each target of issue 8."""
    ours = next((c for c in cells if c["engine"] == "ours" and c["input"] == HEADLINE), {})
    r = next((x for x in rat if x["input"] == HEADLINE), {})
    values = {"vs_bare": r.get("vs_bare"), "read_vs_bare": r.get("read_vs_bare"),
              "vs_pandas": r.get("vs_pandas"), "vs_duckdb": r.get("vs_duckdb"),
              "rerun_ms": ours.get("rerun_median_ms"), "app_rerun_ms": ours.get("app_rerun_median_ms"),
              "rss_per_file": ours.get("rss_per_file")}
    return [{"target": k, "what": what, "limit": limit, "value": values[k],
             "met": values[k] is not None and values[k] <= limit} for k, (limit, what) in TARGETS.items()]


def ratios(cells: list[dict]) -> list[dict]:
    """Per input: our median time over pandas', DuckDB's and the bare read's of the clean file; and our
    median read time over the bare read of the same file."""
    out = []
    for fmt in dict.fromkeys(c["input"] for c in cells if c["engine"] == "ours"):
        row = {"input": fmt}
        others = {"vs_pandas": ("pandas", fmt), "vs_duckdb": ("duckdb", fmt), "vs_bare": ("bare", "clean")}
        for measure, suffix in (("total_s", ""), ("cpu_s", "_cpu")):
            t = {(c["engine"], c["input"]): c.get(measure) for c in cells}
            ours = t.get(("ours", fmt))
            for name, other in others.items():
                base = t.get(other)
                row[name + suffix] = ours / base if ours and base else None
        read = {(c["engine"], c["input"]): c.get("read_s") for c in cells}.get(("ours", fmt))
        bare = next((c.get("total_s") for c in cells if c["engine"] == "bare" and c["input"] == fmt), None)
        row["read_vs_bare"] = read / bare if read and bare else None
        out.append(row)
    return out


def agreement(runs: dict[tuple[str, str], list[dict]]) -> dict:
    """Every engine's numbers against ours on the same input, and ours on each input against ours on
    the clean file (the same rows, written three ways)."""
    first = {task: next((r["results"] for r in res if "error" not in r), None) for task, res in runs.items()}
    checked, problems = 0, []
    reference = first.get(("ours", "clean"))
    for (engine, fmt), res in first.items():
        if engine == "bare":
            continue
        base = reference if engine == "ours" else first.get(("ours", fmt))
        label = f"{engine} on {fmt} vs ours on {'clean' if engine == 'ours' else fmt}"
        if base is None or res is None:
            problems.append(f"{label}: not compared (a run failed)")
            continue
        if base is res:
            continue
        n, bad = disagreements(base, res, TOLERANCE)
        checked += n
        problems += [f"{label}: {b}" for b in bad[:5]] + ([f"{label}: … {len(bad) - 5} more"] if len(bad) > 5 else [])
    return {"numbers_compared": checked, "tolerance": TOLERANCE, "problems": problems}


def machine() -> dict:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor())
    mem_kb = next(int(ln.split()[1]) for ln in Path("/proc/meminfo").read_text().splitlines()
                  if ln.startswith("MemTotal"))
    versions = {p: metadata.version(p) for p in ("polars", "pandas", "duckdb")}
    return {"cpus": os.cpu_count(), "cpu": cpu, "memory_gb": round(mem_kb / 2**20, 1),
            "python": platform.python_version(), **versions}


def markdown(report: dict) -> str:
    m = report["machine"]
    lines = [f"Machine: {m['cpus']} × {m['cpu']}, {m['memory_gb']} GB RAM; Python {m['python']}, "
             f"Polars {m['polars']}, pandas {m['pandas']}, DuckDB {m['duckdb']}. "
             f"Medians of {report['repeat']} alternating runs, each in a fresh process."]
    for size in report["sizes"]:
        lines += ["", f"### {size['rows']:,} rows", "",
                  "| input | engine | file MB | median s (min–max) | read s | compute s | CPU s | peak RSS MB "
                  "(after imports) | RSS / file | rerun ms (p90) | app rerun ms (p90) |",
                  "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for c in size["cells"]:
            head = f"| {c['input']} | {c['engine']} | {c['file_mb']:.1f} |"
            if "error" in c:
                lines.append(f"{head} failed: {c['error'][:120]} | | | | | | | |")
                continue
            reruns = [f"{c[k + '_median_ms']:.1f} ({c[k + '_p90_ms']:.1f})" if k + "_median_ms" in c else "–"
                      for k in ("rerun", "app_rerun")]
            lines.append(
                f"{head} {c['total_s']:.3f} ({c['total_min_s']:.3f}–{c['total_max_s']:.3f}) | {c['read_s']:.3f} | "
                f"{c['compute_s']:.3f} | {c['cpu_s']:.3f} | {c['peak_rss_mb']:.0f} ({c['rss_after_import_mb']:.0f}) | "
                f"{c['rss_per_file']:.1f}× | {' | '.join(reruns)} |")
        lines += ["", "Ratios of median wall time (of CPU time in brackets: steadier when the cores are shared):", "",
                  "| input | ours / pandas | ours / DuckDB | ours / bare read of the clean file | "
                  "our read / bare read of the same file |",
                  "|---|---:|---:|---:|---:|"]
        for r in size["ratios"]:
            vals = [f"{r[k]:.2f} ({r[k + '_cpu']:.2f})" if r[k] is not None else "–"
                    for k in ("vs_pandas", "vs_duckdb", "vs_bare")]
            same = f"{r['read_vs_bare']:.2f}" if r.get("read_vs_bare") is not None else "–"
            lines.append(f"| {r['input']} | {' | '.join(vals)} | {same} |")
        lines += ["", f"Targets (ours on the {HEADLINE} export):", ""]
        for t in size["targets"]:
            value = "–" if t["value"] is None else f"{t['value']:.2f}"
            lines.append(f"- {t['what']}: {value} (at most {t['limit']:g}) {'met' if t['met'] else 'MISSED'}")
        ours = next((c for c in size["cells"] if c["engine"] == "ours" and c["input"] == HEADLINE), {})
        if "app_sidebar_median_ms" in ours:
            lines.append(f"- not in the app rerun: the sidebar's date bounds and filter options, once per dataset "
                         f"in the app (ui._sidebar_choices): {ours['app_sidebar_median_ms']:.2f} ms")
        a = size["agreement"]
        lines.append("")
        if a["problems"]:
            lines += ["Engines disagree:"] + [f"- {p}" for p in a["problems"]]
        else:
            lines.append(f"All engines agree: {a['numbers_compared']:,} numbers within {a['tolerance']:g} relative.")
    return "\n".join(lines)


def parse_sizes(text: str) -> list[int]:
    return [int(float(s)) for s in text.split(",") if s.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000, help="rows of the generated data (default 1M)")
    ap.add_argument("--sizes", type=parse_sizes, help="several sizes, e.g. 1e6,1e7 (overrides --rows)")
    ap.add_argument("--repeat", type=int, default=5, help="runs of every engine per size (default 5)")
    ap.add_argument("--reruns", type=int, default=20, help="filter changes timed in each run (default 20)")
    ap.add_argument("--inputs", default=",".join(INPUTS), help=f"inputs to run (default {','.join(INPUTS)})")
    ap.add_argument("--quick", action="store_true", help="100k rows, 2 repeats, 10 reruns: a check in well under a "
                    "minute on a quiet machine")
    args = ap.parse_args(argv)
    sizes = [100_000] if args.quick else (args.sizes or [args.rows])
    repeat = 2 if args.quick else args.repeat
    reruns = 10 if args.quick else args.reruns
    inputs = tuple(s.strip() for s in args.inputs.split(",") if s.strip())
    unknown = [i for i in inputs if i not in INPUTS]
    if unknown:
        ap.error(f"unknown input {unknown[0]!r}; choose from {', '.join(INPUTS)}")
    report = {"machine": machine(), "repeat": repeat, "reruns": reruns,
              "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
              "sizes": [bench_size(n, repeat, reruns, inputs) for n in sizes]}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2))
    print(markdown(report))
    return 1 if any(s["agreement"]["problems"] for s in report["sizes"]) else 0


if __name__ == "__main__":
    sys.exit(main())
