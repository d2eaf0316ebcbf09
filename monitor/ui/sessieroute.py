"""Our own HTTP routes next to Streamlit (mounted in ``serve.py``): the session cookie.

Streamlit talks to the browser over a websocket and cannot set cookies. After a sign-in, the
page posts a one-time code here (:data:`inlogsessie.ROUTE_SESSIE`) and gets back the signed,
HttpOnly, SameSite=Lax session cookie (``Secure`` with ``MONITOR_COOKIE_SECURE=1``). Sign-out
posts to :data:`inlogsessie.ROUTE_UITLOGGEN`, which ends the session row and deletes the cookie.

CSRF: both routes take POST only, and only with our custom header and an ``Origin`` equal to
the host. A form on another site can send neither; a cross-site ``fetch`` with the header needs
a CORS preflight that these routes never grant.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache
from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from monitor.config import get_settings, sessie_geheim
from monitor.invullen import inlogsessie
from monitor.store import sessie


@cache
def _engine() -> sessie.Engine:
    return sessie.maak_engine(get_settings().database_url)


def zelfde_herkomst(request: Request) -> bool:
    """Our own page sent this: the custom header is there and ``Origin`` names our host."""
    if request.headers.get(inlogsessie.CSRF_KOP) != "1":
        return False
    origin = request.headers.get("origin")
    host = request.headers.get("host")
    return bool(origin and host and urlsplit(origin).netloc == host)


def _geweigerd() -> Response:
    return PlainTextResponse("Verzoek geweigerd: niet afkomstig van deze site.", status_code=403)


def _cookie_instellingen() -> dict:
    return {
        "key": inlogsessie.COOKIE,
        "path": "/",
        "httponly": True,
        "samesite": "lax",
        "secure": get_settings().cookie_secure,
    }


async def sessie_cookie(request: Request) -> Response:
    """Trade a one-time code for the session cookie."""
    if not zelfde_herkomst(request):
        return _geweigerd()
    code = str((await request.form()).get("code", ""))
    waarde = await run_in_threadpool(
        inlogsessie.cookie_voor_overdracht, _engine(), code, datetime.now(UTC), sessie_geheim()
    )
    if waarde is None:
        return PlainTextResponse("Onbekende of verlopen inlogcode.", status_code=400)
    antwoord = Response(status_code=204, headers={"Cache-Control": "no-store"})
    max_age = int(timedelta(hours=get_settings().sessie_max_uren).total_seconds())
    antwoord.set_cookie(value=waarde, max_age=max_age, **_cookie_instellingen())
    return antwoord


async def uitloggen(request: Request) -> Response:
    """End the cookie's session everywhere and delete the cookie."""
    if not zelfde_herkomst(request):
        return _geweigerd()
    waarde = request.cookies.get(inlogsessie.COOKIE)
    await run_in_threadpool(
        inlogsessie.beeindig_cookie, _engine(), waarde, datetime.now(UTC), sessie_geheim()
    )
    antwoord = Response(status_code=204, headers={"Cache-Control": "no-store"})
    antwoord.delete_cookie(**_cookie_instellingen())
    return antwoord


ROUTES = [
    Route(inlogsessie.ROUTE_SESSIE, sessie_cookie, methods=["POST"]),
    Route(inlogsessie.ROUTE_UITLOGGEN, uitloggen, methods=["POST"]),
]
