"""Slides, decks and note checks of the reflectiesessie, on small hand-made frames."""

import io
from datetime import date

import pandas as pd
import pytest
from pptx import Presentation
from pptx.enum.dml import MSO_FILL

from monitor.errors import MonitorFout
from monitor.rapportage.pptx_export import bouw_pptx
from monitor.rechten import controleer_notitie
from monitor.reflectie import dias as reflectie

VRAGEN = pd.DataFrame(
    [
        # id, code, actortype, thema_nr, afspraak_code, soort, vraagtype, tekst, volgorde
        (
            1,
            "REG.4.01",
            "regio",
            4,
            "A4.06",
            "afspraak",
            "status4",
            "Onze regio heeft een plan.",
            1,
        ),
        (2, "REG.4.02", "regio", 4, "A4.07", "afspraak", "status4", "Onze regio investeert.", 2),
        (3, "RIJK.4.01", "rijk", 4, "A4.01", "afspraak", "janee", "Het Rijk stimuleert.", 3),
        (4, "GEM.B.01", "gemeente", 1, None, "beleving", "likert5", "Normaliseren.", 4),
    ],
    columns=[
        "id",
        "code",
        "actortype",
        "thema_nr",
        "afspraak_code",
        "soort",
        "vraagtype",
        "tekst",
        "volgorde",
    ],
)


def _antwoorden(rijen):
    return pd.DataFrame(
        [(org, vraag, waarde, None, "ingediend") for org, vraag, waarde in rijen],
        columns=["organisatie_code", "vraag_id", "waarde", "toelichting", "status"],
    )


ANTWOORDEN = _antwoorden(
    [
        ("JZ01", 1, "afgerond"),
        ("JZ02", 1, "afgerond"),
        ("JZ03", 1, "mee_bezig"),
        ("JZ04", 1, "nog_niet_begonnen"),
        ("JZ01", 2, "afgerond"),
        ("JZ02", 2, "mee_bezig"),
        ("JZ03", 2, "mee_bezig"),
        ("JZ04", 2, "bijna_klaar"),
        ("RIJK", 3, "nee"),
        ("GM01", 4, "volledig"),
        ("GM02", 4, "enigszins"),
    ]
)


def _bron(planning=None, peildatum=date(2024, 6, 30)):
    leeg_planning = pd.DataFrame(
        columns=["afspraak_code", "soort", "datum", "tekst", "bron", "geldig_vanaf"]
    )
    return reflectie.Bron(
        jaar=2024,
        titel="Monitor 2024",
        peildatum=peildatum,
        organisaties=pd.DataFrame(
            [("JZ01", "regio"), ("RIJK", "rijk"), ("GM01", "gemeente")],
            columns=["code", "actortype"],
        ),
        vragen=VRAGEN,
        antwoorden=ANTWOORDEN,
        themas=pd.DataFrame([(1, "Reikwijdte"), (4, "Residentieel")], columns=["nr", "titel"]),
        planning=leeg_planning if planning is None else planning,
        afspraken=pd.DataFrame(
            [
                ("A4.06", 4, "Afgestemd plan"),
                ("A4.07", 4, "Investeren"),
                ("A4.01", 4, "Stimuleren"),
            ],
            columns=["code", "thema_nr", "tekst"],
        ),
    )


def test_thema_slide_counts_every_answer_per_actor_and_names_the_most_finished_afspraak():
    dia = reflectie.thema_voortgang_dia(_bron(), 4)
    assert dia.sleutel == "thema-4-voortgang"
    assert dia.categorieen == ["Rijk", "Jeugdregio's"]  # Hervormingsagenda order
    # Regio's gave 8 answers: 3 afgerond, 3 mee bezig, 1 bijna klaar, 1 nog niet begonnen.
    assert dia.waarden("afgerond") == [0.0, 37.5]
    assert dia.waarden("mee_bezig") == [0.0, 37.5]
    assert dia.waarden("nog_niet_begonnen") == [100.0, 12.5]  # the Rijk's 'nee' counts here
    # Question 1: 2 of 4 regio's afgerond (50%) beats question 2 (1 of 4).
    assert dia.kernboodschap == (
        "50% van de jeugdregio's antwoordt 'afgerond' op: Onze regio heeft een plan."
    )


def test_beleving_slide_names_the_statement_with_the_most_volledig():
    dia = reflectie.beleving_dia(_bron(), "gemeente")
    assert dia.waarden("volledig") == [50.0]
    assert dia.kernboodschap.startswith("50% van de gemeenten vindt de beweging volledig")


def test_deadline_passed_is_judged_on_the_peildatum():
    planning = pd.DataFrame(
        [
            ("A4.06", "start", date(2024, 3, 31), "Start Q1 2024", "IP", date(2023, 1, 1)),
            ("A4.07", "klaar", date(2024, 6, 30), "Klaar Q2 2024", "IP", date(2023, 1, 1)),
            ("A4.01", "klaar", date(2024, 9, 30), "Klaar Q3 2024", "IP", date(2023, 1, 1)),
        ],
        columns=["afspraak_code", "soort", "datum", "tekst", "bron", "geldig_vanaf"],
    )
    tabel = reflectie.planning_op_peildatum(_bron(planning))
    verstreken = dict(zip(tabel["afspraak_code"], tabel["verstreken"], strict=True))
    # On the peildatum itself counts as passed; a start date is no deadline.
    assert verstreken == {"A4.01": "Nee", "A4.06": "n.v.t. (startdatum)", "A4.07": "Ja"}
    zonder = reflectie.planning_op_peildatum(_bron(planning, peildatum=None))
    assert set(zonder["verstreken"]) == {"–"}


