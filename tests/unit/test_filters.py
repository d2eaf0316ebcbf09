"""Sidebar filters: which organisations, vragen and answers remain."""

import pandas as pd

from monitor.kengetallen.filters import (
    GEEN_FILTER,
    Filter,
    beschrijving,
    filter_antwoorden,
    filter_organisaties,
    filter_vragen,
)

ORGANISATIES = pd.DataFrame(
    [
        ("RIJK", "rijk", None, None, None),
        ("JZ01", "regio", None, "Groningen", None),
        ("JZ02", "regio", None, "Utrecht", None),
        ("GM1", "gemeente", "JZ01", "Groningen", "<20.000"),
        ("GM2", "gemeente", "JZ01", "Groningen", ">=250.000"),
        ("GM3", "gemeente", "JZ02", "Utrecht", "<20.000"),
    ],
    columns=["code", "actortype", "jeugdregio_code", "provincie_naam", "inwonersklasse"],
)


def _codes(filter_: Filter) -> list[str]:
    return filter_organisaties(ORGANISATIES, filter_)["code"].tolist()


def test_no_filter_keeps_everything():
    assert _codes(GEEN_FILTER) == ORGANISATIES["code"].tolist()
    assert not GEEN_FILTER.actief


def test_provincie_narrows_gemeenten_and_regios_but_keeps_national_actors():
    assert _codes(Filter(provincies=("Utrecht",))) == ["RIJK", "JZ02", "GM3"]


def test_jeugdregio_keeps_the_regio_itself_and_its_gemeenten():
    assert _codes(Filter(jeugdregios=("JZ01",))) == ["RIJK", "JZ01", "GM1", "GM2"]


def test_inwonersklasse_keeps_gemeenten_of_that_class_only():
    assert _codes(Filter(inwonersklassen=("<20.000",))) == ["RIJK", "GM1", "GM3"]


def test_filters_combine():
    gekozen = Filter(actortypes=("gemeente",), provincies=("Groningen",))
    assert _codes(gekozen) == ["GM1", "GM2"]


def test_vragen_by_actortype_and_thema_and_answers_by_organisation():
    vragen = pd.DataFrame(
        [(1, "rijk", 1), (2, "gemeente", 1), (3, "gemeente", 2)],
        columns=["id", "actortype", "thema_nr"],
    )
    gekozen = Filter(actortypes=("gemeente",), themas=(2,))
    assert filter_vragen(vragen, gekozen)["id"].tolist() == [3]
    antwoorden = pd.DataFrame({"organisatie_code": ["RIJK", "GM1", "GM3"], "vraag_id": [1, 2, 2]})
    over = filter_antwoorden(antwoorden, ORGANISATIES, Filter(provincies=("Utrecht",)))
    assert over["organisatie_code"].tolist() == ["RIJK", "GM3"]
    alleen_thema = Filter(themas=(1,))  # does not narrow the organisations
    assert filter_antwoorden(antwoorden, ORGANISATIES, alleen_thema) is antwoorden


def test_beschrijving_in_dutch():
    gekozen = Filter(actortypes=("gemeente",), themas=(3,), provincies=("Utrecht",))
    assert beschrijving(gekozen, {3: "Lokale teams"}) == (
        "Filter: Gemeenten; 3. Lokale teams; provincie Utrecht"
    )
    assert beschrijving(GEEN_FILTER) == ""
