import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduce.change import delivery, services
from coproduce.change.models import OutboxMessage
from coproduce.tooling.testing.factories import VoiceFactory, publish_and_tell
from coproduce.voices.models import Voice


def test_a_voice_given_without_consent_for_improvement_cannot_be_evidence(le_lead):
    insight = services.create_insight(le_lead, "Statement")
    voice = VoiceFactory(consent_improvement=False)
    with pytest.raises(ValidationError, match="did not agree"):
        services.add_voice_to_insight(le_lead, insight, voice)
    assert not insight.voices.exists()


def test_a_withdrawn_voice_cannot_be_evidence(le_lead):
    insight = services.create_insight(le_lead, "Statement")
    voice = VoiceFactory(withdrawn_at=timezone.now())
    with pytest.raises(ValidationError):
        services.add_voice_to_insight(le_lead, insight, voice)


def test_publishing_queues_one_message_per_consenting_contributor(le_lead, action):
    by_email = VoiceFactory.contactable()
    by_text = VoiceFactory.contactable(
        contact_channel=Voice.ContactChannel.SMS, contact_phone="07700900001"
    )
    not_asked = VoiceFactory(consent_contact=False)
    withdrawn = VoiceFactory.contactable(withdrawn_at=timezone.now())
    unrelated = VoiceFactory.contactable()
    for voice in (by_email, by_text, not_asked):
        services.add_voice_to_insight(le_lead, action.insight, voice)
    action.insight.voices.add(withdrawn)  # e.g. withdrawn after being linked

    update = publish_and_tell(le_lead, action, you_said="Too many staff.", we_did="A named team.")

    queued = {(m.voice_id, m.channel) for m in OutboxMessage.objects.all()}
    assert queued == {(by_email.pk, "email"), (by_text.pk, "sms")}
    assert unrelated.pk not in {v for v, _ in queued}
    assert all(m.update == update and m.status == "queued" for m in OutboxMessage.objects.all())


def test_queueing_again_never_owes_anyone_the_same_update_twice(le_lead, action):
    services.add_voice_to_insight(le_lead, action.insight, VoiceFactory.contactable())
    update = publish_and_tell(le_lead, action, you_said="a", we_did="b")
    again = delivery.fan_out(update)
    assert (again.queued, again.already_owed) == (0, 1)
    assert OutboxMessage.objects.count() == 1


def test_a_voice_in_two_insights_of_one_action_is_told_once(le_lead, action):
    voice = VoiceFactory.contactable()
    services.add_voice_to_insight(le_lead, action.insight, voice)
    services.add_voice_to_insight(le_lead, action.insight, voice)
    publish_and_tell(le_lead, action, you_said="a", we_did="b")
    assert OutboxMessage.objects.count() == 1


def test_overdue_lists_unfinished_actions_past_their_date(action):
    from coproduce.change.models import Action

    today = action.due_on + dt.timedelta(days=1)
    assert list(Action.objects.overdue(today)) == [action]
    action.status = Action.Status.DONE
    action.save()
    assert not Action.objects.overdue(today).exists()
