"""Group statistics of the benchmark: quantiles by linear interpolation and the mid-rank
percentile.

- **Mediaan and kwartielen**: linear interpolation between the sorted values, as Excel's
  KWARTIEL.INC and numpy's default: the p-quantile of n sorted values x[0..n-1] is at position
  (n-1)·p. With one peer, all three equal its value.
- **Percentiel**: the share of values lower plus half the share equal, times 100 (50 means in
  the middle; equal to everyone also gives 50).
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def kwantiel(waarden: Sequence[float], p: float) -> float | None:
    """The p-quantile (0 ≤ p ≤ 1) by linear interpolation (Excel KWARTIEL.INC); None if empty."""
    gesorteerd = sorted(float(w) for w in waarden)
    if not gesorteerd:
        return None
    positie = (len(gesorteerd) - 1) * p
    onder = math.floor(positie)
    boven = min(onder + 1, len(gesorteerd) - 1)
    return gesorteerd[onder] + (gesorteerd[boven] - gesorteerd[onder]) * (positie - onder)


def mediaan(waarden: Sequence[float]) -> float | None:
    return kwantiel(waarden, 0.5)


def kwartielen(waarden: Sequence[float]) -> tuple[float, float, float] | None:
    """(Q1, mediaan, Q3), or None for an empty group."""
    if not len(waarden):
        return None
    return (kwantiel(waarden, 0.25), kwantiel(waarden, 0.5), kwantiel(waarden, 0.75))


def percentiel(waarde: float, waarden: Sequence[float]) -> float | None:
    """Share of ``waarden`` below ``waarde`` plus half the share equal to it, × 100."""
    if not len(waarden):
        return None
    lager = sum(w < waarde for w in waarden)
    gelijk = sum(w == waarde for w in waarden)
    return 100 * (lager + gelijk / 2) / len(waarden)
