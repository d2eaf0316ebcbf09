"""The pages of the app, defined once: file, URL, title, section and who may see them."""

from __future__ import annotations

from dataclasses import dataclass

from monitor.domain import Rol
from monitor.rechten import Recht, rollen_met


@dataclass(frozen=True)
class Pagina:
    pad: str  # relative to app.py
    titel: str
    sectie: str
    recht: Recht  # the right a user needs to open the page (rechten.RECHTEN decides who)
    icoon: str = ""

    @property
    def rollen(self) -> frozenset[Rol]:
        """The roles that may open the page, read from the one table of rights."""
        return rollen_met(self.recht)

    @property
    def url_pad(self) -> str:
        """The URL path Streamlit gives the page: its file name without .py ('' for home)."""
        if self.pad == "app.py":
            return ""
        return self.pad.removeprefix("pages/").removesuffix(".py")


PAGINAS: tuple[Pagina, ...] = (
    Pagina("app.py", "Start", "Monitor", Recht.TOTALEN, ":material/home:"),
    Pagina("pages/thema.py", "Thema's", "Landelijk beeld", Recht.TOTALEN, ":material/category:"),
    Pagina("pages/planning.py", "Planning", "Landelijk beeld", Recht.TOTALEN, ":material/event:"),
    Pagina("pages/beleving.py", "Beleving", "Landelijk beeld", Recht.TOTALEN, ":material/mood:"),
    Pagina(
        "pages/verschillen.py",
        "Verschillen tussen actoren",
        "Landelijk beeld",
        Recht.TOTALEN,
        ":material/compare_arrows:",
    ),
    Pagina("pages/respons.py", "Respons", "Landelijk beeld", Recht.TOTALEN, ":material/groups:"),
    Pagina(
        "pages/invullen.py",
        "Vragenlijst invullen",
        "Eigen organisatie",
        Recht.INVULLEN,
        ":material/edit_note:",
    ),
    Pagina(
        "pages/benchmark.py", "Benchmark", "Vergelijken", Recht.BENCHMARK, ":material/leaderboard:"
    ),
    Pagina(
        "pages/reflectiesessie.py",
        "Reflectiesessie",
        "Reflectie en rapportage",
        Recht.TOTALEN,
        ":material/slideshow:",
    ),
    Pagina(
        "pages/actiepunten.py",
        "Actiepunten",
        "Reflectie en rapportage",
        Recht.NOTITIES_LEZEN,
        ":material/task_alt:",
    ),
    Pagina(
        "pages/rapportage.py",
        "Rapportage",
        "Reflectie en rapportage",
        Recht.TOTALEN,
        ":material/description:",
    ),
    Pagina(
        "pages/opendata.py",
        "Open data",
        "Reflectie en rapportage",
        Recht.TOTALEN,
        ":material/dataset:",
    ),
    Pagina("pages/beheer.py", "Beheer", "Beheer", Recht.RONDES_BEHEREN, ":material/settings:"),
    Pagina("pages/inloggen.py", "Inloggen", "Account", Recht.TOTALEN, ":material/login:"),
    Pagina(
        "pages/toegankelijkheid.py",
        "Toegankelijkheid",
        "Over",
        Recht.TOTALEN,
        ":material/accessibility:",
    ),
)
PAGINA_BY_PAD: dict[str, Pagina] = {p.pad: p for p in PAGINAS}


def paginas_voor(rol: Rol) -> list[Pagina]:
    return [p for p in PAGINAS if rol in p.rollen]
