"""What a person reads when something they typed is wrong, or a count is shown, is plain.

Every form is a ``PlainWordsForm`` (``coproduce.lib.forms``): none shows Django's own
messages ("Ensure this value has at most 20000 characters (it has 87999).", "Select a
valid choice."), a text that is too long says how long it may be and how long it is, and
the page keeps what was typed.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.core.validators import BaseValidator
from django.template import engines
from django.utils import timezone

import coproduce
from coproduce.care.forms import ReferralForm
from coproduce.care.models import Person, Referral
from coproduce.change.models import Insight
from coproduce.lib.forms import PlainWords
from coproduce.network.models import Member
from coproduce.tooling.testing.factories import intake_page_data, sent_once


def every_form_class() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(coproduce.__path__, "coproduce."):
        if (
            module.name.endswith(("forms", "views", "views.accounts"))
            and ".tests" not in module.name
        ):
            importlib.import_module(module.name)
    found, todo = set(), [forms.BaseForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("coproduce.") and ".tests" not in sub.__module__:
                found.add(sub)
    return sorted(found, key=lambda c: f"{c.__module__}.{c.__qualname__}")


def django_messages() -> set[str]:
    """Every message Django's form fields and validators ship with, in English."""
    shipped = set()
    for klass in [*vars(forms).values()]:
        if inspect.isclass(klass) and issubclass(klass, forms.Field):
            shipped |= {str(m) for m in getattr(klass, "default_error_messages", {}).values()}
    from django.core import validators

    for klass in vars(validators).values():
        if inspect.isclass(klass) and hasattr(klass, "message"):
            shipped.add(str(klass.message))
    return shipped


def test_every_form_speaks_in_plain_words() -> None:
    classes = every_form_class()
    assert len(classes) > 30
    assert [c for c in classes if not issubclass(c, PlainWords)] == []


def test_no_form_field_is_left_with_a_django_message(db: None) -> None:
    shipped = django_messages()
    left = []
    for klass in every_form_class():
        try:
            form = klass()
        except TypeError:  # a form that needs the record it is about
            continue
        form.full_clean()  # as when it is checked: a form may add fields in __init__
        for name, field in form.fields.items():
            for code, message in field.error_messages.items():
                if str(message) in shipped:
                    left.append(f"{klass.__name__}.{name} {code}")
            for validator in field.validators:
                if isinstance(validator, BaseValidator) and (
                    validator.code not in field.error_messages
                ):
                    left.append(f"{klass.__name__}.{name} {validator.code}")
    assert left == [], left


def test_an_over_long_referral_says_how_long_it_may_be_and_keeps_it(client, lead, team):
    client.force_login(lead)
    reason = "I have been feeling very low. " * 2933  # 87,990 characters
    reason += "x" * (87_999 - len(reason))
    response = client.post(
        "/referrals/new",
        sent_once(
            {**intake_page_data(nhs_number="943 476 5919"), "team": team.pk, "reason": reason}
        ),
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert (
        "The reason for the referral must be 20,000 characters or fewer; you wrote 87,999" in page
    )
    assert "Ensure this value" not in page
    assert reason in page  # what was typed is still there to cut down
    assert not Referral.objects.exists()
    assert not Person.objects.exists()


def test_an_over_long_insight_says_how_long_it_may_be(client, le_lead):
    client.force_login(le_lead)
    response = client.post("/insights", {"statement": "a" * 2001})
    page = response.content.decode()
    assert "The insight must be 2,000 characters or fewer; you wrote 2,001" in page
    assert "a" * 2001 in page
    assert not Insight.objects.exists()


def test_a_wrong_choice_is_said_in_plain_words() -> None:
    form = ReferralForm(data={"urgency": "9"})
    assert form.errors["urgency"] == ["Select how urgent the referral is from the list"]


def test_the_date_of_birth_example_is_a_fixed_date_of_birth_not_today() -> None:
    form = ReferralForm(data={"date_of_birth": "1990"})
    (message,) = form.errors["date_of_birth"]
    assert message == "Enter the date of birth as day/month/year, like 27/03/1987"
    assert timezone.localdate().strftime("%d/%m/%Y") not in message


def test_a_members_rates_are_named_for_their_kind_in_words(client, member, le_lead) -> None:
    from coproduce.network.models import Attendance, Meeting, MeetingKind, PaymentRate

    joined = Member.objects.create(
        user=member, kind=Member.Kind.SERVICE_USER, joined_on=timezone.localdate()
    )
    PaymentRate.objects.create(
        kind=Member.Kind.SERVICE_USER, amount="20.00", unit=PaymentRate.Unit.HOUR, active=True
    )
    meeting = Meeting.objects.create(
        title="Network meeting",
        kind=MeetingKind.CO_PRODUCTION,
        starts_at=timezone.now(),
        place="The Hub",
        created_by=le_lead,
    )
    Attendance.objects.create(meeting=meeting, member=joined, attended=True)
    client.force_login(member)
    page = client.get(f"/meetings/{meeting.pk}/claim").content.decode()
    assert "Your rates, as a person who uses services: £20.00 per hour." in page
    assert "servicess" not in page


@pytest.mark.parametrize(
    ("count", "said"), [(1, "1 voice"), (2, "2 voices"), (2480, "2,480 voices")]
)
def test_a_count_takes_the_noun_that_fits(count: int, said: str) -> None:
    template = engines["jinja2"].from_string('{{ n|counted("voice", "voices") }}')
    assert template.render({"n": count}) == said
