"""Categories by framework (issue 21): each service tags its voices with one framework,
set in the admin; a voice is offered that framework's categories only, its suggestions
first and the rest in groups, as a plain list that works without JavaScript."""

import html
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduce.tooling.testing.factories import TeamFactory, VoiceFactory
from coproduce.voices import categories, services
from coproduce.voices.models import EnquiryCategory, ServiceFramework, Voice

V6 = EnquiryCategory.Framework.NHS_ENGLAND_V6
LOCAL = EnquiryCategory.Framework.LOCAL


@pytest.fixture
def frameworks(db):
    categories.ensure_local()
    names = [name for group in categories.V6_GROUPS.values() for name in group]
    for name in names:
        EnquiryCategory.objects.create(name=name, framework=V6, source_label=name)
    return names


@pytest.fixture
def v6_team(frameworks):
    team = TeamFactory()
    ServiceFramework.objects.create(team=team, framework=V6)
    return team


@pytest.fixture
def voice(v6_team):
    voice = VoiceFactory(team=v6_team, text="The staff were kind but I waited hours.")
    voice.suggested_categories.set(
        EnquiryCategory.objects.filter(
            name__in=["Staff manner & personal attributes", "Being listened to"]
        )
    )
    return voice


LABEL = re.compile(
    r'<label class="nhsuk-label nhsuk-checkboxes__label" for="id_categories[^"]*">(.*?)</label>',
    re.S,
)


def boxes(page: str) -> list[str]:
    """The categories offered, by their labels, in the order shown."""
    return [
        html.unescape(re.sub(r"<span.*", "", label, flags=re.S)).strip()
        for label in LABEL.findall(page)
    ]


def test_a_voice_is_offered_its_services_framework_only_with_its_suggestions_first(
    client, le_lead, voice, frameworks
):
    client.force_login(le_lead)
    page = client.get(f"/voices/{voice.pk}").content.decode()
    offered = boxes(page)
    assert offered[0] == "Staff manner & personal attributes"
    assert sorted(offered) == sorted(frameworks)  # every v6 category, no local one
    assert "Being listened to" not in offered  # a local suggestion is not offered
    legends = re.findall(r'<legend class="nhsuk-fieldset__legend[^"]*">(.*?)</legend>', page)
    assert legends[:3] == [
        "Suggested for this voice",
        "Staff",
        "Getting care and how long it takes",
    ]
    assert "NHS England patient experience framework (v6)" in page


def test_a_service_without_a_framework_uses_the_local_categories(client, le_lead, frameworks):
    voice = VoiceFactory(team=TeamFactory())
    client.force_login(le_lead)
    offered = boxes(client.get(f"/voices/{voice.pk}").content.decode())
    assert sorted(offered) == sorted(name for name, _, _ in categories.LOCAL)


def test_the_list_works_without_javascript_and_search_is_only_an_enhancement(
    client, le_lead, voice
):
    client.force_login(le_lead)
    page = client.get(f"/voices/{voice.pk}").content.decode()
    # Plain checkboxes in fieldsets, each with a label; the search box is not in the HTML.
    assert page.count('type="checkbox" value=') == len(boxes(page))
    assert "Find a category" not in page
    assert 'type="module" src="/static/coproduce/category-search.js"' in page
    staff = EnquiryCategory.objects.get(name="Staff continuity")
    response = client.post(
        f"/voices/{voice.pk}", {"categories": [staff.pk], "sentiment": "negative"}
    )
    assert response.status_code == 302
    assert list(voice.categories.all()) == [staff]


def test_a_category_of_another_framework_is_refused_and_nothing_is_changed(client, le_lead, voice):
    local = EnquiryCategory.objects.get(name="Being listened to")
    client.force_login(le_lead)
    response = client.post(
        f"/voices/{voice.pk}", {"categories": [local.pk], "sentiment": "negative"}
    )
    assert response.status_code == 400
    assert "Select enquiry categories from the list" in response.content.decode()
    voice.refresh_from_db()
    assert (list(voice.categories.all()), voice.reviewed_at) == ([], None)
    with pytest.raises(ValidationError, match="Not in the enquiry framework"):
        services.confirm(le_lead, voice, [local], "negative")
    assert not voice.categories.exists()


def test_confirming_suggestions_keeps_only_the_services_framework(le_lead, voice):
    services.confirm_suggestions(le_lead, [voice])
    assert [c.name for c in voice.categories.all()] == ["Staff manner & personal attributes"]


