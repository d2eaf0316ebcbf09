"""The pages of the app, defined once: file, URL, title, section and who may see them."""

from __future__ import annotations

from dataclasses import dataclass

from monitor.domain import Rol
from monitor.rechten import Recht, rollen_met

START = "pages/start.py"  # the home page: Streamlit serves it at the app's root URL


@dataclass(frozen=True)
class Pagina:
    pad: str  # relative to app.py, the entry point
    titel: str
    recht: Recht  # the right a user needs to open the page (rechten.RECHTEN decides who)
    icoon: str = ""

    @property
    def rollen(self) -> frozenset[Rol]:
        """The roles that may open the page, read from the one table of rights."""
        return rollen_met(self.recht)

    @property
    def url_pad(self) -> str:
        """The URL path Streamlit gives the page: its file name without .py ('' for home)."""
        if self.pad == START:
            return ""
        return self.pad.removeprefix("pages/").removesuffix(".py")


PAGINAS: tuple[Pagina, ...] = (
    Pagina("pages/start.py", "Start", Recht.TOTALEN, ":material/home:"),
    Pagina("pages/thema.py", "Thema's", Recht.TOTALEN, ":material/category:"),
    Pagina("pages/planning.py", "Planning", Recht.TOTALEN, ":material/event:"),
    Pagina("pages/beleving.py", "Beleving", Recht.TOTALEN, ":material/mood:"),
    Pagina(
        "pages/verschillen.py",
        "Verschillen tussen actoren",
        Recht.TOTALEN,
        ":material/compare_arrows:",
    ),
    Pagina("pages/respons.py", "Respons", Recht.TOTALEN, ":material/groups:"),
    Pagina(
        "pages/invullen.py",
        "Vragenlijst invullen",
        Recht.INVULLEN,
        ":material/edit_note:",
    ),
    Pagina("pages/benchmark.py", "Benchmark", Recht.BENCHMARK, ":material/leaderboard:"),
    Pagina(
        "pages/reflectiesessie.py",
        "Reflectiesessie",
        Recht.TOTALEN,
        ":material/slideshow:",
    ),
    Pagina(
        "pages/actiepunten.py",
        "Actiepunten",
        Recht.NOTITIES_LEZEN,
        ":material/task_alt:",
    ),
    Pagina(
        "pages/rapportage.py",
        "Rapportage",
        Recht.TOTALEN,
        ":material/description:",
    ),
    Pagina(
        "pages/opendata.py",
        "Open data",
        Recht.TOTALEN,
        ":material/dataset:",
    ),
    Pagina("pages/beheer.py", "Beheer", Recht.RONDES_BEHEREN, ":material/settings:"),
    Pagina("pages/inloggen.py", "Inloggen", Recht.TOTALEN, ":material/login:"),
    Pagina(
        "pages/toegankelijkheid.py",
        "Toegankelijkheid",
        Recht.TOTALEN,
        ":material/accessibility:",
    ),
)
PAGINA_BY_PAD: dict[str, Pagina] = {p.pad: p for p in PAGINAS}


def paginas_voor(rol: Rol) -> list[Pagina]:
    return [p for p in PAGINAS if rol in p.rollen]
