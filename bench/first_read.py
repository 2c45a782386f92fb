"""One ``pl.read_csv`` of the 1M-row Google Ads export with every column of one dtype, to weigh the
reader's first read (issue 4 item 10): what String, Categorical or the bare typed read of the clean
file cost in time and peak memory.

    python bench/first_read.py bare|string|categorical   # one fresh process per mode

The files are bench/generate.py's, generated when missing (as bench/run.py does).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import generate  # noqa: E402  (needs the path above)
from bench.worker import peak_rss_mb  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
ROWS = 1_000_000


def main(mode: str) -> None:
    files = generate.ensure(ROWS, DATA)
    data = files["google_ads"].read_bytes()
    names = data.split(b"\n", 3)[2].decode().split(",")  # header on line 3, below the title lines
    t, c = time.perf_counter(), time.process_time()
    if mode == "bare":
        frame = pl.read_csv(files["clean"])
    else:
        dtype = {"string": pl.String, "categorical": pl.Categorical}[mode]
        frame = pl.read_csv(data, skip_rows=2, schema=dict.fromkeys(names, dtype), infer_schema=False)
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    print(f"{mode}: wall {wall:.3f} s, CPU {cpu:.3f} s, peak RSS {peak_rss_mb():.0f} MB, "
          f"frame {frame.estimated_size() / 2**20:.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "string")
