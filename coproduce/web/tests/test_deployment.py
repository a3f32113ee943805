"""The production deployment as shipped, on loopback: PostgreSQL, the app under
``COPRODUCE_ENV=production`` (`coproduce serve`, two processes), the task worker, and
Debian's nginx running ``deploy/nginx/coproduce.conf`` itself, in front, over HTTPS
with a certificate made here. Each promise the site file makes is checked through it,
as a browser would meet it.

The test changes only what must differ on a test machine (ports, the certificate's and
the static files' folders, the log files), and fails if any of those lines is not in the
shipped file as expected, so the file and this proof cannot drift apart.

Run as root (as CI is), nginx starts as root and its workers run as www-data, as Debian's
own nginx.conf says: the test's folder is then made readable to them. Run as anyone else,
nginx runs wholly as that user (the ``user`` line would be ignored, so it is left out).
"""

from __future__ import annotations

import contextlib
import gzip
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from django.http import HttpResponse
from django_otp.oath import totp

from coproduce.tooling.testing.factories import synthetic_nhs_number
from coproduce.tooling.testing.html import check_html
from coproduce.tooling.testing.postgres import TemporaryPostgres, free_port
from coproduce.web.jinja import call_link
from coproduce.web.tests.test_shell import PRODUCTION

pytestmark = pytest.mark.same_on_every_database

ROOT = Path(__file__).resolve().parents[3]
SITE = ROOT / "deploy" / "nginx" / "coproduce.conf"
NGINX = "/usr/sbin/nginx"
COPRODUCE = [sys.executable, "-c", "from coproduce.cli import main; main()"]
HOST = "crisis.example.nhs.uk"
HSTS = "max-age=31536000; includeSubDomains; preload"
PASSWORD = "a-long-password-for-this-test-only-7d2"
UPLOAD_MB = 10
# A second loopback address, which the kernel answers too: someone who is not the
# monitoring on this machine.
OUTSIDER = "127.0.0.2"


@dataclass
class Deployment:
    folder: Path
    https: int
    http: int
    app: int
    ca: ssl.SSLContext
    env: dict[str, str]
    person_id: int
    totp_key: str
    static_root: Path
    access_log: Path
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def log(self, name: str) -> str:
        path = self.folder / f"{name}.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""


def substituted(shipped: str, replacements: list[tuple[str, str, int]]) -> str:
    """The site file with each environment-specific line replaced, each found exactly as
    often as expected in the shipped file (else it has changed and this test with it)."""
    for old, new, times in replacements:
        found = shipped.count(old)
        assert found == times, f"{SITE.name}: expected {old!r} {times} time(s), found {found}"
        shipped = shipped.replace(old, new)
    return shipped


