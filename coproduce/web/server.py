"""The production server (waitress), stopping gracefully, in one process or several.

On SIGTERM or SIGINT the server stops accepting connections at once, lets the requests
already in hand finish and their answers be sent (up to a drain time), then exits. A
deployment's rolling restart therefore drops no one's half-saved contact record.

waitress answers in one Python process, so one core at a time runs the site's Python.
``supervise`` runs several such processes on one port: it opens the listening socket
once and each process it starts inherits it and accepts from it, so connections wait in
one queue that no process owns. It restarts a process that dies, and on SIGTERM passes
the signal on and waits for each to drain. A process killed outright (SIGKILL, out of
memory) takes with it only the requests it was answering; connections waiting to be
accepted stay queued for the others. On SIGHUP it replaces its processes with new ones,
which run the code then on disk, starting the new before stopping the old: an upgrade
without a moment when nothing accepts, and without losing a waiting connection.

Behind a reverse proxy that ends HTTPS, waitress is told the proxy's address
(``TrustedProxy``), so that it believes the proxy's X-Forwarded-Proto and X-Forwarded-For
and no one else's: without it, every request looks like plain HTTP from the proxy.
"""

from __future__ import annotations

import _thread
import logging
import os
import resource
import select
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from waitress.server import create_server
from waitress.wasyncore import dispatcher

logger = logging.getLogger(__name__)

# Set by ``supervise`` for each process it starts: a pipe on which the process says it is
# listening, so one that exits before saying so is known not to be able to serve,
# however slowly a loaded machine starts it.
READY_FD = "COPRODUCE_SERVER_READY_FD"


def busy(server: Any) -> bool:
    """Whether any request is still being answered or its answer still being sent."""
    tasks = server.task_dispatcher
    if tasks.active_count or tasks.queue:
        return True
    return any(
        channel.requests or channel.total_outbufs_len
        for channel in list(server.active_channels.values())
    )


# Set by ``supervise`` for each process it starts: the listening socket they all share.
LISTENER_FD = "COPRODUCE_SERVER_LISTENER_FD"
# Connections the kernel queues for the server before they are accepted.
BACKLOG = 1024


def listening_socket(host: str, port: int) -> socket.socket:
    """The one listening socket ``supervise``'s processes share: opened once, by the
    supervisor, and inherited by each process it starts (as gunicorn's workers share
    theirs). Connections wait in its one queue, which outlives any one process: a process
    that stops (or is killed) takes none of the waiting connections with it."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    listener = socket.socket(family, kind, proto)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(address)
    listener.listen(BACKLOG)
    listener.set_inheritable(True)
    return listener


@dataclass(frozen=True)
class TrustedProxy:
    """The reverse proxy in front (settings ``TRUSTED_PROXY``…): waitress takes the
    scheme and the client's address from these headers when they come from ``address``
    (an IP address, or ``*`` for any), and drops them from anyone else."""

    address: str
    count: int = 1
    headers: tuple[str, ...] = ("x-forwarded-proto", "x-forwarded-for")

    def options(self) -> dict[str, Any]:
        return {
            "trusted_proxy": self.address,
            "trusted_proxy_count": self.count,
            "trusted_proxy_headers": set(self.headers),
        }


# Files a server process keeps open besides its connections (and one database connection
# per thread): the listening socket, waitress' trigger, logs, libraries, the metrics files.
OTHER_FILES = 256


def open_files_for(connections: int, threads: int) -> int:
    """The open-files limit one server process needs for ``connections`` at once."""
    return connections + threads + OTHER_FILES


def raise_open_files_limit(needed: int) -> int:
    """Raise this process's soft limit on open files (RLIMIT_NOFILE) to ``needed``, as far
    as the hard limit allows; return the soft limit now in force. Each open connection is
    an open file, and a process out of them refuses connections (EMFILE)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < needed:
        target = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
        if target > soft:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
    return needed if soft == resource.RLIM_INFINITY else soft


