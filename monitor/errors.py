"""Errors that carry a Dutch message for the user: what is wrong and where."""

from __future__ import annotations


class MonitorFout(Exception):
    """Base for errors shown to users as they are (Dutch, naming what and where)."""


class InvoerFout(MonitorFout):
    """Bad input in a file: names the file, row and field."""

    def __init__(self, bestand: str, rij: int | None, veld: str | None, melding: str) -> None:
        self.bestand, self.rij, self.veld, self.melding = bestand, rij, veld, melding
        plaats = bestand
        if rij is not None:
            plaats += f", rij {rij}"
        if veld:
            plaats += f", veld '{veld}'"
        super().__init__(f"{plaats}: {melding}")


class GeenToegang(MonitorFout):
    """The acting account may not read or write this."""


class BeheerFout(MonitorFout):
    """A beheer action refused: bad input or a step the round's status does not allow.

    ``veld`` names the field at fault ('sluit_datum', 'code', …) when there is one.
    """

    def __init__(self, melding: str, veld: str | None = None) -> None:
        self.melding, self.veld = melding, veld
        super().__init__(melding)


class RondeBevroren(BeheerFout):
    """A write would change a published round: its answers, questions and submissions are frozen."""
