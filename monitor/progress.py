"""The progress callback of long jobs (import, export, reports): one type, one helper.

Named in English on purpose: 'voortgang' is the domain word for how far an afspraak is along.
This module imports nothing from monitor/, so every layer may use it.
"""

from __future__ import annotations

from collections.abc import Callable

ProgressCallback = Callable[[float, str], None]
"""Called with the fraction done (0–1) and a short Dutch text for the user."""


def meld(callback: ProgressCallback | None, fractie: float, tekst: str) -> None:
    """Report progress to ``callback`` if there is one; the fraction is clamped to 0–1."""
    if callback is not None:
        callback(min(1.0, max(0.0, fractie)), tekst)
