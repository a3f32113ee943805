"""Production behind a reverse proxy that ends HTTPS: the real `coproduce serve` (waitress)
on loopback with production settings, asked as the proxy (127.0.0.1, named in
COPRODUCE_TRUSTED_PROXY) and as someone else (127.0.0.2, which loopback also answers)."""

import http.client
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coproduce.tooling.testing.postgres import free_port
from coproduce.web.tests.test_shell import PRODUCTION

ROOT = Path(__file__).resolve().parents[3]
COPRODUCE = [sys.executable, "-c", "from coproduce.cli import main; main()"]
HOST = "crisis.example.nhs.uk"
PROXY, SOMEONE_ELSE = "127.0.0.1", "127.0.0.2"
HSTS = "max-age=31536000; includeSubDomains; preload"


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """Production settings over a migrated SQLite file, with collected static files."""
    folder = tmp_path_factory.mktemp("production")
    env = {
        **os.environ,
        **PRODUCTION,
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "COPRODUCE_STATIC_ROOT": str(folder / "static"),
        "COPRODUCE_TRUSTED_PROXY": PROXY,
    }
    for command in (["migrate", "-v0"], ["collectstatic", "--no-input", "-v0"]):
        subprocess.run([*COPRODUCE, *command], env=env, check=True, cwd=ROOT, timeout=300)  # noqa: S603
    return env, folder / "db.sqlite3"


def serving(env):
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [*COPRODUCE, "serve", "--port", str(port), "--threads", "2"],
        env=env,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stderr.read().decode()[-2000:])
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, port
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("the server did not start")


@pytest.fixture(scope="module")
def server(production):
    env, _ = production
    process, port = serving(env)
    yield port
    process.send_signal(signal.SIGTERM)
    process.wait(30)


@pytest.fixture(scope="module")
def server_without_redirect(production):
    """The proxy itself sends plain HTTP to HTTPS (SECURE_SSL_REDIRECT=false)."""
    env, _ = production
    process, port = serving({**env, "SECURE_SSL_REDIRECT": "false"})
    yield port
    process.send_signal(signal.SIGTERM)
    process.wait(30)


def ask(port, path, *, source=PROXY, method="GET", body=None, **headers):
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=20, source_address=(source, 0)
    )
    try:
        connection.request(method, path, body=body, headers={"Host": HOST, **headers})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        connection.close()


def test_https_through_the_proxy_is_served_with_hsts_and_secure_cookies(server):
    status, headers, _ = ask(server, "/sign-in", **{"X-Forwarded-Proto": "https"})
    assert status == 200
    assert headers["Strict-Transport-Security"] == HSTS
    cookie = headers["Set-Cookie"]
    assert cookie.startswith("csrftoken=")
    assert {"Secure", "HttpOnly", "SameSite=Lax"} <= {part.strip() for part in cookie.split(";")}


def test_plain_http_through_the_proxy_is_redirected_to_https(server):
    status, headers, _ = ask(server, "/sign-in", **{"X-Forwarded-Proto": "http"})
    assert status == 301
    assert headers["Location"] == f"https://{HOST}/sign-in"


def test_a_monitor_on_the_server_asks_the_probes_over_plain_http_unredirected(server):
    """A monitor on the server itself asks the app directly, over plain HTTP: the probes
    answer (they show no one's data); every page still goes to HTTPS."""
    assert ask(server, "/healthz")[0] == 200
    assert ask(server, "/readyz")[0] == 503  # answered, not redirected (no worker here)
    assert ask(server, "/metrics")[0] == 200  # 127.0.0.1 is a monitoring address
    assert ask(server, "/metrics", source=SOMEONE_ELSE)[0] == 403
    assert ask(server, "/sign-in")[0] == 301


def test_forwarded_headers_from_anyone_but_the_proxy_are_not_believed(server):
    status, headers, _ = ask(
        server, "/sign-in", source=SOMEONE_ELSE, **{"X-Forwarded-Proto": "https"}
    )
    assert status == 301
    assert "Strict-Transport-Security" not in headers


def test_a_sign_in_through_the_proxy_passes_the_csrf_check_and_counts_the_clients_address(
    server, production
):
    """The form's origin (https://…) matches only if the request is known to be secure;
    a wrong password is counted against the address the proxy saw, not one the client
    wrote into X-Forwarded-For, nor the proxy's own."""
    forwarded = {"X-Forwarded-Proto": "https"}
    _, headers, page = ask(server, "/sign-in", **forwarded)
    cookie = headers["Set-Cookie"].split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    status, _, page = ask(
        server,
        "/sign-in",
        method="POST",
        body=f"csrfmiddlewaretoken={token}&username=nobody&password=wrong",
        **forwarded,
        **{
            "X-Forwarded-For": "198.51.100.1, 203.0.113.7",
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "Origin": f"https://{HOST}",
            "Referer": f"https://{HOST}/sign-in",
        },
    )
    assert status == 200  # not 403: the CSRF check passed
    assert "Enter a correct username and password" in page
    _, database = production
    with sqlite3.connect(database) as db:
        counted = db.execute("SELECT ip_address FROM axes_accessattempt").fetchall()
    assert counted == [("203.0.113.7",)]


def test_with_the_redirect_left_to_the_proxy_https_still_gets_hsts(server_without_redirect):
    status, headers, _ = ask(server_without_redirect, "/sign-in", **{"X-Forwarded-Proto": "https"})
    assert status == 200
    assert headers["Strict-Transport-Security"] == HSTS
    # A request that did not come by HTTPS is not told (browsers ignore it over HTTP).
    status, headers, _ = ask(server_without_redirect, "/sign-in")
    assert status == 200
    assert "Strict-Transport-Security" not in headers
