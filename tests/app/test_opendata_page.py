"""The Open data page and the stable URL of each round's package, for the public and a
beheerder: the same public package, only of published rounds."""

import asyncio
import io
import json
import zipfile
from concurrent.futures import ThreadPoolExecutor

from starlette.applications import Starlette

from monitor.domain import Rol
from monitor.ui import opendataroute
from tests.app.conftest import open_page, page_text

PAGINA = "pages/opendata.py"


def _knop(at):
    return at.get("download_button")[0]


def test_public_visitor_gets_the_published_round_with_its_stable_link():
    at = open_page(PAGINA)
    assert not at.exception
    assert at.selectbox[0].options == ["2024"]  # 2025 is closed, not published
    assert _knop(at).proto.label == "Download open data ronde 2024 (.zip)"
    tekst = page_text(at)
    assert "/opendata/2024/datapackage.zip" in tekst
    assert "zelfanalyse" in tekst  # the self-report caveat
    assert at.query_params["ronde"] == "2024"


def test_beheerder_sees_the_same_page_and_an_unpublished_round_in_the_url_is_refused():
    at = open_page(PAGINA, Rol.BEHEERDER, ronde="2025")
    assert not at.exception
    assert at.selectbox[0].options == ["2024"]
    assert "Ronde 2025 is niet gepubliceerd" in page_text(at)
    assert _knop(at).proto.label == "Download open data ronde 2024 (.zip)"


def test_a_round_in_the_url_is_shown_as_plain_text_not_as_a_link():
    at = open_page(PAGINA, ronde="[klik](https://example.org)")
    assert not at.exception
    (melding,) = [w.value for w in at.warning]
    assert "](" not in melding.replace("\\]", "").replace("\\(", "")  # no Markdown link
    assert melding.replace("\\", "").startswith("Ronde [klik](https://exam")  # cut at 20


def _get(pad: str) -> tuple[int, dict[str, str], bytes]:
    """One GET through the routes as the ASGI server would send it (no HTTP client needed)."""
    app = Starlette(routes=opendataroute.ROUTES)
    scope = {
        "type": "http",
        "method": "GET",
        "path": pad,
        "raw_path": pad.encode(),
        "query_string": b"",
        "headers": [],
        "root_path": "",
        "scheme": "http",
        "server": ("test", 80),
        "http_version": "1.1",
    }
    berichten = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(bericht):
        berichten.append(bericht)

    # In a thread of its own: in a test process that ran the browser tests first, Playwright's
    # sync API keeps an event loop running in the main thread, where asyncio.run refuses.
    with ThreadPoolExecutor(1) as draad:
        draad.submit(asyncio.run, app(scope, receive, send)).result()
    start = berichten[0]
    koppen = {k.decode(): v.decode() for k, v in start["headers"]}
    body = b"".join(b.get("body", b"") for b in berichten[1:])
    return start["status"], koppen, body


def test_stable_url_serves_the_zip_of_a_published_round_and_404_otherwise():
    status, koppen, body = _get("/opendata/2024/datapackage.zip")
    assert status == 200
    assert koppen["content-type"] == "application/zip"
    assert "monitor-hervormingsagenda-jeugd-2024-opendata.zip" in koppen["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(body)) as archief:
        descriptor = json.loads(archief.read("datapackage.json"))
    assert descriptor["name"] == "monitor-hervormingsagenda-jeugd-2024"
    status, _, body = _get("/opendata/2025/datapackage.zip")
    assert status == 404
    assert "Ronde 2025 is niet gepubliceerd" in body.decode()
