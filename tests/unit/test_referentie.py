"""The reference data: the 2024 division of gemeenten and jeugdregio's."""

from collections import Counter

import pytest

from monitor.config import REFERENCE_DIR
from monitor.errors import InvoerFout
from monitor.rondes.referentie import load_organisaties


def test_division_2024_has_342_gemeenten_in_42_regios_and_12_provincies():
    organisaties = load_organisaties(REFERENCE_DIR)
    telling = Counter(o.actortype for o in organisaties)
    assert telling["gemeente"] == 342
    assert telling["regio"] == 42
    assert [telling[a] for a in ("rijk", "vng", "bgzj", "sbj", "kbl")] == [1, 1, 1, 1, 1]
    gemeenten = [o for o in organisaties if o.actortype == "gemeente"]
    regio_codes = {o.code for o in organisaties if o.actortype == "regio"}
    assert all(g.jeugdregio_code in regio_codes for g in gemeenten)
    assert len({g.provincie_code for g in gemeenten}) == 12
    assert sum(1 for g in gemeenten if g.inwoners > 100_000) == 32
    # every regio has members and lies in the provincie of most of its inhabitants
    assert {g.jeugdregio_code for g in gemeenten} == regio_codes
    noord_veluwe = next(o for o in organisaties if o.code == "JZ12")
    assert noord_veluwe.provincie_naam == "Gelderland"


def test_a_gemeente_in_an_unknown_regio_is_refused(tmp_path):
    for naam in ("jeugdregios_2024.csv", "gemeenten_2024.csv"):
        (tmp_path / naam).write_text((REFERENCE_DIR / naam).read_text(encoding="utf-8"))
    pad = tmp_path / "gemeenten_2024.csv"
    regels = pad.read_text(encoding="utf-8").splitlines()
    regels[3] = regels[3].replace(",JZ01,", ",JZ99,")
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    with pytest.raises(InvoerFout, match=r"gemeenten_2024.csv, rij 4, veld 'jeugdregiocode'"):
        load_organisaties(tmp_path)
