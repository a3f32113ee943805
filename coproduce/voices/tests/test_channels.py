"""Feedback written down by staff and peers, and Friends and Family Test imports."""

import datetime as dt
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import timezone

from coproduce.accounts.models import AuditEvent
from coproduce.tooling.testing.factories import EnquiryCategoryFactory, VoiceFactory, sent_once
from coproduce.voices import importer
from coproduce.voices.models import RiskAlert, Voice

TODAY = timezone.localdate


def staff_entry(**overrides):
    fields = {
        "channel": "phone",
        "received_on": TODAY().isoformat(),
        "text": "They called back when they said they would.",
        "consent_improvement": "on",
    }
    return {**fields, **overrides}


@pytest.mark.parametrize(
    ("channel", "source"),
    [
        ("phone", ""),
        ("paper", ""),
        ("in_person", ""),
        ("email", ""),
        ("partner", "North East Ambulance Service"),
        ("complaint", "COMP-2026-0142"),
    ],
)
def test_staff_record_feedback_from_each_channel(client, lead, channel, source):
    client.force_login(lead)
    response = client.post(
        "/voices/new", sent_once(staff_entry(channel=channel, source_detail=source, rating="2"))
    )
    assert response.status_code == 302
    voice = Voice.objects.get()
    assert (voice.channel, voice.source_detail, voice.rating) == (channel, source, 2)
    assert voice.recorded_by == lead
    assert voice.consent_improvement
    assert not voice.consent_quote
    assert AuditEvent.objects.filter(action="created", record_type="voices.voice").exists()


def test_community_listening_notes_are_recorded_against_enquiry_categories(client, member):
    community = EnquiryCategoryFactory(name="Value of community support")
    client.force_login(member)
    response = client.post(
        "/voices/new",
        sent_once(
            staff_entry(
                channel="community_listening",
                source_detail="Tuesday women's group, Riverside community centre",
                text="Several said the group is the only place they feel understood.",
                categories=[community.pk],
            )
        ),
    )
    assert response.status_code == 302
    voice = Voice.objects.get()
    assert list(voice.categories.all()) == [community]
    # The peer who listened confirmed the categories they listened for.
    assert (voice.reviewed_by, voice.recorded_by) == (member, member)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"channel": "community_listening", "source_detail": "Cafe"},
            "Select the enquiry categories you were listening for",
        ),
        ({"channel": "community_listening"}, "Say where you listened"),
        ({"channel": "partner"}, "Enter the partner organisation"),
        ({"channel": "complaint"}, "Enter the complaint reference"),
        ({"channel": "carrier pigeon"}, "Select how the feedback was given"),
        ({"text": ""}, "Enter what the person said"),
        ({"received_on": "31/13/2026"}, "must be a real date: there is no month 13"),
        ({"received_on": "soon"}, "Enter the date the feedback was given, like 31/10/2026"),
        (
            {"received_on": (TODAY() + dt.timedelta(days=1)).isoformat()},
            "The date the feedback was given must be today or before",
        ),
    ],
)
def test_staff_entry_refuses_bad_input_with_a_clear_message(client, lead, overrides, message):
    client.force_login(lead)
    response = client.post("/voices/new", sent_once(staff_entry(**overrides)))
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#39;", "'")
    assert not Voice.objects.exists()


def test_an_at_risk_note_raises_an_alert_and_tells_the_person_recording_it(client, lead):
    client.force_login(lead)
    response = client.post(
        "/voices/new",
        sent_once(staff_entry(text="She said she has taken an overdose")),
        follow=True,
    )
    assert RiskAlert.objects.count() == 1
    assert "A risk alert was raised" in response.content.decode()
    assert "follow your crisis procedure" in response.content.decode()


def test_a_member_recording_risk_is_told_what_to_do_not_a_procedure_they_lack(client, member):
    """helper-83: a network member in community listening was told to "follow your crisis
    procedure"; volunteers have none."""
    client.force_login(member)
    response = client.post(
        "/voices/new",
        sent_once(staff_entry(text="She said she has taken an overdose")),
        follow=True,
    )
    body = response.content.decode()
    assert RiskAlert.objects.count() == 1
    assert "call 999 if their life is at risk" in body
    assert "crisis procedure" not in body


