"""The Invullen page in AppTest, on a private copy of the demo database (it writes)."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from monitor import invoer
from monitor.db import read_session, write_session
from monitor.domain import BELEVING_STAM, Rol
from monitor.invullen import accounts
from monitor.invullen import antwoorden as invullen
from monitor.models import Antwoord, Inzending, Ronde, Vraag
from monitor.rechten import Gebruiker
from tests.app.conftest import open_page, page_text

ANNA = Gebruiker(Rol.INVULLER, "Test invuller", "GM0363")


@pytest.fixture
def schrijf_db(demo_kopie):
    """A private demo database: these tests save answers."""
    return demo_kopie


def _open_ronde(session) -> Ronde:
    return invullen.open_ronde(session)


def _vraag_id(engine, code: str) -> int:
    with read_session(engine) as session:
        ronde = _open_ronde(session)
        return session.exec(
            select(Vraag.id).where(Vraag.ronde_id == ronde.id, Vraag.code == code)
        ).one()


def _antwoord(engine, code: str) -> Antwoord | None:
    vraag_id = _vraag_id(engine, code)
    with read_session(engine) as session:
        return session.exec(
            select(Antwoord).where(
                Antwoord.vraag_id == vraag_id, Antwoord.organisatie_code == "GM0363"
            )
        ).first()


def _save_direct(engine, code, waarde, basis, wie=ANNA):
    with write_session(engine) as session:
        invullen.save_antwoord(
            session,
            wie,
            ronde=_open_ronde(session),
            organisatie_code="GM0363",
            vraag_id=_vraag_id(engine, code),
            waarde=waarde,
            toelichting=None,
            basis_versie=basis,
            nu=datetime.now(UTC),
        )


def test_an_answer_is_saved_the_moment_it_is_given_and_survives_a_reload(schrijf_db):
    at = open_page("pages/invullen.py", Rol.INVULLER, organisatie="GM0363")
    assert not at.exception
    assert "Amsterdam" in page_text(at)
    key = f"antwoord-GM0363-{_vraag_id(schrijf_db, 'GEM.1.01')}"
    at.radio(key=key).set_value("ja").run()
    assert not at.exception
    opgeslagen = _antwoord(schrijf_db, "GEM.1.01")
    assert (opgeslagen.waarde, opgeslagen.status, opgeslagen.versie) == ("ja", "concept", 1)
    # Another thema and back: still there. A new session (reload): still there.
    at.selectbox(key="stap").select(2).run()
    at.selectbox(key="stap").select(1).run()
    assert at.radio(key=key).value == "ja"
    herladen = open_page("pages/invullen.py", Rol.INVULLER, organisatie="GM0363")
    assert herladen.radio(key=key).value == "ja"
    assert "1 van" in " ".join(str(p.proto.text) for p in herladen.get("progress"))


def test_a_colleagues_save_in_between_shows_both_values_and_lets_me_choose(schrijf_db):
    at = open_page("pages/invullen.py", Rol.INVULLER, organisatie="GM0363")
    key = f"antwoord-GM0363-{_vraag_id(schrijf_db, 'GEM.1.01')}"
    _save_direct(schrijf_db, "GEM.1.01", "nee", 0, Gebruiker(Rol.INVULLER, "Bram", "GM0363"))
    at.radio(key=key).set_value("ja").run()
    waarschuwing = " ".join(w.value for w in at.warning)
    assert "Bram heeft dit antwoord intussen gewijzigd" in waarschuwing
    assert "Waarde van uw collega: **Nee**" in waarschuwing and "Uw waarde: **Ja**" in waarschuwing
    assert _antwoord(schrijf_db, "GEM.1.01").waarde == "nee"  # nothing overwritten
    at.button(key=f"eigen-{_vraag_id(schrijf_db, 'GEM.1.01')}").click().run()
    opgeslagen = _antwoord(schrijf_db, "GEM.1.01")
    assert (opgeslagen.waarde, opgeslagen.versie) == ("ja", 2)
    assert not at.warning or "intussen" not in " ".join(w.value for w in at.warning)


def _vul_verplichte_vragen_in(engine):
    with read_session(engine) as session:
        vragen = invullen.lees_vragenlijst(session, ANNA, _open_ronde(session), "GM0363")
    for vraag in invullen.ontbrekend(vragen):
        waarde = vraag.opties[0].code if vraag.opties else 10
        _save_direct(engine, vraag.code, waarde, vraag.versie)


def test_submitting_after_review_makes_the_answers_read_only(schrijf_db):
    at = open_page("pages/invullen.py", Rol.INVULLER, organisatie="GM0363", stap="0")
    assert "verplichte vragen zonder antwoord" in page_text(at)
    assert next(b for b in at.button if b.label == "Indienen").disabled
    _vul_verplichte_vragen_in(schrijf_db)
    at = open_page("pages/invullen.py", Rol.INVULLER, organisatie="GM0363", stap="0")
    indienen = next(b for b in at.button if b.label == "Indienen")
    assert indienen.disabled  # not before confirming
    at.checkbox[0].check().run()
    next(b for b in at.button if b.label == "Indienen").click().run()
    assert not at.exception
    assert "Ingediend op" in " ".join(s.value for s in at.success)
    uitleg = " ".join(i.value for i in at.info)
    assert "Benchmark" in uitleg and "na de sluitdatum" in uitleg
    assert _antwoord(schrijf_db, "GEM.1.01").status == "ingediend"
    at = open_page("pages/invullen.py", Rol.INVULLER, organisatie="GM0363", stap="1")
    key = f"antwoord-GM0363-{_vraag_id(schrijf_db, 'GEM.1.01')}"
    assert at.radio(key=key).disabled


def _ronde_jaar(engine) -> int:
    with read_session(engine) as session:
        return _open_ronde(session).jaar


def test_a_number_is_typed_in_dutch_and_a_value_outside_the_range_is_refused_naming_it(
    schrijf_db,
):
    at = open_page("pages/invullen.py", Rol.INVULLER, organisatie="GM0363", stap="3")
    key = f"antwoord-GM0363-{_vraag_id(schrijf_db, 'GEM.3.06')}"
    assert "toegestaan: van 0 tot en met 100" in page_text(at)
    at.text_input(key=key).input("2,5").run()
    assert not at.exception
    assert _antwoord(schrijf_db, "GEM.3.06").waarde == "2.5"
    at.text_input(key=key).input("-5").run()
    fout = " ".join(e.value for e in at.error).replace("\\", "")  # shown as plain text
    assert "-5 ligt buiten het toegestane bereik: van 0 tot en met 100" in fout
    assert _antwoord(schrijf_db, "GEM.3.06").waarde == "2.5"  # the refused value is not saved
    bedrag = f"antwoord-GM0363-{_vraag_id(schrijf_db, 'GEM.3.09')}"
    at.text_input(key=bedrag).input("1.234,5").run()
    assert _antwoord(schrijf_db, "GEM.3.09").waarde == "1234.5"
    assert "(in euro)? (bedrag in euro)" not in page_text(at)
    assert at.text_input(key=bedrag).placeholder == "Bedrag in euro, bijvoorbeeld 1.234,50"
    # A new session shows the stored numbers in Dutch notation.
    herladen = open_page("pages/invullen.py", Rol.INVULLER, organisatie="GM0363", stap="3")
    assert herladen.text_input(key=key).value == "2,5"
    assert herladen.text_input(key=bedrag).value == "1.234,5"


def test_volgende_and_vorige_lead_through_the_steps(schrijf_db):
    at = open_page("pages/invullen.py", Rol.INVULLER, organisatie="GM0363", stap="1")
    assert not [b for b in at.button if b.label.startswith("← Vorige")]
    volgende = next(b for b in at.button if b.label.startswith("Volgende: 2."))
    volgende.click().run()
    assert at.selectbox(key="stap").value == 2
    assert at.query_params["stap"] == "2"  # a link keeps the step
    next(b for b in at.button if b.label.startswith("← Vorige: 1.")).click().run()
    assert at.selectbox(key="stap").value == 1


def test_missing_answers_are_listed_with_their_text_and_a_button_to_their_step(schrijf_db):
    at = open_page("pages/invullen.py", Rol.INVULLER, organisatie="GM0363", stap="0")
    with read_session(schrijf_db) as session:
        vragen = invullen.lees_vragenlijst(session, ANNA, _open_ronde(session), "GM0363")
    eerste = invullen.ontbrekend(vragen)[0]
    assert eerste.tekst in [t.value for t in at.text]
    at.button(key=f"naar-{eerste.vraag_id}").click().run()
    assert at.selectbox(key="stap").value == eerste.thema_nr
    assert at.header[0].value.startswith(f"{eerste.thema_nr}.")


def test_the_sidebar_shows_the_round_being_filled_in_and_beleving_has_its_stem(schrijf_db):
    at = open_page("pages/invullen.py", Rol.INVULLER, organisatie="GM0363", stap="1")
    assert not [s for s in at.sidebar.selectbox if s.label == "Ronde"]
    zijbalk = " ".join(m.value for m in at.sidebar.markdown)
    assert f"U vult ronde {_ronde_jaar(schrijf_db)} in." in zijbalk
    assert BELEVING_STAM in " ".join(m.value for m in at.markdown)


def test_a_kijker_cannot_open_the_page_and_a_beheerder_chooses_the_organisation(schrijf_db):
    at = open_page("pages/invullen.py", Rol.KIJKER)
    assert "Geen toegang" in page_text(at) and not at.radio
    at = open_page("pages/invullen.py", Rol.BEHEERDER)
    at.selectbox(key="organisatie").select("GM0344").run()
    assert not at.exception
    assert "Utrecht" in page_text(at)


def test_a_beheerder_makes_an_invitation_link_that_creates_an_invuller_account(schrijf_db):
    at = open_page("pages/beheer.py", Rol.BEHEERDER, blad="Accounts")
    assert not at.exception
    naamveld = next(t for t in at.text_input if t.label == "Naam")
    assert naamveld.max_chars == invoer.ACCOUNTNAAM.max_tekens  # the one limit of a name
    uitnodiging_org = next(s for s in at.selectbox if s.label == "Organisatie")
    uitnodiging_org.select("GM0344")
    next(b for b in at.button if b.label == "Uitnodigingslink maken").click().run()
    assert not at.exception
    link = at.code[0].value
    assert "/inloggen?uitnodiging=" in link
    token = link.split("uitnodiging=")[1]

    nieuw = open_page("pages/inloggen.py", uitnodiging=token)
    assert [s.value for s in nieuw.subheader] == ["Account aanmaken voor Utrecht"]
    velden = {t.label: t for t in nieuw.text_input}
    assert velden["Uw naam"].max_chars == invoer.ACCOUNTNAAM.max_tekens
    velden["Uw naam"].input("Carla")
    velden["E-mailadres"].input("carla@utrecht.example")
    velden["Wachtwoord"].input("lang genoeg wachtwoord 1")
    velden["Herhaal het wachtwoord"].input("lang genoeg wachtwoord 1")
    next(b for b in nieuw.button if b.label == "Account aanmaken").click().run()
    assert not nieuw.exception
    assert nieuw.session_state["gebruiker"]["organisatie_code"] == "GM0344"

    opnieuw = open_page("pages/inloggen.py", uitnodiging=token)
    assert "al gebruikt" in page_text(opnieuw)


def test_sign_in_with_a_wrong_password_says_so_without_revealing_accounts(schrijf_db):
    at = open_page("pages/inloggen.py")
    velden = {t.label: t for t in at.text_input}
    velden["E-mailadres"].input("niemand@example.nl")
    velden["Wachtwoord"].input("wat dan ook 123")
    next(b for b in at.button if b.label == "Inloggen").click().run()
    assert "E-mailadres of wachtwoord onjuist." in page_text(at)
    assert "gebruiker" not in at.session_state


def _maak_account_met_wacht(engine, email: str, wachtwoord: str) -> None:
    """An account whose address must wait: an attacker burst just now, tried whenever allowed."""
    with write_session(engine) as session:
        accounts.maak_account(
            session,
            Gebruiker(Rol.BEHEERDER, "test", account_id=None),
            email=email,
            naam="Wachter",
            rol=Rol.KIJKER,
            organisatie_code=None,
            wachtwoord=wachtwoord,
            nu=datetime.now(UTC),
        )
    nu = datetime.now(UTC)
    for _ in range(4 * accounts.ADRES_VRIJ):  # whenever allowed: the wait grows to a minute
        resultaat = accounts.inloggen(engine, email, "verkeerd wachtwoord 1", nu)
        nu += timedelta(seconds=resultaat.wacht_seconden)


def test_sign_in_after_too_many_failures_asks_to_wait_and_a_beheerder_can_lift_it(schrijf_db):
    wachtwoord = "lang genoeg wachtwoord 1"
    _maak_account_met_wacht(schrijf_db, "wachter@example.nl", wachtwoord)
    at = open_page("pages/inloggen.py")
    velden = {t.label: t for t in at.text_input}
    velden["E-mailadres"].input("wachter@example.nl")
    velden["Wachtwoord"].input(wachtwoord)
    next(b for b in at.button if b.label == "Inloggen").click().run()
    assert "Te veel mislukte pogingen" in page_text(at)
    assert "gebruiker" not in at.session_state

    beheer = open_page("pages/beheer.py", Rol.BEHEERDER, blad="Accounts")
    keuze = next(s for s in beheer.selectbox if s.label.startswith("Account dat moet wachten"))
    assert keuze.format_func(keuze.value) == "wachter@example.nl"
    next(b for b in beheer.button if b.label == "Wachttijd opheffen").click().run()
    assert not beheer.exception
    assert accounts.inloggen(schrijf_db, "wachter@example.nl", wachtwoord, datetime.now(UTC)).gelukt


def test_each_status_and_ja_nee_option_says_what_it_means_this_round(schrijf_db):
    from monitor.domain import STATUSDEFINITIES_STANDAARD, StatusDefinitie
    from monitor.rondes import statusdefinities
    from monitor.ui.veilig import platte_tekst

    key = f"antwoord-GM0363-{_vraag_id(schrijf_db, 'GEM.1.01')}"  # a ja/nee question
    at = open_page("pages/invullen.py", Rol.INVULLER, organisatie="GM0363")
    assert list(at.radio(key=key).proto.captions) == [  # as plain text: punctuation escaped
        platte_tekst(STATUSDEFINITIES_STANDAARD["ja"]),
        platte_tekst(STATUSDEFINITIES_STANDAARD["nee"]),
    ]
    assert at.radio(key=key).proto.captions[0].startswith("Op de peildatum is er")
    with write_session(schrijf_db) as session:
        ronde = _open_ronde(session)
        eigen = [
            d if d.optie != "nee" else StatusDefinitie(
                "nee", "Nee", "Nog **niet** vastgesteld", "Ronde-uitleg 2025"
            )
            for d in statusdefinities.van_ronde(session, ronde)
        ]  # fmt: skip
        statusdefinities.bewaar(session, Gebruiker(Rol.BEHEERDER, "Bea"), ronde, eigen)
    at = open_page("pages/invullen.py", Rol.INVULLER, organisatie="GM0363")
    # the beheerder's wording, shown as typed (plain text: the asterisks are escaped)
    assert at.radio(key=key).proto.captions[1] == r"Nog \*\*niet\*\* vastgesteld"


def test_an_answer_ticked_voorlopig_is_saved_so_and_stays_ticked_after_a_reload(schrijf_db):
    at = open_page("pages/invullen.py", Rol.INVULLER, organisatie="GM0363")
    vraag_id = _vraag_id(schrijf_db, "GEM.1.01")
    at.radio(key=f"antwoord-GM0363-{vraag_id}").set_value("ja").run()
    vinkje = at.checkbox(key=f"voorlopig-GM0363-{vraag_id}")
    assert vinkje.label == "Antwoord op GEM.1.01 is voorlopig" and not vinkje.value
    vinkje.check().run()
    assert not at.exception
    opgeslagen = _antwoord(schrijf_db, "GEM.1.01")
    assert (opgeslagen.waarde, opgeslagen.voorlopig, opgeslagen.versie) == ("ja", True, 2)
    herladen = open_page("pages/invullen.py", Rol.INVULLER, organisatie="GM0363")
    assert herladen.checkbox(key=f"voorlopig-GM0363-{vraag_id}").value


def test_a_submission_ticked_voorlopig_is_stored_and_said_after_submitting(schrijf_db):
    _vul_verplichte_vragen_in(schrijf_db)
    at = open_page("pages/invullen.py", Rol.INVULLER, organisatie="GM0363", stap="0")
    at.checkbox[0].check()
    next(c for c in at.checkbox if c.label == "Deze indiening is voorlopig").check()
    at.run()
    next(b for b in at.button if b.label == "Indienen").click().run()
    assert not at.exception
    assert "als voorlopig" in " ".join(s.value for s in at.success)
    with read_session(schrijf_db) as session:
        inzending = session.get(Inzending, (_open_ronde(session).id, "GM0363"))
    assert inzending.status == "ingediend" and inzending.voorlopig
