"""Set up a database: schema, questionnaire, reference data (``init``) and demo rounds (``demo``).

Everything is read and checked before the first write, and written in one transaction: a
broken file stops ``init`` with a Dutch message and leaves the database as it was.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from monitor.config import DEMO_DIR, REFERENCE_DIR, VRAGENLIJST_DIR
from monitor.domain import Rol, RondeStatus
from monitor.models import Ronde
from monitor.rechten import Gebruiker
from monitor.rondes import demo, levensloop
from monitor.rondes.referentie import load_organisaties
from monitor.rondes.vragenlijst import Vragenlijst, load_vragenlijst
from monitor.store import lezen, schrijven, sessie
from monitor.store import rondes as rondes_store
from monitor.store.sessie import Engine, Session

EERSTE_JAAR = 2024
DEMO_DOOR = "demo-generator"


def ronde_gegevens(jaar: int) -> schrijven.RondeGegevens:
    """Dates of a yearly round: open from early April, peildatum and close on 30 June.

    Rounds start closed, so that their answers can still be loaded (demo, import); the demo
    publishes 2024 afterwards, which freezes it (see ``monitor.store.bevriezing``).
    """
    return schrijven.RondeGegevens(
        jaar=jaar,
        titel=f"Monitor van de afspraken {jaar}",
        peildatum=date(jaar, 6, 30),
        open_datum=date(jaar, 4, 8) if jaar == EERSTE_JAAR else date(jaar, 4, 1),
        sluit_datum=date(jaar, 6, 30),
        status=RondeStatus.GESLOTEN,
    )


def init_database(
    engine: Engine,
    *,
    vragenlijst_dir: Path = VRAGENLIJST_DIR,
    reference_dir: Path = REFERENCE_DIR,
) -> list[str]:
    """Schema, questionnaire 2024 and organisations; safe to run again (idempotent).

    Returns Dutch notices for the user. A published round is frozen: when its stored questions
    differ from the questionnaire file (a database built before the file changed), they are
    left as they were, with a notice, instead of stopping ``init``.
    """
    vragenlijst = load_vragenlijst(vragenlijst_dir, EERSTE_JAAR)
    organisaties = load_organisaties(reference_dir)
    sessie.werk_schema_bij(engine)
    meldingen: list[str] = []
    with sessie.schrijf(engine) as session:
        schrijven.save_organisaties(session=session, organisaties=organisaties)
        schrijven.save_vragenlijst_basis(session=session, vragenlijst=vragenlijst)
        ronde = schrijven.ensure_ronde(session=session, gegevens=ronde_gegevens(EERSTE_JAAR))
        if ronde.status == RondeStatus.GEPUBLICEERD:
            meldingen += _bevroren_vragen_melding(session, ronde, vragenlijst)
        else:
            schrijven.save_vragen(session=session, ronde=ronde, vragenlijst=vragenlijst)
    return meldingen


def _bevroren_vragen_melding(session: Session, ronde: Ronde, vragenlijst: Vragenlijst) -> list[str]:
    """A notice when a published round's questions differ from the file (left unchanged)."""
    opgeslagen = set(lezen.vragen_frame(session, ronde.id)["code"])
    in_bestand = {v.code for v in vragenlijst.vragen}
    alleen_db = sorted(opgeslagen - in_bestand)
    alleen_bestand = sorted(in_bestand - opgeslagen)
    if not alleen_db and not alleen_bestand:
        return []
    delen = []
    if alleen_db:
        delen.append(f"niet meer in het vragenlijstbestand: {', '.join(alleen_db)}")
    if alleen_bestand:
        delen.append(f"nieuw in het bestand: {', '.join(alleen_bestand)}")
    return [
        f"Let op: ronde {ronde.jaar} is gepubliceerd en bevroren; haar vragen blijven zoals ze "
        f"zijn opgeslagen ({'; '.join(delen)}). Een nieuwe database met de huidige vragenlijst: "
        "verwijder data/monitor.db en voer 'python -m monitor demo' uit."
    ]