def test_every_export_header_names_round_peildatum_and_self_reporting():
    regels = "\n".join(reflectie.kopregels(_bron()))
    assert "Ronde 2024" in regels
    assert "30 juni 2024" in regels
    assert "zonder feitelijke controle" in regels


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("Mail j.jansen@gemeente.nl voor details", "e-mailadres"),
        ("Bel 06-12345678 voor de cijfers", "telefoonnummer"),
        ("Bel 020 123 4567", "telefoonnummer"),
        ("+31 6 12345678 weet het", "telefoonnummer"),
        ("Volgens mevr. Jansen klopt dit niet", "persoonsnaam"),
        ("De heer Pietersen neemt het op", "persoonsnaam"),
        ("   ", "leeg"),
    ],
)
def test_notes_with_contact_details_or_names_are_refused(tekst, melding):
    with pytest.raises(MonitorFout, match=melding):
        controleer_notitie(tekst)


@pytest.mark.parametrize(
    "tekst",
    [
        "Regio's herkennen het beeld; wachten op wetgeving in 2025.",
        "51% afgerond, maar de uitvoering loopt achter (Q2 2024).",
        "VNG en Rijk bespreken het verschil vóór 1 oktober.",
    ],
)
def test_ordinary_notes_pass(tekst):
    assert controleer_notitie(f"  {tekst} ") == tekst


def _twee_rondes() -> reflectie.Bron:
    """2023: the regio's 2 answers on thema 4 are not done (0%); 2024: 3 of 8 afgerond."""
    vorig = reflectie.koers_mod.Meting(
        2023,
        date(2023, 6, 30),
        VRAGEN,
        _antwoorden([("JZ01", 1, "mee_bezig"), ("JZ02", 1, "nog_niet_begonnen")]),
    )
    return reflectie.Bron(**{**_bron().__dict__, "eerdere": (vorig,)})


def test_op_koers_slide_projects_the_regios_thema_from_two_rounds():
    # 0% → 37.5%: 37.5 points in 366 days (leap year), 62.5 left → exactly 610 days →
    # 02-03-2026.
    dia = reflectie.koers_dia(_twee_rondes())
    assert dia.sleutel == "op-koers" and dia.soort == reflectie.BEREIK
    assert dia.bereik["rij"].tolist() == ["Jeugdregio's, thema 4"]  # the Rijk is not on it
    assert dia.bereik["vroegst"].tolist() == [date(2026, 3, 2)]
    assert dia.categorieen == ["Jeugdregio's, thema 4"]
    assert dia.waarden(reflectie.VERBORGEN) == [pytest.approx(610 / 365.25)]
    assert dia.kernboodschap.startswith("Bij het tempo tussen de rondes is 1 van de 1 ")
    assert "op koers" in [naam for _code, naam in dia.reeksen]


def test_op_koers_slide_is_left_out_with_a_single_round():
    bron = _bron()
    assert reflectie.koers_dia(bron).tabel.empty
    assert "op-koers" not in [d.sleutel for d in reflectie.catalogus(bron)]


def test_op_koers_slide_in_powerpoint_is_a_native_range_with_a_hidden_offset():
    bron = _twee_rondes()
    prs = Presentation(io.BytesIO(bouw_pptx(bron, [reflectie.koers_dia(bron)], None)))
    grafiek = next(v.chart for s in prs.slides for v in s.shapes if v.has_chart)
    offset, bereik = grafiek.series
    assert offset.values == pytest.approx((610 / 365.25,))
    assert offset.format.fill.type == MSO_FILL.BACKGROUND  # not drawn
    assert bereik.name == "op koers"
    assert not grafiek.plots[0].has_data_labels


def test_a_key_message_cut_short_ends_after_a_whole_word():
    from monitor.reflectie.dias import _zin

    tekst = "Rijk en VNG hebben uitgewerkt hoe betere samenwerking tussen jeugdhulp en ggz werkt."
    assert _zin(tekst, 60) == "Rijk en VNG hebben uitgewerkt hoe betere samenwerking…"
    assert _zin("Onze regio heeft een plan.", 60) == "Onze regio heeft een plan."


def test_a_slide_is_named_without_building_it_as_it_names_itself():
    bron = _twee_rondes()
    dias = reflectie.catalogus(bron)
    assert {d.sleutel for d in dias} >= {"respons", "thema-4-voortgang", "op-koers"}
    for dia in dias:
        assert reflectie.dia_titel(dia.sleutel, 2024, bron.themas) == dia.titel
    assert reflectie.dia_titel("thema-4-voortgang", 2023, bron.themas) == (
        "Thema 4. Residentieel: voortgang per actor"
    )
    assert reflectie.dia_titel("beleving-regio", 2023, bron.themas) == (
        "Jeugdregio's: beleving van de beweging per thema, ronde 2023"
    )
    assert reflectie.dia_titel("weg-uit-het-deck", 2024, bron.themas) == "weg-uit-het-deck"
