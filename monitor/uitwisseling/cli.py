"""The commands ``import``, ``export``, ``template`` and ``opendata`` of ``python -m monitor``.

Exit codes: 0 fine, 2 a rejected file (the report is printed in Dutch on stderr) or bad input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from monitor.domain import ACTORTYPE_CODES
from monitor.errors import MonitorFout
from monitor.rechten import CLI
from monitor.store import sessie
from monitor.store.sessie import Engine
from monitor.uitwisseling.exporteren import exporteer
from monitor.uitwisseling.herkennen import laad_koppeling
from monitor.uitwisseling.importeren import importeer
from monitor.uitwisseling.opendata import lees_ronde, pakket, schrijf
from monitor.uitwisseling.sjabloon import LAYOUTS, sjabloon_uit_database


def voeg_opdrachten_toe(sub: argparse._SubParsersAction) -> None:
    """The parsers of the three commands."""
    imp = sub.add_parser("import", help="antwoorden importeren uit .xlsx of .csv")
    imp.add_argument("bestand", type=Path, help="het .xlsx- of .csv-bestand")
    imp.add_argument("--ronde", type=int, required=True, help="jaar van de ronde, bijv. 2024")
    imp.add_argument(
        "--dry-run", action="store_true", help="alleen controleren (proefrun), niets opslaan"
    )
    imp.add_argument(
        "--koppeling",
        metavar="NAAM",
        help="een bewaarde koppeling van de kolommen van een enquêteplatform (tabblad Import)",
    )
    exp = sub.add_parser("export", help="een ronde exporteren naar .xlsx of .csv")
    exp.add_argument("bestand", type=Path, help="doelbestand; .xlsx (tabellen) of .csv (ruw)")
    exp.add_argument("--ronde", type=int, required=True, help="jaar van de ronde, bijv. 2024")
    sjab = sub.add_parser("template", help="een leeg importbestand (.xlsx) per actortype")
    sjab.add_argument("bestand", type=Path, help="doelbestand (.xlsx)")
    sjab.add_argument("--ronde", type=int, required=True, help="jaar van de ronde, bijv. 2024")
    sjab.add_argument("--actortype", required=True, choices=ACTORTYPE_CODES)
    sjab.add_argument("--layout", default="breed", choices=LAYOUTS, help="standaard: breed")
    od = sub.add_parser(
        "opendata",
        help="open data van een gepubliceerde ronde: CSV, JSON en datapackage.json",
        description="Schrijft de bij publicatie bevroren landelijke cijfers, met datawoordenboek "
        "en Frictionless datapackage.json; alleen wat een bezoeker zonder inlog mag zien.",
    )
    od.add_argument("map", type=Path, help="doelmap (wordt aangemaakt)")
    od.add_argument("--ronde", type=int, required=True, help="jaar van de ronde, bijv. 2024")


def voer_uit(engine: Engine, args: argparse.Namespace) -> int:
    """Run one of the three commands; returns the exit code."""
    try:
        if args.opdracht == "import":
            return _import(engine, args)
        if args.opdracht == "export":
            return _export(engine, args)
        if args.opdracht == "opendata":
            return _opendata(engine, args)
        return _template(engine, args)
    except OSError as fout:
        pad = fout.filename or getattr(args, "bestand", None) or args.map
        print(f"Fout: {pad}: {_os_melding(fout)}", file=sys.stderr)
        return 2


def _os_melding(fout: OSError) -> str:
    """What went wrong with a file, in Dutch (Python's own text is English)."""
    if isinstance(fout, IsADirectoryError):
        return "dit is een map, geen bestand. Geef de naam van een .xlsx- of .csv-bestand."
    if isinstance(fout, FileNotFoundError):
        return "het bestand of de map bestaat niet."
    if isinstance(fout, PermissionError):
        return "geen toegang tot dit bestand (rechten)."
    return "het bestand kan niet worden gelezen of geschreven."


def _import(engine: Engine, args: argparse.Namespace) -> int:
    koppeling = laad_koppeling(engine, args.koppeling) if args.koppeling else None
    rapport = importeer(
        engine,
        gebruiker=CLI,
        data=args.bestand.read_bytes(),
        bestandsnaam=args.bestand.name,
        jaar=args.ronde,
        toepassen=not args.dry_run,
        koppeling=koppeling,
    )
    if not rapport.ok:
        print(rapport.als_tekst(), file=sys.stderr)
        return 2
    print(rapport.samenvatting())
    return 0


def _export(engine: Engine, args: argparse.Namespace) -> int:
    formaat = args.bestand.suffix.lower().lstrip(".")
    if formaat not in ("xlsx", "csv"):
        raise MonitorFout("Het exportbestand moet eindigen op .xlsx of .csv.")
    data = exporteer(engine, gebruiker=CLI, jaar=args.ronde, formaat=formaat)
    args.bestand.write_bytes(data)
    print(f"Ronde {args.ronde} geëxporteerd naar {args.bestand}.")
    return 0


def _opendata(engine: Engine, args: argparse.Namespace) -> int:
    with sessie.lees(engine) as session:
        ronde = lees_ronde(session, args.ronde)
    paden = schrijf(args.map, pakket(ronde))
    print(f"Open data van ronde {args.ronde}: {len(paden)} bestanden in {args.map}.")
    return 0


def _template(engine: Engine, args: argparse.Namespace) -> int:
    data = sjabloon_uit_database(
        engine, jaar=args.ronde, actortype=args.actortype, layout=args.layout
    )
    args.bestand.write_bytes(data)
    print(f"Sjabloon ({args.layout}) voor {args.actortype}, ronde {args.ronde}: {args.bestand}.")
    return 0
