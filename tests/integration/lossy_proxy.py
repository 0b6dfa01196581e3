"""A TCP proxy on 127.0.0.1 that can swallow the server's answer to chosen requests.

The request reaches the server and is carried out; the client sees its connection closed with no
answer: the "committed but the response was lost" failure. Clients must not reuse connections
through it (send ``Connection: close``) so each request's first line is seen.
"""
from __future__ import annotations

import socket
import threading
from collections.abc import Callable


class LossyProxy:
    def __init__(self, upstream_port: int, drop: Callable[[str], bool]):
        self.upstream_port = upstream_port
        self.drop = drop  # request line -> swallow its answer?
        self.dropped: list[str] = []
        self.down = False  # refuse to forward at all (the central store is unreachable)
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(32)
        self.port = self._sock.getsockname()[1]
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._stop = True
        self._sock.close()

    def _accept(self) -> None:
        while not self._stop:
            try:
                client, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        with client:
            if self.down:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=60)
            except OSError:
                return
            with upstream:
                first = client.recv(65536)
                line = first.split(b"\r\n", 1)[0].decode("latin-1")
                swallow = self.drop(line)
                upstream.sendall(first)
                threading.Thread(target=_pump, args=(client, upstream), daemon=True).start()
                answer = _read_all(upstream)
                if swallow:
                    self.dropped.append(line)
                    return  # the server has done the work; the client hears nothing
                client.sendall(answer)


def _pump(src: socket.socket, dst: socket.socket) -> None:
    try:
        while data := src.recv(65536):
            dst.sendall(data)
    except OSError:
        pass


def _read_all(sock: socket.socket) -> bytes:
    chunks = []
    try:
        while data := sock.recv(65536):
            chunks.append(data)
    except OSError:
        pass
    return b"".join(chunks)
