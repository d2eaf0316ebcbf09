"""Settings, read once from the environment."""

from __future__ import annotations

import os
import secrets
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
    sessie_max_uren: int = 12  # MONITOR_SESSIE_MAX_UREN: a sign-in ends this long after it began
    cookie_secure: bool = False  # MONITOR_COOKIE_SECURE=1: the session cookie only over https
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
        sessie_max_uren=_positief_getal(os.environ.get("MONITOR_SESSIE_MAX_UREN", ""), 12),
        cookie_secure=os.environ.get("MONITOR_COOKIE_SECURE", "0") == "1",
        argon2_test=os.environ.get("MONITOR_ARGON2_TEST") == "1",
    )


def sessie_geheim() -> bytes:
    """The key that signs session cookies: ``MONITOR_SESSIE_GEHEIM``, the same in every process.

    Without it (development, one machine) a random key is made once and kept in
    ``data/.sessie_geheim``, readable only by its owner; production sets the variable.
    """
    uit_omgeving = os.environ.get("MONITOR_SESSIE_GEHEIM", "").strip()
    if uit_omgeving:
        return uit_omgeving.encode()
    bestand = DATA_DIR / ".sessie_geheim"
    if not bestand.exists():
        bestand.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(bestand, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it just now
            pass
        else:
            with os.fdopen(descriptor, "w") as uit:
                uit.write(secrets.token_urlsafe(48))
    return bestand.read_text().strip().encode()