def connections_that_fit(connections: int, threads: int) -> int:
    """``connections``, or fewer (with a warning naming the fix) when the open-files limit
    cannot be raised far enough for that many."""
    limit = raise_open_files_limit(open_files_for(connections, threads))
    fit = limit - threads - OTHER_FILES
    if fit >= connections:
        return connections
    fit = max(fit, 10)
    logger.warning(
        "only %s open files allowed (the hard limit, RLIMIT_NOFILE), too few for %s "
        "connections at once: holding at most %s. Raise the limit (systemd: LimitNOFILE= "
        "in coproduce-web.service; a shell: ulimit -Hn) to %s or more, or lower "
        "COPRODUCE_SERVER_CONNECTIONS",
        limit,
        connections,
        fit,
        open_files_for(connections, threads),
    )
    return fit


def serve(
    app: Any,
    host: str,
    port: int,
    threads: int,
    drain_seconds: float,
    *,
    proxy: TrustedProxy | None = None,
    connection_limit: int = 2000,
) -> None:
    options = {
        "threads": threads,
        "backlog": BACKLOG,
        # Open connections held at once (waitress' default is 100: a browser keeps its
        # connection open between pages, so the 101st person waited for one to close).
        "connection_limit": connections_that_fit(connection_limit, threads),
        # poll(), not select(): select() cannot watch a file numbered 1024 or more, so a
        # process holding more connections than that would fail.
        "asyncore_use_poll": True,
        **(proxy.options() if proxy else {}),
    }
    # One TCP listener (waitress types it as that or a multi-socket server): the one the
    # supervisor opened, or this process's own.
    inherited = os.environ.pop(LISTENER_FD, None)
    if inherited is not None:
        listener = socket.socket(fileno=int(inherited))
        server: Any = create_server(app, sockets=[listener], **options)
    else:
        server = create_server(app, host=host, port=port, **options)
    ready = os.environ.pop(READY_FD, None)
    if ready is not None:
        os.write(int(ready), b"1")
        os.close(int(ready))
    if proxy is not None:
        where = "any address" if proxy.address == "*" else proxy.address
        logger.info("trusting %s from %s", ", ".join(proxy.headers), where)
    stopping = threading.Event()
    drained = threading.Event()

    def close_listener() -> None:
        # Run in the server's loop (a socket closed under its select() would break it).
        # Only the listening socket: the server's own close() also stops the trigger
        # that wakes the loop to send answers, which are still to be sent.
        dispatcher.close(server)

    def drain() -> None:
        server.trigger.pull_trigger(close_listener)
        time.sleep(0.1)
        deadline = time.monotonic() + drain_seconds
        while busy(server) and time.monotonic() < deadline:
            time.sleep(0.05)
        if busy(server):
            logger.warning("shutting down with requests still in hand after %ss", drain_seconds)
        drained.set()
        _thread.interrupt_main()  # stop() below, in the main thread, ends server.run()

    def stop(signum: int, frame: Any) -> None:
        if drained.is_set():
            raise KeyboardInterrupt  # server.run() takes this as the end, and stops its threads
        if stopping.is_set():
            return
        stopping.set()
        logger.info("signal %s: no new connections; finishing requests in hand", signum)
        threading.Thread(target=drain, name="drain", daemon=True).start()

    def cannot_reload(signum: int, frame: Any) -> None:
        logger.warning(
            "SIGHUP: one server process cannot be replaced without a gap; serve with "
            "--processes 2 or more to reload without dropping requests"
        )

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if ready is None:  # on its own, not one of supervise's copies
        signal.signal(signal.SIGHUP, cannot_reload)
    server.print_listen("Serving Coproduce at http://{}:{}/")
    server.run()
    logger.info("stopped")


class StartFailed(Exception):
    """A server process exited as soon as it started (the port is taken, say)."""


