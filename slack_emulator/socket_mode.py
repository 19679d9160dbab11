"""Slack's Socket Mode, emulated: apps.connections.open hands out a ws:// URL, the app
connects, and the emulator pushes envelopes (slash commands, interactions, events) that
the app must acknowledge with their envelope_id."""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import socket
import struct
import threading

_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
TEXT, CLOSE, PING, PONG = 0x1, 0x8, 0x9, 0xA


def accept_key(key: str) -> str:
    return base64.b64encode(hashlib.sha1((key + _GUID).encode()).digest()).decode()


def _frame(opcode: int, payload: bytes) -> bytes:
    head = bytes([0x80 | opcode])
    if len(payload) < 126:
        head += bytes([len(payload)])
    elif len(payload) < 65536:
        head += bytes([126]) + struct.pack("!H", len(payload))
    else:
        head += bytes([127]) + struct.pack("!Q", len(payload))
    return head + payload


def _read_exactly(stream, count: int) -> bytes:
    data = b""
    while len(data) < count:
        chunk = stream.read(count - len(data))
        if not chunk:
            raise ConnectionError("socket closed")
        data += chunk
    return data


def _read_frame(stream) -> tuple[int, bytes]:
    first, second = _read_exactly(stream, 2)
    length = second & 0x7F
    if length == 126:
        length = struct.unpack("!H", _read_exactly(stream, 2))[0]
    elif length == 127:
        length = struct.unpack("!Q", _read_exactly(stream, 8))[0]
    mask = _read_exactly(stream, 4) if second & 0x80 else b"\0\0\0\0"
    data = bytes(b ^ mask[i % 4] for i, b in enumerate(_read_exactly(stream, length)))
    return first & 0x0F, data


class SocketModeHub:
    def __init__(self, on_change) -> None:
        self._connections: list[tuple[socket.socket, threading.Lock]] = []
        self._acks: dict[str, dict] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._on_change = on_change

    @property
    def connected(self) -> int:
        return len(self._connections)

    def serve(self, handler) -> None:
        """Take over an HTTP connection that asked to upgrade, until the app hangs up."""
        key = handler.headers.get("Sec-WebSocket-Key", "")
        handler.send_response(101, "Switching Protocols")
        handler.send_header("Upgrade", "websocket")
        handler.send_header("Connection", "Upgrade")
        handler.send_header("Sec-WebSocket-Accept", accept_key(key))
        handler.end_headers()
        handler.wfile.flush()
        sock, send_lock = handler.connection, threading.Lock()
        hello = {"type": "hello", "num_connections": 1,
                 "connection_info": {"app_id": "A0MENTOR"},
                 "debug_info": {"host": "emulator", "approximate_connection_time": 3600}}
        with send_lock:
            sock.sendall(_frame(TEXT, json.dumps(hello).encode()))
        with self._lock:
            self._connections.append((sock, send_lock))
        self._on_change()
        try:
            while True:
                opcode, data = _read_frame(handler.rfile)
                if opcode == PING:
                    with send_lock:
                        sock.sendall(_frame(PONG, data))
                elif opcode == CLOSE:
                    return
                elif opcode == TEXT:
                    message = json.loads(data)
                    with self._lock:
                        self._acks[message["envelope_id"]] = message.get("payload") or {}
                    self._on_change()
        except (ConnectionError, OSError):
            return
        finally:
            with self._lock:
                self._connections = [c for c in self._connections if c[0] is not sock]
            handler.close_connection = True

    def push(self, envelope_type: str, payload: dict) -> str:
        envelope_id = f"env-{next(self._ids)}"
        envelope = {"envelope_id": envelope_id, "type": envelope_type, "payload": payload,
                    "accepts_response_payload": envelope_type != "events_api",
                    "retry_attempt": 0, "retry_reason": ""}
        with self._lock:
            sock, send_lock = self._connections[-1]
        with send_lock:
            sock.sendall(_frame(TEXT, json.dumps(envelope).encode()))
        return envelope_id

    def ack(self, envelope_id: str) -> dict | None:
        with self._lock:
            return self._acks.get(envelope_id)
