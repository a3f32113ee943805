"""A person's contact details: recorded and changed from the person page by staff with
access, validated (UK mobile, email, postal address, a preferred way that can be used),
audited as a change to the person's record, and never lost on bad input."""

import pytest
from django.core.exceptions import ValidationError

from coproduce.accounts.models import AuditEvent
from coproduce.care import services
from coproduce.care.models import Person

GOOD = {
    "phone": "07700 900 982",
    "email": "robin@example.com",
    "address": "1 Synthetic Street\r\n  Testville \r\n\r\nAB1 2CD",
    "preferred_channel": "sms",
}


def changes_to(person):
    return AuditEvent.objects.filter(
        action=AuditEvent.Action.CHANGED, record_type="care.person", record_id=str(person.pk)
    )


def test_it_records_contact_details_from_the_person_page_and_audits_the_change(
    client, lead, person
):
    client.force_login(lead)
    record = client.get(f"/people/{person.pk}").content.decode()
    assert "Phone number" in record
    assert f'href="/people/{person.pk}/contact-details"' in record
    assert client.get(f"/people/{person.pk}/contact-details").status_code == 200

    response = client.post(f"/people/{person.pk}/contact-details", GOOD)
    assert response.status_code == 302
    assert response["Location"] == f"/people/{person.pk}"
    person.refresh_from_db()
    assert (person.phone, person.email, person.address, person.preferred_channel) == (
        "07700900982",
        "robin@example.com",
        "1 Synthetic Street\nTestville\nAB1 2CD",
        "sms",
    )
    [event] = changes_to(person)
    assert event.actor == lead
    assert event.detail == (
        "contact details: phone number, email, postal address, preferred way to be contacted"
    )
    assert "07700" not in event.detail  # what changed, never the values
    shown = client.get(f"/people/{person.pk}").content.decode()
    assert "07700 900982" in shown  # spaced as read aloud
    assert "1 Synthetic Street, Testville, AB1 2CD" in shown
    assert "Text message" in shown


@pytest.mark.parametrize(
    "typed",
    [
        "07700900982",
        "07700 900 982",
        "07700-900-982",
        "(07700) 900982",
        "+44 7700 900 982",
        "+447700900982",
        "0044 7700 900982",
        " 07700900982 ",
        # Digits of other scripts fold to ASCII, as NHS numbers do (found by a trial).
        "07700\uff19\uff10\uff10\uff19\uff18\uff12",
        "\u0660\u0667\u0667\u0660\u0660\u0669\u0660\u0660\u0669\u0668\u0662",
        # As a fresh-eyes trial typed them (issue 18): the UK trunk 0 kept after +44, the
        # country code without a plus, full-width digits, spaces and signs, dots, other
        # dashes, and an invisible character pasted with the number.
        "+44 (0)7700 900 982",
        "+44(0)7700-900-982",
        "447700900982",
        "44 7700 900982",
        "0044 (0)7700 900982",
        "\uff10\uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff19\uff18\uff12",
        "\uff0b\uff14\uff14\u3000\uff17\uff17\uff10\uff10\u3000\uff19\uff10\uff10\uff19\uff18\uff12",
        "07700.900.982",
        "07700\u2013900\u2013982",
        "07700\u200b900982",
        "\ufeff07700 900 982",
    ],
)
def test_it_accepts_uk_mobile_numbers_in_the_ways_people_write_them(lead, person, typed):
    services.update_contact_details(lead, person, phone=typed)
    person.refresh_from_db()
    assert person.phone == "07700900982"


@pytest.mark.parametrize(
    "typed",
    ["07100 900 982", "07400 900 982", "07500 900 982", "07900 900 982", "07624 900 982"],
)
def test_it_accepts_every_uk_mobile_range_and_the_isle_of_mans(lead, person, typed):
    services.update_contact_details(lead, person, phone=typed)
    person.refresh_from_db()
    assert person.phone == typed.replace(" ", "")


@pytest.mark.parametrize(
    "typed",
    # Ofcom's numbering plan: 070 personal numbers and 076 pagers are not mobiles; a
    # mobile starts 071-075 or 077-079, or is an Isle of Man mobile, 07624.
    ["07000000000", "07012 345 678", "+44 70 1234 5678", "07600 900 982", "07623 900 982"],
)
def test_it_refuses_personal_numbers_and_pagers_as_mobiles(lead, person, typed):
    with pytest.raises(ValidationError) as refused:
        services.update_contact_details(lead, person, phone=typed)
    [message] = refused.value.message_dict["phone"]
    assert "a mobile starts 071 to 075 or 077 to 079" in message
    person.refresh_from_db()
    assert person.phone == ""
    assert not changes_to(person).exists()


