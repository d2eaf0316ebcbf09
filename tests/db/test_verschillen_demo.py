"""The demo round 2024 shows the differences the report names (§3.2.2 and §3.7.2)."""

from monitor.db import read_session
from monitor.domain import Rol
from monitor.kengetallen.verschillen import verschillen
from monitor.rechten import Gebruiker, RondeInstellingen, zicht_per_actortype
from monitor.store import lezen as queries


def test_demo_2024_has_exactly_the_reports_differences(demo_engine):
    """The report discusses differences between actors on two shared afspraken only: A2.02
    (volwassen-GGZ, §3.2.2) and A7.04 (tijdschrijven, §3.7.2)."""
    with read_session(demo_engine) as session:
        ronde = queries.ronde_by_jaar(session, 2024)
        tabel = verschillen(
            zicht=zicht_per_actortype(
                Gebruiker(rol=Rol.KIJKER, naam="k"),
                instellingen=RondeInstellingen(ronde.id, 2024),
                organisaties=queries.organisaties_frame(session),
                ingediend=set(),
            ),
            vragen=queries.vragen_frame(session, ronde.id),
            antwoorden=queries.antwoorden_frame(session, ronde.id),
            afspraken=queries.afspraken_frame(session),
        )
    per_afspraak = {
        tekst: dict(zip(groep["actortype"], groep["antwoord"], strict=True))
        for tekst, groep in tabel.groupby("afspraak")
    }
    assert len(per_afspraak) == 2
    assert set(tabel["afspraak_code"]) == {"A2.02", "A7.04"}
    ggz = next(a for t, a in per_afspraak.items() if "volwassen-GGZ" in t)
    assert ggz == {"rijk": "Ja", "vng": "Nee"}
    tijdschrijven = next(a for t, a in per_afspraak.items() if "tijdschrijven" in t)
    assert tijdschrijven == {"rijk": "Ja", "vng": "Nee", "bgzj": "Nee"}
