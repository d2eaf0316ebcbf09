"""An open round to fill in, on top of ``init``: 2024 closed with one answer, 2025 open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy.engine import Engine
from sqlmodel import select

from monitor.db import write_session
from monitor.domain import Rol, RondeStatus
from monitor.invullen import accounts
from monitor.models import Ronde, Vraag
from monitor.rechten import Gebruiker
from monitor.rondes.initialisatie import init_database
from monitor.store import schrijven as crud

NU = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)
AMSTERDAM = Gebruiker(Rol.INVULLER, "Anna (Amsterdam)", "GM0363", account_id=1)
COLLEGA = Gebruiker(Rol.INVULLER, "Bram (Amsterdam)", "GM0363", account_id=2)
UTRECHT = Gebruiker(Rol.INVULLER, "Carla (Utrecht)", "GM0344", account_id=3)
KIJKER = Gebruiker(Rol.KIJKER, "VWS", account_id=4)
BEHEERDER = Gebruiker(Rol.BEHEERDER, "Beheer", account_id=5)


@dataclass(frozen=True)
class OpenRonde:
    ronde_id: int
    vraag_ids: dict[str, int]  # code → id in the open round


def maak_open_ronde(engine: Engine, sluit_datum: date = date(2025, 6, 30)) -> OpenRonde:
    """init; 2024 gesloten with Amsterdam's 'mee_bezig' on GEM.4.01; 2025 open, copied."""
    init_database(engine)
    with write_session(engine) as session:
        vorige = session.exec(select(Ronde).where(Ronde.jaar == 2024)).one()
        vorige.status = RondeStatus.GESLOTEN
        vraag_2024 = session.exec(
            select(Vraag).where(Vraag.ronde_id == vorige.id, Vraag.code == "GEM.4.01")
        ).one()
        crud.bulk_save_antwoorden(
            session=session,
            ronde=vorige,
            antwoorden=[crud.NieuwAntwoord("GM0363", vraag_2024.id, "mee_bezig", None)],
            door="test",
            bron="test",
            status="ingediend",
            moment=datetime(2024, 6, 1, tzinfo=UTC),
        )
        ronde = crud.ensure_ronde(
            session=session,
            gegevens=crud.RondeGegevens(
                jaar=2025,
                titel="Monitor 2025",
                peildatum=date(2025, 6, 30),
                open_datum=date(2025, 4, 1),
                sluit_datum=sluit_datum,
                status=RondeStatus.OPEN,
            ),
        )
        crud.copy_vragen(session=session, van=vorige, naar=ronde)
        session.flush()
        ids = dict(
            session.exec(select(Vraag.code, Vraag.id).where(Vraag.ronde_id == ronde.id)).all()
        )
        return OpenRonde(ronde.id, ids)


WACHTWOORD = "correct paard batterij 7"


def met_invulleraccount(engine: Engine, email: str = "anna@amsterdam.nl") -> Engine:
    """``engine`` initialised, with one invuller account of Amsterdam: Anna, ``WACHTWOORD``."""
    init_database(engine)
    with write_session(engine) as session:
        accounts.maak_account(
            session,
            BEHEERDER,
            email=email,
            naam="Anna",
            rol=Rol.INVULLER,
            organisatie_code="GM0363",
            wachtwoord=WACHTWOORD,
            nu=NU,
        )
    return engine
