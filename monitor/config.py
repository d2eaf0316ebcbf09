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
ALIASSEN_BESTAND = REFERENCE_DIR / "organisatie_aliassen.csv"
STANDAARD_MAX_UPLOAD_MB = 20


@dataclass(frozen=True)
class Settings:
    database_url: str
    demo_toegestaan: bool  # MONITOR_DEMO=0 switches demo data and demo sign-in off
    sessie_minuten: int  # MONITOR_SESSIE_MINUTEN: sign-in lapses after this long idle
    max_upload_mb: int = STANDAARD_MAX_UPLOAD_MB  # MONITOR_MAX_UPLOAD_MB: largest import file
    argon2_test: bool = False  # MONITOR_ARGON2_TEST=1: cheap password hashes, for tests only

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 2**20


def _positief_getal(tekst: str, standaard: int) -> int:
    """A whole number above zero from the environment; anything else gives the default."""
    tekst = tekst.strip()
    return int(tekst) if tekst.isdigit() and int(tekst) > 0 else standaard


def get_settings() -> Settings:
    """Settings from the environment: ``DATABASE_URL``, ``MONITOR_DEMO`` and
    ``MONITOR_MAX_UPLOAD_MB`` (whole megabytes; a bad value falls back to the default);
    ``MONITOR_ARGON2_TEST=1`` only in tests (tests/conftest.py sets it)."""
    max_mb = os.environ.get("MONITOR_MAX_UPLOAD_MB", "")
    return Settings(
        database_url=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        demo_toegestaan=os.environ.get("MONITOR_DEMO", "1") != "0",
        sessie_minuten=_positief_getal(os.environ.get("MONITOR_SESSIE_MINUTEN", ""), 60),
        max_upload_mb=_positief_getal(max_mb, STANDAARD_MAX_UPLOAD_MB),
        argon2_test=os.environ.get("MONITOR_ARGON2_TEST") == "1",
    )