def run(env: dict[str, str], *command: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(  # noqa: S603 - our own command
        [*COPRODUCE, *command],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, f"coproduce {command[0]}: {result.stderr[-3000:]}"
    return result


def start(
    deployment: Deployment, name: str, command: list[str], env: dict[str, str] | None = None
) -> None:
    with (deployment.folder / f"{name}.log").open("ab") as log:
        deployment.processes[name] = subprocess.Popen(  # noqa: S603 - our own commands
            command,
            env=env or deployment.env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop(deployment: Deployment, name: str) -> None:
    process = deployment.processes.pop(name, None)
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(40)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def stop_all(deployment: Deployment) -> None:
    for name in list(deployment.processes):
        stop(deployment, name)


def wait_for_port(deployment: Deployment, name: str, port: int, deadline: float = 90) -> None:
    until = time.monotonic() + deadline
    while time.monotonic() < until:
        if deployment.processes[name].poll() is not None:
            raise AssertionError(f"{name} exited as it started:\n{deployment.log(name)}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{name} did not listen on {port}:\n{deployment.log(name)}")


def start_app(deployment: Deployment) -> None:
    """`coproduce serve` as deploy/systemd runs it: several processes on loopback."""
    serve = ["serve", "--host", "127.0.0.1", "--processes", "2", "--threads", "4"]
    start(deployment, "app", [*COPRODUCE, *serve, "--port", str(deployment.app)])
    wait_for_port(deployment, "app", deployment.app)


def start_worker(deployment: Deployment) -> None:
    """`coproduce worker`, as deploy/systemd runs it: every queue, beating as it waits."""
    start(deployment, "worker", [*COPRODUCE, "worker", "--interval", "1"])


def setup_script(key: str, nhs_number: str) -> str:
    """A team leader with an authenticator app, on a team with one person on its caseload."""
    return f"""
import datetime as dt
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from coproduce.accounts.models import Role, User
from coproduce.care.models import Episode, Person, Team
user = User.objects.create_user(
    "tess.leader", password={PASSWORD!r}, role=Role.TEAM_LEADER,
    first_name="Tess", last_name="Leader",
)
TOTPDevice.objects.create(user=user, name="Authenticator app", key={key!r}, confirmed=True)
team = Team.objects.create(name="Crisis team", kind=Team.Kind.HOME_TREATMENT)
team.staff.add(user)
person = Person.objects.create(
    nhs_number={nhs_number!r}, given_name="Robin", family_name="Example",
    date_of_birth=dt.date(1990, 5, 17),
)
Episode.objects.create(
    person=person, team=team, lead_practitioner=user,
    accepted_at=timezone.now() - dt.timedelta(days=1),
)
print("person", person.pk)
"""


def has_ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


def nginx_config(folder: Path, https: int, http: int, app: int) -> Path:
    shipped = SITE.read_text()
    # The IPv6 listeners on loopback's [::1], where the machine has IPv6 (else left out).
    ipv6 = has_ipv6_loopback()
    site = substituted(
        shipped,
        [
            ("listen 80;", f"listen 127.0.0.1:{http};", 1),
            ("listen [::]:80;", f"listen [::1]:{http};" if ipv6 else "", 1),
            ("listen 443 ssl http2;", f"listen 127.0.0.1:{https} ssl http2;", 1),
            ("listen [::]:443 ssl http2;", f"listen [::1]:{https} ssl http2;" if ipv6 else "", 1),
            (
                "ssl_certificate /etc/ssl/certs/coproduce.crt;",
                f"ssl_certificate {folder}/tls.crt;",
                1,
            ),
            (
                "ssl_certificate_key /etc/ssl/private/coproduce.key;",
                f"ssl_certificate_key {folder}/tls.key;",
                1,
            ),
            ("alias /opt/coproduce/staticfiles/;", f"alias {folder}/static/;", 1),
            ("server 127.0.0.1:8000;", f"server 127.0.0.1:{app};", 1),
            ("/var/log/nginx/coproduce.access.log", f"{folder}/nginx-access.log", 2),
            ("/var/log/nginx/coproduce.error.log", f"{folder}/nginx-site-error.log", 1),
            (f"server_name {HOST};", f"server_name {HOST};", 2),
        ],
    )
    (folder / "site.conf").write_text(site)
    temp = folder / "nginx-temp"
    temp.mkdir()
    # What Debian's /etc/nginx/nginx.conf gives a site, with this test's own files: its
    # user for the workers (only when started as root), mime types, temporary folders.
    main = folder / "nginx.conf"
    main.write_text(
        ("user www-data;\n" if os.geteuid() == 0 else "")
        + f"""daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log info;
events {{ worker_connections 128; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {folder}/site.conf;
}}
"""
    )
    return main


def make_certificate(folder: Path) -> None:
    """A self-signed certificate for the service's name, which the test's client trusts."""
    request = "req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2"
    subprocess.run(  # noqa: S603 - Debian's openssl, our arguments
        [
            "/usr/bin/openssl",
            *request.split(),
            "-subj",
            f"/CN={HOST}",
            "-addext",
            f"subjectAltName=DNS:{HOST}",
            "-keyout",
            str(folder / "tls.key"),
            "-out",
            str(folder / "tls.crt"),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def deployment() -> Iterator[Deployment]:
    if not Path(NGINX).exists():
        raise AssertionError("Debian's nginx is not installed (./scripts/test installs it)")
    folder = Path(tempfile.mkdtemp(prefix="coproduce-deployment-"))
    # nginx's workers run as www-data when nginx is started as root: they must reach the
    # static files (collectstatic writes them readable by all).
    folder.chmod(0o755)
    with contextlib.ExitStack() as cleanup:
        cleanup.callback(shutil.rmtree, folder, ignore_errors=True)
        database = TemporaryPostgres()
        cleanup.callback(database.remove)
        database.initialise().start()
        https, http, app = free_port(), free_port(), free_port()
        left_out = {"DATABASE_URL", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
        env = {
            **{k: v for k, v in os.environ.items() if k not in left_out},
            **PRODUCTION,
            "DATABASE_URL": database.url,
            "ALLOWED_HOSTS": HOST,
            "COPRODUCE_TRUSTED_PROXY": "127.0.0.1",
            "COPRODUCE_PUBLIC_BASE_URL": f"https://{HOST}",
            "COPRODUCE_STATIC_ROOT": str(folder / "static"),
            "COPRODUCE_DATA_DIR": str(folder / "data"),
            "COPRODUCE_MEDIA_DIR": str(folder / "media"),
            "COPRODUCE_BACKUP_DIR": str(folder / "backups"),
            "COPRODUCE_MAX_UPLOAD_MB": str(UPLOAD_MB),
            "COPRODUCE_METRICS_ADDRESSES": "127.0.0.1",
            "PROMETHEUS_MULTIPROC_DIR": str(folder / "metrics"),
            # A worker beats every second and is unready after three without a beat, so
            # /readyz turns within seconds of the worker stopping.
            "COPRODUCE_WORKER_HEARTBEAT_SECONDS": "1",
            "COPRODUCE_WORKER_LOST_AFTER_SECONDS": "3",
            "COPRODUCE_READY_WORKER_SECONDS": "3",
        }
        for name in ("data", "media", "backups", "metrics"):
            (folder / name).mkdir(mode=0o700)
        # Collecting the static files needs no database: it runs while the database is
        # migrated.
        collect = subprocess.Popen(  # noqa: S603 - our own command
            [*COPRODUCE, "collectstatic", "--no-input", "-v0"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        cleanup.callback(collect.kill)
        make_certificate(folder)
        run(env, "migrate", "-v0")
        key = secrets.token_hex(20)
        made = run(env, "shell", "-c", setup_script(key, synthetic_nhs_number(40)))
        found = re.search(r"person (\d+)", made.stdout)
        assert found is not None, made.stdout
        person_id = int(found.group(1))
        _, errors = collect.communicate(timeout=600)
        assert collect.returncode == 0, errors.decode()[-3000:]
        context = ssl.create_default_context(cafile=str(folder / "tls.crt"))
        running = Deployment(
            folder=folder,
            https=https,
            http=http,
            app=app,
            ca=context,
            env=env,
            person_id=person_id,
            totp_key=key,
            static_root=folder / "static",
            access_log=folder / "nginx-access.log",
        )
        cleanup.callback(stop_all, running)
        start_worker(running)
        start_app(running)
        main = nginx_config(folder, https, http, app)
        start(
            running,
            "nginx",
            [NGINX, "-p", str(folder), "-e", str(folder / "nginx-error.log"), "-c", str(main)],
        )
        wait_for_port(running, "nginx", https)
        wait_for_port(running, "nginx", http)
        yield running


@dataclass
class Answer:
    status: int
    headers: Message
    body: str
    raw: bytes = b""

    def header(self, name: str) -> str:
        return self.headers.get(name, "")


class Browser:
    """A browser's side of HTTPS to nginx, on loopback, naming the service's host (SNI and
    Host), trusting the test's certificate, keeping cookies."""

    def __init__(self, deployment: Deployment, source: str = "127.0.0.1") -> None:
        self.deployment = deployment
        self.source = source
        self.cookies: dict[str, str] = {}

    def connection(self) -> http.client.HTTPSConnection:
        deployment, source = self.deployment, self.source

        class ToLoopback(http.client.HTTPSConnection):
            def connect(self) -> None:
                raw = socket.create_connection(
                    ("127.0.0.1", deployment.https), timeout=30, source_address=(source, 0)
                )
                self.sock = deployment.ca.wrap_socket(raw, server_hostname=HOST)

        return ToLoopback(HOST, deployment.https, context=deployment.ca, timeout=30)

    def ask(
        self,
        path: str,
        method: str = "GET",
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        connection = self.connection()
        sent = {"Host": HOST, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            raw = response.read()
            answer = Answer(response.status, response.msg, raw.decode(errors="replace"), raw)
        finally:
            connection.close()
        for cookie in answer.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name] = rest.split(";")[0]
        return answer

    def post_form(self, path: str, fields: dict[str, str]) -> Answer:
        return self.ask(
            path,
            method="POST",
            body=urllib.parse.urlencode(fields).encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"https://{HOST}",
                "Referer": f"https://{HOST}{path}",
            },
        )

    def sign_in(self) -> Answer:
        """Password, then the code from the authenticator app, as a person does."""
        page = self.ask("/sign-in")
        answer = self.post_form(
            "/sign-in",
            {"csrfmiddlewaretoken": token(page), "username": "tess.leader", "password": PASSWORD},
        )
        assert answer.status == 302, answer.body[-2000:]
        code_page = answer.header("Location")
        assert code_page.startswith("/sign-in/code"), code_page
        page = self.ask(code_page)
        code = f"{totp(bytes.fromhex(self.deployment.totp_key)):06d}"
        answer = self.post_form(code_page, {"csrfmiddlewaretoken": token(page), "code": code})
        assert answer.status == 302, answer.body[-2000:]
        return self.ask(answer.header("Location"))


def token(answer: Answer) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', answer.body)
    assert found is not None, answer.body[-2000:]
    return found.group(1)


def plain_http(deployment: Deployment, path: str) -> Answer:
    connection = http.client.HTTPConnection("127.0.0.1", deployment.http, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": HOST})
        response = connection.getresponse()
        return Answer(response.status, response.msg, response.read().decode())
    finally:
        connection.close()


def checked_page(answer: Answer) -> None:
    """Valid HTML with a title, a language and unique ids, as every page the tests fetch."""
    check_html(HttpResponse(answer.body, content_type="text/html; charset=utf-8"))


def logged(deployment: Deployment, path: str, after: int = 0) -> str:
    """The latest line of nginx's access log for this path, among lines after the first
    ``after``. nginx writes a request's line once it is done with it: for a refused upload,
    once it has read and thrown away the rest of the body, after the answer was sent."""
    until = time.monotonic() + 30
    while True:
        lines = deployment.access_log.read_text().splitlines()[after:]
        found = [line for line in lines if f" {path} " in line]
        if found:
            return found[-1]
        assert time.monotonic() < until, f"no line for {path} in:\n" + "\n".join(lines[-20:])
        time.sleep(0.1)


def log_length(deployment: Deployment) -> int:
    return len(deployment.access_log.read_text().splitlines())


def test_plain_http_is_sent_to_the_same_address_over_https(deployment):
    answer = plain_http(deployment, "/sign-in?next=/caseload")
    assert answer.status == 301
    assert answer.header("Location") == f"https://{HOST}/sign-in?next=/caseload"
    # Nothing is served over plain HTTP, static files included.
    assert plain_http(deployment, "/static/nhsuk/nhsuk-frontend.min.css").status == 301


def test_the_redirect_goes_to_the_services_own_name_whatever_host_is_asked(deployment):
    connection = http.client.HTTPConnection("127.0.0.1", deployment.http, timeout=30)
    try:
        connection.request("GET", "/x", headers={"Host": "evil.example.com"})
        response = connection.getresponse()
        assert response.status == 301
        assert response.getheader("Location") == f"https://{HOST}/x"
    finally:
        connection.close()


def test_a_page_over_https_is_served_once_with_hsts_and_the_security_headers(deployment):
    answer = Browser(deployment).ask("/")
    # 200, not a redirect to itself: the app believes nginx that the request was HTTPS.
    assert answer.status == 200
    assert answer.header("Strict-Transport-Security") == HSTS
    policy = answer.header("Content-Security-Policy")
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert answer.header("X-Content-Type-Options") == "nosniff"
    assert answer.header("X-Frame-Options") == "DENY"
    assert answer.header("Referrer-Policy") == "same-origin"
    # nginx does not say its version.
    assert answer.header("Server") == "nginx"
    checked_page(answer)


def handshake(deployment: Deployment, context: ssl.SSLContext) -> ssl.SSLSocket:
    raw = socket.create_connection(("127.0.0.1", deployment.https), timeout=30)
    return context.wrap_socket(raw, server_hostname=HOST)


def test_tls_is_mozillas_intermediate_with_http2(deployment):
    context = ssl.create_default_context(cafile=str(deployment.folder / "tls.crt"))
    context.set_alpn_protocols(["h2", "http/1.1"])
    with handshake(deployment, context) as tls:
        assert tls.version() == "TLSv1.3"
        assert tls.selected_alpn_protocol() == "h2"
    # TLS 1.2 with one of the list's suites is taken; a suite left off the list is not.
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    context.set_ciphers("ECDHE-ECDSA-AES128-GCM-SHA256")
    with handshake(deployment, context) as tls:
        assert tls.cipher()[0] == "ECDHE-ECDSA-AES128-GCM-SHA256"
    context.set_ciphers("ECDHE-ECDSA-AES128-SHA")
    with pytest.raises(ssl.SSLError):
        handshake(deployment, context).close()


def test_static_files_are_served_by_nginx_with_long_caching_for_hashed_names(deployment):
    manifest = json.loads((deployment.static_root / "staticfiles.json").read_text())
    hashed = manifest["paths"]["nhsuk/nhsuk-frontend.min.css"]
    assert re.search(r"\.[0-9a-f]{12}\.css$", hashed)
    browser = Browser(deployment)
    answer = browser.ask(f"/static/{hashed}", headers={"Accept-Encoding": "gzip"})
    assert answer.status == 200
    assert answer.header("Content-Type") == "text/css"
    assert answer.header("Cache-Control") == "public, max-age=31536000, immutable"
    assert answer.header("Strict-Transport-Security") == HSTS
    assert answer.header("X-Content-Type-Options") == "nosniff"
    # nginx sends collectstatic's compressed copy, with nginx's own kind of ETag
    # (hex modification time and size; whitenoise's differ).
    assert answer.header("Content-Encoding") == "gzip"
    assert answer.header("Vary") == "Accept-Encoding"
    assert re.fullmatch(r'W?/?"[0-9a-f]+-[0-9a-f]+"', answer.header("ETag"))
    # The original name is kept too (whitenoise keeps the unhashed files), for an hour.
    answer = browser.ask("/static/nhsuk/nhsuk-frontend.min.css")
    assert answer.status == 200
    assert answer.header("Cache-Control") == "max-age=3600"
    # A file put in the static folder after the app started: the app's whitenoise has
    # never heard of it, so only nginx can be serving it.
    (deployment.static_root / "nginx-only.txt").write_text("served by nginx\n")
    (deployment.static_root / "nginx-only.txt").chmod(0o644)
    answer = browser.ask("/static/nginx-only.txt")
    assert (answer.status, answer.body) == (200, "served by nginx\n")


@pytest.fixture(scope="module")
def signed_in(deployment: Deployment) -> tuple[Browser, Answer]:
    """The team leader, signed in once: a code is taken once only (django-otp refuses the
    same time step's code again), so a second sign-in would wait for the next code."""
    browser = Browser(deployment)
    return browser, browser.sign_in()


def test_a_sign_in_with_password_and_code_reaches_the_home_page(signed_in):
    _, home = signed_in
    assert home.status == 200
    assert "Sign out" in home.body
    assert "no-store" in home.header("Cache-Control")
    checked_page(home)


def test_a_persons_record_is_never_stored(deployment, signed_in):
    browser, _ = signed_in
    answer = browser.ask(f"/people/{deployment.person_id}")
    assert answer.status == 200
    assert "Robin Example" in answer.body
    assert "no-store" in answer.header("Cache-Control")
    assert answer.header("Strict-Transport-Security") == HSTS
    checked_page(answer)


def multipart(name: str, size: int) -> tuple[bytes, str]:
    boundary = secrets.token_hex(16)
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: text/csv\r\n\r\n"
        ).encode()
        + b"a" * size
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


def test_an_upload_over_the_limit_is_refused_by_nginx_with_a_clear_page(deployment):
    before = log_length(deployment)
    body, kind = multipart("feedback.csv", 12_000_000)
    answer = Browser(deployment).ask(
        "/voices/import", method="POST", body=body, headers={"Content-Type": kind}
    )
    assert answer.status == 413
    assert "The file you sent is too large" in answer.body
    assert "split it into smaller files" in answer.body
    for number in (
        'NHS <a href="tel:111">111</a>',
        '<a href="tel:116123">116 123</a>',
        '<a href="tel:999">999</a>',
    ):
        assert number in answer.body
    assert (
        f"Call our crisis line on {call_link(PRODUCTION['COPRODUCE_LOCAL_CRISIS_LINE'])}."
        in answer.body
    )
    assert answer.header("Cache-Control") == "no-store"
    assert "frame-ancestors 'none'" in answer.header("Content-Security-Policy")
    checked_page(answer)
    # The app never saw it: nginx logged no time for the app, under the path asked for.
    line = logged(deployment, "/voices/import", after=before)
    assert '"POST /voices/import HTTP/1.1" 413' in line
    assert " - " in line


def test_an_upload_over_the_limit_over_http2_gets_the_same_clear_page(deployment, tmp_path):
    """Browsers speak HTTP/2 to the site: nginx's page for a refused upload must be the
    same there (it once gave its own bare page over HTTP/2 only)."""
    big = tmp_path / "feedback.csv"
    big.write_bytes(b"a" * 12_000_000)
    done = subprocess.run(  # noqa: S603
        [
            "/usr/bin/curl",
            "--http2",
            "--silent",
            "--show-error",
            "--cacert",
            str(deployment.folder / "tls.crt"),
            "--resolve",
            f"{HOST}:{deployment.https}:127.0.0.1",
            "--form",
            f"file=@{big}",
            "--write-out",
            "\n%{http_version} %{http_code}",
            f"https://{HOST}:{deployment.https}/voices/import",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    body, _, status = done.stdout.rpartition("\n")
    assert status == "2 413", done.stderr
    assert "The file you sent is too large" in body
    assert "116 123" in body


def test_a_file_just_over_the_apps_limit_reaches_the_app_which_says_so(signed_in):
    """nginx's limit sits above the app's: a file the app refuses gets the app's own
    words on the import page, not nginx's page."""
    browser, _ = signed_in
    page = browser.ask("/voices/import")
    body, kind = multipart("feedback.csv", UPLOAD_MB * 1_000_000 + 1)
    boundary = kind.split("=", 1)[1]
    field_part = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
        f"{token(page)}\r\n"
    ).encode()
    answer = browser.ask(
        "/voices/import",
        method="POST",
        body=field_part + body,
        headers={
            "Content-Type": kind,
            "Origin": f"https://{HOST}",
            "Referer": f"https://{HOST}/voices/import",
        },
    )
    # The form drawn again with its error (400), by the app: nginx let it through.
    assert answer.status == 400
    assert f"The selected file must be smaller than {UPLOAD_MB} MB" in answer.body


def test_the_access_log_carries_the_path_and_request_id_but_never_the_query(deployment):
    before = log_length(deployment)
    answer = Browser(deployment).ask("/sign-in?next=/people/find&search=Robin+Example")
    line = logged(deployment, "/sign-in", after=before)
    assert "Robin" not in line
    assert "search=" not in line
    assert "?" not in line
    # nginx's id for the request is the one the app answered with (and logged under).
    request_id = answer.header("X-Request-ID")
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    assert line.endswith(f" {request_id}")
    assert request_id in deployment.log("app")


def test_when_the_app_is_not_running_nginx_answers_with_its_page(deployment):
    stop(deployment, "app")
    try:
        answer = Browser(deployment).ask("/caseload")
        assert answer.status == 502
        assert "Sorry, the service is not available right now" in answer.body
        for number in (
            'NHS <a href="tel:111">111</a>',
            '<a href="tel:116123">116 123</a>',
            '<a href="tel:999">999</a>',
        ):
            assert number in answer.body
        # The trust's own line too, written in when the static files were collected, in
        # the page and in the compressed copy nginx sends a browser that takes one.
        line = f"Call our crisis line on {call_link(PRODUCTION['COPRODUCE_LOCAL_CRISIS_LINE'])}."
        assert line in answer.body
        packed = Browser(deployment).ask("/caseload", headers={"Accept-Encoding": "gzip"})
        assert packed.header("Content-Encoding") == "gzip"
        assert line in gzip.decompress(packed.raw).decode()
        assert answer.header("Strict-Transport-Security") == HSTS
        checked_page(answer)
        # Its stylesheet comes from nginx too, with the app away.
        assert Browser(deployment).ask("/static/nhsuk/nhsuk-frontend.min.css").status == 200
    finally:
        start_app(deployment)


def wait_for_readiness(browser: Browser, status: int) -> dict[str, Any]:
    """/readyz's answer once it gives this status (the worker beats, or stops, within
    seconds; a busy machine may take longer)."""
    until = time.monotonic() + 60
    while True:
        answer = browser.ask("/readyz")
        if answer.status == status or time.monotonic() > until:
            break
        time.sleep(0.5)
    assert answer.status == status, answer.body
    # The app's own answer, passed through: not nginx's page, never kept.
    assert answer.header("Content-Type") == "application/json"
    assert "no-store" in answer.header("Cache-Control")
    readiness: dict[str, Any] = json.loads(answer.body)
    return readiness


def test_readyz_turns_unready_naming_the_worker_when_the_worker_stops(deployment):
    browser = Browser(deployment)
    ready = wait_for_readiness(browser, 200)
    assert ready["status"] == "ready"
    assert {name: check["ok"] for name, check in ready["checks"].items()} == {
        "database": True,
        "migrations": True,
        "worker": True,
        "queue": True,
    }
    stop(deployment, "worker")
    try:
        unready = wait_for_readiness(browser, 503)
        assert unready["status"] == "unready"
        worker = unready["checks"]["worker"]
        assert worker["ok"] is False
        assert "the task worker stopped at" in worker["detail"]
        assert all(check["ok"] for name, check in unready["checks"].items() if name != "worker")
    finally:
        start_worker(deployment)
    assert wait_for_readiness(browser, 200)["status"] == "ready"


def ask_the_app(deployment: Deployment, path: str, source: str, **headers: str) -> Answer:
    """The app itself, not through nginx, from this address."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", deployment.app, timeout=30, source_address=(source, 0)
    )
    try:
        connection.request("GET", path, headers={"Host": HOST, **headers})
        response = connection.getresponse()
        return Answer(response.status, response.msg, response.read().decode())
    finally:
        connection.close()


def test_metrics_are_refused_from_outside_the_allowed_addresses_by_nginx_and_by_the_app(
    deployment,
):
    """COPRODUCE_METRICS_ADDRESSES is 127.0.0.1 here; 127.0.0.2 is another address on
    loopback, someone else."""
    # nginx refuses it itself (its own 403: the app is never asked).
    before = log_length(deployment)
    refused = Browser(deployment, source=OUTSIDER).ask("/metrics")
    assert refused.status == 403
    assert "coproduce_" not in refused.body
    line = logged(deployment, "/metrics", after=before)
    assert line.startswith(f"{OUTSIDER} ")
    assert " 403 " in line
    assert " - " in line  # no time for the app: it was not asked
    # The app gives the outsider nothing either. Reaching it directly, the outsider is not
    # the proxy, so its X-Forwarded-Proto is not believed: it is sent to HTTPS (or refused
    # by address, were /metrics exempt from the redirect).
    https = {"X-Forwarded-Proto": "https"}
    direct = ask_the_app(deployment, "/metrics", OUTSIDER, **https)
    assert direct.status in {301, 403}
    assert "coproduce_" not in direct.body
    # Through the proxy, the app judges the client's address the proxy passes on.
    through_proxy = ask_the_app(
        deployment, "/metrics", "127.0.0.1", **https, **{"X-Forwarded-For": OUTSIDER}
    )
    assert through_proxy.status == 403
    assert "only to the service's monitoring addresses" in through_proxy.body
    # This machine's monitoring reads it through nginx: the two server processes' counts
    # together, and the service's state.
    answer = Browser(deployment).ask("/metrics")
    assert answer.status == 200
    assert answer.header("Content-Type").startswith("text/plain; version=")
    for name in (
        "coproduce_risk_alerts_unacknowledged",
        "coproduce_risk_alert_oldest_unacknowledged_age_seconds",
        "coproduce_messages",
        "coproduce_messages_waiting_to_retry",
        "coproduce_task_worker_last_heartbeat_age_seconds",
        "coproduce_request_duration_seconds_bucket",
        "coproduce_sign_in_failures_total",
        "coproduce_sign_in_lockouts_total",
        "coproduce_database_up",
    ):
        assert re.search(rf"^{name}[{{ ]", answer.body, re.MULTILINE), name


def server_processes(deployment: Deployment) -> set[int]:
    """The server processes `coproduce serve` runs now (its children)."""
    supervisor = deployment.processes["app"].pid
    children = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            # pid (name) state ppid …: the name may hold spaces, so split after it.
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == supervisor:
                children.add(int(stat.parent.name))
    return children


def test_a_reload_through_nginx_answers_every_request_meanwhile(deployment):
    """`systemctl reload coproduce-web` after an upgrade (SIGHUP): the server processes are
    replaced while nginx holds connections open to the old ones. Every request meanwhile,
    GET or POST, is answered by the app; none gets nginx's "not available" page."""
    old = server_processes(deployment)
    assert len(old) == 2
    answers: list[int] = []
    stop_asking = threading.Event()

    def keep_asking() -> None:
        browser = Browser(deployment)
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        while not stop_asking.is_set():
            answers.append(browser.ask("/sign-in").status)
            # A form posted without its token: the app refuses it (403), and nginx never
            # sends a POST twice, so a connection the app closed under it would show here.
            answers.append(browser.ask("/sign-in", "POST", b"username=x", form).status)

    askers = [threading.Thread(target=keep_asking) for _ in range(2)]
    for asker in askers:
        asker.start()
    try:
        time.sleep(1)
        deployment.processes["app"].send_signal(signal.SIGHUP)
        until = time.monotonic() + 120
        while time.monotonic() < until:
            now = server_processes(deployment)
            gone = not any(Path(f"/proc/{pid}").exists() for pid in old)
            if len(now) == 2 and not now & old and gone:
                break
            time.sleep(0.2)
        time.sleep(1)
    finally:
        stop_asking.set()
        for asker in askers:
            asker.join(60)
    assert len(now) == 2
    assert not now & old, deployment.log("app")
    assert len(answers) > 20
    assert set(answers) == {200, 403}, sorted(set(answers))
