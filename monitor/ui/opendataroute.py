"""The stable URL of each round's open data (mounted in ``serve.py``):
``/opendata/2024/datapackage.zip``. Public, like the Open data page: the package holds only
what an anonymous visitor may see (see :mod:`monitor.uitwisseling.opendata`)."""

from __future__ import annotations

from functools import cache

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from monitor.config import get_settings
from monitor.errors import MonitorFout
from monitor.store import sessie
from monitor.uitwisseling import opendata

ROUTE = "/opendata/{jaar:int}/" + opendata.ZIPNAAM


def url(jaar: int) -> str:
    """The stable path of a round's package."""
    return f"/opendata/{jaar}/{opendata.ZIPNAAM}"


def bestandsnaam(jaar: int) -> str:
    return f"monitor-hervormingsagenda-jeugd-{jaar}-opendata.zip"


@cache
def _engine() -> sessie.Engine:
    return sessie.maak_engine(get_settings().database_url)


def _zip(jaar: int) -> bytes:
    with sessie.lees(_engine()) as session:
        return opendata.zip_van_ronde(session, jaar)


async def pakket(request: Request) -> Response:
    """The zip of a published round; 404 with a Dutch message for any other year."""
    jaar = request.path_params["jaar"]
    try:
        inhoud = await run_in_threadpool(_zip, jaar)
    except MonitorFout as fout:
        return PlainTextResponse(str(fout), status_code=404)
    kop = {"Content-Disposition": f'attachment; filename="{bestandsnaam(jaar)}"'}
    return Response(inhoud, media_type="application/zip", headers=kop)


ROUTES = [Route(ROUTE, pakket, methods=["GET"])]