def test_a_feedback_date_in_the_past_is_kept(client, lead):
    client.force_login(lead)
    client.post("/voices/new", sent_once(staff_entry(received_on="2026-10-01")))
    assert timezone.localtime(Voice.objects.get().received_at).date() == dt.date(2026, 10, 1)


def test_analysts_and_administrators_cannot_record_feedback(client, analyst, administrator):
    for user in (analyst, administrator):
        client.force_login(user)
        assert client.get("/voices/new").status_code == 403


# Friends and Family Test imports --------------------------------------------------------

GOOD = (
    "Response ID,Date,FFT categorical answer,Comment,Service,May quote\n"
    "R1,01/10/2026,Very good,The nurse listened and was kind,,yes\n"
    "R2,2026-10-02,4,Waited hours for a call back,,no\n"
    "R3,03/10/2026,Don't know,,,\n"
)


def upload(client, text, name="fft.csv", encoding="utf-8"):
    data = text.encode(encoding) if isinstance(text, str) else text
    return client.post(
        "/voices/import", {"file": SimpleUploadedFile(name, data, "text/csv")}, follow=True
    )


def test_an_fft_export_is_imported(client, le_lead):
    client.force_login(le_lead)
    response = upload(client, GOOD)
    assert "3 voices imported from fft.csv." in response.content.decode()
    voices = {v.source_detail: v for v in Voice.objects.all()}
    assert voices["FFT response R1"].rating == 1
    assert voices["FFT response R1"].consent_quote is True
    assert voices["FFT response R2"].rating == 4
    assert voices["FFT response R2"].suggested_sentiment == "negative"
    assert voices["FFT response R3"].rating == 6
    assert {v.channel for v in voices.values()} == {"fft_import"}


def test_one_bad_row_imports_nothing_and_the_report_names_every_problem(client, le_lead, team):
    VoiceFactory()  # already saved: must survive
    bad = (
        "Date,Rating,Comment,Service\n"
        "01/10/2026,Very good,Fine,\n"
        "32/10/2026,Very good,Bad date,\n"
        "02/10/2026,Brilliant,Bad answer,\n"
        "03/10/2026,2,Unknown service,Mars ward\n"
        f"04/10/2026,2,Known service,{team.name}\n"
    )
    client.force_login(le_lead)
    response = upload(client, bad)
    body = response.content.decode().replace("&#39;", "'")
    assert response.status_code == 400
    assert "Nothing was imported from fft.csv" in body
    assert "Line 3: Date '32/10/2026' is not a date like 31/10/2026" in body
    assert "Line 4: Answer 'Brilliant' is not a Friends and Family Test answer" in body
    assert "Line 5: Service 'Mars ward' is not one of our services" in body
    assert "Line 2" not in body
    assert "Line 6" not in body
    assert Voice.objects.count() == 1


def test_rows_imported_before_are_skipped_not_doubled(client, le_lead):
    client.force_login(le_lead)
    upload(client, GOOD)
    response = upload(client, GOOD + "R4,04/10/2026,Good,New one,,\n")
    assert "1 voices imported" in response.content.decode()
    assert "3 rows were imported before and were skipped" in response.content.decode()
    assert Voice.objects.count() == 4


def test_the_same_file_is_imported_once_even_without_response_ids(client, le_lead, tmp_path):
    no_ids = "Date,Rating,Comment\n01/10/2026,Good,Kind staff\n02/10/2026,Poor,Long wait\n"
    client.force_login(le_lead)
    upload(client, no_ids)
    again = upload(client, no_ids, name="the-same.csv").content.decode()
    assert "the-same.csv was imported before (the same file): nothing was imported again." in again
    path = tmp_path / "fft.csv"
    path.write_text(no_ids)
    out = StringIO()
    call_command("import-fft", str(path), "--user", le_lead.username, stdout=out)
    assert "was imported before (the same file): nothing imported" in out.getvalue()
    assert Voice.objects.count() == 2
    changed = no_ids + "03/10/2026,Good,Another\n"
    assert "3 voices imported" in upload(client, changed).content.decode()  # a new file


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (
            "Comment\nHello\n",
            "fft.csv",
            "The file needs a 'Date' column and a 'Fft Categorical Answer' column.",
        ),
        ("Date,Rating\n", "fft.csv", "The file has no rows under its header."),
        (
            "Date,Rating\n01/10/2026,1\n".encode("utf-16"),
            "fft.csv",
            "The file is not saved as UTF-8 text",
        ),
        ("Date,Rating\n01/10/2026,1\n", "fft.xlsx", "The selected file must be a CSV"),
        (b"PK\x03\x04\x14\x00\x06\x00spreadsheet", "fft.csv", "it looks like a spreadsheet"),
        (b"%PDF-1.7\n", "fft.csv", "it looks like a spreadsheet, document"),
        (
            "Response ID,Date,Rating\nA,01/10/2026,1\nA,01/10/2026,2\n",
            "fft.csv",
            "Response 'A' appears twice in this file",
        ),
    ],
)
def test_a_file_that_cannot_be_imported_says_why(client, le_lead, content, name, message):
    client.force_login(le_lead)
    response = upload(client, content, name=name)
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#39;", "'")
    assert not Voice.objects.exists()


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(client, le_lead, settings):
    settings.MAX_UPLOAD_BYTES = 1_000_000
    client.force_login(le_lead)
    big = "Date,Rating,Comment\n" + "01/10/2026,1,fine\n" * 60_000
    response = upload(client, big)
    assert response.status_code == 400
    assert "must be smaller than 1 MB" in response.content.decode()
    assert not Voice.objects.exists()


