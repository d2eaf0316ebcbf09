"""Verschillen tussen actoren, with hand-made answers."""

import pandas as pd

from monitor.domain import Rol
from monitor.kengetallen.verschillen import verschillen
from monitor.rechten import GEEN_ZICHT, Gebruiker, RondeInstellingen, zicht_per_actortype
from monitor.store.lezen import ANTWOORD_KOLOMMEN, VRAAG_KOLOMMEN


def _vraag(id_, actortype, afspraak, vraagtype="janee"):
    return (
        id_,
        f"{actortype}.{id_}",
        actortype,
        2,
        afspraak,
        "afspraak",
        vraagtype,
        "t",
        "",
        "",
        id_,
        None,
    )


VRAGEN = pd.DataFrame(
    [
        _vraag(1, "rijk", "A2.02"),
        _vraag(2, "vng", "A2.02"),
        _vraag(3, "rijk", "A2.01", "status4"),
        _vraag(4, "vng", "A2.01", "status4"),
        _vraag(5, "rijk", "A7.04"),
        _vraag(6, "vng", "A7.04", "status4"),
        _vraag(7, "gemeente", "A2.02"),
    ],
    columns=VRAAG_KOLOMMEN,
)
KIJKER = Gebruiker(rol=Rol.KIJKER, naam="k")
ORGANISATIES = pd.DataFrame(
    {
        "code": ["RIJK", "VNG", "GM1"],
        "naam": ["Rijk", "VNG", "Een"],
        "actortype": ["rijk", "vng", "gemeente"],
        "niet_noemen": False,
    }
)


def _zicht(gebruiker, zichtbaarheid="genoemd", ingediend=("RIJK", "VNG")):
    return zicht_per_actortype(
        gebruiker,
        instellingen=RondeInstellingen(1, 2025, zichtbaarheid, True),
        organisaties=ORGANISATIES,
        ingediend=set(ingediend),
    )


KIJKER_ZICHT = _zicht(KIJKER)
AFSPRAKEN = pd.DataFrame({"code": ["A2.01", "A2.02", "A7.04"], "tekst": ["Ond", "GGZ", "Tijd"]})


def _antwoorden(rijen):
    return pd.DataFrame(
        [(org, vraag, waarde, toel, "ingediend", False) for org, vraag, waarde, toel in rijen],
        columns=ANTWOORD_KOLOMMEN,
    )


def test_only_differing_shared_afspraken_are_listed_with_both_answers():
    antwoorden = _antwoorden(
        [
            ("RIJK", 1, "ja", "Uitgewerkt."),
            ("VNG", 2, "nee", "Ligt bij het Rijk."),
            ("RIJK", 3, "mee_bezig", None),
            ("VNG", 4, "mee_bezig", None),  # the same: not listed
            ("RIJK", 5, "ja", None),
            ("VNG", 6, "afgerond", None),  # ja = afgerond: not listed
            ("GM1", 7, "nee", None),  # gemeenten are a distribution, not compared here
        ]
    )
    tabel = verschillen(
        zicht=KIJKER_ZICHT, vragen=VRAGEN, antwoorden=antwoorden, afspraken=AFSPRAKEN
    )
    assert tabel[["afspraak_code", "actortype", "antwoord", "toelichting"]].values.tolist() == [
        ["A2.02", "rijk", "Ja", "Uitgewerkt."],
        ["A2.02", "vng", "Nee", "Ligt bij het Rijk."],
    ]


def test_no_answers_no_differences():
    leeg = _antwoorden([])
    assert verschillen(
        zicht=KIJKER_ZICHT, vragen=VRAGEN, antwoorden=leeg, afspraken=AFSPRAKEN
    ).empty


def test_the_public_view_gets_answers_without_toelichtingen():
    antwoorden = _antwoorden([("RIJK", 1, "ja", "Uitgewerkt."), ("VNG", 2, "nee", "Niet wij.")])
    tabel = verschillen(zicht=GEEN_ZICHT, vragen=VRAGEN, antwoorden=antwoorden, afspraken=AFSPRAKEN)
    assert tabel["antwoord"].tolist() == ["Ja", "Nee"]
    assert (tabel["toelichting"] == "").all()


def test_toelichtingen_follow_the_gate():
    antwoorden = _antwoorden([("RIJK", 1, "ja", "Uitgewerkt."), ("VNG", 2, "nee", "Niet wij.")])

    def toelichtingen(gezien):
        tabel = verschillen(zicht=gezien, vragen=VRAGEN, antwoorden=antwoorden, afspraken=AFSPRAKEN)
        return tabel["toelichting"].tolist()

    assert toelichtingen(KIJKER_ZICHT) == ["Uitgewerkt.", "Niet wij."]
    # an invuller whose gemeente has not submitted: answers yes, toelichtingen no
    invuller = Gebruiker(rol=Rol.INVULLER, naam="i", organisatie_code="GM1")
    assert toelichtingen(_zicht(invuller)) == ["", ""]
    assert toelichtingen(_zicht(invuller, ingediend=("GM1",))) == ["Uitgewerkt.", "Niet wij."]
    # anonymous round: a single actor cannot be anonymous, so no toelichting
    assert toelichtingen(_zicht(KIJKER, "anoniem")) == ["", ""]
