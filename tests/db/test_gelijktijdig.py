"""Many organisations filling in at once (SQLite and PostgreSQL): nothing lost, no errors.

300 organisations save 30 answers each, one transaction per answer as the page does, from 16
threads. Then 16 colleagues save the same answer at the same moment: exactly one wins and the
others get the conflict message; nothing is overwritten silently.
"""

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from sqlmodel import func, select

from monitor.db import read_session, write_session
from monitor.domain import Rol, RondeStatus, Vraagtype
from monitor.invullen import antwoorden as invullen
from monitor.models import Antwoord, AuditRegel, Organisatie, Ronde, Vraag
from monitor.rechten import Gebruiker
from tests.db.invul_fixtures import NU

ORGANISATIES = 300
VRAGEN = 30
THREADS = 16
STATUS = ["nog_niet_begonnen", "mee_bezig", "bijna_klaar", "afgerond"]


@pytest.fixture
def drukke_ronde(engine):
    with write_session(engine) as session:
        session.add_all(
            Organisatie(code=f"GM{i:04d}", naam=f"Gemeente {i}", actortype="gemeente")
            for i in range(ORGANISATIES)
        )
        ronde = Ronde(
            jaar=2030, titel="Drukte", status=RondeStatus.OPEN, sluit_datum=date(2030, 6, 30)
        )
        session.add(ronde)
        session.flush()
        session.add_all(
            Vraag(
                ronde_id=ronde.id,
                code=f"GEM.{i:02d}",
                actortype="gemeente",
                vraagtype=Vraagtype.STATUS4,
                tekst=f"Afspraak {i}",
                volgorde=i,
            )
            for i in range(VRAGEN)
        )
        session.flush()
        vraag_ids = list(session.exec(select(Vraag.id).where(Vraag.ronde_id == ronde.id)))
        return ronde.id, vraag_ids


def _save(engine, ronde_id, gebruiker, vraag_id, waarde, basis):
    with write_session(engine) as session:
        return invullen.save_antwoord(
            session,
            gebruiker,
            ronde=session.get(Ronde, ronde_id),
            organisatie_code=gebruiker.organisatie_code,
            vraag_id=vraag_id,
            waarde=waarde,
            toelichting=None,
            basis_versie=basis,
            nu=NU,
        )


def _vul_in(engine, ronde_id, vraag_ids, nummer):
    gebruiker = Gebruiker(Rol.INVULLER, f"invuller {nummer}", f"GM{nummer:04d}")
    for i, vraag_id in enumerate(vraag_ids):
        _save(engine, ronde_id, gebruiker, vraag_id, STATUS[(nummer + i) % 4], 0)


def test_300_organisations_from_16_threads_lose_nothing(engine, drukke_ronde):
    ronde_id, vraag_ids = drukke_ronde
    with ThreadPoolExecutor(THREADS) as pool:
        taken = [pool.submit(_vul_in, engine, ronde_id, vraag_ids, n) for n in range(ORGANISATIES)]
        fouten = [t.exception() for t in taken if t.exception() is not None]
    assert fouten == []
    with read_session(engine) as session:
        opgeslagen = session.exec(
            select(Antwoord.organisatie_code, Antwoord.vraag_id, Antwoord.waarde, Antwoord.versie)
        ).all()
        audit = session.exec(select(func.count()).select_from(AuditRegel)).one()
    verwacht = {
        (f"GM{n:04d}", vraag_id, STATUS[(n + i) % 4], 1)
        for n in range(ORGANISATIES)
        for i, vraag_id in enumerate(vraag_ids)
    }
    assert len(opgeslagen) == ORGANISATIES * VRAGEN == 9000
    assert set(opgeslagen) == verwacht
    assert audit == 9000


ANDERS = ["nog_niet_begonnen", "bijna_klaar", "afgerond"]  # never the stored 'mee_bezig'


def _race(engine, ronde_id, vraag_id, basis, nummer):
    """Every colleague changes the answer to a value other than the stored one (saving the
    stored value again is no change, and rightly no conflict)."""
    collega = Gebruiker(Rol.INVULLER, f"collega {nummer}", "GM0000")
    try:
        return _save(engine, ronde_id, collega, vraag_id, ANDERS[nummer % 3], basis)
    except invullen.VersieConflict as conflict:
        return conflict


@pytest.mark.parametrize("basis", [0, 1], ids=["eerste-opslag", "wijziging"])
def test_simultaneous_saves_of_one_answer_give_one_winner_and_conflicts(
    engine, drukke_ronde, basis
):
    ronde_id, vraag_ids = drukke_ronde
    vraag_id = vraag_ids[0]
    if basis == 1:
        _save(
            engine, ronde_id, Gebruiker(Rol.INVULLER, "eerste", "GM0000"), vraag_id, "mee_bezig", 0
        )
    with ThreadPoolExecutor(THREADS) as pool:
        uitkomsten = list(
            pool.map(lambda n: _race(engine, ronde_id, vraag_id, basis, n), range(THREADS))
        )
    gelukt = [u for u in uitkomsten if isinstance(u, int)]
    conflicten = [u for u in uitkomsten if isinstance(u, invullen.VersieConflict)]
    assert gelukt == [basis + 1]
    assert len(conflicten) == THREADS - 1
    assert all("intussen door collega" in str(c) for c in conflicten)
    with read_session(engine) as session:
        antwoord = session.exec(select(Antwoord).where(Antwoord.vraag_id == vraag_id)).one()
    assert antwoord.versie == basis + 1
    assert all(c.versie == basis + 1 and c.waarde == antwoord.waarde for c in conflicten)