class _Process:
    """A server process that ``supervise`` started, and whether it has said it listens."""

    def __init__(self, command: Sequence[str], listener: socket.socket) -> None:
        self._ready_pipe, write = os.pipe()
        shared = listener.fileno()
        self.popen = subprocess.Popen(  # noqa: S603 - our own command
            list(command),
            pass_fds=(write, shared),
            env={**os.environ, READY_FD: str(write), LISTENER_FD: str(shared)},
        )
        os.close(write)
        self.ready = False

    def listening(self) -> bool:
        if not self.ready and select.select([self._ready_pipe], [], [], 0)[0]:
            self.ready = os.read(self._ready_pipe, 1) == b"1"
        return self.ready

    def close(self) -> None:
        os.close(self._ready_pipe)


# How long new copies have, on a reload, to say they listen before the old go on instead.
RELOAD_START_SECONDS = 120


def _stop(processes: Sequence[_Process], drain_seconds: float) -> None:
    """SIGTERM each, wait while they drain (then kill what is left), and tidy up."""
    children = [process.popen for process in processes]
    for child in children:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + drain_seconds + 10
    for child in children:
        try:
            child.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            logger.warning("server process %s did not stop in time; killing it", child.pid)
            child.kill()
            child.wait()
    for process in processes:
        process.close()


def _replace(
    old: list[_Process],
    command: Sequence[str],
    listener: socket.socket,
    drain_seconds: float,
    draining: list[Any],
) -> list[_Process]:
    """A reload: start new copies (running the code now on disk) and, once every one
    accepts from the shared socket beside the old, tell the old to stop; they finish their
    requests in hand while the new take the waiting and new connections (the queue is the
    socket's, not a process's, so none is lost). If the new cannot start
    (a mistake in the new code, say), they are stopped and the old go on serving."""
    logger.info("SIGHUP: starting %s new server processes", len(old))
    new = [_Process(command, listener) for _ in old]
    deadline = time.monotonic() + RELOAD_START_SECONDS
    while not all(process.listening() for process in new):
        exited = [p for p in new if p.popen.poll() is not None and not p.listening()]
        if exited or time.monotonic() > deadline:
            logger.error(
                "reload refused: the new server processes did not start; the old ones go on"
            )
            _stop(new, drain_seconds)
            return old
        time.sleep(0.1)
    logger.info("new server processes listening; the old ones finish their requests and stop")
    drain = threading.Thread(target=_stop, args=(old, drain_seconds), name="old-servers")
    drain.start()
    draining.append(drain)
    return new


def supervise(
    command: Sequence[str], processes: int, drain_seconds: float, listener: socket.socket
) -> None:
    """Run ``processes`` copies of a one-process server ``command`` until SIGTERM or SIGINT.

    A copy that dies after it was listening is started again (and the death logged); one
    that dies before it was listening means the command cannot serve (the port is taken,
    say), so the others are stopped and ``StartFailed`` raised. On SIGTERM or SIGINT each
    copy is sent SIGTERM and waited for while it drains. On SIGHUP (``systemctl reload``)
    the copies are replaced by new ones without a moment when none listens (``_replace``).
    """
    stopping = threading.Event()
    reloading = threading.Event()

    def stop(signum: int, frame: Any) -> None:
        stopping.set()

    def reload(signum: int, frame: Any) -> None:
        reloading.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGHUP, reload)
    started = [_Process(command, listener) for _ in range(processes)]
    draining: list[threading.Thread] = []
    failed = None
    while not stopping.is_set():
        if reloading.is_set() and all(process.listening() for process in started):
            reloading.clear()
            started = _replace(started, command, listener, drain_seconds, draining)
        for n, process in enumerate(started):
            was_listening = process.listening()
            code = process.popen.poll()
            if code is None:
                continue
            if not (was_listening or process.listening()):
                failed = StartFailed(f"a server process exited with {code} as it started")
                stopping.set()
                break
            logger.warning(
                "server process %s exited with %s; starting another", process.popen.pid, code
            )
            process.close()
            started[n] = _Process(command, listener)
        stopping.wait(0.2)
    # Stopping: once each process has closed its copy too, new connections are refused.
    listener.close()
    _stop(started, drain_seconds)
    for drain in draining:
        drain.join()
    if failed is not None:
        raise failed
