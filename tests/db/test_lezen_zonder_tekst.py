"""Answers read without their toelichting (Op koers? over every round) are the same answers."""

from monitor.db import read_session
from monitor.store import lezen


def test_without_text_the_same_submitted_answers_are_read_without_toelichting(demo_engine):
    with read_session(demo_engine) as session:
        ronde = lezen.ronde_by_jaar(session, 2024)
        volledig = lezen.antwoorden_frame(session, ronde.id, alleen_ingediend=True)
        kaal = lezen.antwoorden_frame(session, ronde.id, alleen_ingediend=True, met_tekst=False)
    assert list(kaal.columns) == ["organisatie_code", "vraag_id", "waarde", "status"]
    assert "toelichting" in volledig.columns
    assert len(kaal) == len(volledig) > 9000  # the demo round 2024: every submitted answer
    sleutel = ["organisatie_code", "vraag_id"]
    assert (
        kaal.sort_values(sleutel)
        .reset_index(drop=True)
        .equals(volledig[kaal.columns].sort_values(sleutel).reset_index(drop=True))
    )
    assert set(kaal["status"]) == {"ingediend"}


def test_frames_hold_the_values_as_stored_on_either_database(engine):
    """Text and whole numbers come straight from the driver; dates and yes/no are converted
    as before (SQLite stores them as text and 0/1)."""
    from datetime import date

    from sqlmodel import select

    from monitor.models import Antwoord, Planning
    from tests.db.invul_fixtures import maak_open_ronde

    open_ronde = maak_open_ronde(engine)
    with read_session(engine) as session:
        vorige = lezen.ronde_by_jaar(session, 2024)
        antwoorden = lezen.antwoorden_frame(session, vorige.id)
        kaal = lezen.antwoorden_frame(session, vorige.id, met_tekst=False)
        opgeslagen = session.exec(select(Antwoord).where(Antwoord.ronde_id == vorige.id)).one()
        vragen = lezen.vragen_frame(session, open_ronde.ronde_id, met_grenzen=True)
        planning = lezen.planning_frame(session)
        eerste_plan = session.exec(select(Planning).order_by(Planning.geldig_vanaf)).first()
    rij = antwoorden.iloc[0]
    assert (rij["organisatie_code"], rij["waarde"], rij["status"]) == (
        "GM0363",
        "mee_bezig",
        "ingediend",
    )
    assert int(rij["vraag_id"]) == opgeslagen.vraag_id
    assert antwoorden["voorlopig"].dtype == bool and not rij["voorlopig"]  # not the int 0
    assert kaal.iloc[0].tolist() == ["GM0363", opgeslagen.vraag_id, "mee_bezig", "ingediend"]
    assert isinstance(kaal.iloc[0]["vraag_id"].item(), int)
    assert len(vragen) > 100 and vragen["code"].map(type).eq(str).all()
    assert isinstance(planning.iloc[0]["datum"], date)
    assert planning.iloc[0]["geldig_vanaf"] == eerste_plan.geldig_vanaf
