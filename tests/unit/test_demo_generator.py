"""The demo generator is deterministic and follows its targets."""

import pandas as pd

from monitor.config import DEMO_DIR, REFERENCE_DIR, VRAGENLIJST_DIR
from monitor.domain import format_opties
from monitor.rondes import demo
from monitor.rondes.referentie import load_organisaties
from monitor.rondes.vragenlijst import load_vragenlijst


def _invoer():
    lijst = load_vragenlijst(VRAGENLIJST_DIR)
    vragen = pd.DataFrame(
        [
            {
                "code": v.code,
                "actortype": v.actortype,
                "vraagtype": v.vraagtype.value,
                "soort": v.soort,
                "opties": format_opties(v.opties),
                "toon_als": v.toon_als,
                "minimum": v.minimum,
                "maximum": v.maximum,
            }
            for v in lijst.vragen
        ]
    )
    organisaties = pd.DataFrame([o.__dict__ for o in load_organisaties(REFERENCE_DIR)])
    return demo.demo_vragen(vragen), organisaties, demo.load_doelen(DEMO_DIR)


def test_same_seed_same_answers_other_seed_other_answers():
    vragen, organisaties, doelen = _invoer()
    a = demo.generate_2024(vragen=vragen, organisaties=organisaties, doelen=doelen, seed=7)
    b = demo.generate_2024(vragen=vragen, organisaties=organisaties, doelen=doelen, seed=7)
    c = demo.generate_2024(vragen=vragen, organisaties=organisaties, doelen=doelen, seed=8)
    assert a == b
    assert a != c


def test_2024_respondents_and_next_round_changes():
    vragen, organisaties, doelen = _invoer()
    ronde_2024 = demo.generate_2024(vragen=vragen, organisaties=organisaties, doelen=doelen)
    ronde_2025 = demo.evolve(
        vorige=ronde_2024, vragen=vragen, organisaties=organisaties, doelen=doelen, seed=1
    )
    soort = dict(zip(organisaties["code"], organisaties["actortype"], strict=True))

    def deelnemers(antwoorden, actortype):
        return {a.organisatie_code for a in antwoorden if soort[a.organisatie_code] == actortype}

    assert len(deelnemers(ronde_2024, "gemeente")) == 308
    assert len(deelnemers(ronde_2024, "regio")) == 41
    weg = deelnemers(ronde_2024, "gemeente") - deelnemers(ronde_2025, "gemeente")
    nieuw = deelnemers(ronde_2025, "gemeente") - deelnemers(ronde_2024, "gemeente")
    assert (
        len(weg) == demo.VERVOLG_UITVAL["gemeente"] and len(nieuw) == demo.VERVOLG_NIEUW["gemeente"]
    )
    begonnen = sum(a.waarde == "nog_niet_begonnen" for a in ronde_2024)
    assert sum(a.waarde == "nog_niet_begonnen" for a in ronde_2025) < begonnen


def test_next_round_mostly_moves_forward_with_some_regressions():
    vragen, organisaties, doelen = _invoer()
    ronde_2024 = demo.generate_2024(vragen=vragen, organisaties=organisaties, doelen=doelen)
    ronde_2025 = demo.evolve(
        vorige=ronde_2024, vragen=vragen, organisaties=organisaties, doelen=doelen, seed=1
    )
    score = {
        "nee": 0,
        "ja": 1,
        "nog_niet_begonnen": 0,
        "mee_bezig": 1,
        "bijna_klaar": 2,
        "afgerond": 3,
    }
    vorig = {(a.organisatie_code, a.vraag_code): a.waarde for a in ronde_2024}
    vooruit = achteruit = 0
    for a in ronde_2025:
        oud = vorig.get((a.organisatie_code, a.vraag_code))
        if oud in score and a.waarde in score:
            vooruit += score[a.waarde] > score[oud]
            achteruit += score[a.waarde] < score[oud]
    assert vooruit > 4 * achteruit > 0
    ja_2024 = sum(a.waarde == "ja" for a in ronde_2024)
    assert sum(a.waarde == "ja" for a in ronde_2025) > ja_2024