def open_demo_ronde(jaar: int, vandaag: date) -> schrijven.RondeGegevens:
    """The demo's round that is being filled in now: open since a month, closing in two.

    Its dates follow the day the demo is loaded, so that filling in can be tried at any time.
    """
    sluit = max(date(jaar, 6, 30), vandaag + timedelta(days=60))
    return schrijven.RondeGegevens(
        jaar=jaar,
        titel=f"Monitor van de afspraken {jaar}",
        peildatum=min(sluit, date(jaar, 12, 31)),
        open_datum=min(date(jaar, 4, 1), vandaag - timedelta(days=30)),
        sluit_datum=sluit,
        status=RondeStatus.OPEN,
    )


def load_demo(
    engine: Engine,
    *,
    rondes: int = 2,
    seed: int = demo.DEMO_SEED,
    vandaag: date | None = None,
) -> int:
    """Fill an empty database with ``rondes`` demo rounds from 2024 on; returns answers added.

    After them comes one open round without answers, to try filling in.

    Does nothing (returns 0) when any answer is already stored.
    """
    with sessie.lees(engine) as session:
        if lezen.aantal_antwoorden(session) > 0:
            return 0
        organisaties = lezen.organisaties_frame(session)
    doelen = demo.load_doelen(DEMO_DIR)
    totaal = 0
    with sessie.schrijf(engine) as session:
        vorige_ronde: Ronde | None = None
        vorige_antwoorden: list[demo.DemoAntwoord] = []
        for i in range(rondes):
            ronde = schrijven.ensure_ronde(
                session=session, gegevens=ronde_gegevens(EERSTE_JAAR + i)
            )
            if vorige_ronde is not None:
                schrijven.copy_vragen(session=session, van=vorige_ronde, naar=ronde)
            vragen = demo.demo_vragen(lezen.vragen_frame(session, ronde.id, met_grenzen=True))
            if vorige_ronde is None:
                antwoorden = demo.generate_2024(
                    vragen=vragen, organisaties=organisaties, doelen=doelen, seed=seed
                )
            else:
                antwoorden = demo.evolve(
                    vorige=vorige_antwoorden,
                    vragen=vragen,
                    organisaties=organisaties,
                    doelen=doelen,
                    seed=seed + i,
                )
            totaal += _store(session, ronde, antwoorden)
            vorige_ronde, vorige_antwoorden = ronde, antwoorden
        open_ronde = schrijven.ensure_ronde(
            session=session, gegevens=open_demo_ronde(EERSTE_JAAR + rondes, vandaag or date.today())
        )
        schrijven.copy_vragen(session=session, van=vorige_ronde, naar=open_ronde)
        _publiceer_eerste_ronde(session)
        schrijven.set_meta(session=session, sleutel="demo", waarde="ja")
        schrijven.bump_data_versie(session=session)
    return totaal


def _publiceer_eerste_ronde(session: Session) -> None:
    """The 2024 round was published (the report 2024): publish it, with its snapshot."""
    ronde = lezen.ronde_by_jaar(session, EERSTE_JAAR)
    if ronde is None or ronde.status != RondeStatus.GESLOTEN:
        return
    gebruiker = Gebruiker(rol=Rol.BEHEERDER, naam=DEMO_DOOR)
    moment = datetime(EERSTE_JAAR, 11, 1, 12, 0, tzinfo=UTC)
    levensloop.publiceer(session=session, gebruiker=gebruiker, jaar=EERSTE_JAAR, nu=moment)


def _store(session: Session, ronde: Ronde, antwoorden: list[demo.DemoAntwoord]) -> int:
    vraag_ids = rondes_store.vraag_ids(session, ronde.id)
    dag = ronde.sluit_datum or date(ronde.jaar, 6, 30)
    moment = datetime(dag.year, dag.month, dag.day, 17, 0, tzinfo=UTC)
    nieuw = [
        schrijven.NieuwAntwoord(
            a.organisatie_code, vraag_ids[a.vraag_code], a.waarde, a.toelichting
        )
        for a in antwoorden
    ]
    aantal = schrijven.bulk_save_antwoorden(
        session=session,
        ronde=ronde,
        antwoorden=nieuw,
        door=DEMO_DOOR,
        bron="demo",
        status="ingediend",
        moment=moment,
    )
    codes = sorted({a.organisatie_code for a in antwoorden})
    schrijven.save_inzendingen(session=session, ronde=ronde, organisatie_codes=codes, moment=moment)
    return aantal
