"""The layers of the code, as README "Opbouw van de code" draws them: who may import whom.

Ruff bans Streamlit and SQL libraries outside their homes; this test guards the rest of the
table: a package may import only the packages below it, never one beside or above it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BASIS = {
    "monitor.config",
    "monitor.domain",
    "monitor.errors",
    "monitor.progress",
    "monitor.models",
    "monitor.invoer",
}
DIENSTEN = {"monitor.store", "monitor.rechten", "monitor.kengetallen", "monitor.opmaak"}

# Per part of monitor/: the parts it may import (besides itself and BASIS). README "Opbouw van
# de code" draws the same table.
MAG_IMPORTEREN: dict[str, set[str]] = {
    "monitor.config": set(),
    "monitor.domain": set(),
    "monitor.errors": set(),
    "monitor.progress": set(),
    "monitor.models": set(),
    "monitor.invoer": set(),
    "monitor.db": {"monitor.store"},  # only to register the freeze of published rounds
    "monitor.store": {"monitor.db", "monitor.rechten"},
    "monitor.rechten": set(),
    "monitor.opmaak": set(),
    "monitor.kengetallen": {"monitor.rechten", "monitor.opmaak"},
    "monitor.invullen": DIENSTEN,
    "monitor.rondes": DIENSTEN,
    "monitor.benchmark": DIENSTEN,
    "monitor.reflectie": DIENSTEN,
    "monitor.uitwisseling": DIENSTEN | {"monitor.rondes"},
    "monitor.rapportage": DIENSTEN | {"monitor.reflectie"},
}
ONDER_DE_UI = {"monitor.store", "monitor.db", "monitor.models"}
BOVENLAAG = {"monitor.ui", "monitor.__main__"}


def _deel(module: str) -> str:
    """'monitor.kengetallen.gereed' → 'monitor.kengetallen'; 'monitor.domain' stays."""
    delen = module.split(".")
    return ".".join(delen[:2])


def _module_naam(pad: Path) -> str:
    rel = pad.relative_to(ROOT).with_suffix("")
    delen = [d for d in rel.parts if d != "__init__"]
    return ".".join(delen)


def _alleen_voor_types(boom: ast.Module) -> set[int]:
    """Ids of the import nodes under ``if TYPE_CHECKING:``: types only, nothing at run time."""
    ids: set[int] = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.If) and ast.unparse(knoop.test) in {
            "TYPE_CHECKING",
            "typing.TYPE_CHECKING",
        }:
            ids |= {id(k) for k in ast.walk(knoop)}
    return ids


def _imports(pad: Path) -> set[str]:
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    overslaan = _alleen_voor_types(boom)
    gevonden: set[str] = set()
    for knoop in ast.walk(boom):
        if id(knoop) in overslaan:
            continue
        if isinstance(knoop, ast.Import):
            gevonden |= {a.name for a in knoop.names}
        elif isinstance(knoop, ast.ImportFrom) and knoop.module and knoop.level == 0:
            if knoop.module == "monitor":
                gevonden |= {f"monitor.{a.name}" for a in knoop.names}
            else:
                gevonden.add(knoop.module)
    return {m for m in gevonden if m.startswith("monitor.")}


def _bronnen() -> list[Path]:
    return sorted((ROOT / "monitor").rglob("*.py"))


def test_every_part_of_monitor_is_in_the_table() -> None:
    delen = {_deel(_module_naam(p)) for p in _bronnen()} - {"monitor"}
    onbekend = delen - set(MAG_IMPORTEREN) - BOVENLAAG
    assert not onbekend, f"add these to MAG_IMPORTEREN and README: {sorted(onbekend)}"


@pytest.mark.parametrize("pad", _bronnen(), ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_point_down_only(pad: Path) -> None:
    eigen = _deel(_module_naam(pad))
    if eigen in BOVENLAAG or eigen == "monitor":
        return
    toegestaan = MAG_IMPORTEREN[eigen] | BASIS | {eigen}
    fout = sorted(m for m in _imports(pad) if _deel(m) not in toegestaan)
    assert not fout, f"{pad.relative_to(ROOT)} ({eigen}) imports {fout}: not below it"


def test_pages_reach_the_database_only_through_monitor() -> None:
    for pad in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        verboden = {
            m
            for m in _imports(pad)
            if _deel(m) in {"monitor.store", "monitor.db", "monitor.models"}
        }
        assert not verboden, f"{pad.name} imports {sorted(verboden)}: go through monitor.ui"
