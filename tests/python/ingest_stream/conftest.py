"""Fixtures for the streaming path: a moto server on 127.0.0.1 (port 0) standing in for AWS, and a fresh
stack per test (stream_stack.build_stack).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from moto.server import ThreadedMotoServer
from stream_stack import Stack, build_stack


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    # The server logs every request at INFO: thousands of lines in a failure report, none useful.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def stack(moto_endpoint: str) -> Stack:
    return build_stack(moto_endpoint)
