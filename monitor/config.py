"""Settings, read once from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
VRAGENLIJST_DIR = DATA_DIR / "vragenlijst"
REFERENCE_DIR = DATA_DIR / "reference"
DEMO_DIR = DATA_DIR / "demo"
DEFAULT_DATABASE_URL = f"sqlite:///{DATA_DIR / 'monitor.db'}"


@dataclass(frozen=True)
class Settings:
    database_url: str
    demo_toegestaan: bool  # MONITOR_DEMO=0 switches demo data and demo sign-in off
    sessie_minuten: int  # MONITOR_SESSIE_MINUTEN: sign-in lapses after this long idle


def get_settings() -> Settings:
    """Settings from the environment: ``DATABASE_URL`` and ``MONITOR_DEMO``."""
    return Settings(
        database_url=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        demo_toegestaan=os.environ.get("MONITOR_DEMO", "1") != "0",
        sessie_minuten=int(os.environ.get("MONITOR_SESSIE_MINUTEN", "60")),
    )
