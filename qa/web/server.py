"""The HTTP server: waitress, with the guards it lacks against slow, greedy or odd clients.

waitress reads requests on one event loop and closes only *idle* connections: a client that
sends its headers a byte a second is never idle, so a hundred such connections hold every
slot for as long as they keep sending. Three additions, each a subclass hook waitress has:

- a request deadline: a connection whose request (headers and body) is not complete
  ``REQUEST_READ_TIMEOUT`` seconds after its first byte (or after the connection opened) is
  closed, however steadily it trickles;
- at most ``CONNECTIONS_PER_CLIENT`` open connections per client address; more are
  answered 429 and closed at once, so one client cannot take every slot;
- waitress's own refusals (a bad request line, a header or body over its limits, an
  unsupported Transfer-Encoding) get the API's JSON error shape instead of plain text, and
  raw UTF-8 in a request line (what curl sends for ``?q=中文``) is percent-encoded before
  parsing instead of refused as a "Bad URI".

We keep waitress rather than moving to another server: it is pure Python, already serves
the app, and its loop never gives a slow client a worker thread; it only lacked a deadline.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Mapping
from typing import Any

from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import TcpWSGIServer
from waitress.task import ErrorTask
from waitress.utilities import Error

log = logging.getLogger("qa.web.server")
DRAIN_CHUNKS = 64  # at most 4 MiB of a refused request read and dropped before closing

# waitress's error classes -> the API's error codes (anything else: bad_request).
WAITRESS_CODES = {
    "RequestHeaderFieldsTooLarge": "header_too_large",
    "RequestEntityTooLarge": "payload_too_large",
    "ServerNotImplemented": "not_implemented",
    "BadRequest": "bad_request",
}


def error_body(code: str, message: str) -> bytes:
    return json.dumps({"error": {"code": code, "message": message}}).encode("utf-8")


def _percent_encode_high(line: bytes) -> bytes:
    return b"".join(b"%%%02X" % c if c >= 0x80 else bytes((c,)) for c in line)


class Parser(HTTPRequestParser):
    def parse_header(self, header_plus: bytes) -> None:
        first, sep, rest = header_plus.partition(b"\n")
        if any(c >= 0x80 for c in first):
            first = _percent_encode_high(first)
        super().parse_header(first + sep + rest)


class JSONErrorTask(ErrorTask):
    """waitress's own refusals, in the API's one error shape."""

    def execute(self) -> None:
        e: Error = self.request.error
        code = WAITRESS_CODES.get(type(e).__name__, "bad_request")
        # waitress's message names the rule broken; its reason line the kind of refusal
        body = error_body(code, f"{e.reason}: {e.body}")
        self.status = f"{e.code} {e.reason}"
        self.response_headers.append(("Content-Type", "application/json"))
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class Channel(HTTPChannel):
    parser_class = Parser
    error_task_class = JSONErrorTask

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # when the request now being received began (None: none is being received)
        self.request_started: float | None = self.creation_time

    def received(self, data: bytes) -> bool:
        if data and self.request is None and self.request_started is None:
            self.request_started = time.time()
        result = super().received(data)
        if self.request is None:  # every request received so far is complete
            self.request_started = None
        return result

    def handle_close(self) -> None:
        # A refused request (too large, malformed) is answered before the client has sent
        # all of it: closing with its bytes unread would reset the connection, and the
        # client would lose the answer. Drop what has arrived (a bounded amount) first.
        try:
            self.socket.setblocking(False)
            for _ in range(DRAIN_CHUNKS):
                if not self.socket.recv(1 << 16):
                    break
        except OSError:
            pass
        super().handle_close()


class Server(TcpWSGIServer):
    channel_class = Channel

    def __init__(self, *args, read_timeout: float, per_client: int, **kwargs):
        self.read_timeout = float(read_timeout)
        self.per_client = int(per_client)
        super().__init__(*args, **kwargs)

    def maintenance(self, now: float) -> None:
        super().maintenance(now)
        cutoff = now - self.read_timeout
        for channel in list(self.active_channels.values()):
            started = getattr(channel, "request_started", None)
            if started is not None and started < cutoff and not channel.will_close:
                log.info("closing a connection that sent no whole request in time")
                channel.will_close = True

    def handle_accept(self) -> None:
        if self.per_client <= 0:
            return super().handle_accept()
        try:
            pair = self.accept()
        except OSError:
            return None
        if pair is None:
            return None
        conn, addr = pair
        host = addr[0] if isinstance(addr, tuple) else addr
        held = sum(
            1
            for ch in self.active_channels.values()
            if (ch.addr[0] if isinstance(ch.addr, tuple) else ch.addr) == host
        )
        if held >= self.per_client:
            _refuse(conn, self.per_client)
            return None
        try:
            self.set_socket_options(conn)
        except OSError:
            conn.close()
            return None
        self.channel_class(self, conn, self.fix_addr(addr), self.adj, map=self._map)
        return None


def _refuse(conn, limit: int) -> None:
    body = error_body(
        "too_many_connections",
        f"this address already has {limit} open connections; close one and retry",
    )
    head = (
        "HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\n"
        f"Retry-After: 1\r\nConnection: close\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    try:
        conn.setblocking(False)
        conn.send(head.encode("ascii") + body)  # small: fits the socket's buffer
    except OSError:
        pass
    finally:
        conn.close()


def server_options(settings: Mapping[str, Any]) -> dict[str, Any]:
    """waitress's adjustments for `qa serve` (and the serving tests), from the settings."""
    timeout = int(settings["REQUEST_TIMEOUT"])
    read_timeout = int(settings["REQUEST_READ_TIMEOUT"])
    return {
        "threads": int(settings["THREADS"]),
        "channel_timeout": timeout,
        # Channels are checked on each cleanup pass: check often enough that neither an
        # idle connection nor a slow request lives much past its limit.
        "cleanup_interval": max(1, min(10, timeout // 2, read_timeout // 2)),
        "connection_limit": int(settings["CONNECTION_LIMIT"]),
        # waitress buffers a whole body before the app sees it: refuse absurd ones there
        # (JSON 413 from JSONErrorTask); anything over MAX_BODY_BYTES gets the app's 413.
        "max_request_body_size": max(1 << 20, 4 * int(settings["MAX_BODY_BYTES"])),
        "ident": "qa",
    }


def create_server(app, settings: Mapping[str, Any], host: str | None = None, port=None):
    """The guarded waitress server for ``app``, listening but not yet running."""
    from waitress.adjustments import Adjustments
    from waitress.task import ThreadedTaskDispatcher

    adj = Adjustments(
        host=host or settings["HOST"],
        port=int(settings["PORT"] if port is None else port),
        **server_options(settings),
    )
    dispatcher = ThreadedTaskDispatcher()
    dispatcher.set_thread_count(adj.threads)
    try:
        return Server(
            app,
            map={},
            dispatcher=dispatcher,
            adj=adj,
            read_timeout=settings["REQUEST_READ_TIMEOUT"],
            per_client=settings["CONNECTIONS_PER_CLIENT"],
        )
    except BaseException:
        # The port is taken (or the address not ours): the worker threads the dispatcher
        # started must not outlive the server that never was.
        dispatcher.shutdown(cancel_pending=True, timeout=5)
        raise


class Running:
    """A server run in a background thread (tests, the benchmark): ``with Running(...)``."""

    def __init__(self, app, settings: Mapping[str, Any], host: str = "127.0.0.1"):
        self.server = create_server(app, settings, host=host, port=0)
        self.url = f"http://{host}:{self.server.effective_port}"
        self._thread = threading.Thread(target=self.server.run, name="qa-server", daemon=True)

    def __enter__(self) -> Running:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        server = self.server

        def _close_everything():  # runs in the server's own loop thread
            for channel in list(server.active_channels.values()):
                channel.close()
            server.close()

        try:
            server.trigger.pull_trigger(_close_everything)
        except OSError:  # the loop's wake-up pipe is gone (seen once in a full test run):
            _close_everything()  # close from here; the loop ends with its map empty
        self._thread.join(timeout=10)
        server.task_dispatcher.shutdown()
        if self._thread.is_alive():
            raise RuntimeError("the server did not stop")
