"""ASGI entry point: serves ``app.py`` (``st.navigation``) with ``<html lang="nl">``.

Start with ``streamlit run serve.py``. Streamlit ships a static ``index.html`` with
``<html lang="en">`` and has no option to change it; the middleware below rewrites it, so screen
readers pronounce the Dutch text correctly (WCAG 3.1.1). Everything else is plain Streamlit,
but for one switch below, so that a deep link uses ``app.py``'s navigation on the very first
request. Our own routes (``monitor/ui/sessieroute.py``) set and delete the session cookie that
keeps a sign-in across reloads and app processes; ``monitor/ui/opendataroute.py`` serves each
published round's open data at a stable URL.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import streamlit as st
from starlette.middleware import Middleware
from streamlit.runtime.pages_manager import PagesManager

from monitor.ui import opendataroute, sessieroute

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

# Paths that never serve the HTML shell: leave them (and their compression) alone.
_PASSTHROUGH = ("/_stcore", "/static", "/media", "/component", "/app/static")


class HtmlLangNL:
    """Rewrite ``<html lang="en"`` to ``<html lang="nl"`` in HTML responses."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(_PASSTHROUGH):
            await self.app(scope, receive, send)
            return
        # Ask for an uncompressed body, so that it can be edited.
        headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"]
        scope = {**scope, "headers": headers}
        start: Message | None = None
        chunks: list[bytes] = []

        async def _send(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                content_type = dict(message.get("headers", [])).get(b"content-type", b"")
                if content_type.startswith(b"text/html"):
                    start = message  # hold back until the whole body is in
                    return
            elif message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                body = b"".join(chunks).replace(b'<html lang="en"', b'<html lang="nl"', 1)
                kept = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
                length = str(len(body)).encode()
                await send({**start, "headers": [*kept, (b"content-length", length)]})
                await send({"type": "http.response.body", "body": body})
                return
            await send(message)

        await self.app(scope, receive, _send)


# app.py draws the navigation with st.navigation. Streamlit also knows an older mode for a
# pages/ directory beside the entry point: every file a page, listed by file name, and a page
# opened by its URL run without app.py. It leaves that mode only once some session has run
# app.py, so a deep link as the first request after a start would get the old mode (Streamlit
# issue 9624). The browser test test_first_request_is_a_deep_link checks the sidebar then.
PagesManager.uses_pages_directory = False

app = st.App(
    "app.py",
    routes=[*sessieroute.ROUTES, *opendataroute.ROUTES],
    middleware=[Middleware(HtmlLangNL)],
)
