"""Simplified geometries of gemeenten, jeugdregio's and provincies (2024 division)."""

from __future__ import annotations

import json
from pathlib import Path

from monitor.config import REFERENCE_DIR

LAGEN = {
    "gemeente": "gemeente_2024.geojson",
    "regio": "jeugdregio_2024.geojson",
    "provincie": "provincie_2024.geojson",
}


DECIMALEN = 3  # about 100 m: the precision of the simplified source, and a third less to send


def load_geojson(laag: str, map_: Path = REFERENCE_DIR) -> dict:
    """A FeatureCollection whose features carry ``properties.code`` (GM…, JZ…)."""
    with (map_ / LAGEN[laag]).open(encoding="utf-8") as handle:
        return json.load(handle, parse_float=lambda tekst: round(float(tekst), DECIMALEN))
