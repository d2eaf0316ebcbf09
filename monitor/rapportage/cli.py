"""``python -m monitor rapport FILE --ronde 2024``: an export of a round, the format from the
file's extension (.pptx, .xlsx, .pdf). Notes of the reflectiesessie are included (the command
line is for administrators, who may read them)."""

from __future__ import annotations

import sys
from pathlib import Path

from monitor.errors import MonitorFout
from monitor.rapportage.bevindingen import laad_bevindingen
from monitor.rapportage.bron import laad_bron
from monitor.rechten import CLI
from monitor.reflectie import dias as reflectie
from monitor.store import lezen, sessie
from monitor.store import reflectie as reflectie_opslag
from monitor.store.sessie import Engine

FORMATEN = (".pptx", ".xlsx", ".pdf")


def bouw(engine: Engine, jaar: int, suffix: str, voortgang=None) -> bytes:
    """Round ``jaar`` exported as ``suffix``, with its saved deck (or the default deck) and,
    in PPTX and PDF, the bevindingen per thema."""
    if suffix not in FORMATEN:
        raise MonitorFout(
            f"Onbekend bestandsformaat '{suffix or '(geen)'}': kies .pptx, .xlsx of .pdf."
        )
    with sessie.lees(engine) as session:
        bron = laad_bron(session, jaar)
        ronde = lezen.ronde_by_jaar(session, jaar)
        notities = reflectie_opslag.notities(session=session, gebruiker=CLI, ronde_id=ronde.id)
        bevindingen = laad_bevindingen(session, bron) if suffix != ".xlsx" else None
    if suffix == ".xlsx":
        from monitor.rapportage.excel_tabellen import bouw_xlsx

        return bouw_xlsx(bron, voortgang)
    catalogus = {d.sleutel: d for d in reflectie.catalogus(bron)}
    with sessie.lees(engine) as session:
        deck = reflectie_opslag.load_deck(
            session=session, ronde_id=ronde.id, beschikbaar=list(catalogus)
        )
    dias = [catalogus[s] for s in deck]
    if suffix == ".pptx":
        from monitor.rapportage.pptx_export import bouw_pptx

        return bouw_pptx(bron, dias, notities, voortgang, bevindingen)
    from monitor.rapportage.pdf_rapport import bouw_pdf

    return bouw_pdf(bron, dias, notities, voortgang, bevindingen)


def rapport(engine: Engine, bestand: str, jaar: int) -> int:
    """Write the export to ``bestand``; 0 when done, 2 with a Dutch message on bad input."""
    pad = Path(bestand)
    if pad.suffix.lower() not in FORMATEN:
        print(
            f"Fout: onbekend bestandsformaat '{pad.suffix or '(geen)'}' van {bestand}: "
            "kies .pptx, .xlsx of .pdf.",
            file=sys.stderr,
        )
        return 2
    if not sessie.heeft_schema(engine):
        print(
            "Fout: de database is leeg; voer eerst 'python -m monitor init' uit.", file=sys.stderr
        )
        return 2
    try:
        inhoud = bouw(engine, jaar, pad.suffix.lower())
    except MonitorFout as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 2
    pad.write_bytes(inhoud)
    print(f"Rapport ronde {jaar} geschreven naar {pad} ({len(inhoud) // 1024} kB).")
    return 0
