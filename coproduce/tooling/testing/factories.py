"""factory_boy factories for tests. Every value is synthetic."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import factory
import nhs_number
from django.utils import timezone

from coproduce.accounts.models import Role, User
from coproduce.care.models import Contact, Episode, Person, Referral, Team
from coproduce.firstresponse.models import LinePartner
from coproduce.voices.models import EnquiryCategory, Rating, Voice

PASSWORD = "a-long-test-password-42"  # noqa: S105 - test accounts only


def synthetic_nhs_number(n: int) -> str:
    for k in range(n, n + 20):
        digits = f"999{k:06d}"
        check = nhs_number.calculate_checksum(digits)
        if check is not None and check != 10:
            return f"{digits}{check}"
    raise AssertionError("no valid check digit found")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User {n}")
    role = Role.PRACTITIONER
    password = factory.django.Password(PASSWORD)


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Crisis team {n}")
    kind = Team.Kind.HOME_TREATMENT


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    nhs_number = factory.Sequence(lambda n: synthetic_nhs_number(n * 20))
    given_name = "Robin"
    family_name = factory.Sequence(lambda n: f"Example{n}")
    date_of_birth = dt.date(1990, 5, 17)


class ReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referral

    person = factory.SubFactory(PersonFactory)
    team = factory.SubFactory(TeamFactory)
    source = Referral.Source.GP
    urgency = Referral.Urgency.URGENT
    received_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=2))
    reason = "Synthetic reason"


class EpisodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Episode

    person = factory.SubFactory(PersonFactory)
    team = factory.SubFactory(TeamFactory)
    lead_practitioner = factory.SubFactory(UserFactory)
    accepted_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    episode = factory.SubFactory(EpisodeFactory)
    staff = factory.SelfAttribute("episode.lead_practitioner")
    occurred_at = factory.LazyFunction(timezone.now)
    mode = Contact.Mode.PHONE
    persons_words = "I feel overwhelmed."
    shared_understanding = "Tonight is the hardest part."
    feelings_validated = "Acknowledged."
    next_steps = "Call tomorrow at ten."


class EnquiryCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EnquiryCategory

    name = factory.Sequence(lambda n: f"Category {n}")


class VoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Voice

    channel = Voice.Channel.WEB
    text = "I saw a different person every day."
    rating = Rating.POOR
    received_at = factory.LazyFunction(timezone.now)
    consent_improvement = True

    @classmethod
    def contactable(cls, **kwargs: Any) -> Voice:
        """A voice whose giver asked to be told what changed, by email; each a different
        person (their own address) unless ``contact_email`` says otherwise."""
        defaults = {
            "consent_contact": True,
            "contact_channel": Voice.ContactChannel.EMAIL,
            "contact_email": f"someone{next(_contributors)}@example.com",
        }
        return cls(**{**defaults, **kwargs})


_contributors = itertools.count(1)


def intake_page_data(**fields: Any) -> dict[str, Any]:
    """What a practitioner types on the referral page for a person called by 111 five
    minutes ago; ``fields`` add or replace (nhs_number, team, contact details, ...)."""
    now = timezone.localtime() - dt.timedelta(minutes=5)
    return {
        "given_name": "Sam",
        "family_name": "Example",
        "date_of_birth": "17/05/1990",
        "source": "nhs_111",
        "urgency": "4",
        "physical_health_need": "no",
        "reason": "Called 111 in distress.",
        "received_on": now.strftime("%d/%m/%Y"),
        "received_time": now.strftime("%H:%M"),
        **fields,
    }


def sent_once(data: dict[str, Any]) -> dict[str, Any]:
    """A create form's data as a page of ours sends it: with a one-time token, fresh here
    (``coproduce.accounts.submissions``). The double-post tests take it from the page."""
    from coproduce.accounts.submissions import new_token

    return {**data, "submission": new_token()}


def confirm_and_publish(user: User, action: Any, **words: Any) -> Any:
    """Publish an update as the lead does: preview it, then confirm what was previewed."""
    from coproduce.change import services

    submission = words.pop("submission", "")
    preview = services.preview_update(user, action, **words)
    return services.publish_update(
        user, action, **words, confirmed=preview.digest, submission=submission
    )


def confirm_and_translate(user: User, update: Any, **words: str) -> Any:
    """Enter a translation as the lead does: preview it, then confirm what was previewed."""
    from coproduce.change import services

    preview = services.preview_translation(update, **words)
    return services.translate_update(user, update, **words, confirmed=preview.digest)


def confirming(action: Any, **words: str) -> dict[str, str]:
    """The post that confirms a preview of these words, as the preview page sends it."""
    from coproduce.change import services

    preview = services.preview_update(action.created_by, action, **words)
    return {**words, "step": "publish", "checked": "on", "preview": preview.digest}


def publish_and_tell(user: User, action: Any, **words: Any) -> Any:
    """Publish an update, then run the fan-out its commit hands to the worker (a test's
    transaction never commits): every contributor's message is made, none is sent."""
    from coproduce.change import tasks

    update = confirm_and_publish(user, action, **words)
    tasks.tell_contributors.call(update.pk)
    update.refresh_from_db()
    return update


PARTNER_NAMES = {"nhs_111": "East of England NHS 111", "police": "Cambridgeshire Constabulary"}


def line_partner(organisation: str, line: Team, username: str) -> LinePartner:
    """A partner's account registered to pass calls to ``line`` (NHS 111 or the police)."""
    partner = LinePartner.objects.create(
        user=UserFactory(username=username, role=Role.PRACTITIONER),
        organisation=organisation,
        name=PARTNER_NAMES[organisation],
    )
    partner.lines.add(line)
    return partner


def called_back(user: User, alert: Any, outcome: str = "spoke") -> Any:
    """A call-back on a risk alert, made now: by default one that spoke to the person
    (an alert the service can reach them for is acknowledged only after one)."""
    from django.utils import timezone

    from coproduce.voices import alerts

    return alerts.record_call_back(user, alert, made_at=timezone.now(), outcome=outcome)
