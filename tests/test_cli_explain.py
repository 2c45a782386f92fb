"""The ``explain-change`` command-line contract."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import kpi_core.explain  # noqa: F401  registers explain-change
from kpi_core.cli import main

# Previous week: Search 1000 / 20 = CPA 50, Social 2000 / 20 = 100 -> 3000 / 40 = 75.
# Current week: Search 1650 / 30 = 55, Social 900 / 10 = 90 -> 2550 / 40 = 63.75 (see test_explain.py
# for the split: Search mix −4.21875 rate 3.125, Social mix −6.40625 rate −3.75).
CSV = """date,channel,spend,conversions,currency
2025-01-02,Search,400,8,NOK
2025-01-05,Search,600,12,NOK
2025-01-03,Social,2000,20,NOK
2025-01-09,Search,1650,30,NOK
2025-01-12,Social,900,10,NOK
2025-01-20,Social,5000,1,NOK
"""
ARGS = ["--kpi", "cpa", "--by", "channel", "--current", "2025-01-08:2025-01-14", "--previous", "2025-01-01:2025-01-07"]


@pytest.fixture
def export(tmp_path: Path) -> Path:
    p = tmp_path / "ads.csv"
    p.write_text(CSV, encoding="utf-8")
    return p


def test_json_contract(capsys, export):
    assert main(["explain-change", str(export), *ARGS, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["kpi"] == "cpa"
    assert out["previous"] == pytest.approx(75.0) and out["current"] == pytest.approx(63.75)
    assert out["change"] == pytest.approx(-11.25)
    assert out["mix_effect"] == pytest.approx(-10.625) and out["rate_effect"] == pytest.approx(-0.625)
    assert out["current_period"] == {"from": "2025-01-08", "to": "2025-01-14"}
    assert out["previous_period"] == {"from": "2025-01-01", "to": "2025-01-07"}
    segs = {s["channel"]: s for s in out["segments"]}
    assert segs["Search"]["mix_effect"] == pytest.approx(-4.21875)
    assert segs["Search"]["rate_effect"] == pytest.approx(3.125)
    assert segs["Social"]["mix_effect"] == pytest.approx(-6.40625)
    assert segs["Social"]["rate_effect"] == pytest.approx(-3.75)


def test_dates_as_segments_are_iso_strings(capsys, export):
    args = ["--kpi", "cpa", "--by", "date", "--current", "2025-01-08:2025-01-14", "--previous", "2025-01-01:2025-01-07"]
    assert main(["explain-change", str(export), *args, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    # every day exists in one period only, so the whole change is mix: 63.75 − 75
    assert {s["date"] for s in out["segments"]} == {"2025-01-02", "2025-01-03", "2025-01-05", "2025-01-09",
                                                    "2025-01-12"}
    assert out["rate_effect"] == 0 and out["mix_effect"] == pytest.approx(-11.25)


def test_readable_text(capsys, export):
    assert main(["explain-change", str(export), *ARGS]) == 0
    text = capsys.readouterr().out
    assert "change -11.25 = mix -10.62 + rate -0.625" in text and "Social" in text


@pytest.mark.parametrize("extra, words", [
    (["--kpi", "cpx"], "unknown KPI"),
    (["--by", "device"], "no such column"),
    (["--current", "2025-01-08"], "not a period"),
    (["--previous", "2024-01-01:2024-01-07"], "(CPA) has no value in the previous period"),
    (["--kpi", "roas"], "revenue"),
])
def test_errors_exit_2_with_one_line(capsys, export, extra, words):
    args = list(ARGS)
    for flag, value in zip(extra[::2], extra[1::2], strict=True):
        args[args.index(flag) + 1] = value
    assert main(["explain-change", str(export), *args]) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1


def test_missing_file(capsys, tmp_path):
    assert main(["explain-change", str(tmp_path / "nope.csv"), *ARGS]) == 2
    assert "no such file" in capsys.readouterr().err


def test_module_entry_point_registers_the_command(export):
    proc = subprocess.run([sys.executable, "-m", "kpi_core", "explain-change", str(export), *ARGS, "--json"],
                          capture_output=True, text=True, cwd=Path(__file__).parents[1], check=False)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["change"] == pytest.approx(-11.25)
