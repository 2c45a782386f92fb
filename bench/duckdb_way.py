"""The same job in DuckDB SQL: load the file into a table (cleaning the text with SQL), then one
``GROUP BY`` query per view, the ratios taken over ``SUM``s with ``NULLIF`` for zero denominators."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from bench import spec
from bench.spec import BREAKDOWNS, FORMATS, KPIS, MEASURES, NULL_MARKER, TOTAL_PREFIX, periods


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def load(path: Path, fmt: str) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    headers = FORMATS[fmt]["headers"]
    src = str(path).replace("'", "''")
    if fmt == "clean":
        con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{src}')")
        return con
    if fmt == "google_ads":
        number = "TRY_CAST(NULLIF(replace({}, ',', ''), '{}') AS DOUBLE)"
        day = f"CAST({_q(headers['date'])} AS DATE)"
        read = f"read_csv('{src}', skip={FORMATS[fmt]['skip']}, header=true, all_varchar=true)"
        where = f"WHERE NOT starts_with({_q(headers['date'])}, '{TOTAL_PREFIX}')"
    else:  # Norwegian: '1 234,56' -> 1234.56, '02.01.2025' -> date
        number = "TRY_CAST(replace(replace({}, ' ', ''), ',', '.') AS DOUBLE)"
        day = f"CAST(strptime({_q(headers['date'])}, '%d.%m.%Y') AS DATE)"
        read = f"read_csv('{src}', delim=';', header=true, all_varchar=true)"
        where = ""
    cols = [f"{day} AS date"]
    cols += [f"{_q(headers[d])} AS {d}" for d in headers if d != "date" and d not in MEASURES]
    cols += [number.format(_q(headers[m]), NULL_MARKER) + f" AS {m}" for m in MEASURES]
    con.execute(f"CREATE TABLE t AS SELECT {', '.join(cols)} FROM {read} {where}")
    return con


def _select(con: duckdb.DuckDBPyConnection, keys: tuple[str, ...] = (), where: str = "",
            params: list | None = None) -> list[dict]:
    sums = [f"SUM({m}) AS {m}" for m in MEASURES]
    ratios = [f"{scale} * SUM({num}) / NULLIF(SUM({den}), 0) AS {k}" for k, (num, den, scale) in KPIS.items()]
    group = f"GROUP BY {', '.join(keys)} ORDER BY spend DESC" if keys else ""
    sql = f"SELECT {', '.join([*keys, *sums, *ratios])} FROM t {where} {group}"
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def job(con: duckdb.DuckDBPyConnection) -> dict:
    out = {"scorecard": _select(con)}
    for name, keys in BREAKDOWNS.items():
        out[name] = _select(con, keys)
    first, last = con.execute("SELECT MIN(date), MAX(date) FROM t").fetchone()
    current, previous = periods(first, last)
    between = "WHERE date BETWEEN ? AND ?"
    out["comparison"] = (_select(con, (), between, list(current)), _select(con, (), between, list(previous)))
    return out


def rerun(con: duckdb.DuckDBPyConnection, channels: tuple[str, ...], start: date, end: date) -> dict:
    where = "WHERE list_contains(?, channel) AND date BETWEEN ? AND ?"
    params = [list(channels), start, end]
    return {"scorecard": _select(con, (), where, params), "campaign": _select(con, ("campaign",), where, params)}


def export(results: dict) -> dict:
    return spec.export(results, lambda rows: rows)
