"""Command line for administrators and scripts: ``python -m monitor --help``.

Exit codes: 0 fine, 2 bad input (with a Dutch message on stderr).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import UTC, datetime

from monitor.config import get_settings
from monitor.domain import Rol
from monitor.errors import MonitorFout
from monitor.invullen import accounts
from monitor.kengetallen.voortgang import overzicht
from monitor.opmaak.tekst import json_tekst
from monitor.rechten import CLI
from monitor.rondes import cli as rondebeheer_cli
from monitor.rondes.initialisatie import init_database, load_demo
from monitor.store import lezen, sessie
from monitor.uitwisseling import cli as cli_uitwisseling


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m monitor",
        description="Monitor Hervormingsagenda Jeugd. De database komt uit DATABASE_URL "
        "(standaard data/monitor.db).",
    )
    sub = parser.add_subparsers(dest="opdracht", required=True, metavar="OPDRACHT")
    sub.add_parser("init", help="schema, vragenlijst en referentiedata laden (herhaalbaar)")
    demo = sub.add_parser("demo", help="demorondes laden in een lege database")
    demo.add_argument(
        "--rondes", type=int, default=2, help="aantal rondes vanaf 2024 (standaard 2)"
    )
    ov = sub.add_parser("overzicht", help="landelijke cijfers van een ronde")
    ov.add_argument("--ronde", type=int, required=True, help="jaar van de ronde, bijv. 2024")
    ov.add_argument("--json", action="store_true", help="als JSON (stabiele interface)")
    rondebeheer_cli.add_parser(sub)
    rp = sub.add_parser("rapport", help="export van een ronde: .pptx, .xlsx of .pdf")
    rp.add_argument("bestand", help="uitvoerbestand; het formaat volgt uit de extensie")
    rp.add_argument("--ronde", type=int, required=True, help="jaar van de ronde, bijv. 2024")
    cli_uitwisseling.voeg_opdrachten_toe(sub)
    bh = sub.add_parser(
        "beheerder",
        help="een beheerdersaccount aanmaken (de eerste beheerder in productie)",
        description="Het wachtwoord komt uit MONITOR_WACHTWOORD, of wordt (twee keer) gevraagd.",
    )
    bh.add_argument("email", help="e-mailadres van de beheerder")
    bh.add_argument("--naam", default="", help="naam zoals de app hem toont")
    return parser


def _beheerder(engine, email: str, naam: str) -> int:
    """Create a beheerder account from the command line (no demo sign-in in production)."""
    wachtwoord = os.environ.get("MONITOR_WACHTWOORD")
    if wachtwoord is None:
        wachtwoord = getpass.getpass("Wachtwoord: ")
        if getpass.getpass("Herhaal het wachtwoord: ") != wachtwoord:
            print("Fout: wachtwoord: de twee wachtwoorden zijn niet gelijk.", file=sys.stderr)
            return 2
    with sessie.schrijf(engine) as session:
        accounts.maak_account(
            session,
            CLI,
            email=email,
            naam=naam,
            rol=Rol.BEHEERDER,
            organisatie_code=None,
            wachtwoord=wachtwoord,
            nu=datetime.now(UTC),
        )
    print(f"Beheerder {email.strip().lower()} aangemaakt.")
    return 0


def _overzicht(engine, jaar: int, als_json: bool) -> int:
    with sessie.lees(engine) as session:
        if not sessie.heeft_schema(engine):
            print(
                "Fout: de database is leeg; voer eerst 'python -m monitor init' uit.",
                file=sys.stderr,
            )
            return 2
        ronde = lezen.ronde_by_jaar(session, jaar)
        if ronde is None:
            print(f"Fout: ronde {jaar} bestaat niet.", file=sys.stderr)
            return 2
        uitkomst = overzicht(
            jaar=ronde.jaar,
            peildatum=ronde.peildatum.isoformat() if ronde.peildatum else None,
            organisaties=lezen.organisaties_frame(session),
            vragen=lezen.vragen_frame(session, ronde.id),
            antwoorden=lezen.antwoorden_frame(session, ronde.id, alleen_ingediend=True),
        )
    if als_json:
        print(json_tekst(uitkomst, indent=2))
        return 0
    print(f"Ronde {uitkomst['ronde']} (peildatum {uitkomst['peildatum']})")
    for r in uitkomst["respons"]:
        print(f"  {r['actortype']:<10} {r['ingevuld']:>4} van {r['totaal']:>4}")
    print(f"  {len(uitkomst['vragen'])} vragen; gebruik --json voor de verdelingen")
    return 0


def _meld(meldingen: list[str]) -> None:
    for melding in meldingen:
        print(melding, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if getattr(args, "rondes", 1) < 1:
        print("Fout: --rondes moet 1 of meer zijn.", file=sys.stderr)
        return 2
    engine = sessie.maak_engine(get_settings().database_url)
    try:
        if args.opdracht == "init":
            _meld(init_database(engine))
            print("Database bijgewerkt: schema, vragenlijst en referentiedata geladen.")
        elif args.opdracht == "demo":
            if not get_settings().demo_toegestaan:
                print("Fout: demodata staat uit (MONITOR_DEMO=0).", file=sys.stderr)
                return 2
            _meld(init_database(engine))
            aantal = load_demo(engine, rondes=args.rondes)
            print(
                f"Demodata: {aantal} antwoorden toegevoegd."
                if aantal
                else "Er staan al antwoorden in de database; demodata niet geladen."
            )
        elif args.opdracht == "overzicht":
            return _overzicht(engine, args.ronde, args.json)
        elif args.opdracht == "ronde":
            return rondebeheer_cli.run(engine, args)
        elif args.opdracht == "rapport":
            from monitor.rapportage.cli import rapport

            return rapport(engine, args.bestand, args.ronde)
        elif args.opdracht == "beheerder":
            return _beheerder(engine, args.email, args.naam)
        elif args.opdracht in ("import", "export", "template", "opendata"):
            return cli_uitwisseling.voer_uit(engine, args)
    except MonitorFout as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
