"""The Server-Timing header (issue 25): with COPRODUCE_SERVER_TIMING on, every answer says
how long Django and its queries took, which ``coproduce bench web`` reads; off (the
default), no answer says it."""

import re

from django.test import override_settings

from coproduce.conftest import CheckedClient

TIMING = re.compile(r'app;dur=(\d+\.\d), db;dur=(\d+\.\d);desc="(\d+) queries"')


def test_every_answer_says_its_server_time_when_asked_to(lead, person):
    with override_settings(SERVER_TIMING=True):
        client = CheckedClient()  # its middleware is read at its first request
        client.force_login(lead)
        signed_in = client.get(f"/people/{person.pk}")
        public = client.get("/feedback")
    assert signed_in.status_code == 200
    app, db, queries = TIMING.fullmatch(signed_in["Server-Timing"]).groups()
    assert float(app) >= float(db) > 0
    assert int(queries) > 0  # the session, the user, the person at least
    assert TIMING.fullmatch(public["Server-Timing"])


def test_no_answer_says_it_by_default(lead):
    client = CheckedClient()
    client.force_login(lead)
    assert "Server-Timing" not in client.get("/")
