"""The write path of filling in (SQLite and PostgreSQL): rights, versions, submit, audit."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from monitor.db import read_session, write_session
from monitor.errors import GeenToegang, MonitorFout
from monitor.invullen import antwoorden as invullen
from monitor.models import Antwoord, AuditRegel, Inzending, Ronde
from monitor.store import antwoorden as antwoorden_store
from tests.db.invul_fixtures import (
    AMSTERDAM,
    BEHEERDER,
    COLLEGA,
    KIJKER,
    NU,
    UTRECHT,
    maak_open_ronde,
)
from tests.utils.db import table_checksum


@pytest.fixture
def open_ronde(engine):
    return maak_open_ronde(engine)


def _save(engine, gebruiker, vraag_id, waarde, basis, toelichting=None, org="GM0363", nu=NU):
    with write_session(engine) as session:
        ronde = session.exec(select(Ronde).where(Ronde.jaar == 2025)).one()
        return invullen.save_antwoord(
            session,
            gebruiker,
            ronde=ronde,
            organisatie_code=org,
            vraag_id=vraag_id,
            waarde=waarde,
            toelichting=toelichting,
            basis_versie=basis,
            nu=nu,
        )


def _vragenlijst(engine, gebruiker=AMSTERDAM, org="GM0363"):
    with read_session(engine) as session:
        ronde = session.exec(select(Ronde).where(Ronde.jaar == 2025)).one()
        return {v.code: v for v in invullen.lees_vragenlijst(session, gebruiker, ronde, org)}


def test_an_invuller_saves_and_changes_an_answer_and_every_change_is_audited(engine, open_ronde):
    vraag = open_ronde.vraag_ids["GEM.4.01"]
    assert _save(engine, AMSTERDAM, vraag, "mee_bezig", 0, "Eerste gesprekken gevoerd") == 1
    assert _save(engine, AMSTERDAM, vraag, "afgerond", 1, "Eerste gesprekken gevoerd") == 2
    opgeslagen = _vragenlijst(engine)["GEM.4.01"]
    assert (opgeslagen.waarde, opgeslagen.versie) == ("afgerond", 2)
    with read_session(engine) as session:
        audit = session.exec(select(AuditRegel).order_by(AuditRegel.id)).all()
    wijzigingen = [
        (a.sleutel, a.veld, a.oud, a.nieuw, a.door) for a in audit if a.bron == "invullen"
    ]
    assert wijzigingen == [
        ("2025/GM0363/GEM.4.01", "waarde", None, "mee_bezig", "Anna (Amsterdam)"),
        (
            "2025/GM0363/GEM.4.01",
            "toelichting",
            None,
            "Eerste gesprekken gevoerd",
            "Anna (Amsterdam)",
        ),
        ("2025/GM0363/GEM.4.01", "waarde", "mee_bezig", "afgerond", "Anna (Amsterdam)"),
    ]


def test_saving_the_same_value_again_changes_nothing(engine, open_ronde):
    vraag = open_ronde.vraag_ids["GEM.4.01"]
    _save(engine, AMSTERDAM, vraag, "mee_bezig", 0)
    voor = table_checksum(engine)
    assert _save(engine, AMSTERDAM, vraag, "mee_bezig", 1) == 1
    assert table_checksum(engine) == voor


@pytest.mark.parametrize(
    ("gebruiker", "org"),
    [(UTRECHT, "GM0363"), (KIJKER, "GM0363"), (AMSTERDAM, "GM0344")],
    ids=["invuller-andere-gemeente", "kijker", "invuller-voor-ander"],
)
def test_the_save_function_refuses_other_organisations_and_kijkers(
    engine, open_ronde, gebruiker, org
):
    vraag = open_ronde.vraag_ids["GEM.4.01"]
    voor = table_checksum(engine)
    with pytest.raises(GeenToegang, match="Geen toegang"):
        _save(engine, gebruiker, vraag, "afgerond", 0, org=org)
    assert table_checksum(engine) == voor


def test_reading_another_organisations_answers_is_refused_for_an_invuller(engine, open_ronde):
    with pytest.raises(GeenToegang, match="eigen organisatie"):
        _vragenlijst(engine, UTRECHT, "GM0363")
    assert "GEM.4.01" in _vragenlijst(engine, KIJKER, "GM0363")


def test_a_stale_save_is_refused_with_the_colleagues_value(engine, open_ronde):
    vraag = open_ronde.vraag_ids["GEM.4.01"]
    _save(engine, AMSTERDAM, vraag, "mee_bezig", 0)
    # Anna and Bram both opened the page at versie 1; Bram saves first.
    _save(engine, COLLEGA, vraag, "bijna_klaar", 1, "Bram: plan ligt er")
    voor = table_checksum(engine)
    with pytest.raises(invullen.VersieConflict) as conflict:
        _save(engine, AMSTERDAM, vraag, "afgerond", 1)
    assert (conflict.value.waarde, conflict.value.versie) == ("bijna_klaar", 2)
    assert conflict.value.door == "Bram (Amsterdam)"
    assert "intussen door Bram (Amsterdam) gewijzigd" in str(conflict.value)
    assert table_checksum(engine) == voor
    # Anna chooses her own value, knowingly, on top of Bram's versie.
    assert _save(engine, AMSTERDAM, vraag, "afgerond", 2) == 3


def test_wrong_values_are_refused_naming_the_question(engine, open_ronde):
    status = open_ronde.vraag_ids["GEM.4.01"]
    percentage = open_ronde.vraag_ids["GEM.3.06"]  # 0..100
    with pytest.raises(
        invullen.WaardeFout, match=r"GEM\.4\.01: 'klaar' is geen antwoordmogelijkheid"
    ):
        _save(engine, AMSTERDAM, status, "klaar", 0)
    with pytest.raises(
        invullen.WaardeFout,
        match=r"GEM\.3\.06: 120 ligt buiten het toegestane bereik: van 0 tot en met 100",
    ):
        _save(engine, AMSTERDAM, percentage, 120, 0)
    with pytest.raises(invullen.WaardeFout, match=r"GEM\.3\.06: '2\.5' is dubbelzinnig"):
        _save(engine, AMSTERDAM, percentage, "2.5", 0)
    assert _save(engine, AMSTERDAM, percentage, 42.0, 0) == 1
    assert _vragenlijst(engine)["GEM.3.06"].waarde == "42"


@pytest.mark.parametrize(
    ("code", "getypt", "bewaard"),
    [
        ("GEM.3.06", "2,5", "2.5"),
        ("GEM.3.09", "1.234,5", "1234.5"),
        ("GEM.3.09", "€ 1.200", "1200"),
    ],
)
def test_a_number_typed_in_dutch_is_stored_as_its_value(engine, open_ronde, code, getypt, bewaard):
    assert _save(engine, AMSTERDAM, open_ronde.vraag_ids[code], getypt, 0) == 1
    assert _vragenlijst(engine)[code].waarde == bewaard


def test_after_the_sluitdatum_only_a_beheerder_can_save(engine, open_ronde):
    vraag = open_ronde.vraag_ids["GEM.4.01"]
    na_sluiting = NU.replace(month=7, day=1)
    with pytest.raises(MonitorFout, match="sluitdatum \\(30-06-2025\\) is voorbij"):
        _save(engine, AMSTERDAM, vraag, "afgerond", 0, nu=na_sluiting)
    assert _save(engine, BEHEERDER, vraag, "afgerond", 0, nu=na_sluiting) == 1


def _vul_alles_in(engine, open_ronde):
    vragen = _vragenlijst(engine)
    waarden = {v.code: v.waarde for v in vragen.values()}
    for vraag in vragen.values():
        if not vraag.verplicht or not invullen.zichtbaar(vraag, waarden):
            continue
        if vraag.opties:
            waarde = vraag.opties[0].code
        elif vraag.vraagtype in ("getal", "bedrag"):
            waarde = 10
        else:
            waarde = "tekst"
        _save(engine, AMSTERDAM, vraag.vraag_id, waarde, vraag.versie)
        waarden[vraag.code] = waarde


def _indienen(engine, gebruiker=AMSTERDAM):
    with write_session(engine) as session:
        ronde = session.exec(select(Ronde).where(Ronde.jaar == 2025)).one()
        return invullen.indienen(session, gebruiker, ronde=ronde, organisatie_code="GM0363", nu=NU)


def test_submitting_needs_every_required_question_then_locks_until_reopened(engine, open_ronde):
    with pytest.raises(
        MonitorFout, match=r"Nog niet alle verplichte vragen zijn beantwoord \(\d+ open"
    ):
        _indienen(engine)
    _vul_alles_in(engine, open_ronde)
    assert _indienen(engine) > 0
    with read_session(engine) as session:
        inzending = session.get(Inzending, (open_ronde.ronde_id, "GM0363"))
        statussen = set(
            session.exec(
                select(Antwoord.status).where(
                    Antwoord.organisatie_code == "GM0363", Antwoord.ronde_id == open_ronde.ronde_id
                )
            )
        )
    assert inzending.status == "ingediend" and statussen == {"ingediend"}
    vraag = _vragenlijst(engine)["GEM.4.01"]
    with pytest.raises(MonitorFout, match="ingediend en kunnen niet meer worden gewijzigd"):
        _save(engine, AMSTERDAM, vraag.vraag_id, "afgerond", vraag.versie)
    with write_session(engine) as session, pytest.raises(GeenToegang):
        ronde = session.get(Ronde, open_ronde.ronde_id)
        invullen.heropenen(session, AMSTERDAM, ronde=ronde, organisatie_code="GM0363", nu=NU)
    with write_session(engine) as session:
        ronde = session.get(Ronde, open_ronde.ronde_id)
        invullen.heropenen(session, BEHEERDER, ronde=ronde, organisatie_code="GM0363", nu=NU)
    assert _save(engine, AMSTERDAM, vraag.vraag_id, "afgerond", vraag.versie) == vraag.versie + 1


def test_a_closed_round_cannot_be_filled_in(engine, open_ronde):
    with write_session(engine) as session:
        session.get(Ronde, open_ronde.ronde_id).status = "gesloten"
    with pytest.raises(MonitorFout, match="Ronde 2025 is niet open"):
        _save(engine, AMSTERDAM, open_ronde.vraag_ids["GEM.4.01"], "afgerond", 0)


def test_last_rounds_answer_and_the_planning_are_shown_with_each_question(engine, open_ronde):
    vragen = _vragenlijst(engine)
    assert vragen["GEM.4.01"].vorig_antwoord == "Mee bezig"
    assert vragen["GEM.1.01"].vorig_antwoord is None
    rijk = _vragenlijst(engine, KIJKER, "RIJK")
    assert rijk["RIJK.1.02"].planning == "Klaar Q1 2024 (Hervormingsagenda/Implementatieplan)"


def test_a_conditional_question_counts_only_once_it_is_asked(engine, open_ronde):
    def thema_2():
        voortgang = invullen.invulvoortgang(list(_vragenlijst(engine).values()))
        return next((t.beantwoord, t.totaal) for t in voortgang if t.thema_nr == 2)

    assert _vragenlijst(engine)["GEM.2.02"].toon_als == "GEM.2.01=ja"
    assert thema_2() == (0, 3)  # GEM.2.01, 2.04 and B.2; 2.02 and 2.03 follow a "ja"
    _save(engine, AMSTERDAM, open_ronde.vraag_ids["GEM.2.01"], "ja", 0)
    assert thema_2() == (1, 5)


def test_open_ronde_is_the_newest_open_round(engine, open_ronde):
    with read_session(engine) as session:
        assert invullen.open_ronde(session).jaar == 2025


def test_sluitdatum_of_today_still_allows_saving(engine):
    ids = maak_open_ronde(engine, sluit_datum=NU.date()).vraag_ids
    assert _save(engine, AMSTERDAM, ids["GEM.4.01"], "afgerond", 0) == 1
    with pytest.raises(MonitorFout, match="sluitdatum"):
        _save(engine, AMSTERDAM, ids["GEM.1.01"], "afgerond", 0, nu=NU + timedelta(days=1))
    assert date(2025, 5, 1) == NU.date()


def _overzicht_2025(engine, monkeypatch, capsys) -> dict:
    import json

    from monitor.__main__ import main

    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    capsys.readouterr()
    assert main(["overzicht", "--ronde", "2025", "--json"]) == 0
    uitkomst = json.loads(capsys.readouterr().out)
    return next(v for v in uitkomst["vragen"] if v["code"] == "GEM.4.01")


def test_national_figures_count_an_answer_only_once_it_is_submitted(
    engine, open_ronde, monkeypatch, capsys
):
    _vul_alles_in(engine, open_ronde)
    concept = _overzicht_2025(engine, monkeypatch, capsys)
    assert sum(v["aantal"] for v in concept.get("verdeling", [])) == 0  # concept: not yet
    _indienen(engine)
    vraag = _overzicht_2025(engine, monkeypatch, capsys)
    assert vraag["n"] == 1
    assert [(v["optie"], v["aantal"]) for v in vraag["verdeling"] if v["aantal"]] == [
        ("nog_niet_begonnen", 1)
    ]


def test_who_submitted_follows_submitting_and_reopening(engine, open_ronde):
    """The one "who submitted" (benchmark, beheer page, import): an organisation counts from
    its submission until a beheerder reopens it; saved concept answers do not count."""

    def ingediend() -> frozenset[str]:
        with read_session(engine) as session:
            return antwoorden_store.ingediende_organisaties(session, open_ronde.ronde_id)

    _save(engine, UTRECHT, open_ronde.vraag_ids["GEM.4.01"], "mee_bezig", 0, org="GM0344")
    assert ingediend() == frozenset()
    _vul_alles_in(engine, open_ronde)
    _indienen(engine)
    assert ingediend() == {"GM0363"}
    with write_session(engine) as session:
        ronde = session.get(Ronde, open_ronde.ronde_id)
        invullen.heropenen(session, BEHEERDER, ronde=ronde, organisatie_code="GM0363", nu=NU)
    assert ingediend() == frozenset()


def _save_voorlopig(engine, vraag_id, waarde, basis, voorlopig):
    with write_session(engine) as session:
        ronde = session.exec(select(Ronde).where(Ronde.jaar == 2025)).one()
        return invullen.save_antwoord(
            session,
            AMSTERDAM,
            ronde=ronde,
            organisatie_code="GM0363",
            vraag_id=vraag_id,
            waarde=waarde,
            toelichting="Nog af te stemmen",
            basis_versie=basis,
            nu=NU,
            voorlopig=voorlopig,
        )


def test_an_answer_marked_voorlopig_keeps_the_mark_until_unmarked_and_is_audited(
    engine, open_ronde
):
    vraag = open_ronde.vraag_ids["GEM.4.01"]
    assert _save_voorlopig(engine, vraag, "mee_bezig", 0, True) == 1
    assert _vragenlijst(engine)["GEM.4.01"].voorlopig is True
    # a save that does not mention the mark (another widget) keeps it
    assert _save(engine, AMSTERDAM, vraag, "afgerond", 1, "Nog af te stemmen") == 2
    assert _vragenlijst(engine)["GEM.4.01"].voorlopig is True
    # only unticking is a change of its own: a new versie
    assert _save_voorlopig(engine, vraag, "afgerond", 2, False) == 3
    assert _vragenlijst(engine)["GEM.4.01"].voorlopig is False
    with pytest.raises(invullen.VersieConflict):
        _save_voorlopig(engine, vraag, "afgerond", 1, True)
    with read_session(engine) as session:
        regels = session.exec(
            select(AuditRegel.oud, AuditRegel.nieuw).where(AuditRegel.veld == "voorlopig")
        ).all()
    assert [tuple(r) for r in regels] == [("nee", "ja"), ("ja", "nee")]


def test_a_submission_marked_voorlopig_is_stored_and_cleared_by_a_definitive_one(
    engine, open_ronde
):
    _vul_alles_in(engine, open_ronde)
    with write_session(engine) as session:
        ronde = session.exec(select(Ronde).where(Ronde.jaar == 2025)).one()
        invullen.indienen(
            session, AMSTERDAM, ronde=ronde, organisatie_code="GM0363", nu=NU, voorlopig=True
        )
    with read_session(engine) as session:
        assert session.get(Inzending, (open_ronde.ronde_id, "GM0363")).voorlopig is True
        assert antwoorden_store.aantal_voorlopig_ingediend(session, open_ronde.ronde_id) == 1
    with write_session(engine) as session:
        ronde = session.exec(select(Ronde).where(Ronde.jaar == 2025)).one()
        invullen.heropenen(session, BEHEERDER, ronde=ronde, organisatie_code="GM0363", nu=NU)
    _indienen(engine)
    with read_session(engine) as session:
        assert session.get(Inzending, (open_ronde.ronde_id, "GM0363")).voorlopig is False
        assert antwoorden_store.aantal_voorlopig_ingediend(session, open_ronde.ronde_id) == 0
