"""The draft bevindingen of a small hand-made thema, with expectations computed by hand."""

from datetime import date

import pandas as pd

from monitor.kengetallen import bevindingen as bev

PEILDATUM = date(2025, 6, 30)
VRAGEN = pd.DataFrame(
    [  # id, thema, actortype, afspraak, vraagtype
        (1, 1, "rijk", "A1.01", "status4"),
        (2, 1, "vng", "A1.01", "status4"),
        (3, 1, "gemeente", "A1.02", "janee"),
    ],
    columns=["id", "thema_nr", "actortype", "afspraak_code", "vraagtype"],
).assign(soort="afspraak", volgorde=lambda t: t["id"])
AFSPRAKEN = pd.DataFrame(
    [("A1.01", 1, "Het Rijk en VNG doen A."), ("A1.02", 1, "Gemeenten doen B.")],
    columns=["code", "thema_nr", "tekst"],
)
PLANNING = pd.DataFrame(
    [  # A1.01 due end of 2024 (passed at the peildatum), A1.02 due in 2026
        ("A1.01", "klaar", date(2024, 12, 31), "Klaar Q4 2024", date(2024, 1, 1)),
        ("A1.02", "klaar", date(2026, 12, 31), "Klaar Q4 2026", date(2024, 1, 1)),
    ],
    columns=["afspraak_code", "soort", "datum", "tekst", "geldig_vanaf"],
)
AFHANKELIJK = pd.DataFrame(
    [("A1.02", "A1.01", "")], columns=["afspraak_code", "hangt_af_van", "bron"]
)


def _antwoorden(rijen) -> pd.DataFrame:
    frame = pd.DataFrame(rijen, columns=["organisatie_code", "vraag_id", "waarde"])
    return frame.assign(status="ingediend", toelichting="")


NU = _antwoorden(
    [
        ("RIJK", 1, "afgerond"),
        ("VNG", 2, "mee_bezig"),
        *[(f"GM{i}", 3, w) for i, w in enumerate(["ja", "ja", "ja", "nee"])],
    ]
)
VORIG = _antwoorden([(f"GM{i}", 3, w) for i, w in enumerate(["ja", "nee", "nee", "nee"])])


def _zinnen(peildatum: date = PEILDATUM, **vorig) -> list[bev.Zin]:
    return bev.bevindingen(
        thema_nr=1,
        vragen=VRAGEN,
        antwoorden=NU,
        planning=PLANNING,
        afspraken=AFSPRAKEN,
        afhankelijkheden=AFHANKELIJK,
        peildatum=peildatum,
        **vorig,
    )


def test_first_round_draft_reads_as_computed_by_hand():
    # Rijk 1/1 gereed; VNG 0/1; gemeenten 3 of 4 'ja' = 75%. A1.01 passed: Rijk is done
    # (afgerond), VNG is behind -> 1 of 2 behind. Rijk 'Afgerond' vs VNG 'Mee bezig' differ.
    # A1.01 is not done for VNG (0% > 50% fails), so A1.02 waits on it. No previous round.
    assert [z.tekst for z in _zinnen()] == [
        "Het Rijk geeft aan 1 van de 1 afspraak in dit thema te hebben afgerond (100%).",
        "VNG geeft aan 0 van de 1 afspraak in dit thema te hebben afgerond (0%).",
        "De gemeenten antwoorden bij 3 van de 4 antwoorden op de afspraken (75%) dat de "
        "afspraak is afgerond.",
        "Op de peildatum is 1 van de 2 afspraak-vragen met een verstreken deadline achter op "
        "planning.",
        "Bij VNG gaat het om 1 van de 1.",
        "Bij afspraak A1.01 verschillen de actoren: Rijk 'Afgerond' en VNG 'Mee bezig'.",
        "1 afspraak wacht op een andere afspraak die nog niet is afgerond: A1.02 (wacht op A1.01).",
    ]


def test_each_sentence_names_its_figure_parameters_and_values():
    zinnen = _zinnen()
    assert zinnen[2].herkomst == bev.Herkomst(
        bev.GEREED,
        (("thema_nr", 1), ("actortype", "gemeente")),
        (("gereed", 3), ("totaal", 4), ("percentage", 75.0)),
    )
    assert zinnen[3].herkomst.waarden == (("achter", 1), ("verstreken", 2))
    assert zinnen[3].herkomst.regel() == (
        "planning.achter_per(thema_nr=1, peildatum=2025-06-30): achter=1, verstreken=2"
    )
    assert (
        bev.bronnen_tekst(zinnen)
        .splitlines()[0]
        .startswith("1. gereed.aandeel_gereed_per(thema_nr=1, actortype=rijk): gereed=1, totaal=1")
    )


def test_change_since_the_previous_round_per_actor_present_in_both():
    # gemeenten: voortgangsindex 25 (1 of 4 'ja') -> 75 (3 of 4): +50; Rijk and VNG were not
    # asked before, so no sentence about them.
    verandering = [
        z
        for z in _zinnen(vragen_vorig=VRAGEN, antwoorden_vorig=VORIG)
        if z.herkomst.figuur == bev.VERANDERING
    ]
    assert [z.tekst for z in verandering] == [
        "De voortgangsindex (0–100) van de gemeenten ging van 25 in de vorige ronde naar 75 (+50)."
    ]


def test_a_thema_without_a_passed_deadline_says_so_without_numbers():
    achter = [z for z in _zinnen(date(2024, 6, 30)) if z.herkomst.figuur == bev.ACHTER]
    assert [z.tekst for z in achter] == [
        "Op de peildatum was in dit thema nog geen deadline verstreken."
    ]