@pytest.mark.parametrize(
    ("typed", "what_is_wrong"),
    [
        ("seven", '"s" is not a digit'),
        ("07700 9OO 982", '"O" is not a digit'),
        ("07700 900 982 ext 4", '"e" is not a digit'),
        ("0163 296", "has 10 or 11 digits (this has 7 and starts 01)"),
        ("0800 123 4567", "a landline starts 01, 02 or 03"),
        ("+33 6 12 34 56 78", "a UK number starts +44 or 0"),
        ("0770090098", "11 digits, starting 07 (this has 10)"),
        ("077009009821", "11 digits, starting 07 (this has 12)"),
        ("+44 7700 90098", "11 digits, starting 07 (this has 10)"),
        ("\u200b", "Enter a UK phone number, like"),
    ],
)
def test_it_refuses_what_is_not_a_phone_number_saying_what_is_wrong(
    lead, person, typed, what_is_wrong
):
    with pytest.raises(ValidationError) as refused:
        services.update_contact_details(lead, person, phone=typed)
    [message] = refused.value.message_dict["phone"]
    assert message.startswith("Enter a UK ")
    assert what_is_wrong in message
    person.refresh_from_db()
    assert person.phone == ""


@pytest.mark.parametrize(
    ("details", "field", "message"),
    [
        ({"phone": "0163 296"}, "phone", "Enter a UK mobile or landline number"),
        ({"phone": "0770090098"}, "phone", "Enter a UK mobile number"),
        ({"phone": "seven"}, "phone", "Enter a UK phone number"),
        ({"email": "robin@"}, "email", "Enter an email address in the correct format"),
        ({"email": "robin example.com"}, "email", "Enter an email address in the correct format"),
        ({"address": "x" * 501}, "address", "500 characters or fewer"),
        ({"address": "\n".join(f"Line {n}" for n in range(8))}, "address", "at most 7 lines"),
        ({"address": "1 Street\u0000"}, "address", "characters that cannot be stored"),
        ({"preferred_channel": "pigeon"}, "preferred_channel", "Select how the person prefers"),
        ({"preferred_channel": "sms"}, "preferred_channel", "There is no mobile number to text"),
        ({"preferred_channel": "phone"}, "preferred_channel", "no phone number to call"),
        (
            {"phone": "0113 496 0000", "preferred_channel": "sms"},
            "preferred_channel",
            "A landline cannot get texts",
        ),
        ({"preferred_channel": "email"}, "preferred_channel", "There is no email address"),
        ({"preferred_channel": "post"}, "preferred_channel", "There is no postal address"),
    ],
)
def test_the_service_refuses_a_wrong_detail_by_name_and_writes_nothing(
    lead, person, details, field, message
):
    with pytest.raises(ValidationError) as refused:
        services.update_contact_details(lead, person, **details)
    assert list(refused.value.message_dict) == [field]
    assert message in refused.value.message_dict[field][0]
    person.refresh_from_db()
    assert (person.phone, person.email, person.address, person.preferred_channel) == (
        "",
        "",
        "",
        "",
    )
    assert not changes_to(person).exists()


def test_someone_with_no_mobile_is_recorded_with_their_landline_and_never_texted(
    client, lead, person
):
    """helper-80: the referral and person pages refused "01…" while offering "Phone call"
    as the way they prefer to be reached."""
    from coproduce.api.fhir.mapping import _telecom
    from coproduce.care.episodes import follow_up_cannot_reach

    services.update_contact_details(
        lead, person, phone="0113 496 0000", preferred_channel=Person.Channel.PHONE
    )
    person.refresh_from_db()
    assert (person.phone, person.preferred_channel) == ("01134960000", "phone")
    assert _telecom(person) == [
        {"system": "phone", "value": "01134960000", "use": "home", "rank": 1}
    ]
    # No text to a landline: the feedback invitation by text is refused, saying why.
    assert "is a landline, which cannot get texts" in follow_up_cannot_reach(person, "sms")
    client.force_login(lead)
    assert "0113 496 0000" in client.get(f"/people/{person.pk}").content.decode()
    # The discharge form does not offer to text it (helper-82 read "Yes, by text message
    # to 0113 496 0000").
    episode = person.episodes.first()
    form = client.get(f"/episodes/{episode.pk}/discharge").content.decode()
    assert "0113 496 0000, is a landline, which cannot get texts" in form
    assert "To 0113 496 0000" not in form


