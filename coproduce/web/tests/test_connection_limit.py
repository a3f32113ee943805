"""Keep-alive users are answered, not queued (issue 25): one server process holds as many
open connections as ``COPRODUCE_SERVER_CONNECTIONS`` says, and more than 1024 of them
(``poll()``, not ``select()``), where waitress' own default of 100 left the rest waiting.

A browser keeps its connection open between pages. Each test opens many such connections
to one real server process at once, asks one page on each and keeps every connection
open, then counts the answers that arrive within a generous wait (no timing is asserted:
answered or not)."""

import resource
import selectors
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coproduce.tooling.testing.postgres import free_port
from coproduce.web import server

ROOT = Path(__file__).resolve().parents[3]

APP = """
import sys
from coproduce.web import server

def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
    return [b"ok"]

server.serve(app, "127.0.0.1", int(sys.argv[1]), threads=4, drain_seconds=1,
             connection_limit=int(sys.argv[2]))
"""

# Far longer than a loopback answer takes, far shorter than waitress's idle timeout (120 s),
# after which a kept-alive connection is closed and a queued one would be let in.
GENEROUS_SECONDS = 20


def start(connection_limit):
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", APP, str(port), str(connection_limit)],
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stderr.read().decode()[-2000:])
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return port, process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("the server did not start")


def answered_on_kept_connections(port, users, wait=GENEROUS_SECONDS):
    """Open ``users`` connections at once, ask a page on each, keep them all open; how
    many were answered within ``wait`` seconds."""
    connections = []
    try:
        for _ in range(users):
            # The kernel completes the handshake for connections the server has not yet
            # accepted (they wait in its backlog), so all of these open.
            one = socket.create_connection(("127.0.0.1", port), timeout=10)
            one.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            one.setblocking(False)
            connections.append(one)
        waiting = selectors.DefaultSelector()
        for one in connections:
            waiting.register(one, selectors.EVENT_READ, bytearray())
        answered = 0
        deadline = time.monotonic() + wait
        while answered < users and time.monotonic() < deadline:
            for key, _ in waiting.select(timeout=max(0.0, deadline - time.monotonic())):
                chunk = key.fileobj.recv(4096)
                key.data.extend(chunk)
                if key.data.startswith(b"HTTP/1.1 200") and key.data.endswith(b"ok"):
                    answered += 1
                    waiting.unregister(key.fileobj)  # answered; still held open
                elif not chunk:
                    waiting.unregister(key.fileobj)  # closed without an answer
        waiting.close()
        return answered
    finally:
        for one in connections:
            one.close()


@pytest.fixture
def open_files():
    """Room in this (the test's) process for the connections it opens."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 4096 if hard == resource.RLIM_INFINITY else min(4096, hard)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    if resource.getrlimit(resource.RLIMIT_NOFILE)[0] < 1500:
        pytest.skip("this machine allows too few open files for the test")
    yield
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_150_keep_alive_users_are_all_answered_with_the_limit_raised(open_files):
    port, process = start(connection_limit=1000)
    try:
        assert answered_on_kept_connections(port, 150) == 150
    finally:
        process.kill()
        process.wait()


def test_waitress_old_default_of_100_would_have_left_them_queued(open_files):
    port, process = start(connection_limit=100)
    try:
        answered = answered_on_kept_connections(port, 150, wait=10)
        # The first hundred or so are answered; the rest wait, unaccepted, behind
        # connections that stay open.
        assert 50 <= answered <= 100
    finally:
        process.kill()
        process.wait()


def test_more_than_1024_connections_in_one_process(open_files):
    """select() cannot watch a file numbered 1024 or more; with poll() the process holds
    and answers them all."""
    port, process = start(connection_limit=1500)
    try:
        assert answered_on_kept_connections(port, 1100, wait=60) == 1100
        assert process.poll() is None
    finally:
        process.kill()
        process.wait()


TOO_FEW_FILES = """
import logging, resource
from coproduce.web import server

logging.basicConfig()
resource.setrlimit(resource.RLIMIT_NOFILE, (256, 512))  # a hard limit of 512 open files
print(server.connections_that_fit(2000, threads=4), resource.getrlimit(resource.RLIMIT_NOFILE)[0])
"""


def test_too_low_a_hard_limit_holds_fewer_connections_and_says_what_to_raise():
    # In a process of its own: a lowered hard limit cannot be raised again.
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", TOO_FEW_FILES], capture_output=True, text=True, cwd=ROOT, check=True
    )
    connections, soft = (int(n) for n in done.stdout.split())
    assert soft == 512  # raised as far as the hard limit allows
    assert connections == 512 - 4 - server.OTHER_FILES
    assert "only 512 open files allowed" in done.stderr
    assert "LimitNOFILE" in done.stderr


def test_the_open_files_limit_is_raised_for_the_connections_asked_for():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    needed = server.open_files_for(1000, threads=8)
    if hard != resource.RLIM_INFINITY and hard < needed:
        pytest.skip("the hard limit here is below what 1000 connections need")
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (256, hard))
        assert server.connections_that_fit(1000, threads=8) == 1000
        assert resource.getrlimit(resource.RLIMIT_NOFILE)[0] >= needed
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_a_connection_limit_below_one_is_refused_by_name():
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="--connection-limit must be 1 or more, not 0"):
        call_command("serve", connection_limit=0)
