"""Telling the duty contacts of a caller at risk who hung up (hazard log H47), and of a
call a partner passed whose words signal risk (H49), as a voice's risk alert tells them
(``voices.services.tell_duty_teams``): by text and email, the message saying where to
read, never what. Once a call, whoever ends or corrects it; once a passed call."""

from __future__ import annotations

import logging

from django.utils import timezone

from coproduce.firstresponse.models import Call, PassedCall
from coproduce.messaging import services as messaging
from coproduce.messaging import wording
from coproduce.messaging.models import Message
from coproduce.voices.services import duty_teams_for

logger = logging.getLogger(__name__)


def tell_duty_of_hang_up(call: Call) -> list[Message]:
    """Queue a text and an email to each duty contact for this call, unless they were
    told already. The database decides "already" (one update claims the call), so two
    saves at the same moment cannot both tell them. Run inside the saving transaction:
    the messages go once it commits, and not at all if it is rolled back."""
    if not call.hung_up_at_risk:
        return []
    claimed = Call.objects.filter(pk=call.pk, duty_told_at__isnull=True).update(
        duty_told_at=timezone.now()
    )
    if not claimed:
        return []
    sent = _tell(
        call.team_id,
        wording.duty_call_back(call.pk, reachable=bool(call.phone_key or call.person_id)),
    )
    if not sent:
        logger.error("call %s: caller at risk hung up, no duty contact to tell", call.pk)
    call.refresh_from_db(fields=["duty_told_at"])
    return sent


def tell_duty_of_passed_call(passed: PassedCall) -> list[Message]:
    """A call passed by NHS 111 or the police whose words the risk screen read as a
    risk: the duty contacts are told at once, as for a voice's alert, so it is not left
    waiting on the line's page for a handler to look (found by a fresh-eyes trial). The
    partner's reference is taken once, so this runs once a passed call."""
    if not passed.risk_concerns:
        return []
    sent = _tell(
        passed.team_id, wording.duty_passed_call(passed.pk, passed.get_passed_by_display())
    )
    if not sent:
        logger.error("passed call %s at risk: no duty contact to tell", passed.pk)
    return sent


def _tell(team_id: int, words: wording.Wording) -> list[Message]:
    sent = []
    for team in duty_teams_for(team_id):
        for channel, to in (
            (Message.Channel.SMS, team.duty_phone),
            (Message.Channel.EMAIL, team.duty_email),
        ):
            if to:
                sent.append(
                    messaging.queue(
                        kind=Message.Kind.DUTY_ALERT,
                        channel=channel,
                        to=to,
                        subject=words.subject,
                        body=words.body,
                    )
                )
    return sent
