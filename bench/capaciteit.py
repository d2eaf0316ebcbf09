"""Bench part (e): capacity of one ``streamlit run`` process for new sessions.

Every session does what a browser tab does on a first visit: open ``/_stcore/stream`` (the
``streamlit`` subprotocol, an Origin header), send a ``BackMsg`` with ``rerun_script`` for the
page (``page_name`` is its URL path, as the frontend sends it), and read ``ForwardMsg`` until
``script_finished``; then it closes. N sessions start at once. Reported per page: sessions per
second (N divided by the time until the last one finished), p50 and p95 of the time from
connecting to ``script_finished``, and the bytes a session received, each also as a ratio to
the empty page (``bench/leeg``) measured in the same run.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

DOEL_FRACTIE = 0.5  # every page at least half the empty page's sessions/s at the largest N


@dataclass
class Sessies:
    """One batch: N new sessions on one page at once."""

    pagina: str
    n: int
    per_s: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    kb: float = 0.0  # received by one session (median)
    fouten: list[str] = field(default_factory=list)


async def _sessie(url: str, origin: str, pagina: str, timeout: float) -> tuple[float, int]:
    """One new session: seconds until ``script_finished`` and bytes received."""
    t0 = time.perf_counter()
    ontvangen = 0
    async with websockets.connect(
        url, subprotocols=["streamlit"], origin=origin, max_size=None, open_timeout=timeout
    ) as ws:
        terug = BackMsg()
        terug.rerun_script.query_string = ""
        terug.rerun_script.page_name = pagina
        terug.rerun_script.widget_states.SetInParent()
        await ws.send(terug.SerializeToString())
        while True:
            data = await asyncio.wait_for(ws.recv(), timeout)
            ontvangen += len(data)
            bericht = ForwardMsg()
            bericht.ParseFromString(data)
            if bericht.WhichOneof("type") == "page_not_found":
                raise RuntimeError(f"pagina '{pagina}' niet gevonden")
            if bericht.WhichOneof("type") == "script_finished":
                return time.perf_counter() - t0, ontvangen


async def _batch(basis: str, pagina: str, n: int, timeout: float) -> Sessies:
    url = basis.replace("http://", "ws://") + "/_stcore/stream"
    t0 = time.perf_counter()
    uitkomsten = await asyncio.gather(
        *(_sessie(url, basis, pagina, timeout) for _ in range(n)), return_exceptions=True
    )
    duur = time.perf_counter() - t0
    goed = [u for u in uitkomsten if not isinstance(u, BaseException)]
    meting = Sessies(pagina or "/", n)
    meting.fouten = [f"{type(u).__name__}: {u}"[:200] for u in uitkomsten if u not in goed]
    if goed:
        tijden = sorted(t for t, _ in goed)
        meting.per_s = len(goed) / duur
        meting.p50_ms = statistics.median(tijden) * 1000
        meting.p95_ms = tijden[min(len(tijden) - 1, round(0.95 * (len(tijden) - 1)))] * 1000
        meting.kb = statistics.median(b for _, b in goed) / 1024
    return meting


def meet(
    basis: str,
    paginas: list[str],
    aantallen: list[int],
    timeout: float = 120,
    na_opwarmen: Callable[[], None] | None = None,
) -> list:
    """Batches for every page and N, one after the other (warm-up: one session per page;
    ``na_opwarmen`` is called between the warm-up and the batches)."""

    async def alles() -> list[Sessies]:
        for pagina in paginas:
            await _batch(basis, pagina, 1, timeout)
        if na_opwarmen:
            na_opwarmen()
        return [await _batch(basis, p, n, timeout) for n in aantallen for p in paginas]

    return asyncio.run(alles())


def verhoudingen(leeg: list[Sessies], app: list[Sessies]) -> list[dict[str, Any]]:
    """Each app batch next to the empty page's batch of the same N."""
    per_n = {m.n: m for m in leeg}
    rijen = []
    for m in app:
        nul = per_n[m.n]
        rijen.append(
            {
                "pagina": m.pagina,
                "n": m.n,
                "sessies_per_s": round(m.per_s, 2),
                "p50_ms": round(m.p50_ms),
                "p95_ms": round(m.p95_ms),
                "kb": round(m.kb, 1),
                "fractie_per_s": round(m.per_s / nul.per_s, 2) if nul.per_s else None,
                "p50_x": round(m.p50_ms / nul.p50_ms, 1) if nul.p50_ms else None,
                "p95_x": round(m.p95_ms / nul.p95_ms, 1) if nul.p95_ms else None,
                "leeg_per_s": round(nul.per_s, 2),
                "leeg_kb": round(nul.kb, 1),
                "fouten": m.fouten,
            }
        )
    return rijen
