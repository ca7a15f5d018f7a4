"""The real server on loopback sockets: slow clients, greedy clients, odd request lines.

On Linux all of 127.0.0.0/8 is this machine: the attackers connect from 127.0.0.1 and the
honest client from 127.0.0.2, so the server sees two client addresses.
"""

from __future__ import annotations

import json
import select
import socket
import threading
import time

import pytest

from qa.settings import load_settings
from qa.web.app import create_app
from qa.web.server import Running

HONEST = "127.0.0.2"


def _settings(index_dir, **extra):
    base = {"INDEX_DIR": str(index_dir), "REQUEST_READ_TIMEOUT": 2, "THREADS": 2}
    return load_settings({**base, **extra}, environ={})


@pytest.fixture()
def serve(index_dir, service):
    def start(**extra) -> Running:
        settings = _settings(index_dir, **extra)
        return Running(create_app(settings, service=service), settings)

    return start


def _port(running: Running) -> int:
    return running.server.effective_port


def raw(port: int, data: bytes, source: str = HONEST, timeout: float = 15) -> bytes:
    """Send ``data`` as it is and read the whole answer.

    Sending stops as soon as an answer arrives: a server that refuses a request early
    closes the connection, and bytes still arriving after that would reset it.
    """
    with socket.create_connection(("127.0.0.1", port), timeout, (source, 0)) as sock:
        for i in range(0, len(data), 8192):
            sock.sendall(data[i : i + 8192])
            if select.select([sock], [], [], 0)[0]:
                break
        else:
            sock.shutdown(socket.SHUT_WR)
        out = b""
        while chunk := sock.recv(65536):
            out += chunk
    return out


def parse(response: bytes) -> tuple[int, dict[str, str], dict]:
    head, _, body = response.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
    return status, headers, json.loads(body.decode("utf-8"))


def ask(port: int, question: str = "光荣牌", source: str = HONEST) -> int:
    body = json.dumps({"question": question, "top_k": 1}).encode("utf-8")
    req = (
        b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Connection: close\r\nContent-Length: %d\r\n\r\n" % len(body)
    ) + body
    return parse(raw(port, req, source))[0]


class Trickle:
    """``n`` connections from 127.0.0.1, each sending its headers one byte a second."""

    def __init__(self, port: int, n: int):
        self.socks: list[socket.socket] = []
        for _ in range(n):
            try:
                s = socket.create_connection(("127.0.0.1", port), 5, ("127.0.0.1", 0))
            except OSError:
                continue
            s.setblocking(False)
            self.socks.append(s)
        self.closed = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        line = b"GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 1000
        for i in range(len(line)):
            for s in list(self.socks):
                try:
                    s.send(line[i : i + 1])
                except OSError:  # closed by the server (reset, or a 429 then close)
                    self.socks.remove(s)
                    self.closed += 1
            if self._stop.wait(1.0):
                return

    def __enter__(self) -> Trickle:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(5)
        for s in self.socks:
            s.close()


def test_slow_clients_cannot_lock_out_others(serve):
    """100 trickling connections from one address: the honest client is still answered."""
    with serve(CONNECTIONS_PER_CLIENT=16) as running, Trickle(_port(running), 100) as slow:
        time.sleep(1.5)
        assert [ask(_port(running)) for _ in range(3)] == [200, 200, 200]
        held = len(running.server.active_channels)
        assert held <= 16 + 1  # the cap, and at most the honest client's own
        # and the 16 held ones are closed once their deadline passes, though still sending
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and slow.socks:
            time.sleep(0.5)
        assert slow.socks == [], "trickling connections were never closed"


def test_slow_clients_are_closed_at_the_read_deadline_even_uncapped(serve):
    """Without the per-address cap, the deadline alone frees every slot in bounded time."""
    with (
        serve(CONNECTIONS_PER_CLIENT=0, CONNECTION_LIMIT=50) as running,
        Trickle(_port(running), 60) as slow,
    ):
        time.sleep(0.5)
        # The slots are all taken now; the honest request waits in the backlog until the
        # deadline (2 s) closes the trickling connections, then it is answered.
        assert ask(_port(running)) == 200
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and slow.socks:
            time.sleep(0.5)
        assert slow.socks == []


def test_too_many_connections_from_one_address_get_a_json_429(serve):
    with serve(CONNECTIONS_PER_CLIENT=2) as running:
        port = _port(running)
        held = [socket.create_connection(("127.0.0.1", port), 5) for _ in range(2)]
        try:
            time.sleep(0.3)
            status, headers, body = parse(raw(port, b"", source="127.0.0.1"))
            assert status == 429 and headers["retry-after"] == "1"
            assert body["error"]["code"] == "too_many_connections"
            assert ask(port) == 200  # another address is not affected
        finally:
            for s in held:
                s.close()


def test_raw_utf8_in_the_request_line_is_read_as_utf8(serve):
    with serve() as running:
        req = "GET /api/ask?q=张店区光荣牌应挂多少户？&top_k=2 HTTP/1.1\r\nHost: x\r\n\r\n"
        status, headers, body = parse(raw(_port(running), req.encode("utf-8")))
    assert status == 200 and headers["content-type"].startswith("application/json")
    assert body["question"] == "张店区光荣牌应挂多少户？" and len(body["passages"]) == 2


LONG_HEADER = b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 300_000 + b"\r\n\r\n"
REFUSALS = [
    (b"BAD\x01LINE\r\n\r\n", 400, "bad_request"),
    (b"GET /api/health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501, None),
    (LONG_HEADER, 431, "header_too_large"),
    (
        b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Length: 9999999\r\n\r\n{}",
        413,
        "payload_too_large",
    ),
    (b"GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: x\r\n\r\n", 400, "bad_request"),
]


@pytest.mark.parametrize("request_bytes,status,code", REFUSALS)
def test_what_the_http_server_refuses_has_the_json_error_shape(serve, request_bytes, status, code):
    with serve() as running:
        got, headers, body = parse(raw(_port(running), request_bytes))
    assert got == status and headers["content-type"] == "application/json"
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    if code:
        assert body["error"]["code"] == code


def test_a_port_in_use_leaves_no_worker_threads_behind(fake_app):
    """waitress starts its workers before it binds: a failed bind must stop them again."""
    from qa.web.server import create_server

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    try:
        before = {t.ident for t in threading.enumerate()}
        with pytest.raises(OSError):
            create_server(fake_app, fake_app.config, host="127.0.0.1", port=taken.getsockname()[1])
        left = [t.name for t in threading.enumerate() if t.ident not in before]
        assert not left, left
    finally:
        taken.close()
