"""The demo's commands reach the demo on the ports it was started with.

``./scripts/demo`` writes DATA_DIR/demo-ports while it runs; a command run in another
terminal, with none of the demo's environment, reads it."""

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from coproduce.tooling.testing.fake_notify import FakeNotify

LEFT_OUT = {"NOTIFY_BASE_URL", "COPRODUCE_PUBLIC_BASE_URL", "PORT", "NOTIFY_PORT"}


def run(args, data_dir, **env):
    """A command with none of the demo's environment, as in another terminal."""
    environment = {k: v for k, v in os.environ.items() if k not in LEFT_OUT | {"DATABASE_URL"}}
    environment.update(COPRODUCE_DATA_DIR=str(data_dir), **env)
    return subprocess.run(  # noqa: S603 - our own interpreter and command
        args, capture_output=True, text=True, env=environment, timeout=120, check=False
    )


def settings_seen(data_dir, **env):
    code = (
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.NOTIFY_BASE_URL); print(settings.PUBLIC_BASE_URL)"
    )
    result = run(
        [sys.executable, "-c", code], data_dir, DJANGO_SETTINGS_MODULE="coproduce.settings", **env
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_settings_take_the_ports_the_demo_was_started_with(tmp_path):
    assert settings_seen(tmp_path) == ["http://127.0.0.1:8025", "http://127.0.0.1:8000"]
    (tmp_path / "demo-ports").write_text("PORT=8080\nNOTIFY_PORT=8026\n")
    assert settings_seen(tmp_path) == ["http://127.0.0.1:8026", "http://127.0.0.1:8080"]
    # The environment still wins, as it always has.
    assert settings_seen(tmp_path, NOTIFY_PORT="8027")[0] == "http://127.0.0.1:8027"
    assert settings_seen(tmp_path, NOTIFY_BASE_URL="http://127.0.0.1:9")[0] == (
        "http://127.0.0.1:9"
    )


def test_a_port_that_is_not_a_number_is_refused_by_name(tmp_path):
    (tmp_path / "demo-ports").write_text("NOTIFY_PORT=eighty\n")
    result = run(
        [sys.executable, "-c", "import django; django.setup()"],
        tmp_path,
        DJANGO_SETTINGS_MODULE="coproduce.settings",
    )
    assert result.returncode != 0
    assert "NOTIFY_PORT must be a port number, not 'eighty'" in result.stderr


@pytest.fixture
def service():
    """A stand-in for the service's inbound-text address, keeping what arrives."""
    arrived = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            arrived.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/notify/inbound-sms", arrived
    server.shutdown()


def test_text_in_reaches_the_fake_notify_of_a_demo_on_other_ports(tmp_path, service, settings):
    inbound_url, arrived = service
    with FakeNotify(settings.NOTIFY_API_KEY, inbound_url=inbound_url) as fake:
        port = fake.base_url.rsplit(":", 1)[1]
        (tmp_path / "demo-ports").write_text(f"PORT=8080\nNOTIFY_PORT={port}\n")
        command = str(Path(sys.executable).parent / "coproduce")
        result = run([command, "text-in", "Testing the ports"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert [a["message"] for a in arrived] == ["Testing the ports"]


def test_the_demo_script_prints_its_help_without_installing_anything():
    # Found by issue 20's fourth fresh-eyes trial: `./scripts/demo --help` began building
    # a virtual environment and installing packages, then served the demo.
    script = Path(__file__).resolve().parents[3] / "scripts" / "demo"
    done = subprocess.run(  # noqa: S603 - our own script
        [str(script), "--help"], capture_output=True, text=True, timeout=30, check=False
    )
    assert done.returncode == 0
    assert "Serve the Coproduce demo" in done.stdout
    assert "PORT=8080 NOTIFY_PORT=8026 ./scripts/demo" in done.stdout
    assert "#" not in done.stdout.splitlines()[0]
    assert done.stderr == ""  # nothing installed, checked or started
