"""Round management on a real database (SQLite and PostgreSQL), on a small hand-made monitor:

thema 1 with afspraak A1.01 ('Klaar Q2 2024', in force from 19 June 2023); gemeenten GM0001 and
GM0002 and the Rijk; ronde 2024 (gesloten) with three vragen, and three submitted answers:
GM0001 'afgerond' and GM0002 'mee bezig' on GEM.1, GM0001 'ja' on GEM.2.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import delete, update
from sqlmodel import select

from monitor.db import read_session, write_session
from monitor.domain import Rol, RondeStatus, Vraagtype
from monitor.errors import BeheerFout, GeenToegang, RondeBevroren
from monitor.kengetallen.planning import planning_in_kracht
from monitor.models import (
    Afspraak,
    Antwoord,
    AuditRegel,
    Inzending,
    Organisatie,
    Planning,
    Ronde,
    RondeSnapshot,
    Thema,
    Vraag,
)
from monitor.rechten import Gebruiker
from monitor.rondes import levensloop as rb
from monitor.rondes import vragen as vragen_mod
from monitor.store import lezen as queries
from monitor.store import schrijven as crud
from tests.utils.db import table_checksum

BEHEERDER = Gebruiker(rol=Rol.BEHEERDER, naam="Bea Beheer")
NU = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
VANDAAG = date(2026, 11, 23)


def _bouw(engine) -> None:
    with write_session(engine) as s:
        s.add(Thema(nr=1, titel="Reikwijdte"))
        s.add(Organisatie(code="GM0001", naam="Aadorp", actortype="gemeente"))
        s.add(Organisatie(code="GM0002", naam="Beedorp", actortype="gemeente"))
        s.add(Organisatie(code="RIJK", naam="Rijk", actortype="rijk"))
        s.flush()
        s.add(Afspraak(code="A1.01", thema_nr=1, tekst="Een afspraak"))
        s.flush()
        s.add(
            Planning(
                afspraak_code="A1.01",
                soort="klaar",
                datum=date(2024, 6, 30),
                tekst="Klaar Q2 2024",
                bron="Hervormingsagenda",
                geldig_vanaf=date(2023, 6, 19),
            )
        )
        ronde = Ronde(
            jaar=2024,
            titel="Monitor 2024",
            peildatum=date(2024, 6, 30),
            open_datum=date(2024, 4, 8),
            sluit_datum=date(2024, 6, 30),
            status="gesloten",
        )
        s.add(ronde)
        s.flush()
        vragen = [
            Vraag(ronde_id=ronde.id, code="GEM.1", actortype="gemeente", thema_nr=1,
                  afspraak_code="A1.01", soort="afspraak", vraagtype="status4",
                  tekst="Gemeente heeft het gedaan.", volgorde=0),
            Vraag(ronde_id=ronde.id, code="GEM.2", actortype="gemeente", thema_nr=1,
                  soort="informatie", vraagtype="janee", tekst="Is er een plan?", volgorde=1),
            Vraag(ronde_id=ronde.id, code="RIJK.1", actortype="rijk", thema_nr=1,
                  afspraak_code="A1.01", soort="afspraak", vraagtype="status4",
                  tekst="Het Rijk heeft het gedaan.", volgorde=2),
        ]  # fmt: skip
        s.add_all(vragen)
        s.flush()
        ids = {v.code: v.id for v in vragen}
        crud.bulk_save_antwoorden(
            session=s,
            ronde=ronde,
            antwoorden=[
                crud.NieuwAntwoord("GM0001", ids["GEM.1"], "afgerond", None),
                crud.NieuwAntwoord("GM0002", ids["GEM.1"], "mee_bezig", None),
                crud.NieuwAntwoord("GM0001", ids["GEM.2"], "ja", None),
            ],
            door="test",
            bron="test",
            status="ingediend",
            moment=NU,
        )
        crud.save_inzendingen(
            session=s, ronde=ronde, organisatie_codes=["GM0001", "GM0002"], moment=NU
        )


@pytest.fixture
def db(engine):
    _bouw(engine)
    return engine


def _nieuw(jaar: int = 2025, van_jaar: int | None = 2024, **extra) -> rb.NieuweRonde:
    return rb.NieuweRonde(
        jaar=jaar,
        peildatum=date(jaar, 10, 1),
        open_datum=date(jaar, 9, 1),
        sluit_datum=date(jaar, 11, 15),
        van_jaar=van_jaar,
        **extra,
    )


def _maak(engine, gegevens: rb.NieuweRonde, gebruiker: Gebruiker = BEHEERDER) -> None:
    with write_session(engine) as s:
        rb.maak_ronde(session=s, gebruiker=gebruiker, gegevens=gegevens, nu=NU)


def _status(engine, jaar: int, status: str, vandaag: date = date(2025, 9, 1)) -> None:
    with write_session(engine) as s:
        rb.zet_status(
            session=s, gebruiker=BEHEERDER, jaar=jaar, status=status, vandaag=vandaag, nu=NU
        )


def _vragen(engine, jaar: int) -> list[Vraag]:
    with read_session(engine) as s:
        ronde = queries.ronde_by_jaar(s, jaar)
        stmt = select(Vraag).where(Vraag.ronde_id == ronde.id).order_by(Vraag.volgorde)
        return list(s.exec(stmt).all())


def _audit(engine) -> list[tuple[str, str, str, str | None, str | None]]:
    with read_session(engine) as s:
        regels = s.exec(select(AuditRegel).where(AuditRegel.bron == "beheer")).all()
        assert all(r.door == BEHEERDER.naam or r.door == "cli" for r in regels)
        return [(r.tabel, r.sleutel, r.veld, r.oud, r.nieuw) for r in regels]


def _versie(engine) -> int:
    with read_session(engine) as s:
        return queries.data_versie(s)


# --------------------------------------------------------------------------------------------
# Creating a round


def test_a_new_round_copies_the_questionnaire_linked_to_its_predecessors(db):
    _maak(db, _nieuw(2025, 2024, titel="Monitor 2025", benchmark_na_indienen=False))
    oud = {v.code: v for v in _vragen(db, 2024)}
    nieuw = _vragen(db, 2025)
    assert [v.code for v in nieuw] == ["GEM.1", "GEM.2", "RIJK.1"]
    assert [v.voorganger_id for v in nieuw] == [oud[v.code].id for v in nieuw]
    assert [v.tekst for v in nieuw] == [oud[v.code].tekst for v in nieuw]
    with read_session(db) as s:
        ronde = queries.ronde_by_jaar(s, 2025)
        assert ronde.status == "concept" and ronde.titel == "Monitor 2025"
        assert ronde.vorige_ronde_id == queries.ronde_by_jaar(s, 2024).id
        assert ronde.benchmark_na_indienen is False and ronde.zichtbaarheid == "genoemd"
        assert (ronde.peildatum, ronde.sluit_datum) == (date(2025, 10, 1), date(2025, 11, 15))
    assert _audit(db) == [
        ("ronde", "2025", "aangemaakt", None, "Monitor 2025"),
        ("vraag", "2025", "gekopieerd", None, "3 vragen uit ronde 2024"),
    ]
    assert _versie(db) == 1


def test_a_new_round_without_copy_is_empty_but_knows_the_previous_round(db):
    _maak(db, _nieuw(2025, None, zichtbaarheid="anoniem"))
    assert _vragen(db, 2025) == []
    with read_session(db) as s:
        ronde = queries.ronde_by_jaar(s, 2025)
        assert ronde.vorige_ronde_id == queries.ronde_by_jaar(s, 2024).id
        assert ronde.titel == "Monitor van de afspraken 2025"
        assert ronde.zichtbaarheid == "anoniem"


@pytest.mark.parametrize(
    ("gegevens", "veld", "in_melding"),
    [
        (_nieuw(2024, None), "jaar", "Ronde 2024 bestaat al"),
        (_nieuw(2025, 2023), "van_jaar", "Ronde 2023"),
        (_nieuw(2023, 2024), "van_jaar", "eerdere ronde"),
        (
            rb.NieuweRonde(2025, date(2025, 10, 1), date(2025, 9, 1), date(2025, 8, 1)),
            "sluit_datum",
            "sluitdatum (1 augustus 2025) ligt vóór de opendatum",
        ),
        (
            rb.NieuweRonde(2025, date(2026, 1, 1), date(2025, 9, 1), date(2026, 2, 1)),
            "peildatum",
            "niet in het jaar",
        ),
        (_nieuw(2025, None, zichtbaarheid="geheim"), "zichtbaarheid", "geheim"),
    ],
    ids=["year-taken", "unknown-source", "later-source", "dates", "peildatum", "zichtbaarheid"],
)
def test_bad_input_for_a_new_round_is_refused_and_changes_nothing(db, gegevens, veld, in_melding):
    voor = table_checksum(db)
    with pytest.raises(BeheerFout) as fout:
        _maak(db, gegevens)
    assert fout.value.veld == veld and in_melding in str(fout.value)
    assert table_checksum(db) == voor


# --------------------------------------------------------------------------------------------
# Status


def test_status_moves_through_open_closed_reopened_and_published(db):
    _maak(db, _nieuw(2025))
    with pytest.raises(BeheerFout, match="kan niet naar 'gesloten'; de volgende stap is 'open'"):
        _status(db, 2025, "gesloten")
    _status(db, 2025, "open")
    with pytest.raises(BeheerFout, match="kan niet naar 'gepubliceerd'"):
        _status(db, 2025, "gepubliceerd")
    _status(db, 2025, "gesloten")
    _status(db, 2025, "open")  # reopened
    _status(db, 2025, "gesloten")
    _status(db, 2025, "gepubliceerd")
    with pytest.raises(BeheerFout, match="definitief"):
        _status(db, 2025, "open")
    statussen = [(oud, nieuw) for tabel, _, veld, oud, nieuw in _audit(db) if veld == "status"]
    assert statussen == [
        ("concept", "open"),
        ("open", "gesloten"),
        ("gesloten", "open"),
        ("open", "gesloten"),
        ("gesloten", "gepubliceerd"),
    ]
    with read_session(db) as s:
        ronde = queries.ronde_by_jaar(s, 2025)
        assert ronde.status == "gepubliceerd" and ronde.gepubliceerd_op is not None
    assert _versie(db) == 6  # creation and five steps


def test_opening_needs_questions_a_future_sluitdatum_and_no_other_open_round(db):
    _maak(db, _nieuw(2025, None))
    with pytest.raises(BeheerFout, match="nog geen vragen"):
        _status(db, 2025, "open")
    _maak(db, _nieuw(2026, 2024))
    with pytest.raises(BeheerFout, match=r"sluitdatum .*15 november 2026.* is verstreken") as fout:
        _status(db, 2026, "open", vandaag=date(2026, 11, 16))
    assert fout.value.veld == "sluit_datum"
    _status(db, 2024, "open", vandaag=date(2024, 6, 30))  # reopen 2024 (not yet published)
    with pytest.raises(BeheerFout, match="Ronde 2024 is al open"):
        _status(db, 2026, "open", vandaag=date(2026, 11, 1))


def test_a_later_sluitdatum_allows_reopening(db):
    with pytest.raises(BeheerFout, match="verstreken"):
        _status(db, 2024, "open", vandaag=date(2024, 7, 2))
    with write_session(db) as s:
        rb.wijzig_ronde(
            session=s,
            gebruiker=BEHEERDER,
            jaar=2024,
            wijzigingen={"sluit_datum": date(2024, 7, 15)},
            nu=NU,
        )
    _status(db, 2024, "open", vandaag=date(2024, 7, 2))
    assert ("ronde", "2024", "sluit_datum", "2024-06-30", "2024-07-15") in _audit(db)


# --------------------------------------------------------------------------------------------
# Publishing and the freeze


def _publiceer(engine, jaar: int = 2024) -> None:
    with write_session(engine) as s:
        rb.publiceer(session=s, gebruiker=BEHEERDER, jaar=jaar, nu=NU)


def _live_en_snapshot(engine, jaar: int = 2024) -> tuple[dict, dict | None]:
    with read_session(engine) as s:
        ronde = queries.ronde_by_jaar(s, jaar)
        return rb.overzicht_van_ronde(s, ronde), rb.snapshot_overzicht(s, ronde)


def test_the_snapshot_is_the_overzicht_at_publication_and_stays_so(db, monkeypatch, capsys):
    import json

    from monitor.__main__ import main

    assert _live_en_snapshot(db)[1] is None
    _publiceer(db)
    live, snapshot = _live_en_snapshot(db)
    assert snapshot == live
    monkeypatch.setenv("DATABASE_URL", db.url.render_as_string(hide_password=False))
    assert main(["overzicht", "--ronde", "2024", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == snapshot
    respons = {r["actortype"]: (r["ingevuld"], r["totaal"]) for r in snapshot["respons"]}
    assert respons["gemeente"] == (2, 2) and respons["rijk"] == (0, 1)
    gem1 = next(v for v in snapshot["vragen"] if v["code"] == "GEM.1")
    assert gem1["n"] == 2
    assert {o["optie"]: o["percentage"] for o in gem1["verdeling"]} == {
        "nog_niet_begonnen": 0.0,
        "mee_bezig": 50.0,
        "bijna_klaar": 0.0,
        "afgerond": 50.0,
    }
    with read_session(db) as s:
        assert s.get(RondeSnapshot, queries.ronde_by_jaar(s, 2024).id).gemaakt_op == NU
    # A new gemeente changes the live figures (the denominator), not the snapshot.
    with write_session(db) as s:
        s.add(Organisatie(code="GM0003", naam="Ceedorp", actortype="gemeente"))
    live_later, snapshot_later = _live_en_snapshot(db)
    assert snapshot_later == snapshot
    totaal_later = {r["actortype"]: r["totaal"] for r in live_later["respons"]}
    assert totaal_later["gemeente"] == 3


def _gem1_antwoord(s) -> Antwoord:
    return s.exec(select(Antwoord).where(Antwoord.waarde == "mee_bezig")).one()


def _ronde_id(s, jaar: int = 2024) -> int:
    return queries.ronde_by_jaar(s, jaar).id


def _wijzig_antwoord(s) -> None:
    _gem1_antwoord(s).waarde = "afgerond"


def _nieuw_antwoord(s) -> None:
    vraag = s.exec(select(Vraag).where(Vraag.code == "RIJK.1")).one()
    s.add(Antwoord(ronde_id=vraag.ronde_id, organisatie_code="RIJK", vraag_id=vraag.id))


def _verwijder_antwoord(s) -> None:
    s.delete(_gem1_antwoord(s))


def _wijzig_vraag(s) -> None:
    s.exec(select(Vraag).where(Vraag.code == "GEM.2")).one().tekst = "Anders"


def _inzending_terug(s) -> None:
    s.get(Inzending, (_ronde_id(s), "GM0001")).status = "concept"


def _crud_bulk(s) -> None:
    ronde = queries.ronde_by_jaar(s, 2024)
    vraag = s.exec(select(Vraag).where(Vraag.code == "RIJK.1")).one()
    crud.bulk_save_antwoorden(
        session=s,
        ronde=ronde,
        antwoorden=[crud.NieuwAntwoord("RIJK", vraag.id, "afgerond", None)],
        door="x",
        bron="import:x.xlsx",
        status="ingediend",
        moment=NU,
    )


def _crud_inzending(s) -> None:
    ronde = queries.ronde_by_jaar(s, 2024)
    crud.save_inzendingen(session=s, ronde=ronde, organisatie_codes=["RIJK"], moment=NU)


def _crud_vragen_kopie(s) -> None:
    ronde = queries.ronde_by_jaar(s, 2024)
    nieuw = Ronde(jaar=2019, titel="Oud", status="concept")
    s.add(nieuw)
    s.flush()
    crud.copy_vragen(session=s, van=nieuw, naar=ronde)  # nothing to copy: allowed
    s.add(Vraag(ronde_id=nieuw.id, code="X", actortype="rijk", vraagtype="janee", tekst="x"))
    s.flush()
    crud.copy_vragen(session=s, van=nieuw, naar=ronde)  # one vraag into 2024: refused


def _bulk_update(s) -> None:
    s.execute(update(Antwoord).where(Antwoord.ronde_id == _ronde_id(s)).values(waarde="nee"))


def _bulk_update_per_sleutel(s) -> None:
    s.execute(update(Antwoord), [{"id": _gem1_antwoord(s).id, "waarde": "afgerond"}])


def _bulk_delete(s) -> None:
    s.execute(delete(Antwoord).where(Antwoord.organisatie_code == "GM0002"))


def _terug_naar_open(s) -> None:
    queries.ronde_by_jaar(s, 2024).status = "open"


def _peildatum_verschuiven(s) -> None:
    queries.ronde_by_jaar(s, 2024).peildatum = date(2024, 3, 31)


def _ronde_bulk_update(s) -> None:
    s.execute(update(Ronde).where(Ronde.jaar == 2024).values(status="open"))


def _snapshot_weg(s) -> None:
    s.delete(s.get(RondeSnapshot, _ronde_id(s)))


def _snapshot_aanpassen(s) -> None:
    s.get(RondeSnapshot, _ronde_id(s)).inhoud = "{}"


SCHENDINGEN = [
    _wijzig_antwoord,
    _nieuw_antwoord,
    _verwijder_antwoord,
    _wijzig_vraag,
    _inzending_terug,
    _crud_bulk,
    _crud_inzending,
    _crud_vragen_kopie,
    _bulk_update,
    _bulk_update_per_sleutel,
    _bulk_delete,
    _terug_naar_open,
    _peildatum_verschuiven,
    _ronde_bulk_update,
    _snapshot_weg,
    _snapshot_aanpassen,
]


@pytest.mark.parametrize("schending", SCHENDINGEN, ids=[f.__name__[1:] for f in SCHENDINGEN])
def test_a_published_round_cannot_change_by_any_write_path(db, schending):
    _publiceer(db)
    voor = table_checksum(db)
    with pytest.raises(RondeBevroren, match="Ronde 2024 is gepubliceerd en daarmee bevroren"):
        with write_session(db) as s:
            schending(s)
    assert table_checksum(db) == voor


def test_rounds_that_are_not_published_stay_writable(db):
    _maak(db, _nieuw(2025))
    _publiceer(db)
    with write_session(db) as s:
        ronde = queries.ronde_by_jaar(s, 2025)
        vraag = s.exec(select(Vraag).where(Vraag.ronde_id == ronde.id, Vraag.code == "GEM.1")).one()
        s.add(Antwoord(ronde_id=ronde.id, organisatie_code="GM0001", vraag_id=vraag.id))
        s.flush()
        s.execute(update(Antwoord).where(Antwoord.ronde_id == ronde.id).values(waarde="ja"))
        crud.save_inzendingen(session=s, ronde=ronde, organisatie_codes=["GM0001"], moment=NU)
    with read_session(db) as s:
        assert queries.aantal_antwoorden(s, queries.ronde_by_jaar(s, 2025).id) == 1


def test_only_a_closed_round_can_be_published(db):
    _maak(db, _nieuw(2025))
    with pytest.raises(BeheerFout, match="Alleen een gesloten ronde"):
        _publiceer(db, 2025)


# --------------------------------------------------------------------------------------------
# The questionnaire of a concept round


def _vraag_invoer(**extra) -> vragen_mod.VraagInvoer:
    waarden = {
        "code": "GEM.3",
        "tekst": "Welke partners?",
        "vraagtype": Vraagtype.MEERKEUZE.value,
        "actortype": "gemeente",
        "thema_nr": 1,
        "opties": "zorg=Zorgaanbieders|onderwijs=Onderwijs",
    }
    return vragen_mod.VraagInvoer(**{**waarden, **extra})


def _voeg_toe(engine, jaar: int = 2025, **extra) -> None:
    with write_session(engine) as s:
        vragen_mod.voeg_vraag_toe(
            session=s, gebruiker=BEHEERDER, jaar=jaar, vraag=_vraag_invoer(**extra)
        )


def test_questionnaire_edits_in_concept_leave_the_other_round_alone(db):
    _maak(db, _nieuw(2025))
    vragen_2024 = _vraag_rijen(db, 2024)
    _voeg_toe(db)
    with write_session(db) as s:
        vragen_mod.wijzig_vraag(
            session=s,
            gebruiker=BEHEERDER,
            jaar=2025,
            code="GEM.1",
            wijzigingen={"tekst": "De gemeente heeft het gedaan (nieuwe formulering)."},
            nu=NU,
        )
        vragen_mod.verwijder_vraag(session=s, gebruiker=BEHEERDER, jaar=2025, code="GEM.2", nu=NU)
        verplaatst = vragen_mod.herorden_vragen(
            session=s, gebruiker=BEHEERDER, jaar=2025, codes=["RIJK.1", "GEM.3", "GEM.1"], nu=NU
        )
    assert verplaatst == 3  # RIJK.1 2→0, GEM.3 3→1, GEM.1 0→2
    vragen = _vragen(db, 2025)
    assert [(v.code, v.volgorde) for v in vragen] == [("RIJK.1", 0), ("GEM.3", 1), ("GEM.1", 2)]
    gem1 = vragen[2]
    oud_gem1 = next(v for v in _vragen(db, 2024) if v.code == "GEM.1")
    assert gem1.tekst.endswith("(nieuwe formulering).") and gem1.voorganger_id == oud_gem1.id
    gem3 = vragen[1]
    assert (gem3.soort, gem3.opties, gem3.voorganger_id) == (
        "informatie",
        "zorg=Zorgaanbieders|onderwijs=Onderwijs",
        None,
    )
    assert _vraag_rijen(db, 2024) == vragen_2024
    velden = [(sleutel, veld) for tabel, sleutel, veld, _, _ in _audit(db) if tabel == "vraag"]
    assert velden[1:] == [
        ("2025/GEM.3", "toegevoegd"),
        ("2025/GEM.1", "tekst"),
        ("2025/GEM.2", "verwijderd"),
        ("2025/RIJK.1", "volgorde"),
        ("2025/GEM.3", "volgorde"),
        ("2025/GEM.1", "volgorde"),
    ]


def _vraag_rijen(engine, jaar: int) -> list[tuple]:
    return [
        (v.id, v.code, v.tekst, v.volgorde, v.opties, v.vraagtype, v.voorganger_id)
        for v in _vragen(engine, jaar)
    ]


@pytest.mark.parametrize(
    ("extra", "veld", "in_melding"),
    [
        ({"code": "GEM.1"}, "code", "GEM.1 bestaat al in ronde 2025"),
        ({"code": " "}, "code", "vraagcode ontbreekt"),
        ({"vraagtype": "schuifje"}, "vraagtype", "'schuifje' bestaat niet"),
        ({"opties": ""}, "opties", "ten minste twee opties"),
        ({"opties": "zorg"}, "opties", "code=Label"),
        ({"vraagtype": "status4"}, "opties", "vaste opties"),
        ({"actortype": "provincie"}, "actortype", "provincie"),
        ({"thema_nr": 9}, "thema_nr", "thema 9 bestaat niet"),
        ({"afspraak_code": "A9.99"}, "afspraak_code", "A9.99"),
        (
            {"vraagtype": "getal", "opties": "", "minimum": 10, "maximum": 5},
            "minimum",
            "minimum (10) is groter dan het maximum (5)",
        ),
        ({"toon_als": "GEM.9=ja"}, "toon_als", "GEM.9=ja"),
    ],
)
def test_a_bad_question_is_refused_naming_the_field(db, extra, veld, in_melding):
    _maak(db, _nieuw(2025))
    voor = table_checksum(db)
    with pytest.raises(BeheerFout) as fout:
        _voeg_toe(db, **extra)
    assert fout.value.veld == veld and in_melding in str(fout.value)
    assert table_checksum(db) == voor


def test_the_questionnaire_of_a_round_past_concept_is_refused(db):
    voor = table_checksum(db)
    with pytest.raises(BeheerFout, match="ronde staat op 'gesloten'"):
        _voeg_toe(db, jaar=2024)
    with pytest.raises(BeheerFout, match="Alleen een ronde in concept"):
        with write_session(db) as s:
            vragen_mod.verwijder_vraag(session=s, gebruiker=BEHEERDER, jaar=2024, code="GEM.2")
    assert table_checksum(db) == voor


def test_a_question_with_answers_or_a_successor_is_not_removed(db):
    _maak(db, _nieuw(2025))
    with write_session(db) as s:
        ronde = queries.ronde_by_jaar(s, 2025)
        vraag = s.exec(select(Vraag).where(Vraag.ronde_id == ronde.id, Vraag.code == "GEM.2")).one()
        s.add(Antwoord(ronde_id=ronde.id, organisatie_code="GM0001", vraag_id=vraag.id))
    with pytest.raises(BeheerFout, match="GEM.2 heeft al 1 antwoord"):
        with write_session(db) as s:
            vragen_mod.verwijder_vraag(session=s, gebruiker=BEHEERDER, jaar=2025, code="GEM.2")
    _maak(db, _nieuw(2026, 2025))
    assert [v.code for v in _vragen(db, 2026)] == ["GEM.1", "GEM.2", "RIJK.1"]
    with pytest.raises(BeheerFout, match="voorganger van een vraag in ronde 2026"):
        with write_session(db) as s:
            vragen_mod.verwijder_vraag(session=s, gebruiker=BEHEERDER, jaar=2025, code="GEM.1")


def test_reordering_must_name_every_question_once(db):
    _maak(db, _nieuw(2025))
    for codes, in_melding in [
        (["GEM.1", "GEM.2"], "mist vraag RIJK.1"),
        (["GEM.1", "GEM.1", "GEM.2", "RIJK.1"], "dubbel"),
        (["GEM.1", "GEM.2", "RIJK.1", "X"], "X bestaat niet"),
    ]:
        with pytest.raises(BeheerFout, match=in_melding):
            with write_session(db) as s:
                vragen_mod.herorden_vragen(session=s, gebruiker=BEHEERDER, jaar=2025, codes=codes)


# --------------------------------------------------------------------------------------------
# Planning


def _verplaats(engine, geldig_vanaf: date, planning: str = "Klaar Q4 2025", bron="Kamerbrief"):
    with write_session(engine) as s:
        rb.verplaats_deadline(
            session=s,
            gebruiker=BEHEERDER,
            afspraak_code="A1.01",
            planning=planning,
            bron=bron,
            geldig_vanaf=geldig_vanaf,
            nu=NU,
        )


def test_a_moved_deadline_is_a_new_version_and_counts_from_its_date(db):
    _verplaats(db, date(2025, 1, 15))
    with read_session(db) as s:
        versies = queries.planning_frame(s)
    assert list(versies["tekst"]) == ["Klaar Q2 2024", "Klaar Q4 2025"]
    assert list(versies["bron"]) == ["Hervormingsagenda", "Kamerbrief"]
    in_2024 = planning_in_kracht(versies, date(2024, 6, 30))
    in_2025 = planning_in_kracht(versies, date(2025, 6, 30))
    assert (in_2024["tekst"].item(), in_2024["datum"].item()) == (
        "Klaar Q2 2024",
        date(2024, 6, 30),
    )
    assert (in_2025["tekst"].item(), in_2025["datum"].item()) == (
        "Klaar Q4 2025",
        date(2025, 12, 31),
    )
    nieuw = "Klaar Q4 2025 (Kamerbrief)"
    assert _audit(db) == [
        ("planning", "A1.01", "deadline vanaf 2025-01-15", "Klaar Q2 2024", nieuw)
    ]


@pytest.mark.parametrize(
    ("geldig_vanaf", "planning", "bron", "veld", "in_melding"),
    [
        (date(2023, 6, 19), "Klaar Q4 2025", "Kamerbrief", "geldig_vanaf", "al een planning"),
        (date(2025, 1, 15), "Ergens in 2025", "Kamerbrief", "planning", "niet herkend"),
        (date(2025, 1, 15), "Klaar Q4 2025", "  ", "bron", "bron"),
        (date(2024, 6, 30), "Klaar Q4 2025", "Kamerbrief", "geldig_vanaf", "ronde 2024 (peil"),
    ],
    ids=["same-date", "bad-text", "no-source", "changes-published-round"],
)
def test_a_bad_moved_deadline_is_refused(db, geldig_vanaf, planning, bron, veld, in_melding):
    _publiceer(db)
    voor = table_checksum(db)
    with pytest.raises(BeheerFout) as fout:
        _verplaats(db, geldig_vanaf, planning, bron)
    assert fout.value.veld == veld and in_melding in str(fout.value)
    assert table_checksum(db) == voor


# --------------------------------------------------------------------------------------------
# Only beheerders


ACTIES = {
    "maak_ronde": lambda s, g: rb.maak_ronde(session=s, gebruiker=g, gegevens=_nieuw()),
    "wijzig_ronde": lambda s, g: rb.wijzig_ronde(
        session=s, gebruiker=g, jaar=2024, wijzigingen={"titel": "x"}
    ),
    "zet_status": lambda s, g: rb.zet_status(
        session=s, gebruiker=g, jaar=2024, status="open", vandaag=date(2024, 6, 1)
    ),
    "publiceer": lambda s, g: rb.publiceer(session=s, gebruiker=g, jaar=2024),
    "voeg_vraag_toe": lambda s, g: vragen_mod.voeg_vraag_toe(
        session=s, gebruiker=g, jaar=2024, vraag=_vraag_invoer()
    ),
    "verwijder_vraag": lambda s, g: vragen_mod.verwijder_vraag(
        session=s, gebruiker=g, jaar=2024, code="GEM.2"
    ),
    "verplaats_deadline": lambda s, g: rb.verplaats_deadline(
        session=s,
        gebruiker=g,
        afspraak_code="A1.01",
        planning="Klaar Q4 2025",
        bron="x",
        geldig_vanaf=date(2025, 1, 1),
    ),
}
ANDEREN = [
    Gebruiker(rol=Rol.KIJKER, naam="Kees Kijker"),
    Gebruiker(rol=Rol.INVULLER, naam="Ina Invul", organisatie_code="GM0001"),
    Gebruiker(rol=Rol.PUBLIEK, naam="Bezoeker"),
]


@pytest.mark.parametrize("gebruiker", ANDEREN, ids=[g.rol.value for g in ANDEREN])
def test_only_a_beheerder_may_manage_rounds(db, gebruiker):
    voor = table_checksum(db)
    for naam, actie in ACTIES.items():
        with pytest.raises(GeenToegang):
            with write_session(db) as s:
                actie(s, gebruiker)
        assert table_checksum(db) == voor, naam


# --------------------------------------------------------------------------------------------
# CLI


def test_cli_creates_lists_and_moves_rounds_with_exit_codes(db, monkeypatch, capsys):
    from monitor.__main__ import main

    monkeypatch.setenv("DATABASE_URL", db.url.render_as_string(hide_password=False))
    nieuw = ["ronde", "nieuw", "--jaar", "2099", "--van", "2024", "--peildatum", "2099-10-01"]
    nieuw += ["--open", "2099-09-01", "--sluit", "2099-11-15"]
    assert main(nieuw) == 0
    assert "Ronde 2099 aangemaakt (concept), 3 vragen gekopieerd uit ronde 2024" in (
        capsys.readouterr().out
    )
    assert main(nieuw) == 2
    assert "Ronde 2099 bestaat al" in capsys.readouterr().err
    slecht = [*nieuw[:3], "2098", *nieuw[4:7], "1-10-2098", *nieuw[8:]]
    assert main(slecht) == 2
    assert "De peildatum '1-10-2098' is geen datum" in capsys.readouterr().err
    assert main(["ronde", "status", "--jaar", "2099", "gesloten"]) == 2
    assert "de volgende stap is 'open'" in capsys.readouterr().err
    assert main(["ronde", "status", "--jaar", "2099", "open"]) == 0
    assert "Ronde 2099 staat nu op 'open'" in capsys.readouterr().out
    assert main(["ronde", "status", "--jaar", "2099", "dicht"]) == 2
    assert "Status 'dicht' bestaat niet" in capsys.readouterr().err
    assert main(["ronde", "lijst"]) == 0
    regels = capsys.readouterr().out.splitlines()
    assert regels[0].startswith("2024  gesloten") and regels[1].startswith("2099  open")
    assert "3 vragen, 3 antwoorden" in regels[0]
    with read_session(db) as s:
        assert queries.ronde_by_jaar(s, 2099).status == RondeStatus.OPEN
    assert ("ronde", "2099", "status", "concept", "open") in _audit(db)