def test_the_page_names_each_wrong_field_keeps_what_was_typed_and_loses_nothing(
    client, lead, person
):
    Person.objects.filter(pk=person.pk).update(phone="07700900111", email="old@example.com")
    client.force_login(lead)
    response = client.post(
        f"/people/{person.pk}/contact-details",
        {**GOOD, "phone": "0163 296", "email": "robin@"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Enter a UK mobile or landline number" in page
    assert "Enter an email address in the correct format" in page
    assert 'value="0163 296"' in page
    assert 'value="robin@"' in page
    assert "1 Synthetic Street" in page
    person.refresh_from_db()
    assert (person.phone, person.email, person.address) == ("07700900111", "old@example.com", "")
    assert not changes_to(person).exists()


def test_a_blank_detail_is_removed_and_the_audit_names_only_what_changed(client, lead, person):
    services.update_contact_details(lead, person, **GOOD)
    client.force_login(lead)
    response = client.post(
        f"/people/{person.pk}/contact-details",
        {**GOOD, "email": "", "preferred_channel": "not_recorded"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.phone, person.email, person.preferred_channel) == ("07700900982", "", "")
    assert changes_to(person).order_by("pk").last().detail == (
        "contact details: email, preferred way to be contacted"
    )


def test_saving_the_same_details_again_writes_nothing(lead, person):
    services.update_contact_details(lead, person, **GOOD)
    services.update_contact_details(lead, person, **GOOD)
    assert changes_to(person).count() == 1


def test_the_form_shows_what_is_recorded(client, lead, person):
    services.update_contact_details(lead, person, **GOOD)
    client.force_login(lead)
    page = client.get(f"/people/{person.pk}/contact-details").content.decode()
    assert 'value="07700900982"' in page
    assert 'value="robin@example.com"' in page
    assert 'value="sms" checked' in page


def test_it_goes_back_to_the_page_that_sent_the_user_there_but_never_off_the_site(
    client, lead, person, episode
):
    client.force_login(lead)
    discharge = f"/episodes/{episode.pk}/discharge"
    response = client.post(f"/people/{person.pk}/contact-details", {**GOOD, "next": discharge})
    assert response["Location"] == discharge
    response = client.post(
        f"/people/{person.pk}/contact-details", {**GOOD, "next": "https://evil.example/"}
    )
    assert response["Location"] == f"/people/{person.pk}"


def test_an_outsider_is_refused_as_not_found_audited_and_nothing_is_written(
    client, outsider, person
):
    client.force_login(outsider)
    assert client.get(f"/people/{person.pk}/contact-details").status_code == 404
    response = client.post(f"/people/{person.pk}/contact-details", GOOD)
    assert response.status_code == 404
    person.refresh_from_db()
    assert (person.phone, person.email) == ("", "")
    assert not changes_to(person).exists()
    assert AuditEvent.objects.filter(actor=outsider, action="refused").count() == 2


@pytest.mark.parametrize("who", ["le_lead", "member", "analyst"])
def test_roles_without_clinical_access_are_refused_and_nothing_is_written(
    client, person, who, request
):
    client.force_login(request.getfixturevalue(who))
    assert client.post(f"/people/{person.pk}/contact-details", GOOD).status_code == 403
    person.refresh_from_db()
    assert person.phone == ""
    assert not AuditEvent.objects.exists()


def test_no_contact_details_reach_the_log(client, lead, person, caplog):
    client.force_login(lead)
    client.post(f"/people/{person.pk}/contact-details", GOOD)
    assert "07700" not in caplog.text
    assert "robin@example.com" not in caplog.text


def test_it_accepts_an_email_address_whose_domain_is_in_another_script(lead, person):
    """Django's email validator accepts an internationalised domain (it checks the
    domain's IDNA form, as mail is sent to it); so do we, as typed."""
    services.update_contact_details(lead, person, email="test@例え.jp")
    person.refresh_from_db()
    assert person.email == "test@例え.jp"


@pytest.mark.parametrize(("typed", "letter"), [("mañana@example.com", "ñ"), ("zoë@例え.jp", "ë")])
def test_it_refuses_letters_beyond_a_to_z_before_the_at_and_says_so(lead, person, typed, letter):
    """Django's email validator refuses a local part that is not ASCII (it does not
    support SMTPUTF8 addresses), and GOV.UK Notify does not send to them: the person
    hears which letter is the problem instead of only "the correct format"."""
    with pytest.raises(ValidationError) as refused:
        services.update_contact_details(lead, person, email=typed)
    [message] = refused.value.message_dict["email"]
    assert "before the @" in message
    assert f'"{letter}"' in message
    person.refresh_from_db()
    assert person.email == ""
