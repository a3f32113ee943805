import logging.config

from django.conf import settings


def test_a_refused_request_is_logged_in_one_line_without_a_traceback(client, member, capfd):
    # Found by issue 21's fresh-eyes trial: every 403 wrote Django's whole traceback.
    logging.config.dictConfig(settings.LOGGING)
    client.force_login(member)
    assert client.get("/caseload").status_code == 403
    logged = capfd.readouterr().err
    assert "Forbidden (Permission denied): /caseload" in logged
    assert "Traceback" not in logged