def test_the_import_command_keeps_to_the_same_configured_limit_and_names_it(
    tmp_path, le_lead, settings
):
    settings.MAX_UPLOAD_BYTES = 1_000_000
    big = tmp_path / "big.csv"
    big.write_text("Date,Rating,Comment\n" + "01/10/2026,1,fine\n" * 60_000)  # 1.08 MB
    with pytest.raises(CommandError) as refused:
        call_command("import-fft", str(big), "--user", le_lead.username)
    assert str(refused.value) == (
        "Nothing was imported.\nThe file is larger than 1 MB, the most that can be imported "
        "at once. Split it and import each part."
    )
    assert not Voice.objects.exists()


def test_a_file_the_form_takes_is_not_refused_by_the_importer_for_its_size(db, settings):
    assert settings.MAX_UPLOAD_BYTES == 10_000_000  # the default
    comment = "Kind and quick to answer the phone, and they called back when they said. " * 5
    rows = f"01/10/2026,1,{comment}\n" * 19_000  # 7.2 MB, under the most rows
    report = importer.check(("Date,Rating,Comment\n" + rows).encode(), "seven-mb.csv")
    assert report.file_problems == []
    assert len(report.rows) == 19_000


def test_an_at_risk_comment_in_an_import_raises_an_alert(db, le_lead):
    report = importer.import_file(
        le_lead, b"Date,Rating,Comment\n01/10/2026,5,I want to kill myself\n", "f.csv"
    )
    assert report.imported == 1
    assert RiskAlert.objects.count() == 1


def test_the_import_command_reports_and_refuses_like_the_page(tmp_path, le_lead):
    good = tmp_path / "good.csv"
    good.write_text(GOOD)
    out = StringIO()
    call_command("import-fft", str(good), "--user", le_lead.username, stdout=out)
    assert out.getvalue().strip() == "3 voices imported; 0 rows skipped (imported before)."
    bad = tmp_path / "bad.csv"
    bad.write_text("Date,Rating\nyesterday,1\n")
    with pytest.raises(CommandError, match="Line 2: Date 'yesterday' is not a date"):
        call_command("import-fft", str(bad), "--user", le_lead.username)
    with pytest.raises(CommandError, match="is not a user who may import voices"):
        call_command("import-fft", str(good), "--user", "nobody")


def test_the_staff_form_asks_what_the_person_agreed_to(client, lead):
    client.force_login(lead)
    body = client.get("/voices/new").content.decode()
    assert "What did the person agree to?" in body
    assert "What can we do with your feedback?" not in body


def test_the_date_feedback_was_given_is_typed_as_day_month_year(client, le_lead):
    # Found by issue 21's seventh fresh-eyes trial: a browser date picker here, typed
    # dates everywhere else.
    client.force_login(le_lead)
    page = client.get("/voices/new").content.decode()
    field = (
        page.split('name="received_on"')[0].rsplit("<input", 1)[1]
        + page.split('name="received_on"')[1].split(">", 1)[0]
    )
    assert 'type="date"' not in field
    assert f'value="{TODAY().strftime("%d/%m/%Y")}"' in field  # as the hint writes a date
    response = client.post("/voices/new", sent_once(staff_entry(received_on="01/10/2026")))
    assert response.status_code == 302
