"""'Wacht op': prerequisites not done, judged by the majority of each answering actortype."""

import pandas as pd

from monitor.kengetallen.afhankelijkheden import (
    afgeleid_per_afspraak,
    afgeronde_afspraken,
    afhankelijkheden_tabel,
    wacht_op,
    wacht_op_tekst,
)

VRAGEN = pd.DataFrame(
    [
        (1, "A7.01", "rijk", "afspraak", "janee"),
        (2, "A7.01", "vng", "afspraak", "status4"),
        (3, "A7.03", "rijk", "afspraak", "status4"),
        (4, "A7.14", "gemeente", "afspraak", "janee"),
        (5, "A3.07", "vng", "afspraak", "status4"),
        (6, None, "gemeente", "informatie", "keuze"),  # informational: no afspraak
    ],
    columns=["id", "afspraak_code", "actortype", "soort", "vraagtype"],
)


def _antwoorden(rijen):
    return pd.DataFrame(rijen, columns=["organisatie_code", "vraag_id", "waarde"])


def test_a_prerequisite_is_done_only_when_every_answering_actor_is_done():
    antwoorden = _antwoorden(
        [
            ("RIJK", 1, "ja"),
            ("VNG", 2, "mee_bezig"),  # A7.01: Rijk done, VNG not → not done
            ("RIJK", 3, "afgerond"),  # A7.03: done
            ("VNG", 5, "bijna_klaar"),  # A3.07: not done
        ]
    )
    assert afgeronde_afspraken(VRAGEN, antwoorden) == {
        "A7.01": False,
        "A7.03": True,
        "A3.07": False,
    }


def test_collective_actors_count_as_done_when_more_than_half_is_done():
    twee_van_drie = _antwoorden([("G1", 4, "ja"), ("G2", 4, "ja"), ("G3", 4, "nee")])
    half = _antwoorden([("G1", 4, "ja"), ("G2", 4, "nee")])
    assert afgeronde_afspraken(VRAGEN, twee_van_drie) == {"A7.14": True}
    assert afgeronde_afspraken(VRAGEN, half) == {"A7.14": False}  # exactly half is no majority


def test_wacht_op_lists_unfinished_prerequisites_and_skips_unknown_ones():
    afhankelijkheden = pd.DataFrame(
        [("A7.14", "A7.03"), ("A7.14", "A7.01"), ("A7.14", "A7.02"), ("A3.10", "A3.07")],
        columns=["afspraak_code", "hangt_af_van"],
    )
    afgerond = {"A7.01": False, "A7.03": True, "A3.07": False}  # A7.02: nobody answered
    assert wacht_op(afhankelijkheden=afhankelijkheden, afgerond=afgerond) == {
        "A3.10": ["A3.07"],
        "A7.14": ["A7.01"],
    }
    assert wacht_op(afhankelijkheden=afhankelijkheden, afgerond={}) == {}


def test_empty_round_waits_on_nothing():
    assert afgeronde_afspraken(VRAGEN, _antwoorden([])) == {}


def test_wacht_op_tekst_names_code_and_text():
    assert wacht_op_tekst(["A3.07"], {"A3.07": "De leidraad"}) == "wacht op A3.07 (De leidraad)"
    assert wacht_op_tekst([], {}) == ""


AFHANKELIJKHEDEN = pd.DataFrame(
    [
        ("A7.15", "A6.01", "afgeleid: de wet maakt regionale inkoop verplicht"),
        ("A4.04", "A7.11", "rapport §3.4 tabel, regels 347 en 358"),
    ],
    columns=["afspraak_code", "hangt_af_van", "bron"],
)
TEKSTEN = {"A7.15": "Regionaal inkopen.", "A6.01": "Wet in werking.", "A4.04": "Tarieven."}


def test_an_inferred_prerequisite_is_marked_afgeleid_and_a_stated_one_is_not():
    afgeleid = afgeleid_per_afspraak(AFHANKELIJKHEDEN)
    assert afgeleid == {"A7.15": {"A6.01"}}
    assert (
        wacht_op_tekst(["A6.01"], TEKSTEN, afgeleid=afgeleid["A7.15"])
        == "wacht op A6.01 (Wet in werking.) [afgeleid]"
    )
    assert wacht_op_tekst(["A7.11"], TEKSTEN) == "wacht op A7.11 (A7.11)"


def test_the_sources_table_lists_every_dependency_with_its_source():
    tabel = afhankelijkheden_tabel(AFHANKELIJKHEDEN, TEKSTEN)
    assert tabel.to_dict("records") == [
        {
            "afspraak": "A4.04 Tarieven.",
            "wacht_op": "A7.11 ",
            "bron": "rapport §3.4 tabel, regels 347 en 358",
        },
        {
            "afspraak": "A7.15 Regionaal inkopen.",
            "wacht_op": "A6.01 Wet in werking.",
            "bron": "[afgeleid] afgeleid: de wet maakt regionale inkoop verplicht",
        },
    ]
