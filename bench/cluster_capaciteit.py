"""Capacity through the proxy: new Start sessions per second with 1 and with 2 app processes.

    .venv/bin/python bench/cluster_capaciteit.py [--seconden 30] [--gelijktijdig 16]

Makes one throwaway PostgreSQL database with the demo rounds (scripts/pgtool.py on the local
server), then runs ``deploy/cluster.sh`` twice on it (CLUSTER_N=1, then 2). Each time,
``gelijktijdig`` clients keep opening a new Streamlit session on the Start page through HAProxy,
as a browser does (websocket ``/_stcore/stream``, one ``rerun_script``, until
``script_finished``), for ``seconden`` seconds. Prints sessions/s for both and their ratio.
Not part of ``make test``: it takes a few minutes and both cores.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import subprocess
import sys
import time
import uuid
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "e2e")]  # the harness imports monitor
from browser_harness import Cluster  # noqa: E402

PY = sys.executable
ADMIN = os.environ.get("BENCH_PG_ADMIN", "postgresql://postgres@127.0.0.1:5432/postgres")
KLAAR = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR)


def _pgtool(*args: str) -> None:
    subprocess.run([PY, "scripts/pgtool.py", *args], cwd=ROOT, check=True)


async def _een_sessie(host: str) -> None:
    """One new session on the Start page, as a browser opens it; returns when the run ends."""
    bericht = BackMsg()
    bericht.rerun_script.query_string = ""
    bericht.rerun_script.page_script_hash = ""
    async with websockets.connect(
        f"ws://{host}/_stcore/stream",
        subprotocols=["streamlit"],
        origin=f"http://{host}",
        max_size=None,
        open_timeout=60,
    ) as ws:
        await ws.send(bericht.SerializeToString())
        while True:
            data = await asyncio.wait_for(ws.recv(), timeout=120)
            if isinstance(data, str):
                continue
            msg = ForwardMsg()
            msg.ParseFromString(data)
            if msg.WhichOneof("type") == "script_finished" and msg.script_finished in KLAAR:
                return


async def _belast(host: str, seconden: float, gelijktijdig: int) -> tuple[int, int, float]:
    """(finished sessions, failures, elapsed s) of ``gelijktijdig`` clients for ``seconden``."""
    einde = time.monotonic() + seconden
    klaar = fouten = 0

    async def client() -> None:
        nonlocal klaar, fouten
        while time.monotonic() < einde:
            try:
                await _een_sessie(host)
                klaar += 1
            except Exception:  # noqa: BLE001 - counted, the measurement goes on
                fouten += 1

    start = time.monotonic()
    await asyncio.gather(*(client() for _ in range(gelijktijdig)))
    return klaar, fouten, time.monotonic() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconden", type=float, default=30)
    parser.add_argument("--gelijktijdig", type=int, default=16)
    args = parser.parse_args()
    naam = f"monitor_bench_{uuid.uuid4().hex[:8]}"
    _pgtool("createdb", ADMIN, naam)
    database_url = ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
    database_url += f"/{naam}"
    werk = ROOT / "test-output" / "bench-cluster"
    resultaat: dict[int, float] = {}
    try:
        for n in (1, 2):
            cluster = Cluster(n, werk / f"n{n}", {"DATABASE_URL": database_url}).start(600)
            host = cluster.info["URL"].removeprefix("http://")
            try:
                asyncio.run(_belast(host, 5, args.gelijktijdig))  # warm-up: caches, imports
                klaar, fouten, duur = asyncio.run(_belast(host, args.seconden, args.gelijktijdig))
            finally:
                cluster.stop()
            resultaat[n] = klaar / duur
            print(
                f"{n} proces(sen): {klaar} sessies in {duur:.1f} s = {resultaat[n]:.2f}/s"
                f" ({fouten} mislukt)",
                flush=True,
            )
    finally:
        _pgtool("dropdb", ADMIN, naam)
    print(f"verhouding 2 : 1 = {resultaat[2] / resultaat[1]:.2f}x  (doel >= 1,6x)")
    python = platform.python_version()
    print(f"machine: {os.cpu_count()} cores, {platform.platform()}, Python {python}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
