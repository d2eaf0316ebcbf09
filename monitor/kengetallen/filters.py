"""The sidebar filters of the national picture. Pure: frames in, frames out.

A filter narrows the organisations whose answers count, and the vragen that are shown:

- ``actortypes``: only these kinds of actor (and only their vragen);
- ``themas``: only vragen of these thema's;
- ``provincies`` and ``jeugdregios``: gemeenten and regio's in them; the national actors have no
  provincie or jeugdregio and are not affected;
- ``inwonersklassen``: gemeenten of these classes; regio's have no class and drop out, the
  national actors are not affected.

An empty tuple means 'no restriction'.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from monitor.domain import ACTORTYPE_BY_CODE

COLLECTIEF = ("gemeente", "regio")


@dataclass(frozen=True)
class Filter:
    actortypes: tuple[str, ...] = ()
    themas: tuple[int, ...] = ()
    provincies: tuple[str, ...] = ()  # provincie names, as in the organisations frame
    jeugdregios: tuple[str, ...] = ()  # jeugdregio codes (JZ01…)
    inwonersklassen: tuple[str, ...] = ()

    @property
    def actief(self) -> bool:
        return any(
            (self.actortypes, self.themas, self.provincies, self.jeugdregios, self.inwonersklassen)
        )

    @property
    def op_organisaties(self) -> bool:
        """True when the filter narrows the organisations (not only the vragen)."""
        return bool(self.actortypes or self.provincies or self.jeugdregios or self.inwonersklassen)


GEEN_FILTER = Filter()


def filter_organisaties(organisaties: pd.DataFrame, filter_: Filter) -> pd.DataFrame:
    """The organisations that pass the filter (a new frame; the input is not changed)."""
    houden = pd.Series(True, index=organisaties.index)
    soort = organisaties["actortype"]
    collectief = soort.isin(COLLECTIEF)
    if filter_.actortypes:
        houden &= soort.isin(filter_.actortypes)
    if filter_.provincies:
        houden &= ~collectief | organisaties["provincie_naam"].isin(filter_.provincies)
    if filter_.jeugdregios:
        regio_van = organisaties["jeugdregio_code"].where(soort == "gemeente", organisaties["code"])
        houden &= ~collectief | regio_van.isin(filter_.jeugdregios)
    if filter_.inwonersklassen:
        houden &= ~collectief | organisaties["inwonersklasse"].isin(filter_.inwonersklassen)
    return organisaties[houden].copy()


def filter_vragen(vragen: pd.DataFrame, filter_: Filter) -> pd.DataFrame:
    """The vragen of the chosen actortypes and thema's."""
    houden = pd.Series(True, index=vragen.index)
    if filter_.actortypes:
        houden &= vragen["actortype"].isin(filter_.actortypes)
    if filter_.themas:
        houden &= vragen["thema_nr"].isin(filter_.themas)
    return vragen[houden].copy()


def filter_antwoorden(
    antwoorden: pd.DataFrame, organisaties: pd.DataFrame, filter_: Filter
) -> pd.DataFrame:
    """The answers of the organisations that pass the filter."""
    if not filter_.op_organisaties:
        return antwoorden
    codes = set(filter_organisaties(organisaties, filter_)["code"])
    return antwoorden[antwoorden["organisatie_code"].isin(codes)].copy()


def beschrijving(filter_: Filter, themas: dict[int, str] | None = None) -> str:
    """A Dutch one-line summary of the active filter, e.g. for a caption; '' when inactive."""
    delen = []
    if filter_.actortypes:
        delen.append(", ".join(ACTORTYPE_BY_CODE[a].label_meervoud for a in filter_.actortypes))
    if filter_.themas:
        namen = [f"thema {nr}" if not themas else f"{nr}. {themas[nr]}" for nr in filter_.themas]
        delen.append(", ".join(namen))
    if filter_.provincies:
        delen.append("provincie " + ", ".join(filter_.provincies))
    if filter_.jeugdregios:
        delen.append("jeugdregio " + ", ".join(filter_.jeugdregios))
    if filter_.inwonersklassen:
        delen.append("inwoners " + ", ".join(filter_.inwonersklassen))
    return "Filter: " + "; ".join(delen) if delen else ""
