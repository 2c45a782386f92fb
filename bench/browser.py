"""The interactive path in a real browser: upload a 1M-row file, then time filter changes.

    python bench/browser.py [--rows 1000000] [--changes 5]

Starts the app (``streamlit run app.py`` on a free local port), drives Debian's Chromium headless
with Playwright: uploads the Norwegian sheet (the 1M-row Google Ads export is 113 MB, over the app's
100 MB upload limit; this one is 97 MB), opens Goal & KPIs, then picks channels in the sidebar
filter one after the other. For each change it measures the time from the click until the headline
KPI shows a new value and the app has stopped running (issue 5: under a second). It also reports
how long the upload took to become a dashboard. The server is stopped at the end, whatever happens.
"""

from __future__ import annotations

import argparse
import json
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import generate  # noqa: E402  (needs the path above)
from bench.run import DATA, RESULTS  # noqa: E402
from bench.spec import CHANNELS  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
METRIC = '[data-testid="stMetricValue"]'
RUNNING = '[data-testid="stStatusWidget"]'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(port: int) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless=true", f"--server.port={port}",
           "--server.address=127.0.0.1", "--browser.gatherUsageStats=false"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError("the app did not start within 60 s")


def settled(page, timeout_ms: float) -> None:
    """Wait until the app has finished its rerun (the running indicator is gone)."""
    page.wait_for_timeout(50)
    page.wait_for_selector(RUNNING, state="detached", timeout=timeout_ms)


def measure(base: str, path: Path, changes: int) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(base)
        # Until app.py has run st.navigation, the sidebar lists the files of pages/; wait for the real titles.
        page.get_by_role("link", name="Goal & KPIs").wait_for(timeout=120_000)
        page.get_by_role("link", name="Data", exact=True).click()
        t = time.perf_counter()
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path), timeout=600_000)
        # Read once the Data page shows the file's summary ("… rows used, … excluded").
        try:
            page.get_by_text(re.compile(r"rows used")).wait_for(timeout=900_000)
        finally:
            page.screenshot(path=str(RESULTS / "browser_data.png"), full_page=True)
        settled(page, 600_000)
        upload_s = time.perf_counter() - t
        t = time.perf_counter()
        page.get_by_role("link", name="Goal & KPIs").click()
        page.wait_for_selector(METRIC, timeout=300_000)
        settled(page, 300_000)
        first_page_s = time.perf_counter() - t
        times = []
        box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text="Channel")
        for i in range(changes):
            before = page.locator(METRIC).first.inner_text()
            field = box.locator("input")
            field.click()
            field.fill(CHANNELS[i % len(CHANNELS)])
            t = time.perf_counter()
            field.press("Enter")
            page.wait_for_function("([sel, old]) => document.querySelector(sel)?.innerText !== old",
                                   arg=[METRIC, before], timeout=120_000)
            settled(page, 120_000)
            times.append(time.perf_counter() - t)
            page.keyboard.press("Escape")
        shot = RESULTS / "browser_goal.png"
        page.screenshot(path=str(shot), full_page=True)
        browser.close()
    return {"upload_to_dashboard_s": upload_s, "goal_page_s": first_page_s, "filter_change_s": times,
            "filter_change_median_s": statistics.median(times), "screenshot": str(shot.relative_to(ROOT))}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--changes", type=int, default=5, help="filter changes timed (default 5)")
    args = ap.parse_args(argv)
    path = generate.ensure(args.rows, DATA)["nordic"]
    RESULTS.mkdir(parents=True, exist_ok=True)
    port = free_port()
    app = start_app(port)
    try:
        out = {"rows": args.rows, "file": path.name, "file_mb": path.stat().st_size / 2**20,
               **measure(f"http://127.0.0.1:{port}", path, args.changes)}
    finally:
        app.terminate()
        app.wait(timeout=30)
    (RESULTS / "browser.json").write_text(json.dumps(out, indent=2))
    print(f"{args.rows:,} rows ({out['file_mb']:.0f} MB): upload to dashboard {out['upload_to_dashboard_s']:.1f} s, "
          f"Goal & KPIs {out['goal_page_s']:.1f} s, filter change median {out['filter_change_median_s']:.2f} s "
          f"({', '.join(f'{t:.2f}' for t in out['filter_change_s'])})")


if __name__ == "__main__":
    main()
