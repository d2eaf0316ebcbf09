"""``python -m monitor ronde …``: create rounds, change their status, list them.

The command line acts as a beheerder named 'cli'. Bad input raises BeheerFout; ``__main__``
prints it in Dutch and exits with 2.
"""

from __future__ import annotations

import argparse
from datetime import date

from monitor.domain import RondeStatus, Zichtbaarheid
from monitor.errors import BeheerFout
from monitor.opmaak.tekst import datum, getal
from monitor.rechten import CLI
from monitor.rondes import levensloop
from monitor.store import sessie
from monitor.store.sessie import Engine


def _datum(tekst: str | None, veld: str) -> date | None:
    if tekst is None:
        return None
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        label = levensloop.VELD_LABELS.get(veld, veld)
        raise BeheerFout(
            f"De {label} '{tekst}' is geen datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-10-01.",
            veld=veld,
        ) from None


def add_parser(sub: argparse._SubParsersAction) -> None:
    """The ``ronde`` command and its subcommands."""
    ronde = sub.add_parser("ronde", help="rondes aanmaken, openen, sluiten, publiceren, tonen")
    acties = ronde.add_subparsers(dest="actie", required=True, metavar="ACTIE")
    nieuw = acties.add_parser("nieuw", help="een nieuwe ronde (in concept) aanmaken")
    nieuw.add_argument("--jaar", type=int, required=True, help="jaar van de ronde")
    nieuw.add_argument("--van", type=int, help="kopieer de vragenlijst van deze eerdere ronde")
    nieuw.add_argument("--peildatum", required=True, help="JJJJ-MM-DD")
    nieuw.add_argument("--open", required=True, help="opendatum, JJJJ-MM-DD")
    nieuw.add_argument("--sluit", required=True, help="sluitdatum, JJJJ-MM-DD")
    nieuw.add_argument("--titel", default="", help="standaard 'Monitor van de afspraken JAAR'")
    nieuw.add_argument(
        "--zichtbaarheid",
        default=Zichtbaarheid.GENOEMD.value,
        help="genoemd of anoniem: vergelijkbare organisaties met of zonder naam",
    )
    nieuw.add_argument(
        "--benchmark-direct",
        action="store_true",
        help="de benchmark ook tonen vóór het indienen van de eigen antwoorden",
    )
    status = acties.add_parser("status", help="status wijzigen: open, gesloten, gepubliceerd")
    status.add_argument("--jaar", type=int, required=True, help="jaar van de ronde")
    status.add_argument("status", help="open | gesloten | gepubliceerd")
    acties.add_parser("lijst", help="alle rondes met status en data")


def run(engine: Engine, args: argparse.Namespace, vandaag: date | None = None) -> int:
    if not sessie.heeft_schema(engine):
        raise BeheerFout("De database is leeg; voer eerst 'python -m monitor init' uit.")
    vandaag = vandaag or date.today()
    if args.actie == "nieuw":
        gegevens = levensloop.NieuweRonde(
            jaar=args.jaar,
            titel=args.titel,
            peildatum=_datum(args.peildatum, "peildatum"),
            open_datum=_datum(args.open, "open_datum"),
            sluit_datum=_datum(args.sluit, "sluit_datum"),
            zichtbaarheid=args.zichtbaarheid,
            benchmark_na_indienen=not args.benchmark_direct,
            van_jaar=args.van,
        )
        with sessie.schrijf(engine) as session:
            ronde = levensloop.maak_ronde(session=session, gebruiker=CLI, gegevens=gegevens)
            tabel = levensloop.rondes_tabel(session).set_index("jaar")
            vragen = int(tabel.loc[ronde.jaar, "vragen"])
        van = f", {vragen} vragen gekopieerd uit ronde {args.van}" if args.van else ""
        print(f"Ronde {args.jaar} aangemaakt (concept){van}.")
    elif args.actie == "status":
        with sessie.schrijf(engine) as session:
            ronde = levensloop.zet_status(
                session=session,
                gebruiker=CLI,
                jaar=args.jaar,
                status=args.status,
                vandaag=vandaag,
            )
            nieuw = ronde.status
        extra = " De momentopname is opgeslagen." if nieuw == RondeStatus.GEPUBLICEERD else ""
        print(f"Ronde {args.jaar} staat nu op '{nieuw}'.{extra}")
    else:
        with sessie.lees(engine) as session:
            tabel = levensloop.rondes_tabel(session)
        if tabel.empty:
            print("Nog geen rondes.")
        for r in tabel.itertuples():
            print(
                f"{r.jaar}  {r.status:<12}  peildatum {datum(r.peildatum):<18} "
                f"open {datum(r.open_datum)} – {datum(r.sluit_datum)}  "
                f"{r.vragen} vragen, {getal(r.antwoorden)} antwoorden"
            )
    return 0
