"""The pages of the app, defined once: file, URL, title, section and who may see them."""

from __future__ import annotations

from dataclasses import dataclass

from monitor.domain import Rol
from monitor.rechten import ALLE_ROLLEN, INGELOGDE_ROLLEN


@dataclass(frozen=True)
class Pagina:
    pad: str  # relative to app.py
    titel: str
    sectie: str
    rollen: frozenset[Rol]
    icoon: str = ""

    @property
    def url_pad(self) -> str:
        """The URL path Streamlit gives the page: its file name without .py ('' for home)."""
        if self.pad == "app.py":
            return ""
        return self.pad.removeprefix("pages/").removesuffix(".py")


PAGINAS: tuple[Pagina, ...] = (
    Pagina("app.py", "Start", "Monitor", ALLE_ROLLEN, ":material/home:"),
    Pagina("pages/thema.py", "Thema's", "Landelijk beeld", ALLE_ROLLEN, ":material/category:"),
    Pagina("pages/planning.py", "Planning", "Landelijk beeld", ALLE_ROLLEN, ":material/event:"),
    Pagina("pages/beleving.py", "Beleving", "Landelijk beeld", ALLE_ROLLEN, ":material/mood:"),
    Pagina(
        "pages/verschillen.py",
        "Verschillen tussen actoren",
        "Landelijk beeld",
        ALLE_ROLLEN,
        ":material/compare_arrows:",
    ),
    Pagina("pages/respons.py", "Respons", "Landelijk beeld", ALLE_ROLLEN, ":material/groups:"),
    Pagina(
        "pages/invullen.py",
        "Vragenlijst invullen",
        "Eigen organisatie",
        frozenset({Rol.INVULLER, Rol.BEHEERDER}),
        ":material/edit_note:",
    ),
    Pagina(
        "pages/benchmark.py", "Benchmark", "Vergelijken", INGELOGDE_ROLLEN, ":material/leaderboard:"
    ),
    Pagina(
        "pages/reflectiesessie.py",
        "Reflectiesessie",
        "Reflectie en rapportage",
        ALLE_ROLLEN,
        ":material/slideshow:",
    ),
    Pagina(
        "pages/actiepunten.py",
        "Actiepunten",
        "Reflectie en rapportage",
        INGELOGDE_ROLLEN,
        ":material/task_alt:",
    ),
    Pagina(
        "pages/rapportage.py",
        "Rapportage",
        "Reflectie en rapportage",
        ALLE_ROLLEN,
        ":material/description:",
    ),
    Pagina(
        "pages/beheer.py", "Beheer", "Beheer", frozenset({Rol.BEHEERDER}), ":material/settings:"
    ),
    Pagina("pages/inloggen.py", "Inloggen", "Account", ALLE_ROLLEN, ":material/login:"),
    Pagina(
        "pages/toegankelijkheid.py",
        "Toegankelijkheid",
        "Over",
        ALLE_ROLLEN,
        ":material/accessibility:",
    ),
)
PAGINA_BY_PAD: dict[str, Pagina] = {p.pad: p for p in PAGINAS}


def paginas_voor(rol: Rol) -> list[Pagina]:
    return [p for p in PAGINAS if rol in p.rollen]
