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
