"""Do two engines' results hold the same numbers? (Within a relative tolerance: summing floats in
another order moves the last digits, nothing more.)"""

from __future__ import annotations


def close(a: float | None, b: float | None, tol: float) -> bool:
    """Equal within ``tol`` relative; None (null, NaN, inf) only equals None."""
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tol * max(abs(a), abs(b)) or a == b


def disagreements(base: dict, other: dict, tol: float) -> tuple[int, list[str]]:
    """How many numbers were compared, and each difference in plain words.

    Both arguments are an engine's exported results: result name -> group -> column -> number, or
    for "comparison" kpi -> [current, previous].
    """
    n, bad = 0, []
    for name in sorted(set(base) | set(other)):
        if name not in base or name not in other:
            bad.append(f"{name}: only one engine returned it")
            continue
        a, b = base[name], other[name]
        if set(a) != set(b):
            only = sorted(set(a) ^ set(b))[:3]
            bad.append(f"{name}: different groups ({len(a)} vs {len(b)}, e.g. {only})")
            continue
        for group in a:
            x, y = a[group], b[group]
            pairs = zip(x, y, strict=True) if isinstance(x, list) else ((x[c], y.get(c)) for c in x)
            for i, (u, v) in enumerate(pairs):
                n += 1
                if not close(u, v, tol):
                    col = ("current", "previous")[i] if isinstance(x, list) else list(x)[i]
                    bad.append(f"{name} [{group or 'total'}] {col}: {u!r} vs {v!r}")
    return n, bad
