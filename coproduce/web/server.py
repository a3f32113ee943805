"""The production server (waitress), stopping gracefully.

On SIGTERM or SIGINT the server stops accepting connections at once, lets the requests
already in hand finish and their answers be sent (up to a drain time), then exits. A
deployment's rolling restart therefore drops no one's half-saved contact record.
"""

from __future__ import annotations

import _thread
import logging
import signal
import threading
import time
from typing import Any

from waitress.server import create_server
from waitress.wasyncore import dispatcher

logger = logging.getLogger(__name__)


def busy(server: Any) -> bool:
    """Whether any request is still being answered or its answer still being sent."""
    tasks = server.task_dispatcher
    if tasks.active_count or tasks.queue:
        return True
    return any(
        channel.requests or channel.total_outbufs_len
        for channel in list(server.active_channels.values())
    )


def serve(app: Any, host: str, port: int, threads: int, drain_seconds: float) -> None:
    # One TCP listener (waitress types it as that or a multi-socket server).
    server: Any = create_server(app, host=host, port=port, threads=threads)
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

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    server.print_listen("Serving Coproduce at http://{}:{}/")
    server.run()
    logger.info("stopped")