def test_categories_a_voice_already_has_from_another_framework_stay_in_view(client, le_lead, voice):
    local = EnquiryCategory.objects.get(name="Being listened to")
    voice.categories.set([local])  # tagged before its service chose a framework
    client.force_login(le_lead)
    page = client.get(f"/voices/{voice.pk}").content.decode()
    assert "Already on this voice, from another framework" in page
    assert boxes(page)[-1] == "Being listened to"
    services.confirm(le_lead, voice, [local], "negative")  # kept, not refused


def test_the_framework_of_a_service_is_set_in_the_admin(client, administrator, v6_team):
    administrator.is_staff = administrator.is_superuser = True
    administrator.save()
    client.force_login(administrator)
    response = client.get("/admin/voices/serviceframework/")
    assert response.status_code == 200
    assert v6_team.name in response.content.decode()
    other = TeamFactory()
    client.post("/admin/voices/serviceframework/add/", {"team": other.pk, "framework": V6})
    assert categories.framework_for(other) == V6


def record(**fields):
    from coproduce.tooling.testing.factories import sent_once

    return sent_once(
        {
            "channel": "phone",
            "received_on": timezone.localdate().isoformat(),
            "text": "They called back when they said they would.",
            "consent_improvement": "on",
        }
        | fields
    )


def test_recording_feedback_offers_only_the_frameworks_the_services_use(
    client, le_lead, frameworks
):
    # Found by issue 21's trial: the form listed both frameworks' 55 categories mixed.
    TeamFactory()  # no framework set: the local one
    client.force_login(le_lead)
    offered = boxes(client.get("/voices/new").content.decode())
    assert set(offered) == {name for name, _, _ in categories.LOCAL}
    # Once a service uses v6, both are offered, each under headings naming its framework.
    ServiceFramework.objects.create(team=TeamFactory(), framework=V6)
    page = client.get("/voices/new").content.decode()
    assert set(boxes(page)) == {name for name, _, _ in categories.LOCAL} | set(frameworks)
    legends = re.findall(r'fieldset__legend--s">([^<]*)<', page)
    assert "Local enquiry categories" in legends  # its one group: said once
    assert (
        "NHS England patient experience framework (v6): Safety, dignity and fairness"
        in html.unescape("|".join(legends))
    )


def test_recording_a_category_of_another_framework_is_refused_keeping_the_words(
    client, le_lead, v6_team
):
    local = EnquiryCategory.objects.get(name="Being listened to")
    client.force_login(le_lead)
    words = "They listened to me at last (synthetic)."
    response = client.post(
        "/voices/new", record(team=v6_team.pk, categories=[local.pk], text=words)
    )
    assert response.status_code == 400
    body = html.unescape(response.content.decode())
    assert (
        "Not in the framework this service uses (NHS England patient experience framework "
        "(v6)): Being listened to" in body
    )
    assert words in body
    assert not Voice.objects.filter(text=words).exists()
    # The same, of its own framework, is recorded.
    staff = EnquiryCategory.objects.get(name="Staff manner & personal attributes")
    client.post("/voices/new", record(team=v6_team.pk, categories=[staff.pk], text=words))
    assert list(Voice.objects.get(text=words).categories.all()) == [staff]


def test_the_inbox_lists_categories_by_framework_for_filtering_and_adding(client, le_lead, v6_team):
    VoiceFactory(team=v6_team)  # the actions on selected voices show when there are some
    client.force_login(le_lead)
    page = html.unescape(client.get("/voices").content.decode())
    groups = re.findall(r'<optgroup label="([^"]*)"', page)
    # Two lists (filter, add): each with v6's groups and the local one, framework named.
    assert groups.count("Local enquiry categories") == 2
    assert groups.count("NHS England patient experience framework (v6): Care and treatment") == 2
    ServiceFramework.objects.all().delete()
    page = html.unescape(client.get("/voices").content.decode())
    assert re.findall(r'<optgroup label="([^"]*)"', page) == ["Local enquiry categories"] * 2
    assert "Parking" not in page


def test_adding_a_category_in_bulk_says_which_voices_were_left(client, le_lead, v6_team):
    mine = VoiceFactory(team=v6_team, text="Kind staff (synthetic).")
    other = VoiceFactory(team=TeamFactory(), text="Kind people (synthetic).")
    staff = EnquiryCategory.objects.get(name="Staff manner & personal attributes")
    client.force_login(le_lead)
    response = client.post(
        "/voices",
        {"voices": [mine.pk, other.pk], "action": "add_category", "category": staff.pk},
        follow=True,
    )
    said = html.unescape(response.content.decode())
    assert (
        "Staff manner & personal attributes added to 1 voice. 1 voice was left as it was: "
        "its service uses another framework." in said
    )
    assert list(other.categories.all()) == []
